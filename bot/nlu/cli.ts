import { createInterface } from 'node:readline'
import { z } from 'zod'
import { NluEnv } from '../config.ts'
import { stderrLogger } from '../../server/log.ts'
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
  const classify = createClassifier(NluEnv.parse(process.env), stderrLogger())
  await eachLine(Line, '{id, text}', async (line) => ({ id: line.id, ...(await classify(line.text)) }))
}

/**
 * JSON Lines on stdin, in order: one line on stdout for each valid input line, nothing else; a bad line is named on
 * stderr, skipped, and the exit code says so.
 */
async function eachLine<T>(schema: z.ZodType<T>, shape: string, handle: (line: T) => Promise<object>) {
  let n = 0
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    n++
    if (!raw.trim()) continue
    let line: T
    try {
      line = schema.parse(JSON.parse(raw))
    } catch (err) {
      process.stderr.write(`第 ${n} 行不是 ${shape} 形式的 JSON：${(err as Error).message.split('\n')[0]}\n`)
      process.exitCode = 1
      continue
    }
    process.stdout.write(`${JSON.stringify(await handle(line))}\n`)
  }
}

// `npm run -s nlu -- ask`: JSON Lines {id, question} in, one line {id, answer, sources, abstained} per input out, in
// order. Answers from the passages in force in KNOWLEDGE_REGION (default xinyang), with the configured engine.
const Question = z.object({ id: z.union([z.string(), z.number()]), question: z.string() })

async function askMain() {
  const region = Region.default('xinyang').parse(process.env.KNOWLEDGE_REGION || undefined)
  const log = stderrLogger()
  const ask = await createLocalAsk(region, createRewrite(NluEnv.parse(process.env), log), log)
  await eachLine(Question, '{id, question}', async (line) => {
    const a = await ask(line.question)
    return { id: line.id, answer: a.answer, sources: a.sources, abstained: a.abstained }
  })
}

await main(process.argv[2]).catch((err: unknown) => {
  process.stderr.write(`${(err as Error).message}\n`)
  process.exitCode = 2
})
