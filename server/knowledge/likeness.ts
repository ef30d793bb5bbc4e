/**
 * Which passage the residents' asks (data/knowledge/asks) say a question is about: a multinomial naive Bayes over
 * the words and character pairs of all the asks of each passage, pooled. Dice's coefficient (`echo`) looks at the
 * single nearest ask; this weighs every way residents put it, so a question worded like none of them in full but
 * like several of them in part still points to its passage, and one that shares only common words points nowhere.
 */

/** Laplace smoothing of the word counts. */
const SMOOTHING = 0.5
/**
 * How sharp the posterior is: the mean log-likelihood per token times this, then a softmax over the passages.
 * 10 did best in the gate's cross-validation (`npm run -s kb:calibrate`) of 3, 10 and 30.
 */
const SHARPNESS = 10

/** `ids`: the passages to weigh against each other; those without asks are left out. */
export function trainLikeness(asks: ReadonlyMap<string, readonly string[]>, ids: readonly string[], tokens: (text: string) => string[]) {
  const trained = ids.filter((id) => asks.get(id)?.length)
  const counts = trained.map((id) => {
    const seen = new Map<string, number>()
    for (const ask of asks.get(id)!) for (const t of tokens(ask)) seen.set(t, (seen.get(t) ?? 0) + 1)
    return seen
  })
  const totals = counts.map((seen) => [...seen.values()].reduce((a, b) => a + b, 0))
  // A token's log-probability under a passage is log(SMOOTHING / denominator) plus, where the passage's asks hold it,
  // log((count + SMOOTHING) / SMOOTHING): the second part is kept per token, for the few passages that have it.
  const boosts = new Map<string, Array<[number, number]>>()
  counts.forEach((seen, p) => {
    for (const [t, c] of seen) {
      if (!boosts.has(t)) boosts.set(t, [])
      boosts.get(t)!.push([p, Math.log((c + SMOOTHING) / SMOOTHING)])
    }
  })
  const floors = totals.map((total) => Math.log(SMOOTHING / (total + SMOOTHING * boosts.size)))

  /**
   * Each passage's share of a question, given as its tokens (cut as `tokens` cuts the asks), 0..1 and summing to 1
   * over the passages with asks; empty when no token is known. `weight`: how much a token counts, less for the
   * asker's story around the question than for what is asked.
   */
  return function likeness(said: readonly string[], weight: (token: string) => number = () => 1): Map<string, number> {
    const known = said.filter((t) => boosts.has(t))
    if (!known.length) return new Map()
    const counts = known.map(weight)
    const counted = counts.reduce((a, b) => a + b, 0)
    const sums = floors.map((floor) => floor * counted)
    known.forEach((t, i) => { for (const [p, boost] of boosts.get(t)!) sums[p]! += counts[i]! * boost })
    const logs = sums.map((sum) => (sum / counted) * SHARPNESS)
    const top = Math.max(...logs)
    const weights = logs.map((l) => Math.exp(l - top))
    const total = weights.reduce((a, b) => a + b, 0)
    return new Map(trained.map((id, i) => [id, weights[i]! / total]))
  }
}
