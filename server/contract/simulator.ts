import { z } from 'zod'

export const SimRoom = z.object({
  topic: z.string(),
  gridCode: z.string().nullable(),
  residents: z.array(z.string()),
  staff: z.array(z.object({ name: z.string(), role: z.string() })),
})
export type SimRoom = z.infer<typeof SimRoom>

export const SimSay = z.object({
  room: z.string().trim().min(1).optional(),
  from: z.string().trim().min(1),
  text: z.string().trim().min(1).max(2000),
  mentionBot: z.boolean().default(false),
})
export type SimSay = z.infer<typeof SimSay>

export const SimLine = z.object({ at: z.string(), room: z.string().optional(), from: z.string(), to: z.string().optional(), text: z.string() })
export type SimLine = z.infer<typeof SimLine>
export const SimReply = z.object({ room: z.string().optional(), to: z.string().optional(), text: z.string() })

/** What the simulator needs from the running bot; the server only sees this plain interface. */
export type Simulator = {
  rooms(): SimRoom[]
  say(input: SimSay): Promise<{ ok: true; replies: Array<z.infer<typeof SimReply>> } | { ok: false; field: string; message: string }>
  transcript(): SimLine[]
}
