import MiniSearch from 'minisearch'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Segmenter } from '../../bot/nlu/segment.ts'
import type { Passage } from './passage.ts'

const synonymsFile = join(import.meta.dirname, '../../data/knowledge/synonyms.json')

/** Question words and particles: they say what kind of answer is wanted, not what it is about. */
const STOPWORDS = new Set(`的 了 吗 呢 吧 啊 呀 哦 嘛 么 不 没 是 有 在 和 与 及 或 也 都 就 还 又 要 会 能 可以 可 得 给 让 把 被 从 到 对 去 来 上 下 里 中 着 过
  什么 怎么 怎么样 如何 为什么 多少 几 几个 哪 哪里 哪儿 哪些 哪个 谁 啥 咋 那 这 这个 那个 一个 一下 请问 问 问一下 想 知道 听说 我 我们 你 你们 他 她 它 他们 大家 家 人家
  自己 现在 今年 一般 需要 应该 是不是 有没有 能不能 行不行 可不可以 个 回 次 些 点 儿 吃 跑 指 叫 做 弄 搞 干 干啥 干什么 意思 回事 咋回事 怎么回事 东西 事 事儿 情况 哪五 哪三 几种 整 怎么办 怎么整`.split(/\s+/).filter(Boolean))

export type Hit = {
  passage: Passage
  /** BM25 (MiniSearch), title words counting double. */
  score: number
  /** Share of the question's content words (by idf) that the passage holds, itself or by a synonym: 0..1. */
  coverage: number
  /** The same share within the passage's best two neighbouring sentences: an answer is said in one place. */
  focus: number
  /** What the hits are ordered by. */
  rank: number
}

/** Survey articles and speeches tell about a policy; the standard and the Q&A state it, so they are cited first. */
const COMMENTARY = /^xy-(survey|talk)-/
/** BM25 finds the candidates; this many are then ranked by how well they cover the question. */
const CANDIDATES = 12

/** A passage's sentences (a list item is a sentence), for focus and for composing answers. */
export function sentences(text: string): string[] {
  const out: string[] = []
  for (const line of text.split('\n').map((l) => l.replace(/^——/, '').trim()).filter(Boolean)) {
    out.push(...(line.match(/[^。！？；]+[。！？；]?/g) ?? [line]).map((x) => x.trim()).filter(Boolean))
  }
  return out
}

export type Query = {
  /** Content words of the question, in order, without repeats (with jieba's parts of long words: 三星, 文明户 …). */
  terms: string[]
  /** Each whole content word (not the parts) with its synonyms: what coverage counts. */
  expanded: Map<string, string[]>
}

export function readSynonyms(file = synonymsFile): string[][] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { groups: string[][] }).groups
}

/**
 * BM25 over jieba words with MiniSearch, the question widened by the synonym table. Each hit also says how
 * much of the question the passage really covers: BM25 alone ranks, it does not tell an answer from a passage
 * that merely shares a common word.
 */
