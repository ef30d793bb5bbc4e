// Local answering benchmark: every eval question (answerable and out of scope) answered in turn, for a few seconds.
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { knowledgeEvalDir, readEvalQuestions } from '../../bot/nlu/eval-knowledge.ts'
import { createKnowledge } from '../../server/knowledge/answer.ts'

const RUN_MS = 3_000
const log = (line: string) => process.stderr.write(`[ask] ${line}\n`)

export async function run(): Promise<Record<string, number>> {
  const started = performance.now()
  const knowledge = createKnowledge({ region: 'xinyang' })
  log(`indexed ${knowledge.passages.length} passages in ${(performance.now() - started).toFixed(0)} ms`)
  const questions = ['dev.jsonl', 'test.jsonl'].flatMap((f) => readEvalQuestions(join(knowledgeEvalDir, f))).map((q) => q.question)
  for (const q of questions) knowledge.ask(q) // warm-up
  const times: number[] = []
  const t0 = performance.now()
  while (performance.now() - t0 < RUN_MS) {
    for (const q of questions) {
      const a = performance.now()
      knowledge.ask(q)
      times.push(performance.now() - a)
    }
  }
  times.sort((a, b) => a - b)
  const p95 = times[Math.ceil(times.length * 0.95) - 1]!
  log(`${times.length} questions, p50 ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`)
  return { askP95Ms: p95 }
}
