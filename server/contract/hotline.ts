import { z } from 'zod'
import { Category, Rating, Status } from './taxonomy.ts'

/** A 12345 hotline order handed down to the grassroots platform (seed 000, 6.1.4.1). */
export const HotlineOrder = z.object({
  externalId: z.string().trim().min(1).max(60),
  text: z.string().trim().min(1).max(4000),
  place: z.string().trim().min(1).max(200).optional(),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/).optional(),
  callerName: z.string().trim().min(1).max(60).optional(),
  category: Category.optional(),
  urgent: z.boolean().default(false),
})
export type HotlineOrder = z.infer<typeof HotlineOrder>

export const HotlineStatus = z.object({
  externalId: z.string(),
  ticketNo: z.string(),
  status: Status,
  statusLabel: z.string(),
  gridCode: z.string().nullable(),
  result: z.string().nullable(),
  rating: Rating.nullable(),
  updatedAt: z.string(),
  history: z.array(z.object({ at: z.string(), action: z.string(), note: z.string().nullable() })),
})
export type HotlineStatus = z.infer<typeof HotlineStatus>
