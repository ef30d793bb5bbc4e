import type { Db } from './open.ts'

/**
 * Group commit. The writes of one turn of the event loop run inside one shared SQLite transaction (each service
 * call as its own savepoint, so a failing request undoes only itself) that commits once, right after the turn.
 * Answers wait for that commit, so an acknowledged write is never lost; under load, fifty creates cost one
 * commit instead of fifty.
 */
export function createGroupCommit(db: Db) {
  let waiting: Array<{ resolve: () => void; reject: (err: unknown) => void }> = []
  let scheduled = false

  function flush() {
    scheduled = false
    const group = waiting
    waiting = []
    try {
      if (db.inTransaction) db.exec('COMMIT')
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK')
      for (const w of group) w.reject(err)
      return
    }
    for (const w of group) w.resolve()
  }

  return {
    /** Opens the group (if none is open) so that what runs next in this turn commits with it. */
    join(): void {
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE')
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    },
    /** Resolves when the open group (if any) has committed; rejects if its commit failed. */
    settled(): Promise<void> {
      if (!scheduled) return Promise.resolve()
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
    },
  }
}
export type GroupCommit = ReturnType<typeof createGroupCommit>
