import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/config.ts'
import { openDb } from '../../server/db/open.ts'
import { createKnowledge, readPassages } from '../../server/knowledge/answer.ts'
import { createSemanticAsk, memoryVectors, sqliteVectors, type Embedding } from '../../server/knowledge/embeddings.ts'
import { nearness } from '../../server/knowledge/search.ts'
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.ts'
import { runNluCliAsync } from '../helpers/process.ts'
import { startTestServer, T } from '../helpers/server.ts'

// Hybrid retrieval against an embedding model behind a fake OpenAI-compatible /v1/embeddings on 127.0.0.1, with the
// real LangChain client. The fake's "model" puts a question and the passage that answers it on one axis and every
// other text on axes of its own, so what it says about meaning is known.

const question = '专职网格员的工资从哪出'
/** Words of the passage that answers it (xy-std-5.4.2.4.3: "……所需经费纳入县区财政预算"), which lexical retrieval ranks below 7.4. */
const answering = '合理设定专职网格员报酬标准'
const DIMS = 16
function vectorOf(text: string): number[] {
  const v = Array.from({ length: DIMS }, () => 0)
  if (text === question || text.includes(answering)) { v[0] = 1; return v }
  let h = 0
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0
  v[1 + (h % (DIMS - 1))] = 1
  const j = 1 + ((h >>> 8) % (DIMS - 1))
  v[j] = v[j]! + 0.5
  return v
}
const silent = pino({ level: 'silent' })

describe('semantic retrieval alongside the lexical one', () => {
  let fake: FakeOpenAI
  let embedding: Embedding
  const knowledge = createKnowledge({ region: 'xinyang' })
  beforeAll(async () => {
    fake = await startFakeOpenAI()
    embedding = { baseUrl: fake.url, apiKey: 'test', model: 'fake-bge', timeoutMs: 2000 }
  })
  afterAll(() => fake.close())

  it('ranks first the passage nearest in meaning when the words alone rank another first', async () => {
    fake.answer({ kind: 'embed', vectors: vectorOf })
    const lexical = knowledge.ask(question)
    expect(lexical.sources[0]?.id).toBe('xy-std-7.4')
    const semantic = createSemanticAsk(knowledge, embedding, memoryVectors(), silent)
    expect(await semantic.prepare()).toBe(true)
    const a = await semantic.ask(question)
    expect(a.sources[0]?.id).toBe('xy-std-5.4.2.4.3')
    expect(a.answer).toContain('县区财政')
    expect(a.answer).toContain('来源：《党建引领基层治理工作规范》5.4.2.4.3')
    // Every passage in force was sent once, in batches, as floats (base64 would be decoded into garbage), then the question.
    const calls = fake.seen.filter((x) => x.path.endsWith('/embeddings'))
    expect(calls.every((x) => x.body.encoding_format === 'float' && x.body.model === 'fake-bge')).toBe(true)
    const sent = calls.flatMap((x) => (Array.isArray(x.body.input) ? x.body.input : [x.body.input]) as string[])
    expect(sent.length).toBe(knowledge.passages.length + 1)
    expect(Math.max(...calls.slice(0, -1).map((x) => x.body.input.length))).toBeLessThanOrEqual(64)
    expect(sent.at(-1)).toBe(question)
  })

  it('leaves the decision to answer to the calibrated gate: nearness alone does not answer a question the documents do not hold', async () => {
    const offTopic = '俺娘的养老金一个月能领多少钱'
    // The model finds the pension question as near the passage on grid workers' pay as anything can be.
    fake.answer({ kind: 'embed', vectors: (t) => vectorOf(t === offTopic ? question : t) })
    const semantic = createSemanticAsk(knowledge, embedding, memoryVectors(), silent)
    await semantic.prepare()
    const a = await semantic.ask(offTopic)
    expect(a.abstained).toBe(true)
    expect(a.answer).toBeNull()
  })

  it('answers lexically, without an error, while the passages cannot be embedded or when the question cannot', async () => {
    fake.answer({ kind: 'status', status: 503 })
    const semantic = createSemanticAsk(knowledge, embedding, memoryVectors(), silent)
    expect(await semantic.prepare()).toBe(false)
    expect(await semantic.ask(question)).toEqual(knowledge.ask(question))

    fake.answer({ kind: 'embed', vectors: vectorOf })
    const ready = createSemanticAsk(knowledge, embedding, memoryVectors(), silent)
    expect(await ready.prepare()).toBe(true)
    const slow = createSemanticAsk(knowledge, { ...embedding, timeoutMs: 300 }, memoryVectors(), silent)
    fake.answer({ kind: 'embed', vectors: vectorOf })
    expect(await slow.prepare()).toBe(true)
    fake.answer({ kind: 'hang', ms: 2000 })
    expect(await slow.ask(question)).toEqual(knowledge.ask(question))
    // A model that answers with vectors of another length (changed under the same name) is not mixed in either.
    fake.answer({ kind: 'embed', vectors: () => [1, 0, 0] })
    expect(await ready.ask(question)).toEqual(knowledge.ask(question))
  })

  it('keeps the passages\' vectors in SQLite: a restart embeds nothing again, a changed passage only itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-vectors-'))
    const db = openDb(join(dir, 'weifuwu.sqlite'))
    const store = sqliteVectors(db)
    fake.answer({ kind: 'embed', vectors: vectorOf })
    const inputs = () => fake.seen.filter((x) => x.path.endsWith('/embeddings')).flatMap((x) => (Array.isArray(x.body.input) ? x.body.input : [x.body.input]) as string[])
    const before = inputs().length
    expect(await createSemanticAsk(knowledge, embedding, store, silent).prepare()).toBe(true)
    expect(inputs().length - before).toBe(knowledge.passages.length)
    expect(db.prepare('SELECT count(*) FROM passage_vectors WHERE model = ?').pluck().get('fake-bge')).toBe(knowledge.passages.length)

    const again = createSemanticAsk(createKnowledge({ region: 'xinyang' }), embedding, sqliteVectors(db), silent)
    expect(await again.prepare()).toBe(true)
    expect(inputs().length - before).toBe(knowledge.passages.length)
    expect((await again.ask(question)).sources[0]?.id).toBe('xy-std-5.4.2.4.3')

    const changed = readPassages().map((p) => (p.id === 'xy-std-7.4' ? { ...p, text: `${p.text}（修订）` } : p))
    const rebuilt = createSemanticAsk(createKnowledge({ region: 'xinyang', passages: changed }), embedding, sqliteVectors(db), silent)
    expect(await rebuilt.prepare()).toBe(true)
    const last = inputs().slice(before + knowledge.passages.length + 1)
    expect(last.length).toBe(1)
    expect(last[0]).toContain('（修订）')
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('puts any model\'s similarities on one scale: the nearest passage 1, the average one and below 0', () => {
    const spread = [0.7, 0.8, 0.9, 0.6]
    expect(nearness(spread).map((x) => Number(x.toFixed(3)))).toEqual([0, 0.333, 1, 0])
    // A model whose unrelated texts come out at 0.85 says the same.
    expect(nearness(spread.map((x) => 0.55 + x / 2)).map((x) => Number(x.toFixed(3)))).toEqual([0, 0.333, 1, 0])
    expect(nearness([0.5, 0.5])).toEqual([0, 0])
  })
})

