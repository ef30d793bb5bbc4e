import { ChatOpenAI } from '@langchain/openai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { z } from 'zod'
import type { AskResult, Evidence } from '../../server/contract/index.ts'
import type { LlmOptions } from './llm.ts'

/** The LLM's answers stay within this many characters, before the source is added. */
export const LLM_MAX_CHARS = 150

export const LlmAnswer = z.object({
  answerable: z.boolean(),
  answer: z.string(),
  sourceIds: z.array(z.string()),
})

const promptFile = join(import.meta.dirname, '../../prompts/answer.md')
const cite = (e: Evidence) => `${e.docTitle}${e.clause ?? ''}`

export type Rewrite = (question: string, local: AskResult) => Promise<AskResult>

/**
 * The LLM engine for answers: it rewrites the local engine's answer from the same retrieved passages, only when
 * the local engine found strong evidence (the decision to decline is made before, on calibrated figures). Its
 * answer must cite passages it was given; a made-up id, an overlong or malformed answer, an error or a timeout
 * keep the local answer. "Not in the passages" is an honest decline.
 */
export function createLlmAnswerer(o: LlmOptions, log: Logger): Rewrite {
  const template = readFileSync(promptFile, 'utf8')
  const chat = new ChatOpenAI({
    model: o.model, apiKey: o.apiKey, configuration: { baseURL: o.baseUrl }, temperature: 0, timeout: o.timeoutMs, maxRetries: 0,
  })
  const structured = chat.withStructuredOutput(LlmAnswer, { name: 'policy_answer', method: o.method })

  return async (question, local) => {
    if (local.abstained || local.via !== 'documents' || !local.evidence.length) return local
    try {
      const passages = local.evidence.map((e) => `<passage id="${e.id}" source="${cite(e)}">\n${e.title}\n${e.text}\n</passage>`).join('\n')
      const out = LlmAnswer.parse(await structured.invoke([
        { role: 'system', content: template.replace('{passages}', passages) },
        { role: 'user', content: `<question>${question.replace(/<\/?question>/g, '')}</question>` },
      ]))
      if (!out.answerable) return { ...local, answer: null, sources: [], abstained: true, via: 'none', engine: 'llm' }
      const cited = out.sourceIds.map((id) => local.evidence.find((e) => e.id === id))
      if (!cited.length || cited.some((e) => !e)) throw new Error(`cited a passage it was not given: ${out.sourceIds.join(',')}`)
      const body = out.answer.trim()
      if (!body || [...body].length > LLM_MAX_CHARS) throw new Error(`answer of ${[...body].length} characters`)
      const used = cited as Evidence[]
      return {
        ...local, engine: 'llm',
        answer: `${body}\n来源：${[...new Set(used.map(cite))].join('；')}`,
        sources: used.map((e) => ({ id: e.id, title: e.title, clause: e.clause })),
      }
    } catch (err) {
      log.warn({ err: (err as Error).message, name: (err as Error).name }, 'llm answer rejected; the local answer stands')
      return local
    }
  }
}
