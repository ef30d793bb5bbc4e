import { ChatOpenAI } from '@langchain/openai'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { z } from 'zod'
import { Category, Intent, Urgency, type Understanding } from '../../server/contract/index.ts'
import type { Classify } from './local.ts'
import type { Example } from './model.ts'
import { detectEmergency } from './rules.ts'

export type LlmOptions = {
  baseUrl: string
  apiKey: string
  model: string
  timeoutMs: number
  /** functionCalling and jsonMode work with providers that lack json_schema (DeepSeek, some local servers). */
  method: 'functionCalling' | 'jsonMode' | 'jsonSchema'
}

/** What the model must return: the Understanding contract without the engine, which is ours to say. */
export const LlmUnderstanding = z.object({
  intent: Intent,
  category: Category.nullable(),
  urgency: Urgency,
  summary: z.string(),
  place: z.string().nullable(),
  people: z.array(z.string()),
  phone: z.string().nullable(),
  sensitive: z.boolean(),
  confidence: z.number().min(0).max(1),
})

const promptFile = join(import.meta.dirname, '../../prompts/classify.md')

/** Few-shot examples from the training data: the first few of each intent, as the model should answer them. */
export function fewShot(examples: Example[], perIntent = 2): string {
  const picked = Intent.options.flatMap((intent) => examples.filter((e) => e.intent === intent).slice(0, perIntent))
  return picked.map((e) => `<message>${e.text}</message>\n${JSON.stringify({ intent: e.intent, category: e.category })}`).join('\n')
}

/**
 * The LLM engine: LangChain's ChatOpenAI against any OpenAI-compatible endpoint, its answer validated by the
 * same zod schema. Any error, timeout or invalid answer falls back to the local engine; an emergency the rules
 * see stays an emergency whatever the model says. The resident's words only ever reach the model as data.
 */
export function createLlmEngine(o: LlmOptions, local: Classify, examples: Example[], log: Logger): Classify {
  const system = readFileSync(promptFile, 'utf8').replace('{examples}', fewShot(examples))
  const chat = new ChatOpenAI({
    model: o.model, apiKey: o.apiKey, configuration: { baseURL: o.baseUrl }, temperature: 0, timeout: o.timeoutMs, maxRetries: 0,
  })
  const structured = chat.withStructuredOutput(LlmUnderstanding, { name: 'understanding', method: o.method })

  return async (text) => {
    try {
      const out = await structured.invoke([
        { role: 'system', content: system },
        { role: 'user', content: `<message>${text.replace(/<\/?message>/g, '')}</message>` },
      ])
      const parsed = LlmUnderstanding.parse(out)
      const u: Understanding = {
        ...parsed, summary: [...parsed.summary].slice(0, 40).join(''), engine: 'llm',
        category: parsed.intent === 'appeal' || parsed.intent === 'emergency' || parsed.intent === 'inquiry' ? (parsed.category ?? 'other') : null,
      }
      if (u.intent !== 'emergency' && detectEmergency(text)) {
        const fallback = await local(text)
        return { ...fallback, engine: 'local' }
      }
      return u
    } catch (err) {
      log.warn({ err: (err as Error).message, name: (err as Error).name }, 'llm engine failed; local engine answers')
      return local(text)
    }
  }
}
