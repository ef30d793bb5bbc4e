import { OpenAIEmbeddings } from '@langchain/openai'
import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import { z } from 'zod'
import { unsetIfEmpty } from '../../bot/config.ts'
import type { AskResult, FaqEntry } from '../contract/knowledge.ts'
import type { Db } from '../db/open.ts'
import type { Knowledge } from './answer.ts'
import type { Passage } from './passage.ts'

/**
 * An embedding model behind an OpenAI-compatible /v1/embeddings (the service that runs the LLM often has one:
 * bge-m3, text-embedding-v3 …). Optional: without it retrieval is lexical, as calibrated.
 */
export const EmbeddingEnv = z.object({
  EMBEDDING_BASE_URL: unsetIfEmpty(z.string().url()),
  EMBEDDING_API_KEY: unsetIfEmpty(z.string()),
  EMBEDDING_MODEL: unsetIfEmpty(z.string()),
  EMBEDDING_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
})
export type EmbeddingEnv = z.infer<typeof EmbeddingEnv>

export type Embedding = { baseUrl: string; apiKey: string; model: string; timeoutMs: number }

/** The embedding model the environment configures, or null when it configures none (both URL and model are needed). */
export function embeddingFrom(env: EmbeddingEnv): Embedding | null {
  if (!env.EMBEDDING_BASE_URL && !env.EMBEDDING_MODEL) return null
  if (!env.EMBEDDING_BASE_URL || !env.EMBEDDING_MODEL) throw new Error('语义检索需要同时设置 EMBEDDING_BASE_URL 和 EMBEDDING_MODEL')
  return { baseUrl: env.EMBEDDING_BASE_URL, apiKey: env.EMBEDDING_API_KEY ?? 'none', model: env.EMBEDDING_MODEL, timeoutMs: env.EMBEDDING_TIMEOUT_MS }
}

/** Passages' vectors by model and by the text embedded: a restart or a rebuilt knowledge base embeds only what changed. */
export type VectorStore = {
  get(model: string, keys: readonly string[]): Map<string, Float32Array>
  put(model: string, entries: ReadonlyArray<readonly [string, Float32Array]>): void
}

export function memoryVectors(): VectorStore {
  const held = new Map<string, Float32Array>()
  return {
    get: (model, keys) => new Map(keys.flatMap((k) => { const v = held.get(`${model}\n${k}`); return v ? [[k, v] as const] : [] })),
    put: (model, entries) => { for (const [k, v] of entries) held.set(`${model}\n${k}`, v) },
  }
}

export function sqliteVectors(db: Db): VectorStore {
  const select = db.prepare('SELECT vector FROM passage_vectors WHERE model = ? AND text_hash = ?').pluck()
  const insert = db.prepare('INSERT OR REPLACE INTO passage_vectors (model, text_hash, dims, vector, created_at) VALUES (?, ?, ?, ?, ?)')
  return {
    get(model, keys) {
      const out = new Map<string, Float32Array>()
      for (const k of keys) {
        const blob = select.get(model, k) as Buffer | undefined
        if (blob) out.set(k, new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)))
      }
      return out
    },
    put(model, entries) {
      const at = new Date().toISOString()
      db.transaction(() => { for (const [k, v] of entries) insert.run(model, k, v.length, Buffer.from(v.buffer, v.byteOffset, v.byteLength), at) })()
    },
  }
}

/** What is embedded for a passage: its heading and text, as a resident's question is matched against them. */
export const passageText = (p: Passage) => `${p.docTitle} ${p.title}\n${p.text}`.slice(0, 2000)
const keyOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32)
const unit = (v: ArrayLike<number>) => {
  let norm = 0
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!
  const out = new Float32Array(v.length)
  const by = Math.sqrt(norm) || 1
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / by
  return out
}
const dot = (a: Float32Array, b: Float32Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!; return s }

/** Passages sent to the model in one request. */
const BATCH = 64
/** After a failure to embed the passages, the next try waits this long; questions meanwhile are answered lexically. */
const RETRY_MS = 60_000

export type SemanticAsk = {
  /** Embeds the passages not yet in the store; true when every passage has its vector. Safe to call many times. */
  prepare(): Promise<boolean>
  /** Each passage's cosine similarity to the question, in the order of the passages; null while the passages' vectors are not ready. */
  closeness(question: string): Promise<number[] | null>
  /** Answers with the question's nearness to each passage in the ranking; lexically while the vectors are not ready or the model fails. */
  ask(question: string, faq?: readonly FaqEntry[]): Promise<AskResult>
}

