// Local answering benchmark: every eval question (answerable and out of scope) answered in turn, for a few seconds.
import { performance } from 'node:perf_hooks'
import { knowledgeSetFile, readEvalQuestions } from '../../bot/nlu/eval-knowledge.ts'
import { createKnowledge } from '../../server/knowledge/answer.ts'
import { percentile, timeRepeatedly } from './timing.ts'

const RUN_MS = 3_000
const log = (line: string) => process.stderr.write(`[ask] ${line}\n`)

export async function run(): Promise<Record<string, number>> {
  const started = performance.now()
  const knowledge = createKnowledge({ region: 'xinyang' })
  log(`indexed ${knowledge.passages.length} passages in ${(performance.now() - started).toFixed(0)} ms`)
  const questions = ['dev', 'test'].flatMap((name) => readEvalQuestions(knowledgeSetFile(name))).map((q) => q.question)
  const times = timeRepeatedly(questions, (q) => knowledge.ask(q), RUN_MS)
  const p95 = percentile(times, 95)
  log(`${times.length} questions, p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`)
  return { askP95Ms: p95 }
}
