import { Router } from 'express'
import { CreateFeedback, type Feedback } from '../contract/index.ts'
import { callerOf } from '../auth/actor.ts'
import type { Db } from '../db/open.ts'
import { HttpError } from '../http/errors.ts'
import type { Rooms } from '../registry/rooms.ts'

type Row = { id: number; kind: 'thanks' | 'suggestion'; text: string; name: string; topic: string | null; area_code: string | null; created_at: string }

/** Thanks and suggestions from the groups: bots record them, staff of the area read them. */
export function feedbackRoutes(db: Db, rooms: Rooms, clock: () => Date): Router {
  const insert = db.prepare('INSERT INTO feedback (kind, text, contact_id, name, room_id, area_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const recent = db.prepare<[number], Row>(`SELECT f.id, f.kind, f.text, f.name, r.topic, f.area_code, f.created_at
    FROM feedback f LEFT JOIN rooms r ON r.id = f.room_id ORDER BY f.id DESC LIMIT ?`)
  const r = Router()
  r.post('/feedback', (req, res) => {
    if (callerOf(req).kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以记录群里的建议', 'authorization')
    const body = CreateFeedback.parse(req.body)
    const room = body.wechatRoomId ? rooms.byWechatId(body.wechatRoomId) : null
    const info = insert.run(body.kind, body.text, body.contactId, body.name, room?.id ?? null, room?.areaCode ?? null, clock().toISOString())
    res.status(201).json({ id: Number(info.lastInsertRowid) })
  })
  r.get('/feedback', (req, res) => {
    const caller = callerOf(req)
    if (caller.kind === 'hotline') throw new HttpError(403, 'forbidden', '热线接口账号不能读取', null)
    const items: Feedback[] = recent.all(200).map((f) => ({ id: f.id, kind: f.kind, text: f.text, name: f.name, roomTopic: f.topic, areaCode: f.area_code, createdAt: f.created_at }))
    res.json({ items })
  })
  return r
}
