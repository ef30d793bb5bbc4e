import type { Passage } from './passage.ts'
import type { Query } from './search.ts'

/** The local engine's answers stay within this many characters, source included. */
export const LOCAL_MAX_CHARS = 200

/** How a passage is cited at the end of an answer: 《…》6.3.2.1.3.1, 《…》农村篇第14问, or the title alone. */
export function citation(p: Pick<Passage, 'docTitle' | 'clause'>): string {
  return `${p.docTitle}${p.clause ?? ''}`
}

export function withSource(body: string, source: string): string {
  return `${body}\n来源：${source}`
}

/** A clause's lines as sentences: a line ending in "：" stays with the list under it. */
function units(text: string): string[] {
  const out: string[] = []
  for (const line of text.split('\n').map((l) => l.replace(/^——/, '').trim()).filter(Boolean)) {
    const sentences = line.match(/[^。！？；]+[。！？；]?/g) ?? [line]
    out.push(...sentences.map((s) => s.trim()).filter(Boolean))
  }
  return out
}

const compact = (parts: string[]) => parts.join('').replace(/\s+/g, '').replace(/[；：，、]$/, '。')

/**
 * An extractive answer: the passage itself when it is short, else its sentences that share most with the
 * question (a list is kept with the sentence that introduces it), in the passage's order, within the budget.
 */
export function composeAnswer(p: Passage, q: Query, words: (s: string) => string[], max = LOCAL_MAX_CHARS): string {
  const source = citation(p)
  const budget = max - source.length - 4
  const all = units(p.text)
  const whole = compact(all.map((u) => (/[：:]$/.test(u) ? u : u.replace(/[；;]$/, '；'))))
  if (whole.length <= budget) return withSource(whole, source)

  const forms = [...q.expanded.values()]
  const scored = all.map((u, i) => {
    const vocab = new Set(words(u))
    const score = forms.reduce((a, f) => a + (f.some((w) => vocab.has(w)) ? 1 : 0), 0)
    return { i, u, score }
  })
  const picked = new Set<number>()
  let used = 0
  const take = (i: number) => {
    const u = all[i]!
    if (picked.has(i) || used + u.length > budget) return false
    picked.add(i)
    used += u.length
    return true
  }
  for (const s of [...scored].sort((a, b) => b.score - a.score || a.i - b.i)) {
    if (s.score === 0 && picked.size > 0) break
    if (!take(s.i)) continue
    // A sentence that introduces a list ("…优惠政策：") brings its items along.
    if (/[：:]$/.test(s.u)) for (let j = s.i + 1; j < all.length && take(j); j++);
  }
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)[0]!
  const body = picked.size ? compact([...picked].sort((a, b) => a - b).map((i) => all[i]!)) : compact([best.u])
  return withSource(body.length > budget ? `${body.slice(0, budget - 1)}…` : body, source)
}