export function createSearch(passages: readonly Passage[], seg: Segmenter, groups: string[][] = readSynonyms()) {
  const synonyms = new Map<string, string[]>()
  for (const group of groups) {
    const words = group.map((w) => w.toLowerCase())
    for (const w of words) synonyms.set(w, [...new Set([...(synonyms.get(w) ?? []), ...words.filter((x) => x !== w)])])
  }
  const words = (text: string) => seg.words(text)
  const index = new MiniSearch<Passage>({
    fields: ['title', 'text'],
    idField: 'id',
    tokenize: words,
    processTerm: (t) => t,
    searchOptions: { boost: { title: 2 }, tokenize: (s) => s.split(' '), processTerm: (t) => t },
  })
  index.addAll(passages as Passage[])
  const byId = new Map(passages.map((p) => [p.id, p]))
  const vocabulary = new Map(passages.map((p) => [p.id, new Set(words(`${p.title} ${p.text}`))]))
  // Each passage's windows of two neighbouring sentences under its title, segmented once here, not per question.
  const windows = new Map(passages.map((p) => {
    const parts = sentences(p.text)
    return [p.id, parts.map((x, i) => { const text = `${p.title}\n${x}${parts[i + 1] ?? ''}`; return { text, vocab: new Set(words(text)) } })]
  }))
  const documentFrequency = new Map<string, number>()
  for (const set of vocabulary.values()) for (const w of set) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1)
  const n = passages.length
  /** A word no passage holds weighs most: a question about it cannot be answered here. */
  const idf = (w: string) => Math.log(1 + n / ((documentFrequency.get(w) ?? 0) + 0.5))

  /** Jieba's HMM glues a particle to a word it does not know ("星要", "户去", "能评"): unglue it. */
  const unglue = (w: string): string[] => {
    if (w.length !== 2 || documentFrequency.has(w) || synonyms.has(w)) return [w]
    const [a, b] = [w[0]!, w[1]!]
    if (STOPWORDS.has(b)) return [a]
    if (STOPWORDS.has(a)) return [b]
    return documentFrequency.has(a) || documentFrequency.has(b) ? [a, b] : [w]
  }

  function query(question: string): Query {
    const terms = [...new Set(words(question).flatMap(unglue).filter((w) => !STOPWORDS.has(w)))]
    // cutForSearch gives 三星文明户 and its parts 三星, 文明户: count the word once, whole.
    const whole = terms.filter((t) => !terms.some((o) => o !== t && o.length > t.length && o.includes(t)))
    return { terms, expanded: new Map(whole.map((t) => [t, [t, ...(synonyms.get(t) ?? [])]])) }
  }

  /** A word or synonym counts as found in a text when the text holds it, whatever jieba made of the text. */
  const finder = (vocab: Set<string>, text: string) => (w: string) => vocab.has(w) || (w.length >= 2 && text.includes(w))

  /** idf-weighted share of the question's words found in a set of words (a passage's, or a FAQ question's). */
  function coverage(q: Query, has: (w: string) => boolean): number {
    let total = 0
    let found = 0
    for (const [term, forms] of q.expanded) {
      // A number in a question (an age, a date) is rarely the number the answer holds.
      if (/^\d+$/.test(term)) continue
      const w = idf(term)
      total += w
      if (forms.some(has)) found += w
    }
    return total ? found / total : 0
  }

  return {
    query,
    coverage,
    words,
    search(question: string, limit = 5): Hit[] {
      const q = query(question)
      if (!q.terms.length) return []
      const own = new Set(q.terms)
      const all = [...new Set([...q.expanded.values()].flat())]
      const found = index.search(all.join(' '), { boostTerm: (term) => (own.has(term) ? 1 : 0.6) }).slice(0, CANDIDATES)
      const best = found[0]?.score ?? 1
      const hits = found.map((r) => {
        const passage = byId.get(String(r.id))!
        const vocab = vocabulary.get(passage.id)!
        const cover = coverage(q, finder(vocab, `${passage.title}\n${passage.text}`))
        let focus = 0
        for (const w of windows.get(passage.id)!) focus = Math.max(focus, coverage(q, finder(w.vocab, w.text)))
        // Words of the question that stand together in the passage too (应急 + 网格员): a phrase, not a coincidence.
        const pairs = q.terms.slice(1).map((t, i) => `${q.terms[i]}${t}`).filter((pair) => pair.length >= 3)
        const phrase = pairs.length ? pairs.filter((pair) => passage.text.includes(pair)).length / pairs.length : 0
        const rank = (cover + focus + 0.5 * (r.score / best) + 0.3 * phrase) * (COMMENTARY.test(passage.id) ? 0.85 : 1)
        return { passage, score: r.score, coverage: cover, focus, rank }
      })
      return hits.sort((a, b) => b.rank - a.rank).slice(0, limit)
    },
  }
}
export type Search = ReturnType<typeof createSearch>
