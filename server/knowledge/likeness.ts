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
  const counts = new Map<string, Map<string, number>>()
  const totals = new Map<string, number>()
  const vocabulary = new Set<string>()
  for (const id of trained) {
    const seen = new Map<string, number>()
    let total = 0
    for (const ask of asks.get(id)!) {
      for (const t of tokens(ask)) { seen.set(t, (seen.get(t) ?? 0) + 1); total++; vocabulary.add(t) }
    }
    counts.set(id, seen)
    totals.set(id, total)
  }

  /** Each passage's share of the question (0..1, summing to 1 over the passages with asks); empty when no word is known. */
  return function likeness(question: string): Map<string, number> {
    const known = tokens(question).filter((t) => vocabulary.has(t))
    if (!known.length) return new Map()
    const logs = trained.map((id) => {
      const seen = counts.get(id)!
      const denominator = totals.get(id)! + SMOOTHING * vocabulary.size
      let sum = 0
      for (const t of known) sum += Math.log(((seen.get(t) ?? 0) + SMOOTHING) / denominator)
      return (sum / known.length) * SHARPNESS
    })
    const top = Math.max(...logs)
    const weights = logs.map((l) => Math.exp(l - top))
    const total = weights.reduce((a, b) => a + b, 0)
    return new Map(trained.map((id, i) => [id, weights[i]! / total]))
  }
}
