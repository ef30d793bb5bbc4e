import { z } from 'zod'
import { resolve } from 'node:path'
import { EmbeddingEnv } from './knowledge/embeddings.ts'
import { Region } from './knowledge/passage.ts'

const ServerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./var'),
  ADMIN_TOKEN: z.string().min(12, 'ADMIN_TOKEN 至少 12 个字符').optional(),
  SEED: z.enum(['demo', 'none']).default('demo'),
  /**
   * With the demo county: play in about 300 past tickets of the last 90 days once, so the dashboard has figures.
   * auto: on for the embedded demo (SEED=demo with the mock bot).
   */
  DEMO_HISTORY: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().default('64kb'),
  PUBLIC_URL: z.string().url().optional(),
  /** The demo runs the bot in the same process on a mock WeChat, with the simulator page; production runs it apart. */
  EMBEDDED_BOT: z.enum(['mock', 'none']).default('mock'),
  /** Where the deployment is: xinyang answers from the Xinyang and Henan documents, haimen from the Haimen opinion. */
  KNOWLEDGE_REGION: Region.default('xinyang'),
  /** The console's session cookie is marked Secure: auto = when the request came over https (directly or via a proxy). */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Semantic retrieval alongside the lexical one, with a model behind an OpenAI-compatible /v1/embeddings; optional. */
  ...EmbeddingEnv.shape,
}).refine((e) => !e.EMBEDDING_BASE_URL === !e.EMBEDDING_MODEL, {
  message: '语义检索需要同时设置 EMBEDDING_BASE_URL 和 EMBEDDING_MODEL', path: ['EMBEDDING_MODEL'],
})
export type ServerConfig = z.infer<typeof ServerEnv> & { dbFile: string; filesDir: string }

/** Parses the environment once, at start-up; throws a readable list of what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = ServerEnv.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`配置有误：\n${lines.join('\n')}`)
  }
  const dataDir = resolve(parsed.data.DATA_DIR)
  return { ...parsed.data, DATA_DIR: dataDir, dbFile: resolve(dataDir, 'weifuwu.sqlite'), filesDir: resolve(dataDir, 'files') }
}
