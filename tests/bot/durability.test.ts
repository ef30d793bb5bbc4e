import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openJournal } from '../../bot/pipeline/journal.ts'
import { startTestBot } from '../helpers/bot.ts'
import { startTestServer, testClock, T, type TestServer } from '../helpers/server.ts'

const ROOM = '柳树村二网格群'
const dirs: string[] = []
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }) })

/** A server on a fixed data directory and port, that the test can stop and start again. */
const serverAt = (dir: string, port?: number): Promise<TestServer> => startTestServer({ dir, clock: testClock(), port })

describe('nothing is lost, nothing is doubled', () => {
  it('while the server is down, messages wait in the journal; a bot killed then and restarted files each exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-bot-'))
    dirs.push(dir)
    let server = await serverAt(dir)
    const port = Number(new URL(server.url).port)
    const first = await startTestBot(server)
    await server.close() // the server goes away

    const texts = ['孙奶奶家门口的水管冻裂了，哗哗流水', '二组那座小桥的栏杆断了，孩子上学危险']
    const ids = texts.map((text, i) => {
      const said = first.world.say({ room: ROOM, from: i === 0 ? '孙奶奶' : '老周', text })
      if (!said.ok) throw new Error(said.message)
      return said.messageId
    })
    await new Promise((r) => setTimeout(r, 300))
    const journal = first.bot.journal
    expect(journal.counts().pending).toBe(2) // journaled, not filed
    // The bot dies with both messages in hand: nothing was sent to the server, the journal keeps them.
    await first.stop()

    server = await serverAt(dir, port) // the server is back, on the same data
    const second = await startTestBot(server)
    await Promise.all(ids.map((id) => Promise.race([second.bot.runner.handled(id), new Promise((r) => setTimeout(r, 5000))])))
    await new Promise((r) => setTimeout(r, 300))
    const tickets = (await server.call(T.admin, 'GET', '/api/tickets?area=HS010102&limit=50')).body.items
    for (const text of texts) expect(tickets.filter((t: { text: string }) => t.text === text)).toHaveLength(1)
    const receipts = second.world.transcript().filter((l) => l.fromBot && l.room === ROOM)
    expect(receipts.map((l) => l.text)).toEqual([expect.stringMatching(/^@孙奶奶\s收到/), expect.stringMatching(/^@老周\s收到/)])

    // Restarting once more changes nothing: the journal has them as done.
    await second.stop()
    const third = await startTestBot(server)
    await new Promise((r) => setTimeout(r, 500))
    const again = (await server.call(T.admin, 'GET', '/api/tickets?area=HS010102&limit=50')).body.items
    expect(again).toHaveLength(tickets.length)
    await third.stop()
    await server.close()
  })

  it('a message replayed after a re-login (new id, same room, sender, text and time) is handled once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-journal-'))
    dirs.push(dir)
    const journal = openJournal(join(dir, 'journal.sqlite'))
    const base = { roomId: 'r1@chatroom', roomTopic: '柳树村一网格群', talkerId: 'wxid_a', talkerName: '李阿姨', text: '路灯坏了', kind: 'text' as const, media: null, mentionsBot: false, receivedAt: new Date('2026-11-23T01:00:00.400Z') }
    expect(journal.record({ ...base, id: 'm1' })).toBe(true)
    expect(journal.record({ ...base, id: 'm1' })).toBe(false)
    expect(journal.record({ ...base, id: 'm2-after-relogin', roomId: 'new@chatroom', talkerId: 'wxid_new', receivedAt: new Date('2026-11-23T01:00:00.900Z') })).toBe(false)
    expect(journal.record({ ...base, id: 'm3', text: '路灯又坏了' })).toBe(true)
    expect(journal.pending().map((e) => e.message.id)).toEqual(['m1', 'm3'])
    journal.close()
  })

  it('replies decided but not said before a crash are said after the restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-journal-'))
    dirs.push(dir)
    const file = join(dir, 'journal.sqlite')
    const j1 = openJournal(file)
    const m = { id: 'm1', roomId: 'r1@chatroom', roomTopic: 't', talkerId: 'a', talkerName: '老张', text: 'x', kind: 'text' as const, media: null, mentionsBot: false, receivedAt: new Date() }
    j1.record(m)
    const [replyId] = j1.done('m1', 'replied', [{ roomId: 'r1@chatroom', text: '收到', mention: ['a'] }])
    j1.close()
    const j2 = openJournal(file)
    expect(j2.pending()).toHaveLength(0)
    expect(j2.unsent()).toEqual([{ id: replyId, reply: { roomId: 'r1@chatroom', text: '收到', mention: ['a'] } }])
    j2.said(replyId!)
    expect(j2.unsent()).toHaveLength(0)
    j2.close()
  })

  it('an emergency gets its guidance even while the server is down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-bot-'))
    dirs.push(dir)
    const server = await serverAt(dir)
    const bot = await startTestBot(server)
    await server.close()
    const said = bot.world.say({ room: ROOM, from: '马婶', text: '塘里有个小孩掉水里了！快来人啊' })
    expect(said.ok).toBe(true)
    await new Promise((r) => setTimeout(r, 500))
    const guidance = bot.world.transcript().filter((l) => l.fromBot && l.room === ROOM)
    expect(guidance).toHaveLength(1)
    expect(guidance[0]!.text).toMatch(/^@马婶\s有人落水请立即拨打110\/120/)
    await bot.stop()
  })
})
