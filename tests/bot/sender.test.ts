import { describe, expect, it } from 'vitest'
import { createSender } from '../../bot/wechat/sender.ts'
import type { Outbound } from '../../bot/pipeline/types.ts'

const record = () => {
  const said: Array<{ at: number; out: Outbound }> = []
  const t0 = Date.now()
  return { said, deliver: async (out: Outbound) => { said.push({ at: Date.now() - t0, out }) } }
}

describe('the sender', () => {
  it('spaces messages out within a room, but not across rooms', async () => {
    const r = record()
    const sender = createSender({ roomIntervalMs: 120, perMinute: 1000, deliver: r.deliver, onError: () => {} })
    await Promise.all([
      sender.send({ roomId: 'a@chatroom', text: 'a1' }), sender.send({ roomId: 'a@chatroom', text: 'a2' }),
      sender.send({ roomId: 'b@chatroom', text: 'b1' }),
    ])
    const at = Object.fromEntries(r.said.map((s) => [s.out.text, s.at]))
    expect(r.said.map((s) => s.out.text)).toEqual(['a1', 'b1', 'a2'])
    expect(at.a2! - at.a1!).toBeGreaterThanOrEqual(110)
    expect(at.b1! - at.a1!).toBeLessThan(110)
  })

  it('says an emergency before what was queued earlier, without waiting for the room', async () => {
    const r = record()
    const sender = createSender({ roomIntervalMs: 200, perMinute: 1000, deliver: r.deliver, onError: () => {} })
    const sent = [1, 2, 3].map((i) => sender.send({ roomId: 'a@chatroom', text: `普通${i}` }))
    sent.push(sender.send({ roomId: 'a@chatroom', text: '紧急', priority: 0 }))
    await Promise.all(sent)
    expect(r.said.map((s) => s.out.text)).toEqual(['普通1', '紧急', '普通2', '普通3'])
    expect(r.said[1]!.at).toBeLessThan(150)
  })

  it('caps what the account says in a minute, all rooms together', async () => {
    const r = record()
    const sender = createSender({ roomIntervalMs: 0, perMinute: 3, deliver: r.deliver, onError: () => {} })
    for (let i = 0; i < 5; i++) void sender.send({ roomId: `r${i}@chatroom`, text: String(i) })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(r.said).toHaveLength(3)
    expect(sender.backlog()).toBe(2)
    sender.stop()
  })

  it('reports a failed send and goes on with the next', async () => {
    const errors: string[] = []
    const r = record()
    const sender = createSender({
      roomIntervalMs: 0, perMinute: 100, onError: (err) => errors.push(String(err)),
      deliver: async (out) => { if (out.text === 'bad') throw new Error('room gone'); await r.deliver(out) },
    })
    const results = await Promise.all([sender.send({ roomId: 'x@chatroom', text: 'bad' }), sender.send({ roomId: 'y@chatroom', text: 'good' })])
    expect(results).toEqual([false, true])
    expect(errors).toEqual(['Error: room gone'])
    expect(r.said.map((s) => s.out.text)).toEqual(['good'])
  })
})
