import { z } from 'zod'
import { AreaKind, Category, Level, Module, Role, VillagePost } from './taxonomy.ts'

const code = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/)
const name = z.string().trim().min(1).max(60)
const places = z.array(z.string().trim().min(1).max(40)).max(100)

export const Area = z.object({
  code, name, kind: AreaKind, parentCode: code.nullable(), community: z.boolean(), places,
})
export type Area = z.infer<typeof Area>
export const CreateArea = z.object({
  code, name, kind: AreaKind.exclude(['county']), parentCode: code, community: z.boolean().default(false), places: places.default([]),
})
export const UpdateArea = z.object({ name: name.optional(), community: z.boolean().optional(), places: places.optional() })

export const Department = z.object({ code, name })
export type Department = z.infer<typeof Department>
export const UpdateDepartment = z.object({ name })

export const RoleGrant = z.object({ role: Role, areaCode: code, unit: code.nullable().default(null) })
export type RoleGrant = z.infer<typeof RoleGrant>

export const PersonRecord = z.object({
  id: code, name, contactId: z.string().nullable(), phone: z.string().nullable(), active: z.boolean(), roles: z.array(RoleGrant),
})
export type PersonRecord = z.infer<typeof PersonRecord>
const phone = z.string().trim().regex(/^[0-9+\-\s]{5,20}$/)
export const CreatePerson = z.object({
  id: code, name, contactId: z.string().trim().min(1).max(100).nullable().default(null), phone: phone.nullable().default(null),
  roles: z.array(RoleGrant).max(20).default([]),
})
export const UpdatePerson = z.object({
  name: name.optional(), contactId: z.string().trim().min(1).max(100).nullable().optional(), phone: phone.nullable().optional(),
  active: z.boolean().optional(), roles: z.array(RoleGrant).max(20).optional(),
})

export const Room = z.object({
  id: z.number().int(), wechatRoomId: z.string().nullable(), topic: z.string(), areaCode: z.string().nullable(),
  botId: z.string().nullable(), boundAt: z.string().nullable(), lastSeenAt: z.string().nullable(),
})
export type Room = z.infer<typeof Room>
export const CreateRoom = z.object({
  topic: z.string().trim().min(1).max(200), wechatRoomId: z.string().trim().min(1).max(200).nullable().default(null),
  areaCode: code.nullable().default(null), botId: code.nullable().default(null),
})
export const UpdateRoom = z.object({
  topic: z.string().trim().min(1).max(200).optional(), areaCode: code.nullable().optional(), botId: code.nullable().optional(),
})
/** A bot reports the room it sees; the registry answers with the binding, matched by id, then by topic. */
export const ResolveRoom = z.object({ wechatRoomId: z.string().trim().min(1).max(200), topic: z.string().trim().min(1).max(200) })

export const RoutingRow = z.object({
  category: Category, villagePost: VillagePost, townshipModule: Module.nullable(), countyDepartment: code.nullable(), standard: z.boolean(),
})
export type RoutingRow = z.infer<typeof RoutingRow>
export const UpdateRouting = RoutingRow.omit({ category: true })

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
const date = z.iso.date()
export const DeadlineSettings = z.object({
  acceptWorkingHours: z.number().positive().max(72),
  emergencyAcceptMinutes: z.number().int().positive().max(240),
  emergencyResolveHours: z.number().positive().max(72),
  resolveDays: z.record(Level, z.number().positive().max(60)),
  townshipMaxDays: z.number().int().positive().max(60),
  countyProgressDays: z.number().int().positive().max(30),
  countyComplexDays: z.number().int().positive().max(90),
  workHours: z.array(z.tuple([hhmm, hhmm])).min(1).max(4),
  workDays: z.array(z.number().int().min(0).max(6)).min(1),
  holidays: z.array(date).default([]),
  extraWorkdays: z.array(date).default([]),
})
export type DeadlineSettings = z.infer<typeof DeadlineSettings>

export const Bot = z.object({
  id: code, name, contactId: z.string().nullable(), lastSeenAt: z.string().nullable(), loggedIn: z.boolean(), lastError: z.string().nullable(),
})
export type Bot = z.infer<typeof Bot>
export const CreateBot = z.object({ id: code, name, contactId: z.string().trim().min(1).max(100).nullable().default(null) })

/** A bot reports on its WeChat account: logged in or not, and the last error it met. */
export const BotHeartbeat = z.object({
  loggedIn: z.boolean(),
  error: z.string().trim().max(500).nullable().default(null),
  contactId: z.string().trim().min(1).max(100).optional(),
})
/** "@小微 绑定网格 <编码>" said in a group by an admin: the bot asks the registry on their behalf. */
export const BindRoom = z.object({
  wechatRoomId: z.string().trim().min(1).max(200), topic: z.string().trim().min(1).max(200), areaCode: code,
  onBehalfOf: z.object({ contactId: z.string().trim().min(1).max(100) }),
})

/** A token is shown once, when it is issued; the server keeps only its hash. */
export const IssuedToken = z.object({ token: z.string(), subject: z.string() })
export type IssuedToken = z.infer<typeof IssuedToken>

export const CreateFeedback = z.object({
  kind: z.enum(['thanks', 'suggestion']),
  text: z.string().trim().min(1).max(1000),
  contactId: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(60),
  wechatRoomId: z.string().trim().min(1).max(200).nullable().default(null),
})
export const Feedback = z.object({
  id: z.number().int(), kind: z.enum(['thanks', 'suggestion']), text: z.string(), name: z.string(), roomTopic: z.string().nullable(),
  areaCode: z.string().nullable(), createdAt: z.string(),
})
export type Feedback = z.infer<typeof Feedback>