/**
 * Hybrid retrieval: the passages' vectors are made once (kept in the store) and each question is embedded as it is
 * asked; its cosine similarity to each passage joins BM25F in ranking (search.ts). Whether to answer is still the
 * calibrated gate's decision on the lexical evidence, so a model cannot make the bot answer what the documents do not
 * say in the resident's words. A model that fails or is slow costs nothing but itself: the answer is the lexical one.
 */
export function createSemanticAsk(knowledge: Knowledge, e: Embedding, store: VectorStore, log: Logger): SemanticAsk {
  const client = new OpenAIEmbeddings({
    model: e.model, apiKey: e.apiKey, configuration: { baseURL: e.baseUrl }, encodingFormat: 'float', timeout: e.timeoutMs, maxRetries: 0, batchSize: BATCH,
  })
  const texts = knowledge.passages.map(passageText)
  const keys = texts.map(keyOf)
  let vectors: Float32Array[] | null = null
  let preparing: Promise<void> | null = null
  let failedAt = -Infinity

  async function embedPassages() {
    const held = store.get(e.model, keys)
    const missing = keys.flatMap((k, i) => (held.has(k) ? [] : [i]))
    if (missing.length) log.info({ model: e.model, passages: keys.length, stored: keys.length - missing.length, toEmbed: missing.length }, 'embedding the passages')
    for (let from = 0; from < missing.length; from += BATCH) {
      const batch = missing.slice(from, from + BATCH)
      const got = await client.embedDocuments(batch.map((i) => texts[i]!))
      if (got.length !== batch.length) throw new Error(`asked for ${batch.length} vectors, got ${got.length}`)
      const entries = batch.map((i, j) => [keys[i]!, Float32Array.from(got[j]!)] as const)
      store.put(e.model, entries)
      for (const [k, v] of entries) held.set(k, v)
      log.info({ model: e.model, done: Math.min(from + BATCH, missing.length), of: missing.length }, 'passages embedded')
    }
    const all = keys.map((k) => unit(held.get(k)!))
    if (new Set(all.map((v) => v.length)).size > 1) throw new Error('the passages\' vectors differ in length: was the model changed under the same name?')
    vectors = all
  }

  async function prepare(): Promise<boolean> {
    if (vectors) return true
    if (Date.now() - failedAt < RETRY_MS) return false
    preparing ??= embedPassages()
      .catch((err: Error) => { failedAt = Date.now(); log.warn({ err: err.message, model: e.model }, 'could not embed the passages; answering lexically for now') })
      .finally(() => { preparing = null })
    await preparing
    return vectors !== null
  }

  async function closeness(question: string): Promise<number[] | null> {
    const ready = vectors
    if (!ready) return null
    const v = unit(await client.embedQuery(question))
    if (v.length !== ready[0]?.length) throw new Error(`a vector of ${v.length} numbers, the passages' have ${ready[0]?.length}`)
    return ready.map((p) => dot(p, v))
  }

  return {
    prepare,
    closeness,
    async ask(question, faq = []) {
      if (!vectors) {
        void prepare()
        return knowledge.ask(question, faq)
      }
      // The FAQ comes first and does not need the question's vector: no call to the model for it.
      const f = knowledge.fromFaq(question, faq)
      if (f) return f
      try {
        return knowledge.ask(question, [], (await closeness(question)) ?? undefined)
      } catch (err) {
        log.warn({ err: (err as Error).message, model: e.model }, 'could not embed the question; answering lexically')
        return knowledge.ask(question)
      }
    },
  }
}

/**
 * For the command-line tools (`npm run -s nlu -- ask`, `npm run eval`, `kb:calibrate`): the semantic side when
 * EMBEDDING_* is set, with every passage embedded before the first question (kept in memory for the run), else null.
 * `store`: where the passages' vectors are kept; one store shared by several knowledge bases embeds each passage once.
 */
export async function semanticFromEnv(knowledge: Knowledge, log: Logger, env: NodeJS.ProcessEnv = process.env, store = memoryVectors()): Promise<SemanticAsk | null> {
  const embedding = embeddingFrom(EmbeddingEnv.parse(env))
  if (!embedding) return null
  const semantic = createSemanticAsk(knowledge, embedding, store, log)
  if (!(await semantic.prepare())) throw new Error(`向量模型 ${embedding.model}（${embedding.baseUrl}）不可用，详见上面的日志；不设 EMBEDDING_* 时只用字面检索`)
  return semantic
}
