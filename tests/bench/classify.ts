// Local-engine benchmark: every held-out evaluation message classified in turn, on one core, for a few seconds.
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createLocalEngine } from '../../bot/nlu/local.ts'
import { readExamples } from '../../bot/nlu/model.ts'
import { repoRoot } from './server.ts'
import { percentile, timeRepeatedly } from './timing.ts'

const RUN_MS = 4_000
const log = (line: string) => process.stderr.write(`[classify] ${line}\n`)

export async function run(): Promise<Record<string, number>> {
  const started = performance.now()
  const engine = createLocalEngine()
  log(`trained in ${(performance.now() - started).toFixed(0)} ms on ${engine.size().examples} examples`)
  const texts = readExamples(join(repoRoot, 'data/nlu/eval')).map((e) => e.text)
  const times = timeRepeatedly(texts, (t) => engine.classify(t), RUN_MS)
  const total = times.reduce((a, b) => a + b, 0)
  const p99 = percentile(times, 99)
  log(`${times.length} messages, p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`)
  return { classifyP99Ms: p99, classifyPerSec: times.length / (total / 1000) }
}