describe('the server with an embedding model configured', () => {
  it('answers residents over HTTP with the hybrid ranking, the FAQ still first', async () => {
    const fake = await startFakeOpenAI()
    fake.answer({ kind: 'embed', vectors: vectorOf })
    const s = await startTestServer({ embedding: { baseUrl: fake.url, apiKey: 'test', model: 'fake-bge', timeoutMs: 2000 } })
    try {
      expect(await s.services.prepareSemantic()).toBe(true)
      const a = await s.call(T.bot, 'POST', '/api/knowledge/ask', { question })
      expect(a.status).toBe(200)
      expect(a.body.sources[0].id).toBe('xy-std-5.4.2.4.3')
      await s.call(T.admin, 'POST', '/api/knowledge/faq', { question, answer: '由县区财政保障，标准按县区规定。', source: '县社会治理中心' })
      const calls = fake.seen.length
      expect((await s.call(T.bot, 'POST', '/api/knowledge/ask', { question })).body.via).toBe('faq')
      // The FAQ answers without the question's vector.
      expect(fake.seen.length).toBe(calls)
    } finally {
      await s.close()
      await fake.close()
    }
  })

  it('refuses a half-configured model at start-up, naming what is missing', () => {
    expect(() => loadConfig({ EMBEDDING_MODEL: 'bge-m3' })).toThrow(/EMBEDDING_MODEL: 语义检索需要同时设置 EMBEDDING_BASE_URL 和 EMBEDDING_MODEL/)
    expect(loadConfig({ EMBEDDING_BASE_URL: '', EMBEDDING_MODEL: '' }).EMBEDDING_MODEL).toBeUndefined()
  })

  it('npm run -s nlu -- ask uses the model when EMBEDDING_* is set, and stops with a clear message when it cannot reach it', async () => {
    const fake = await startFakeOpenAI()
    try {
      fake.answer({ kind: 'embed', vectors: vectorOf })
      const env = { EMBEDDING_BASE_URL: fake.url, EMBEDDING_MODEL: 'fake-bge', LOG_LEVEL: 'silent' }
      const r = await runNluCliAsync('ask', `{"id":1,"question":"${question}"}\n`, env)
      expect(r.status).toBe(0)
      expect(JSON.parse(r.stdout).sources[0].id).toBe('xy-std-5.4.2.4.3')
      fake.answer({ kind: 'status', status: 503 })
      const down = await runNluCliAsync('ask', `{"id":1,"question":"${question}"}\n`, env)
      expect(down.status).not.toBe(0)
      expect(down.stdout).toBe('')
      expect(down.stderr).toContain('向量模型 fake-bge')
    } finally {
      await fake.close()
    }
  })
})
