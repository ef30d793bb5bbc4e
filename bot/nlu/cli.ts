import pino from 'pino'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { NluEnv } from '../config.ts'
import { Region } from '../../server/contract/index.ts'
import { createLocalAsk, createRewrite } from './ask.ts'
import { createClassifier } from './engine.ts'

// `npm run -s nlu -- classify`: JSON Lines {id, text} on stdin, one line {id, ...Understanding} per input on
// stdout, in order, and nothing else there (logs go to stderr). It uses the configured engine (NLU_ENGINE, LLM_*).

const Line = z.object({ id: z.union([z.string(), z.number()]), text: z.string() })

async function main(command: string | undefined) {
  if (command === 'ask') return askMain()
  if (command !== 'classify') {
    process.stderr.write('用法：npm run -s nlu -- classify < messages.jsonl\n      npm run -s nlu -- ask < questions.jsonl\n')
    process.exitCode = 2
    return
  }
  const env = NluEnv.parse(process.env)
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  const classify = createClassifier(env, log)
  let n = 0
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++
    if (!raw.trim()) continue
    let line: z.infer<typeof Line>
    try {
      line = Line.parse(JSON.parse(raw))
    } catch (err) {
      process.stderr.write(`第 ${n} 行不是 {id, text} 形式的 JSON：${(err as Error).message.split('\n')[0]}\n`)
      process.exitCode = 1
      continue
    }
    process.stdout.write(`${JSON.stringify({ id: line.id, ...(await classify(line.text)) })}\n`)
  }
}

// `npm run -s nlu -- ask`: JSON Lines {id, question} in, one line {id, answer, sources, abstained} per input out, in
// order. Answers from the passages in force in KNOWLEDGE_REGION (default xinyang), with the configured engine.
const Question = z.object({ id: z.union([z.string(), z.number()]), question: z.string() })

async function askMain() {
  const region = Region.default('xinyang').parse(process.env.KNOWLEDGE_REGION || undefined)
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2))
  const ask = createLocalAsk(region, createRewrite(NluEnv.parse(process.env), log))
  let n = 0
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++
    if (!raw.trim()) continue
    const line = Question.safeParse((() => { try { return JSON.parse(raw) } catch { return null } })())
    if (!line.success) {
      process.stderr.write(`第 ${n} 行不是 {id, question} 形式的 JSON\n`)
      process.exitCode = 1
      continue
    }
    const a = await ask(line.data.question)
    process.stdout.write(`${JSON.stringify({ id: line.data.id, answer: a.answer, sources: a.sources, abstained: a.abstained })}\n`)
  }
}

await main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`)
  process.exitCode = 2
})
