import { z } from 'zod'

const areaCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, '区域编码格式不对')

/** Where a notice goes: every group the sender may reach, or the groups bound in chosen townships, villages or grids. */
export const NoticeTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('areas'), areas: z.array(areaCode).min(1, '请至少选择一个乡镇、村或网格').max(200) }),
])
export type NoticeTarget = z.infer<typeof NoticeTarget>

export const CreateNotice = z.object({
  title: z.string().trim().min(1, '请填写标题').max(60),
  text: z.string().trim().min(1, '请填写通知内容').max(1500),
  target: NoticeTarget,
  /** A cron expression in Beijing time (分 时 日 月 周); absent or null sends once, now. */
  schedule: z.string().trim().min(1).max(100).nullable().default(null),
})
export type CreateNotice = z.infer<typeof CreateNotice>

export const NoticeStatus = z.enum(['scheduled', 'sent', 'cancelled'])
export type NoticeStatus = z.infer<typeof NoticeStatus>
export const noticeStatusLabels: Record<NoticeStatus, string> = { scheduled: '定时发送中', sent: '已发出', cancelled: '已停止' }

export const DeliveryStatus = z.enum(['queued', 'sent', 'failed'])
export type DeliveryStatus = z.infer<typeof DeliveryStatus>
export const deliveryStatusLabels: Record<DeliveryStatus, string> = { queued: '排队中', sent: '已送达', failed: '发送失败' }

export const NoticeDelivery = z.object({
  roomId: z.number().int(), topic: z.string(), areaName: z.string().nullable(), status: DeliveryStatus,
  notBefore: z.string().nullable(), sentAt: z.string().nullable(), attempts: z.number().int(), problem: z.string().nullable(),
})
export type NoticeDelivery = z.infer<typeof NoticeDelivery>
export const NoticeRun = z.object({ id: z.number().int(), dueAt: z.string(), runAt: z.string(), deliveries: z.array(NoticeDelivery) })
export type NoticeRun = z.infer<typeof NoticeRun>

export const Notice = z.object({
  id: z.number().int(),
  title: z.string(),
  text: z.string(),
  target: NoticeTarget,
  areas: z.array(z.object({ code: z.string(), name: z.string() })),
  schedule: z.string().nullable(),
  schedulePreview: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  status: NoticeStatus,
  author: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  runs: z.array(NoticeRun),
})
export type Notice = z.infer<typeof Notice>
export const NoticePage = z.object({ items: z.array(Notice) })
export type NoticePage = z.infer<typeof NoticePage>

export const SchedulePreviewQuery = z.object({ schedule: z.string().max(100) })
export const SchedulePreview = z.object({ schedule: z.string(), preview: z.string(), next: z.array(z.string()) })
export type SchedulePreview = z.infer<typeof SchedulePreview>
