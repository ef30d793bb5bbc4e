/** A document for BM25F: each field is a list of tokens (a word may repeat). */
export type FieldDoc<F extends string> = { id: string; fields: Record<F, readonly string[]> }

export type FieldOptions = {
  /** How much a word found in this field counts against one found in the body (the body is 1). */
  weight: number
  /** Length normalisation: 0 ignores the field's length, 1 divides fully by it. */
  b: number
}

/** One form a question's word can take in a passage (itself, a part of it, a synonym) and what a match is worth. */
export type Form = { term: string; weight: number }
/** A question's word with its forms: it scores once, by its best form, so a synonym group cannot pile up. */
export type Need = { forms: Form[] }

/**
 * Okapi BM25F over fielded documents: term frequencies are length-normalised per field, weighted and summed
 * before saturation (Robertson & Zaragoza, 2009). Written out here rather than MiniSearch or FTS5 because a
 * question's word must score once by the best of its forms (a synonym or a part of a word counts less), which
 * neither lets a query say.
 */
export function createBm25<F extends string>(docs: readonly FieldDoc<F>[], fields: Record<F, FieldOptions>, k1 = 1.2) {
  const names = Object.keys(fields) as F[]
  const n = docs.length
  // Averaged over the documents that have the field: Q&A items have a question, clauses a title, not both.
  const avgLength = Object.fromEntries(names.map((f) => {
    const having = docs.filter((d) => d.fields[f].length)
    return [f, having.reduce((a, d) => a + d.fields[f].length, 0) / Math.max(1, having.length) || 1]
  })) as Record<F, number>
  /** term → doc index → weighted, normalised frequency. */
  const postings = new Map<string, Map<number, number>>()
  docs.forEach((d, i) => {
    for (const f of names) {
      const { weight, b } = fields[f]
      const norm = 1 - b + (b * d.fields[f].length) / avgLength[f]
      for (const t of d.fields[f]) {
        const list = postings.get(t) ?? new Map<number, number>()
        list.set(i, (list.get(i) ?? 0) + weight / norm)
        postings.set(t, list)
      }
    }
  })
  /** Robertson–Spärck Jones idf, kept positive for words in most documents. */
  const idf = (t: string) => {
    const df = postings.get(t)?.size ?? 0
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }
  const termScore = (t: string, i: number) => {
    const tf = postings.get(t)?.get(i) ?? 0
    return tf ? (idf(t) * tf * (k1 + 1)) / (k1 + tf) : 0
  }

  return {
    idf,
    has: (t: string) => postings.has(t),
    /** Scores of every document that holds at least one form, best first. */
    search(needs: readonly Need[]): Array<{ index: number; id: string; score: number }> {
      const candidates = new Set<number>()
      for (const need of needs) for (const f of need.forms) for (const i of postings.get(f.term)?.keys() ?? []) candidates.add(i)
      const out = [...candidates].map((i) => {
        let score = 0
        for (const need of needs) {
          let best = 0
          for (const f of need.forms) best = Math.max(best, f.weight * termScore(f.term, i))
          score += best
        }
        return { index: i, id: docs[i]!.id, score }
      })
      return out.sort((a, b) => b.score - a.score)
    },
  }
}
export type Bm25 = ReturnType<typeof createBm25>
