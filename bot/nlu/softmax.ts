/**
 * Multinomial logistic regression (softmax) over sparse binary features: a message is the set of its features
 * (words, character pairs, the rules' signals), each label a weight per feature plus a bias. Trained by stochastic
 * gradient descent with AdaGrad steps, in a fixed shuffled order, so the same examples always give the same model.
 *
 * Written here because the JavaScript classifiers at hand are naive Bayes (wink), or logistic regression over dense
 * vectors (natural, via sylvester): 23,000 messages × 100,000 features does not fit that.
 */
export type SoftmaxOptions = {
  /** Passes over the examples. */
  epochs: number
  /** AdaGrad's base step. */
  rate: number
  /** Seed of the shuffles. */
  seed: number
}

const defaults: SoftmaxOptions = { epochs: 8, rate: 0.1, seed: 1 }

/** A small linear congruential generator: deterministic shuffles without a dependency. */
function lcg(seed: number) {
  let s = seed >>> 0
  return () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return s / 2 ** 32 }
}

export function trainSoftmax(examples: ReadonlyArray<{ features: readonly string[]; label: string }>, options: Partial<SoftmaxOptions> = {}) {
  const { epochs, rate, seed } = { ...defaults, ...options }
  const labels = [...new Set(examples.map((e) => e.label))].sort()
  const K = labels.length
  const index = new Map<string, number>()
  // Feature 0 is the bias, present in every example.
  const rows = examples.map((e) => {
    const ids = new Set<number>([0])
    for (const f of e.features) {
      let i = index.get(f)
      if (i === undefined) { i = index.size + 1; index.set(f, i) }
      ids.add(i)
    }
    return Int32Array.from(ids)
  })
  const targets = examples.map((e) => labels.indexOf(e.label))
  const weights = new Float64Array((index.size + 1) * K)
  const squares = new Float64Array(weights.length).fill(1e-8)
  const probabilities = new Float64Array(K)

  const softmax = (row: ArrayLike<number>) => {
    let top = -Infinity
    for (let k = 0; k < K; k++) {
      let z = 0
      for (let j = 0; j < row.length; j++) z += weights[row[j]! * K + k]!
      probabilities[k] = z
      if (z > top) top = z
    }
    let sum = 0
    for (let k = 0; k < K; k++) { probabilities[k] = Math.exp(probabilities[k]! - top); sum += probabilities[k]! }
    for (let k = 0; k < K; k++) probabilities[k] = probabilities[k]! / sum
  }

  const random = lcg(seed)
  const order = rows.map((_, i) => i)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const n of order) {
      const row = rows[n]!
      softmax(row)
      for (let k = 0; k < K; k++) {
        const g = probabilities[k]! - (k === targets[n] ? 1 : 0)
        if (g === 0) continue
        for (let j = 0; j < row.length; j++) {
          const w = row[j]! * K + k
          squares[w] = squares[w]! + g * g
          weights[w] = weights[w]! - (rate * g) / Math.sqrt(squares[w]!)
        }
      }
    }
  }

  return {
    labels,
    /** Each label's score (log-odds up to a constant), best first; features never seen in training count for nothing. */
    scores(features: readonly string[]): Array<[string, number]> {
      const row = [0]
      for (const f of new Set(features)) { const i = index.get(f); if (i !== undefined) row.push(i) }
      const z = labels.map((_, k) => row.reduce((sum, i) => sum + weights[i * K + k]!, 0))
      return labels.map((label, k): [string, number] => [label, z[k]!]).sort((a, b) => b[1] - a[1])
    },
    features: () => index.size,
  }
}
export type Softmax = ReturnType<typeof trainSoftmax>
