import { z } from 'zod'
import { Role } from './taxonomy.ts'

export const Login = z.object({ name: z.string().trim().min(1, '请输入姓名').max(60), password: z.string().min(1, '请输入密码').max(200) })
export type Login = z.infer<typeof Login>

export const SetPassword = z.object({ password: z.string().min(8, '密码至少 8 位').max(200) })
export const ChangePassword = z.object({ current: z.string().min(1).max(200), password: z.string().min(8, '密码至少 8 位').max(200) })

/** Who is logged in to the console, as the pages see them. */
export const ConsoleUser = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(Role),
  grants: z.array(z.object({ role: Role, roleLabel: z.string(), areaCode: z.string(), areaName: z.string(), unit: z.string().nullable() })),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  isAdmin: z.boolean(),
})
export type ConsoleUser = z.infer<typeof ConsoleUser>

export const ConsoleSession = z.object({ user: ConsoleUser, csrfToken: z.string(), expiresAt: z.string() })
export type ConsoleSession = z.infer<typeof ConsoleSession>

/** A bot account's health: its own report, and what waits for it in the outbox. */
export const BotHealth = z.object({
  id: z.string(), name: z.string(), contactId: z.string().nullable(), loggedIn: z.boolean(), lastSeenAt: z.string().nullable(),
  lastError: z.string().nullable(), backlog: z.number().int(), oldestPendingAt: z.string().nullable(), retrying: z.number().int(),
  lastDeliveredAt: z.string().nullable(), rooms: z.number().int(), unboundRooms: z.number().int(),
})
export type BotHealth = z.infer<typeof BotHealth>
