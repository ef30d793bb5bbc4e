import type { Logger } from 'pino'
import type { AskResult } from '../../server/contract/index.ts'
import { createKnowledge } from '../../server/knowledge/answer.ts'
import { semanticFromEnv } from '../../server/knowledge/embeddings.ts'
import type { Region } from '../../server/knowledge/passage.ts'
import type { ServerClient } from '../clients/server-client.ts'
import { createLlmAnswerer, type Rewrite } from './answer-llm.ts'
import type { NluConfig } from './engine.ts'

export type Ask = (question: string) => Promise<AskResult>

/** The LLM rewrite when the engine setting asks for it (as for classifying), else the local answer as it is. */
export function createRewrite(c: NluConfig, log: Logger): Rewrite {
  const configured = Boolean(c.LLM_BASE_URL && c.LLM_MODEL)
  if (c.NLU_ENGINE === 'local' || (c.NLU_ENGINE === 'auto' && !configured)) return async (_q, local) => local
  if (!configured) throw new Error('NLU_ENGINE=llm 需要 LLM_BASE_URL 和 LLM_MODEL')
  return createLlmAnswerer({
    baseUrl: c.LLM_BASE_URL!, apiKey: c.LLM_API_KEY ?? 'none', model: c.LLM_MODEL!, timeoutMs: c.LLM_TIMEOUT_MS, method: c.LLM_METHOD,
  }, log)
}

/** The bot asks the server, whose FAQ and region settings hold; a refusal there reads as "I don't know". */
export function createServerAsk(server: ServerClient, rewrite: Rewrite): Ask {
  return async (question) => {
    const r = await server.ask(question)
    if (!r.ok) return { answer: null, sources: [], abstained: true, via: 'none', score: 0, coverage: 0, engine: 'local', evidence: [] }
    return rewrite(question, r.value)
  }
}

/**
 * `npm run nlu -- ask`: the same answering code on the passages in data/, without a server (so without the FAQ),
 * semantically too when EMBEDDING_* is set.
 */
export async function createLocalAsk(region: Region, rewrite: Rewrite, log: Logger): Promise<Ask> {
  const knowledge = createKnowledge({ region })
  const semantic = await semanticFromEnv(knowledge, log)
  return async (question) => rewrite(question, semantic ? await semantic.ask(question) : knowledge.ask(question))
}
