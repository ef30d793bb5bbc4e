import type { Db } from '../db/open.ts'
import type { OutboxMessage } from '../contract/index.ts'

/** A message the server wants said, before it has an id. */
export type OutboxDraft = {
  botId: string
  kind: 'room' | 'private'
  roomId: number | null
  personId: string | null
  contactId: string | null
  toName: string | null
  mention: Array<{ contactId: string; name: string }>
  text: string
  priority: number
  ticketId: number | null
  dedupeKey: string
  /** Not handed to a bot before this time (notices to many groups are spaced out). */
  notBefore?: string | null
}

type Row = {
  id: number; kind: 'room' | 'private'; room_id: number | null; wechat_room_id: string | null; topic: string | null
  contact_id: string | null; to_name: string | null; mention: string; text: string; priority: number; ticket_no: string | null
  created_at: string; attempts: number
}

/** Priorities: 0 emergencies, 1 ticket traffic, 2 notices. Lower goes first. */
export const PRIORITY = { urgent: 0, normal: 1, notice: 2 } as const

export function createOutbox(db: Db) {
  const insert = db.prepare(`INSERT OR IGNORE INTO outbox (bot_id, kind, room_id, person_id, contact_id, to_name, mention, text, priority, ticket_id, dedupe_key, created_at, not_before)
    VALUES (@botId, @kind, @roomId, @personId, @contactId, @toName, @mention, @text, @priority, @ticketId, @dedupeKey, @createdAt, @notBefore)`)
  const pending = db.prepare<[string, string, string, number], Row>(`
    SELECT o.id, o.kind, o.room_id, r.wechat_room_id, r.topic, o.contact_id, o.to_name, o.mention, o.text, o.priority,
           t.no AS ticket_no, o.created_at, o.attempts
    FROM outbox o LEFT JOIN rooms r ON r.id = o.room_id LEFT JOIN tickets t ON t.id = o.ticket_id
    WHERE o.bot_id = ? AND o.acked_at IS NULL AND (o.lease_until IS NULL OR o.lease_until < ?) AND (o.not_before IS NULL OR o.not_before <= ?)
    ORDER BY o.priority, o.id LIMIT ?`)
  const lease = db.prepare('UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?')
  const ack = db.prepare('UPDATE outbox SET acked_at = ? WHERE id = ? AND bot_id = ? AND acked_at IS NULL')
  const backlog = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM outbox WHERE bot_id = ? AND acked_at IS NULL')

  return {
    add(d: OutboxDraft, now: string): void {
      insert.run({ ...d, mention: JSON.stringify(d.mention), createdAt: now, notBefore: d.notBefore ?? null })
    },
    /** Hands out unacknowledged messages and hides them for the lease; unacked ones come back after it (at-least-once). */
    lease: db.transaction((botId: string, limit: number, leaseSeconds: number, now: Date): OutboxMessage[] => {
      const rows = pending.all(botId, now.toISOString(), now.toISOString(), limit)
      const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString()
      for (const r of rows) lease.run(until, r.id)
      return rows.map((r): OutboxMessage => ({
        id: r.id, kind: r.kind,
        room: r.room_id !== null ? { id: r.room_id, wechatRoomId: r.wechat_room_id, topic: r.topic ?? '' } : null,
        to: r.kind === 'private' ? { contactId: r.contact_id, name: r.to_name ?? '' } : null,
        mention: JSON.parse(r.mention) as OutboxMessage['mention'], text: r.text, priority: r.priority, ticketNo: r.ticket_no,
        createdAt: r.created_at, attempts: r.attempts + 1,
      }))
    }),
    /** Acknowledging twice, or someone else's message, changes nothing. */
    ack: db.transaction((botId: string, ids: number[], now: string): number => {
      let n = 0
      for (const id of ids) n += ack.run(now, id, botId).changes
      return n
    }),
    backlog: (botId: string): number => backlog.get(botId)!.n,
  }
}
export type Outbox = ReturnType<typeof createOutbox>
