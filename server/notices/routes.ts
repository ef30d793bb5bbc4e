import { Router } from 'express'
import { SchedulePreviewQuery, type NoticePage, type SchedulePreview } from '../contract/index.ts'
import { callerOf } from '../auth/actor.ts'
import { HttpError } from '../http/errors.ts'
import type { Notices } from './service.ts'

/** 指挥通道: notices from the county, townships and villages to the groups below them, now or on a schedule. */
export function noticeRoutes(notices: Notices, clock: () => Date): Router {
  const r = Router()
  const idOf = (raw: unknown) => {
    const id = Number(raw)
    if (!Number.isInteger(id) || id <= 0) throw new HttpError(404, 'notice_not_found', `通知 ${String(raw)} 不存在`, 'id')
    return id
  }

  r.get('/notices/schedule-preview', (req, res) => {
    const { schedule } = SchedulePreviewQuery.parse(req.query)
    const body: SchedulePreview = notices.preview(schedule, clock())
    res.json(body)
  })
  r.get('/notices', (req, res) => {
    const body: NoticePage = { items: notices.list(callerOf(req), clock()) }
    res.json(body)
  })
  r.post('/notices', (req, res) => {
    res.status(201).json(notices.create(callerOf(req), req.body, clock()))
  })
  r.get('/notices/:id', (req, res) => {
    res.json(notices.get(callerOf(req), idOf(req.params.id), clock()))
  })
  r.post('/notices/:id/cancel', (req, res) => {
    res.json(notices.cancel(callerOf(req), idOf(req.params.id), clock()))
  })
  return r
}
