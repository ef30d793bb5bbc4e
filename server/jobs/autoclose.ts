import type { Db } from '../db/open.ts'
import type { TicketRow, TicketStore } from '../tickets/store.ts'

/** A resolved ticket nobody rated is closed after this long, counted as unrated (its rating stays empty). */
export const AUTO_CLOSE_DAYS = 7
const DAY_MS = 86_400_000

/**
 * Closes resolved tickets left unrated for seven days, with a 'close' event in the same log as every other change,
 * so the timeline and the metrics see it. A ticket still waiting for the grid head's on-site check stays open for it.
 */
export function createAutoCloseJob(db: Db, store: TicketStore) {
  const stale = db.prepare<[string], TicketRow>(`SELECT * FROM tickets
    WHERE status = 'resolved' AND rating IS NULL AND resolved_at <= ? AND (needs_verification = 0 OR verified = 1) ORDER BY id`)

  const close = db.transaction((t: TicketRow, nowIso: string): number => {
    if (!store.update(t.id, t.version, { status: 'closed', closed_at: nowIso }, nowIso)) return 0
    store.addEvent({
      ticket_id: t.id, at: nowIso, action: 'close', actor_kind: 'system', actor_id: null, actor_name: '系统',
      from_status: 'resolved', to_status: 'closed', from_level: t.level, to_level: t.level,
      note: `办结后${AUTO_CLOSE_DAYS}天无人评价，自动结案（计为未评价）`, data: { auto: true, rating: null },
    })
    return 1
  })

  return (now: Date): number => {
    const nowIso = now.toISOString()
    let closed = 0
    for (const t of stale.all(new Date(now.getTime() - AUTO_CLOSE_DAYS * DAY_MS).toISOString())) closed += close(t, nowIso)
    return closed
  }
}
