import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request } from 'express'
import type { Db } from '../db/open.ts'
import { hashPassword } from './passwords.ts'

export const SESSION_COOKIE = 'wf_session'

/** The session cookie's value, read without a cookie parser: it is the one cookie we set. */
export function sessionCookie(req: Request): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('=')) || null
  }
  return null
}

export const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex')
const HOUR_MS = 3_600_000

export type SessionRecord = { personId: string; csrf: string; expiresAt: string }
export type LoginPolicy = { sessionHours: number; maxNameFailures: number; maxAddressFailures: number; windowMinutes: number; lockMinutes: number }
export const defaultLoginPolicy: LoginPolicy = { sessionHours: 12, maxNameFailures: 5, maxAddressFailures: 20, windowMinutes: 15, lockMinutes: 15 }

/** Console credentials and sessions. Times come from the injected clock, so tests can wait out a lockout. */
export function createSessions(db: Db, clock: () => Date, policy: LoginPolicy = defaultLoginPolicy) {
  const getHash = db.prepare<[string], { hash: string }>('SELECT hash FROM person_passwords WHERE person_id = ?')
  const putHash = db.prepare(`INSERT INTO person_passwords (person_id, hash, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(person_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at`)
  const insert = db.prepare('INSERT INTO console_sessions (id_hash, person_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
  const byId = db.prepare<[string, string], { person_id: string; csrf: string; expires_at: string }>(
    'SELECT person_id, csrf, expires_at FROM console_sessions WHERE id_hash = ? AND expires_at > ?')
  const remove = db.prepare('DELETE FROM console_sessions WHERE id_hash = ?')
  const removeFor = db.prepare('DELETE FROM console_sessions WHERE person_id = ?')
  const purge = db.prepare('DELETE FROM console_sessions WHERE expires_at <= ?')
  const failure = db.prepare<[string], { count: number; first_at: string; locked_until: string | null }>('SELECT count, first_at, locked_until FROM login_failures WHERE key = ?')
  const putFailure = db.prepare(`INSERT INTO login_failures (key, count, first_at, locked_until) VALUES (?, ?, ?, ?)
    ON CONFLICT(key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at, locked_until = excluded.locked_until`)
  const clearFailure = db.prepare('DELETE FROM login_failures WHERE key = ?')
  const now = () => clock()

  return {
    passwordHash: (personId: string): string | null => getHash.get(personId)?.hash ?? null,
    /** Sets a password (hashed here) or a ready-made hash; every open session of the person ends. */
    setPassword(personId: string, password: string | { hash: string }): void {
      putHash.run(personId, typeof password === 'string' ? hashPassword(password) : password.hash, now().toISOString())
      removeFor.run(personId)
    },
    open(personId: string): { id: string; csrf: string; expiresAt: string } {
      const at = now()
      purge.run(at.toISOString())
      const id = randomBytes(32).toString('base64url')
      const csrf = randomBytes(24).toString('base64url')
      const expiresAt = new Date(at.getTime() + policy.sessionHours * HOUR_MS).toISOString()
      insert.run(hashId(id), personId, csrf, at.toISOString(), expiresAt)
      return { id, csrf, expiresAt }
    },
    get(id: string): SessionRecord | null {
      const row = byId.get(hashId(id), now().toISOString())
      return row ? { personId: row.person_id, csrf: row.csrf, expiresAt: row.expires_at } : null
    },
    close(id: string): void { remove.run(hashId(id)) },
    /** Minutes left on a lock over any of the keys (a login name, a client address), or 0. */
    lockedFor(keys: string[]): number {
      const at = now().getTime()
      const left = keys.map((k) => failure.get(k)?.locked_until).map((u) => (u ? new Date(u).getTime() - at : 0))
      return Math.max(0, Math.ceil(Math.max(0, ...left) / 60_000))
    },
    /** Counts a failed login against each key; a key over its limit within the window is locked. */
    fail(keys: Array<{ key: string; max: number }>): void {
      const at = now()
      for (const { key, max } of keys) {
        const row = failure.get(key)
        const fresh = !row || at.getTime() - new Date(row.first_at).getTime() > policy.windowMinutes * 60_000 || (row.locked_until !== null && row.locked_until <= at.toISOString())
        const count = fresh ? 1 : row.count + 1
        const lockedUntil = count >= max ? new Date(at.getTime() + policy.lockMinutes * 60_000).toISOString() : null
        putFailure.run(key, count, fresh ? at.toISOString() : row.first_at, lockedUntil)
      }
    },
    succeed(key: string): void { clearFailure.run(key) },
    policy,
  }
}
export type Sessions = ReturnType<typeof createSessions>
