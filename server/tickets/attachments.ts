import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/open.ts'
import type { Attachment } from '../contract/index.ts'

const extensions: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp',
  'audio/amr': 'amr', 'audio/silk': 'silk', 'audio/mpeg': 'mp3', 'video/mp4': 'mp4',
}
export const attachmentTypes = Object.keys(extensions)

type Row = { id: number; ticket_id: number; kind: string; mime: string; size: number; path: string; sha256: string; created_at: string }

/** Pictures, voice and video that residents send with an appeal; files live under DATA_DIR, the database keeps the index. */
export function createAttachments(db: Db, filesDir: string) {
  const insert = db.prepare('INSERT OR IGNORE INTO ticket_attachments (ticket_id, kind, mime, size, path, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const bySha = db.prepare<[number, string], Row>('SELECT * FROM ticket_attachments WHERE ticket_id = ? AND sha256 = ?')
  const byId = db.prepare<[number, number], Row>('SELECT * FROM ticket_attachments WHERE ticket_id = ? AND id = ?')
  const ofTicket = db.prepare<[number], Row>('SELECT * FROM ticket_attachments WHERE ticket_id = ? ORDER BY id')
  const toAttachment = (r: Row): Attachment => ({ id: r.id, kind: r.kind, mime: r.mime, size: r.size, createdAt: r.created_at, url: `/api/tickets/${r.ticket_id}/attachments/${r.id}` })

  return {
    /** Storing the same file twice for one ticket keeps one copy: a retried upload is harmless. */
    add(ticketId: number, mime: string, data: Buffer, now: string): { attachment: Attachment; created: boolean } {
      const sha = createHash('sha256').update(data).digest('hex')
      const existing = bySha.get(ticketId, sha)
      if (existing) return { attachment: toAttachment(existing), created: false }
      const dir = join(filesDir, String(ticketId))
      mkdirSync(dir, { recursive: true })
      const path = join(dir, `${sha.slice(0, 16)}.${extensions[mime] ?? 'bin'}`)
      writeFileSync(path, data)
      const kind = mime.split('/')[0] ?? 'file'
      insert.run(ticketId, kind, mime, data.length, path, sha, now)
      return { attachment: toAttachment(bySha.get(ticketId, sha)!), created: true }
    },
    list: (ticketId: number): Attachment[] => ofTicket.all(ticketId).map(toAttachment),
    read(ticketId: number, id: number): { mime: string; data: Buffer } | null {
      const r = byId.get(ticketId, id)
      return r ? { mime: r.mime, data: readFileSync(r.path) } : null
    },
  }
}
export type Attachments = ReturnType<typeof createAttachments>
