import type { Passage } from './passage.ts'
import { introducesList, NUMBERED, sentences } from './sentences.ts'

/** The local engine's answers stay within this many characters, source included. */
export const LOCAL_MAX_CHARS = 200

/** How a passage is cited at the end of an answer: 《…》6.3.2.1.3.1, 《…》农村篇第14问, or the title alone. */
export function citation(p: Pick<Passage, 'docTitle' | 'clause'>): string {
  return `${p.docTitle}${p.clause ?? ''}`
}

/** Two clauses of one document are cited as 《…》6.1.3.1、6.1.3.2. */
export function citations(ps: ReadonlyArray<Pick<Passage, 'docTitle' | 'clause'>>): string {
  const [first, ...rest] = ps
  if (!first) return ''
  if (rest.every((p) => p.docTitle === first.docTitle && p.clause && first.clause)) return [citation(first), ...rest.map((p) => p.clause)].join('、')
  return ps.map(citation).join('；')
}

export function withSource(body: string, source: string): string {
  return `${body}\n来源：${source}`
}

/** How much a sentence says about the question (its words, the kind of number or the thing asked for): 0 is nothing. */
export type Relevance = (sentence: string) => number

const compact = (parts: string[]) => parts.join('').replace(/\s+/g, '').replace(/[；：，、]$/, '。')
/** "八要推动快递进村。", "一是大力发展农民专业合作社。": a short numbered point whose substance follows it. */
const headsPoint = (s: string) => NUMBERED.test(s) && s.length < 25
/** "网格长：网格长负责本网格的服务管理工作，由…担任；": an item that names what it is about before saying it. */
const LABELLED = /^[^：，。；]{2,14}：/
/** A labelled item cut to its label and first clause: "兼职网格员：协助开展网格管理服务；". */
const firstClause = (u: string) => u.replace(/^([^，；。]*)[，；。].*$/, '$1；')

/**
 * A sentence longer than the whole answer may be, cut to what fits. From its start, unless what fits from the start
 * says less than half as much about the question as its best clause, or leaves out the clause holding a term the
 * asker quoted: then from as early as still holds that clause. "…" marks a cut. Asked which four 治 make "四治融合",
 * the answer is the end of a 200-character sentence.
 */
function clauseWindow(u: string, relevance: Relevance, budget: number, quoted: readonly string[]): string {
  if (u.length <= budget) return u
  const clauses = u.match(/[^，,]+[，,]?/g) ?? [u]
  const scores = clauses.map(relevance)
  const room = budget - 2
  const fitFrom = (from: number) => {
    let to = from
    for (let length = 0; to < clauses.length && length + clauses[to]!.length <= room; to++) length += clauses[to]!.length
    return to
  }
  // The clause holding a term the asker quoted ("“四治融合”是哪四个治") is the one asked about, whatever else matches.
  const named = clauses.findIndex((c) => quoted.some((x) => c.includes(x)))
  const key = named >= 0 ? named : scores.indexOf(Math.max(...scores))
  let from = 0
  const head = scores.slice(0, fitFrom(0)).reduce((a, b) => a + b, 0)
  if (named >= 0 || head < scores[key]! / 2) while (from < key && fitFrom(from) <= key) from++
  const to = fitFrom(from)
  if (to === from) return `${u.slice(0, budget - 1)}…`
  const run = clauses.slice(from, to).join('')
  return `${from > 0 ? '…' : ''}${to < clauses.length ? `${run.replace(/[，,]$/, '')}…` : run}`
}

/** For each sentence, the index of the sentence opening its numbered point ("八要推动快递进村。"), or -1 outside one. */
function pointsOf(all: ReadonlyArray<{ p: Passage; u: string }>): number[] {
  let head = -1
  return all.map(({ p, u }, i) => {
    if (i > 0 && all[i - 1]!.p !== p) head = -1
    if (NUMBERED.test(u)) head = i
    return head
  })
}

/**
 * An extractive answer from one passage, or two neighbouring clauses: all of it when it is short, else the sentences
 * that say most about the question, in the documents' order, within the budget. A sentence that introduces a
 * list ("…优惠政策：") brings its items; a sentence saying half as much as the best one is left out. Asked two things
 * (`parts`, one relevance for each clause that asks), the sentence saying most of each joins when it fits. Only the
 * passages the answer quotes are cited, and returned.
 */
