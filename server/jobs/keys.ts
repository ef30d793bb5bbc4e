import type { Db } from '../db/open.ts'

/**
 * Units of scheduled work done once. A job claims a unit's key in the same transaction as the messages it
 * queues: a second run finds the key and does nothing; a crash before the commit leaves neither behind.
 */
export function createJobKeys(db: Db) {
  const claim = db.prepare('INSERT OR IGNORE INTO job_keys (key, job, done_at) VALUES (?, ?, ?)')
  const done = db.prepare<[string], number>('SELECT 1 FROM job_keys WHERE key = ?').pluck()
  return {
    /** A cheap look before opening a transaction; the claim inside it is what decides. */
    done: (key: string): boolean => done.get(key) !== undefined,
    /** True if this run got the key (and so must do the work); false if some run already did. */
    claim: (key: string, job: string, now: string): boolean => claim.run(key, job, now).changes === 1,
  }
}
export type JobKeys = ReturnType<typeof createJobKeys>
