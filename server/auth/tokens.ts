import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/open.ts'

export type TokenKind = 'person' | 'bot' | 'hotline' | 'admin'
export type TokenRecord = { kind: TokenKind; subject: string | null }

// Tokens are long random secrets, so a fast hash is enough; a slow one would tax every request.
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const newToken = () => `wf_${randomBytes(24).toString('base64url')}`

export function createTokens(db: Db, rootAdminToken: string) {
  const rootHash = Buffer.from(hashToken(rootAdminToken), 'hex')
  const lookup = db.prepare<[string], TokenRecord>('SELECT kind, subject FROM tokens WHERE hash = ? AND revoked_at IS NULL')
  const insert = db.prepare('INSERT OR IGNORE INTO tokens (hash, kind, subject, label, created_at) VALUES (?, ?, ?, ?, ?)')
  const revokeAll = db.prepare('UPDATE tokens SET revoked_at = ? WHERE kind = ? AND subject = ? AND revoked_at IS NULL')
  const cache = new Map<string, TokenRecord | null>()

  return {
    /** Stores a token's hash; the plain token is shown once and never kept. */
    register(token: string, kind: TokenKind, subject: string | null, label: string, now: string): void {
      insert.run(hashToken(token), kind, subject, label, now)
      cache.clear()
    },
    issue(kind: TokenKind, subject: string | null, label: string, now: string): string {
      const token = newToken()
      this.register(token, kind, subject, label, now)
      return token
    },
    revokeFor(kind: TokenKind, subject: string, now: string): void {
      revokeAll.run(now, kind, subject)
      cache.clear()
    },
    verify(token: string): TokenRecord | null {
      const hash = hashToken(token)
      if (timingSafeEqual(Buffer.from(hash, 'hex'), rootHash)) return { kind: 'admin', subject: null }
      if (!cache.has(hash)) cache.set(hash, lookup.get(hash) ?? null)
      return cache.get(hash) ?? null
    },
  }
}
export type Tokens = ReturnType<typeof createTokens>
