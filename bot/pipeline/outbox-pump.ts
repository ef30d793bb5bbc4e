import type { Logger } from 'pino'
import type { OutboxMessage } from '../../server/contract/index.ts'
import type { ServerClient } from '../clients/server-client.ts'
import type { Sender } from '../wechat/sender.ts'
import type { Outbound } from './types.ts'

const LEASE_SECONDS = 600
const MAX_BACKLOG = 50
/** Acknowledgements go back in batches, and a burst of handled messages makes one pull, not one each. */
const ACK_BATCH_MS = 100
const KICK_DELAY_MS = 30

export function toOutbound(m: OutboxMessage): Outbound | null {
  const priority = (Math.min(2, Math.max(0, m.priority)) as 0 | 1 | 2)
  if (m.kind === 'room' && m.room?.wechatRoomId) {
    return { roomId: m.room.wechatRoomId, roomTopic: m.room.topic, text: m.text, mention: m.mention.map((x) => x.contactId), priority }
  }
  if (m.kind === 'private' && m.to?.contactId) return { contactId: m.to.contactId, text: m.text, priority }
  return null
}

/**
 * Pulls what the server wants said, hands it to the sender, and acknowledges each message once WeChat took it.
 * A message the bot cannot address (a person without a WeChat id) is acknowledged and logged, not retried forever.
 */
export function createOutboxPump(o: { server: ServerClient; sender: Sender; log: Logger; intervalMs: number }) {
  const inFlight = new Set<number>()
  let toAck: number[] = []
  let ackTimer: NodeJS.Timeout | null = null
  let timer: NodeJS.Timeout | null = null
  let running = false
  let kicked = false
  let stopped = false
  let lastError: string | null = null

  function ack(id: number) {
    toAck.push(id)
    ackTimer ??= setTimeout(flushAcks, ACK_BATCH_MS)
  }
  async function flushAcks() {
    ackTimer = null
    const ids = toAck
    toAck = []
    if (!ids.length) return
    try {
      await o.server.ack(ids)
    } catch (err) {
      o.log.warn({ err, outboxIds: ids }, 'ack failed; the messages will be sent again')
    } finally {
      ids.forEach((id) => inFlight.delete(id))
    }
  }

  async function once(): Promise<number> {
    if (running || o.sender.backlog() >= MAX_BACKLOG) return 0
    running = true
    try {
      const r = await o.server.outbox(20, LEASE_SECONDS)
      if (!r.ok) throw new Error(r.message)
      lastError = null
      const fresh = r.value.messages.filter((m) => !inFlight.has(m.id))
      for (const m of fresh) {
        const out = toOutbound(m)
        if (!out) {
          o.log.warn({ outboxId: m.id, kind: m.kind }, 'outbox message has no WeChat address; dropped')
          await o.server.ack([m.id])
          continue
        }
        inFlight.add(m.id)
        void o.sender.send(out).then((ok) => {
          if (ok) ack(m.id)
          else inFlight.delete(m.id)
        })
      }
      return fresh.length
    } catch (err) {
      const message = (err as Error).message
      if (message !== lastError) o.log.warn({ err: message }, 'outbox pull failed')
      lastError = message
      return 0
    } finally {
      running = false
    }
  }

  const loop = async () => {
    timer = null
    if (stopped) return
    const n = await once()
    if (!stopped) timer = setTimeout(loop, n > 0 ? 50 : o.intervalMs)
  }

  return {
    start() { stopped = false; void loop() },
    /** Pull soon (the bot did something that makes the server want to speak). */
    kick() {
      if (!timer || kicked) return
      kicked = true
      clearTimeout(timer)
      timer = setTimeout(() => { kicked = false; void loop() }, KICK_DELAY_MS)
    },
    /** Stops pulling; what is already handed to the sender is still acknowledged (see flush). */
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
    },
    /** Sends the acknowledgements still waiting for their batch. */
    async flush() {
      if (ackTimer) clearTimeout(ackTimer)
      await flushAcks()
    },
  }
}
export type OutboxPump = ReturnType<typeof createOutboxPump>