export function composeAnswer(ps: readonly Passage[], relevance: Relevance, { max = LOCAL_MAX_CHARS, list = false, parts = [] as Relevance[], quoted = [] as readonly string[] } = {}): { answer: string; cited: Passage[] } {
  const all = ps.flatMap((p) => sentences(p.text).map((u) => ({ p, u })))
  const budgetFor = (cited: readonly Passage[]) => max - citations(cited).length - 4
  const whole = compact(all.map(({ u }) => (introducesList(u) ? u : u.replace(/[；;]$/, '；'))))
  if (whole.length <= budgetFor(ps)) return { answer: withSource(whole, citations(ps)), cited: [...ps] }

  // Budgeted against citing every passage, so that it holds whichever are quoted.
  const budget = budgetFor(ps)
  // In a passage of numbered points ("一要…二要…"), a sentence is read with its point, whose score it adds to its own:
  // "依托村党群服务中心等建设寄递物流综合服务站" answers a question about 快递 because its point is "八要推动快递进村".
  const pointOf = pointsOf(all)
  const pointScore = new Map([...new Set(pointOf)].filter((h) => h >= 0).map((h) => [h, relevance(all.filter((_, j) => pointOf[j] === h).map(({ u }) => u).join(''))]))
  const scored = all.map(({ u }, i) => ({ i, u, score: relevance(u) + (pointScore.get(pointOf[i]!) ?? 0) })).sort((a, b) => b.score - a.score || a.i - b.i)
  const best = scored[0]!
  const picked = new Set<number>()
  // Items of a list said shorter than in the document, when the list would not fit whole.
  const shortened = new Map<number, string>()
  const said = (i: number) => shortened.get(i) ?? all[i]!.u
  let used = 0
  const take = (i: number) => {
    const u = said(i)
    if (picked.has(i) || used + u.length > budget) return false
    picked.add(i)
    used += u.length
    return true
  }
  /**
   * The items after a sentence that introduces a list. When they do not all fit and each is labelled ("——网格长：…；
   * ——专职网格员：…"), every label with its first clause, so that the answer names them all ("一长三员" is four people).
   */
  const takeItems = (from: number) => {
    const items: number[] = []
    for (let j = from + 1; j < all.length && all[j]!.p === all[from]!.p && !NUMBERED.test(all[j]!.u); j++) items.push(j)
    const labelled = items.filter((j) => LABELLED.test(all[j]!.u))
    const length = (us: string[]) => us.reduce((n, u) => n + u.length, 0)
    const short = labelled.map((j) => firstClause(all[j]!.u))
    if (labelled.length >= 2 && used + length(items.map(said)) > budget && used + length(short) <= budget) {
      labelled.forEach((j, k) => { shortened.set(j, short[k]!); take(j) })
      return
    }
    for (const j of items) if (!take(j)) break
  }
  // Asked for a list ("双绑绑的是啥跟啥"): the first sentence of every numbered point, not the first point in full.
  const heads = list ? pointOf.flatMap((h, i) => (h === i ? [i] : [])) : []
  if (heads.length >= 2) for (const i of heads) take(i)
  const shortHeads: number[] = []
  for (const s of scored) {
    if (picked.size > 0 && (s.score <= 0 || s.score < best.score / 2)) break
    if (!take(s.i)) continue
    if (introducesList(s.u)) takeItems(s.i)
    else if (headsPoint(s.u) && heads.length < 2) shortHeads.push(s.i)
  }
  // A question of two asks ("得多长时间整顿到位？当年还能评星不"): the sentence that says most of each, when it fits.
  for (const part of parts) {
    const own = all.map(({ u }, i) => ({ i, score: part(u) })).sort((a, b) => b.score - a.score || a.i - b.i)[0]
    if (own && own.score > 0) take(own.i)
  }
  // A short point brings what follows it only when nothing in the point was chosen for itself: asked what "抓要" is,
  // the answer is "抓要，就是要盯住抓住要紧事要害事", not the sentences that happen to follow "（三）要抓总、抓重、抓要推进。".
  for (const h of shortHeads) {
    if ([...picked].some((i) => i !== h && pointOf[i] === h)) continue
    for (let j = h + 1; j < all.length && !NUMBERED.test(all[j]!.u) && take(j); j++);
  }
  if (!picked.size) {
    picked.add(best.i)
    shortened.set(best.i, clauseWindow(best.u, relevance, budget, quoted.filter((x) => x.length >= 2)))
  }
  const order = [...picked].sort((a, b) => a - b)
  const cited = ps.filter((p) => order.some((i) => all[i]!.p === p))
  const body = compact(order.map(said))
  return { answer: withSource(body.length > budget ? `${body.slice(0, budget - 1)}…` : body, citations(cited)), cited }
}
