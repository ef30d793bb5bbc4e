import { z } from 'zod'

/** Every refusal the API gives: a machine-readable code, a Chinese message, and the field at fault. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().nullable(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
})
export type ApiError = z.infer<typeof ApiError>
