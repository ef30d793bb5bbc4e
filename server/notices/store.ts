import type { Db } from '../db/open.ts'
import type { NoticeStatus } from '../contract/index.ts'

export type NoticeRow = {
  id: number; title: string; text: string; target_kind: 'all' | 'areas'; areas: string; schedule: string | null; status: NoticeStatus
  author_kind: string; author_id: string | null; author_name: string; created_at: string; cancelled_at: string | null
}
export type RunRow = { id: number; notice_id: number; due_at: string; run_at: string }
export type DeliveryRow = {
  run_id: number; room_id: number; topic: string; area_code: string | null; problem: string | null
  not_before: string | null; acked_at: string | null; attempts: number | null
}

export function createNoticeStore(db: Db) {
  const insert = db.prepare(`INSERT INTO notices (title, text, target_kind, areas, schedule, status, author_kind, author_id, author_name, created_at)
    VALUES (@title, @text, @target_kind, @areas, @schedule, @status, @author_kind, @author_id, @author_name, @created_at)`)
  const byId = db.prepare<[number], NoticeRow>('SELECT * FROM notices WHERE id = ?')
  const all = db.prepare<[], NoticeRow>('SELECT * FROM notices ORDER BY id DESC')
  const scheduled = db.prepare<[], NoticeRow>("SELECT * FROM notices WHERE status = 'scheduled' ORDER BY id")
  const setStatus = db.prepare('UPDATE notices SET status = ?, cancelled_at = ? WHERE id = ?')
  const insertRun = db.prepare('INSERT OR IGNORE INTO notice_runs (notice_id, due_at, run_at) VALUES (?, ?, ?)')
  const lastRun = db.prepare<[number], RunRow>('SELECT * FROM notice_runs WHERE notice_id = ? ORDER BY due_at DESC LIMIT 1')
  const runsOf = db.prepare<[number, number], RunRow>('SELECT * FROM notice_runs WHERE notice_id = ? ORDER BY due_at DESC LIMIT ?')
  const insertDelivery = db.prepare('INSERT INTO notice_deliveries (run_id, room_id, dedupe_key, problem) VALUES (?, ?, ?, ?)')
  const deliveriesOf = db.prepare<[number], DeliveryRow>(`
    SELECT d.run_id, d.room_id, r.topic, r.area_code, d.problem, o.not_before, o.acked_at, o.attempts
    FROM notice_deliveries d JOIN rooms r ON r.id = d.room_id LEFT JOIN outbox o ON o.dedupe_key = d.dedupe_key
    WHERE d.run_id = ? ORDER BY d.room_id`)
  // The latest time a bot already has a notice waiting for: a new notice queues behind it.
  const lastWaiting = db.prepare<[string, string], { at: string | null }>(
    'SELECT max(not_before) AS at FROM outbox WHERE bot_id = ? AND acked_at IS NULL AND not_before > ?')

  return {
    insert: (row: Omit<NoticeRow, 'id' | 'cancelled_at'>): number => Number(insert.run(row).lastInsertRowid),
    get: (id: number): NoticeRow | null => byId.get(id) ?? null,
    list: (): NoticeRow[] => all.all(),
    scheduled: (): NoticeRow[] => scheduled.all(),
    setStatus: (id: number, status: NoticeStatus, at: string | null) => setStatus.run(status, at, id),
    /** Records a run for an occurrence; null if that occurrence already ran. */
    addRun(noticeId: number, dueAt: string, runAt: string): number | null {
      const info = insertRun.run(noticeId, dueAt, runAt)
      return info.changes === 1 ? Number(info.lastInsertRowid) : null
    },
    lastRun: (noticeId: number): RunRow | null => lastRun.get(noticeId) ?? null,
    runs: (noticeId: number, limit: number): RunRow[] => runsOf.all(noticeId, limit),
    addDelivery: (runId: number, roomId: number, dedupeKey: string | null, problem: string | null) => insertDelivery.run(runId, roomId, dedupeKey, problem),
    deliveries: (runId: number): DeliveryRow[] => deliveriesOf.all(runId),
    lastWaiting: (botId: string, now: string): string | null => lastWaiting.get(botId, now)?.at ?? null,
  }
}
export type NoticeStore = ReturnType<typeof createNoticeStore>
