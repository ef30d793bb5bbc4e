import type { Logger } from 'pino'
import { createLlmEngine } from './llm.ts'
import { createLocalEngine, trainDir, type Classify } from './local.ts'
import { readExamples } from './model.ts'

export type NluConfig = {
  NLU_ENGINE: 'local' | 'llm' | 'auto'
  LLM_BASE_URL?: string
  LLM_API_KEY?: string
  LLM_MODEL?: string
  LLM_TIMEOUT_MS: number
  LLM_METHOD: 'functionCalling' | 'jsonMode' | 'jsonSchema'
}

/** NLU_ENGINE: local, llm, or auto (the LLM when one is configured, else local). The LLM always falls back to local. */
export function createClassifier(c: NluConfig, log: Logger): Classify {
  const local = createLocalEngine()
  const configured = Boolean(c.LLM_BASE_URL && c.LLM_MODEL)
  if (c.NLU_ENGINE === 'local' || (c.NLU_ENGINE === 'auto' && !configured)) return local.engine
  if (!configured) throw new Error('NLU_ENGINE=llm 需要 LLM_BASE_URL 和 LLM_MODEL')
  return createLlmEngine({
    baseUrl: c.LLM_BASE_URL!, apiKey: c.LLM_API_KEY ?? 'none', model: c.LLM_MODEL!, timeoutMs: c.LLM_TIMEOUT_MS, method: c.LLM_METHOD,
  }, local.engine, readExamples(trainDir), log)
}
