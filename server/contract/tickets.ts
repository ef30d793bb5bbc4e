import { z } from 'zod'
import { Category, Level, Rating, RejectReason, Status } from './taxonomy.ts'

const text = (max: number) => z.string().trim().min(1).max(max)

/** Who a bot acts for: a resident, or a registered person identified by their WeChat contact id. */
export const OnBehalfOf = z.object({ contactId: text(100), name: text(60).optional() })
export type OnBehalfOf = z.infer<typeof OnBehalfOf>

export const CreateTicket = z.object({
  clientKey: text(120),
  intent: z.enum(['appeal', 'emergency']).default('appeal'),
  category: Category.default('other'),
  text: text(2000),
  summary: text(40).optional(),
  place: text(100).optional(),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/).optional(),
  people: z.array(text(40)).max(20).default([]),
  sensitive: z.boolean().default(false),
  urgent: z.boolean().default(false),
  /** Where it happened: a grid code, or the WeChat room it was said in (its binding decides). */
  gridCode: text(40).optional(),
  room: z.object({ wechatRoomId: text(200), topic: text(200).optional() }).optional(),
  reporter: z.object({ contactId: text(100).optional(), name: text(60) }).optional(),
  linkDuplicates: z.boolean().default(true),
})
export type CreateTicket = z.infer<typeof CreateTicket>

export const Person = z.object({ personId: z.string().nullable(), name: z.string().nullable() })

export const TicketFlags = z.object({
  urgent: z.boolean(),
  overdue: z.boolean(),
  extended: z.boolean(),
  lateAccept: z.boolean(),
  lateResolve: z.boolean(),
  needsVerification: z.boolean(),
  verified: z.boolean().nullable(),
  reopenCount: z.number().int(),
  returnCount: z.number().int(),
})

export const Ticket = z.object({
  id: z.number().int(),
  no: z.string(),
  status: Status,
  level: Level,
  intent: z.enum(['appeal', 'emergency']),
  category: Category,
  summary: z.string(),
  text: z.string(),
  place: z.string().nullable(),
  phone: z.string().nullable(),
  people: z.array(z.string()),
  sensitive: z.boolean(),
  standard: z.boolean().nullable(),
  source: z.enum(['bot', 'staff', 'hotline', 'admin']),
  externalId: z.string().nullable(),
  gridCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  townshipCode: z.string().nullable(),
  countyCode: z.string(),
  roomId: z.number().int().nullable(),
  reporter: z.object({ contactId: z.string().nullable(), name: z.string(), personId: z.string().nullable() }),
  assignee: z.object({ personId: z.string().nullable(), name: z.string().nullable(), unit: z.string().nullable(), unitName: z.string().nullable() }),
  leadDepartment: z.string().nullable(),
  cooperatingDepartments: z.array(z.string()),
  deadlines: z.object({ acceptBy: z.string(), resolveBy: z.string(), progressBy: z.string().nullable() }),
  flags: TicketFlags,
  result: z.string().nullable(),
  rating: Rating.nullable(),
  rejectReason: RejectReason.nullable(),
  mainTicketId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
})
export type Ticket = z.infer<typeof Ticket>

export const TicketEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ kind: z.enum(['person', 'resident', 'bot', 'admin', 'hotline', 'system']), id: z.string().nullable(), name: z.string() }),
  fromStatus: Status.nullable(),
  toStatus: Status.nullable(),
  fromLevel: Level.nullable(),
  toLevel: Level.nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
})
export type TicketEvent = z.infer<typeof TicketEvent>

export const Attachment = z.object({ id: z.number().int(), kind: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string(), url: z.string() })
export type Attachment = z.infer<typeof Attachment>

export const TicketDetail = Ticket.extend({
  events: z.array(TicketEvent),
  followers: z.array(z.object({ contactId: z.string(), name: z.string(), at: z.string() })),
  attachments: z.array(Attachment),
})
export type TicketDetail = z.infer<typeof TicketDetail>

export const CreateTicketResult = z.object({ ticket: Ticket, created: z.boolean(), linked: z.boolean() })
export type CreateTicketResult = z.infer<typeof CreateTicketResult>

const boolParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const listParam = <T extends z.ZodType<string, string>>(item: T) =>
  z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(',')).filter(Boolean)).pipe(z.array(item))

export const TicketQuery = z.object({
  status: listParam(Status).optional(),
  level: listParam(Level).optional(),
  category: listParam(Category).optional(),
  area: z.string().trim().min(1).optional(),
  assignee: z.string().trim().min(1).optional(),
  reporter: z.string().trim().min(1).optional(),
  overdue: boolParam.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d+$/).optional(),
})
export type TicketQuery = z.infer<typeof TicketQuery>

export const TicketPage = z.object({ items: z.array(Ticket), nextCursor: z.string().nullable() })
export type TicketPage = z.infer<typeof TicketPage>

const base = { onBehalfOf: OnBehalfOf.optional(), expectedVersion: z.number().int().optional() }
export const actionBodies = {
  accept: z.object({ ...base, note: text(1000).optional() }),
  note: z.object({ ...base, note: text(1000) }),
  resolve: z.object({ ...base, result: text(1000) }),
  escalate: z.object({ ...base, reason: text(500), standard: z.boolean().optional(), department: text(60).optional() }),
  dispatch: z.object({ ...base, leadDepartment: text(60), cooperatingDepartments: z.array(text(60)).max(10).default([]), note: text(500).optional() }),
  return: z.object({ ...base, reason: text(500) }),
  verify: z.object({ ...base, passed: z.boolean(), note: text(500).optional() }),
  rate: z.object({ ...base, rating: Rating, comment: text(500).optional() }),
  reopen: z.object({ ...base, reason: text(500) }),
  reject: z.object({ ...base, reason: RejectReason, note: text(500), mainTicket: z.union([z.number().int(), text(20)]).optional() }),
  cancel: z.object({ ...base, reason: text(500).optional() }),
  extend: z.object({ ...base, days: z.number().int().min(1).max(30), reason: text(500) }),
  transfer: z.object({ ...base, gridCode: text(40), reason: text(500).optional() }),
  supplement: z.object({ ...base, text: text(1000) }),
} as const
export type ActionName = keyof typeof actionBodies
export const ActionName = z.enum(Object.keys(actionBodies) as [ActionName, ...ActionName[]])
export type ActionBody<A extends ActionName> = z.infer<(typeof actionBodies)[A]>
export const actionLabels: Record<ActionName | 'create' | 'link' | 'close' | 'attach' | 'overdue', string> = {
  create: '上报', accept: '受理', note: '进展', resolve: '办结', escalate: '上报', dispatch: '分拨', return: '退回',
  verify: '核验', rate: '评价', reopen: '发回重办', reject: '不予受理', cancel: '撤回', extend: '延期', transfer: '转派',
  link: '合并', close: '结案', attach: '补充材料', supplement: '补充说明', overdue: '超期',
}

export const TicketResult = z.object({ ticket: Ticket })
export type TicketResult = z.infer<typeof TicketResult>
