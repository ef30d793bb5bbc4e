import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLlmAnswerer } from '../../bot/nlu/answer-llm.ts'
import { createKnowledge } from '../../server/knowledge/answer.ts'
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.ts'

// The LLM answer engine through the real LangChain and OpenAI clients, against a fake OpenAI-compatible server.

let fake: FakeOpenAI
beforeAll(async () => { fake = await startFakeOpenAI() })
afterAll(async () => { await fake.close() })

const knowledge = createKnowledge({ region: 'xinyang' })
const rewrite = (method: 'functionCalling' | 'jsonMode' = 'functionCalling') =>
  createLlmAnswerer({ baseUrl: fake.url, apiKey: 'test-key', model: 'fake-model', timeoutMs: 2000, method }, pino({ level: 'silent' }))
const question = '俺娘70了能参加饺子宴不'
const local = knowledge.ask(question)

describe('the LLM answer engine', () => {
  it('writes a short answer grounded in the passages it was given, with our citation of them', async () => {
    fake.answer({ kind: 'tool', args: { answerable: true, answer: '能参加，全村60周岁以上在家的老人都请。', sourceIds: ['xy-std-6.3.2.2.3'] } })
    const a = await rewrite()(question, local)
    expect(a).toMatchObject({ abstained: false, engine: 'llm', sources: [{ id: 'xy-std-6.3.2.2.3', clause: '6.3.2.2.3' }] })
    expect(a.answer).toBe('能参加，全村60周岁以上在家的老人都请。\n来源：《党建引领基层治理工作规范》6.3.2.2.3')
    const req = fake.seen.at(-1)!.body
    expect(req.messages.at(-1).content).toBe(`<question>${question}</question>`)
    expect(req.messages[0].content).toContain('<passage id="xy-std-6.3.2.2.3"')
    expect(req.messages[0].content).toContain('只根据下面 <passage> 里的条文回答')
  })

  it('works in JSON mode for providers without json_schema', async () => {
    fake.answer({ kind: 'content', content: JSON.stringify({ answerable: true, answer: '60周岁以上的老人可以参加。', sourceIds: ['xy-std-6.3.2.2.3'] }) })
    const a = await rewrite('jsonMode')(question, local)
    expect(a).toMatchObject({ engine: 'llm', abstained: false })
    expect(fake.seen.at(-1)!.body.response_format).toEqual({ type: 'json_object' })
  })

  it('declines when the model says the passages do not hold the answer', async () => {
    fake.answer({ kind: 'tool', args: { answerable: false, answer: '文件里没有写到这个问题', sourceIds: [] } })
    const a = await rewrite()(question, local)
    expect(a).toMatchObject({ abstained: true, answer: null, sources: [], via: 'none', engine: 'llm' })
  })

  it.each([
    ['a made-up source id', { kind: 'tool' as const, args: { answerable: true, answer: '70岁能参加。', sourceIds: ['xy-std-9.9.9'] } }],
    ['no source at all', { kind: 'tool' as const, args: { answerable: true, answer: '70岁能参加。', sourceIds: [] } }],
    ['an answer over 150 characters', { kind: 'tool' as const, args: { answerable: true, answer: '能。'.repeat(80), sourceIds: ['xy-std-6.3.2.2.3'] } }],
    ['a malformed answer', { kind: 'tool' as const, args: { answer: 42 } }],
    ['a 500', { kind: 'status' as const, status: 500 }],
  ])('rejects %s and keeps the grounded local answer', async (_name, behaviour) => {
    fake.answer(behaviour)
    const a = await rewrite()(question, local)
    expect(a).toEqual(local)
    expect(a.engine).toBe('local')
  })

  it('is never asked when the local engine has already declined for weak evidence', async () => {
    const declined = knowledge.ask('打狂犬疫苗去哪')
    const before = fake.seen.length
    expect(await rewrite()('打狂犬疫苗去哪', declined)).toEqual(declined)
    expect(fake.seen.length).toBe(before)
  })
})
