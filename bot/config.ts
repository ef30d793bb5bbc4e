import { resolve } from 'node:path'
import { z } from 'zod'

/** An environment variable set to nothing counts as not set. */
export const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

/** The message-understanding engine; shared by the bot and the `npm run nlu` tools. */
export const NluEnv = z.object({
  NLU_ENGINE: z.enum(['local', 'llm', 'auto']).default('auto'),
  LLM_BASE_URL: unsetIfEmpty(z.string().url()),
  LLM_API_KEY: unsetIfEmpty(z.string()),
  LLM_MODEL: unsetIfEmpty(z.string()),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(8000),
  LLM_METHOD: z.enum(['functionCalling', 'jsonMode', 'jsonSchema']).default('functionCalling'),
})

const BotEnv = z.object({
  SERVER_URL: z.string().url().default('http://127.0.0.1:3000'),
  BOT_TOKEN: z.string().min(8, 'BOT_TOKEN 至少 8 个字符'),
  BOT_NAME: z.string().min(1).default('小微'),
  PUPPET: z.enum(['service', 'mock']).default('service'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z.string().optional(),
  BOT_DATA_DIR: z.string().default('./var/bot'),
  SEND_ROOM_INTERVAL_MS: z.coerce.number().int().min(0).default(1500),
  SEND_PER_MINUTE: z.coerce.number().int().min(1).default(40),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  LOGIN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...NluEnv.shape,
}).refine((e) => e.PUPPET !== 'service' || e.WECHATY_PUPPET_SERVICE_TOKEN, {
  message: '使用 wechaty-puppet-service 时必须设置 WECHATY_PUPPET_SERVICE_TOKEN', path: ['WECHATY_PUPPET_SERVICE_TOKEN'],
})
export type BotConfig = z.infer<typeof BotEnv> & { journalFile: string }

/** Parses the bot's environment once, at start-up; throws a readable list of what is wrong. */
export function loadBotConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const parsed = BotEnv.safeParse(env)
  if (!parsed.success) throw new Error(`机器人配置有误：\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`)
  return { ...parsed.data, journalFile: resolve(parsed.data.BOT_DATA_DIR, 'journal.sqlite') }
}
