import { performance } from 'node:perf_hooks'

/** The p-th percentile of sorted values (nearest rank), NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/**
 * Runs `work` on every input once to warm up, then over and over for `ms` milliseconds, and returns the time each
 * call took, sorted: what the one-core benchmarks of the local engines measure.
 */
export function timeRepeatedly<T>(inputs: readonly T[], work: (input: T) => unknown, ms: number): number[] {
  for (const input of inputs) work(input)
  const times: number[] = []
  const t0 = performance.now()
  while (performance.now() - t0 < ms) {
    for (const input of inputs) {
      const a = performance.now()
      work(input)
      times.push(performance.now() - a)
    }
  }
  return times.sort((a, b) => a - b)
}
