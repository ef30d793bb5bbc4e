import { z } from 'zod'

export const OutboxMessage = z.object({
  id: z.number().int(),
  kind: z.enum(['room', 'private']),
  room: z.object({ id: z.number().int(), wechatRoomId: z.string().nullable(), topic: z.string() }).nullable(),
  to: z.object({ contactId: z.string().nullable(), name: z.string() }).nullable(),
  mention: z.array(z.object({ contactId: z.string(), name: z.string() })),
  text: z.string(),
  priority: z.number().int(),
  ticketNo: z.string().nullable(),
  createdAt: z.string(),
  attempts: z.number().int(),
})
export type OutboxMessage = z.infer<typeof OutboxMessage>

export const OutboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  leaseSeconds: z.coerce.number().int().min(5).max(3600).default(60),
})
export const OutboxBatch = z.object({ messages: z.array(OutboxMessage) })
export const AckOutbox = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) })
export const AckResult = z.object({ acked: z.number().int() })
