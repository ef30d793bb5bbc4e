import { z } from 'zod'
import { Category, Intent } from './taxonomy.ts'

export const Urgency = z.enum(['low', 'normal', 'high', 'critical'])
export type Urgency = z.infer<typeof Urgency>

/** What the bot understood of one message: the one contract both engines return. */
export const Understanding = z.object({
  intent: Intent,
  category: Category.nullable(),
  urgency: Urgency,
  summary: z.string().max(40),
  place: z.string().nullable(),
  people: z.array(z.string()),
  phone: z.string().nullable(),
  sensitive: z.boolean(),
  confidence: z.number().min(0).max(1),
  engine: z.enum(['local', 'llm']),
})
export type Understanding = z.infer<typeof Understanding>
