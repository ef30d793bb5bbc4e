import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSegmenter, type Segmenter } from '../../bot/nlu/segment.ts'
import type { AskResult, FaqEntry } from '../contract/knowledge.ts'
import { citation, composeAnswer, withSource } from './compose.ts'
import { Passage, regionsInForce, type Region } from './passage.ts'
import { answerKinds } from './asks.ts'
import { answersQuestion, gateFeatures, MIN_COVERAGE, type GateFeatures } from './gate.ts'
import { statesAskedDetail } from './details.ts'
import { statesAskedQuantity } from './quantity.ts'
import { askingClauses, createSearch, type Hit, type Query } from './search.ts'

export const passagesFile = join(import.meta.dirname, '../../data/knowledge/passages.jsonl')

/** When the bot answers from the documents: server/knowledge/gate.ts (calibrated by `npm run -s kb:calibrate`). */
export { MIN_COVERAGE } from './gate.ts'
/** A FAQ question must match the resident's this well both ways (each one's words found in the other). */
export const MIN_FAQ_MATCH = 0.6
/** A neighbouring clause that could answer by itself and ranks at least this share of the best one joins the answer. */
export const SIBLING_RANK = 0.7
/** Passages handed to an LLM as evidence. */
const EVIDENCE = 3

/**
 * The clause right next to the best one, under the same heading, when it answers too (6.3.2.1.2.1 says how the
 * 三星文明户 are chosen, 6.3.2.1.2.2 that they are reviewed each year): the answer then draws on both, in the
 * document's order, quoting from each only what bears on the question.
 */
export function withSibling(top: Hit, next: Hit | undefined): Passage[] {
  const a = top.passage
  const b = next?.passage
  if (!b || !next || a.doc !== b.doc || a.title !== b.title || !a.clause || !b.clause) return [a]
  const parent = (c: string) => c.replace(/\.?[^.]+$/, '')
  const last = (c: string) => Number(c.split('.').at(-1))
  if (parent(a.clause) !== parent(b.clause) || Math.abs(last(a.clause) - last(b.clause)) !== 1) return [a]
  if (Math.max(next.focus, next.asked) < MIN_COVERAGE || next.rank < SIBLING_RANK * top.rank) return [a]
  return last(a.clause) < last(b.clause) ? [a, b] : [b, a]
}

export function readPassages(file = passagesFile): Passage[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => Passage.parse(JSON.parse(l)))
}

/** 'none' answers whatever the best passage is (for calibration); by default the fitted gate of gate.ts decides. */
export type KnowledgeOptions = { passages?: readonly Passage[]; region: Region; seg?: Segmenter; gate?: 'none' | ((f: GateFeatures) => boolean); asks?: Map<string, string[]> }

/**
 * Answers a question from the FAQ first, then from the documents in force in the deployment's region, with
 * an extractive answer and its source; declines when the evidence is weak. Pure and synchronous: the server's
 * ask route and `npm run nlu -- ask` run this same code.
 */
export function createKnowledge(o: KnowledgeOptions) {
  const regions = regionsInForce[o.region]
  const inForce = (o.passages ?? readPassages()).filter((p) => regions.includes(p.region))
  const seg = o.seg ?? createSegmenter()
  const search = createSearch(inForce, seg, undefined, undefined, o.asks)
  const answers = o.gate === 'none' ? () => true : (o.gate ?? answersQuestion)

  function faqMatch(question: string, q: Query, faq: readonly FaqEntry[]): { entry: FaqEntry; match: number } | null {
    if (!faq.length) return null
    // A word counts as found when the other question holds it, as a word or inside one ("涨" in "能涨"), as for passages.
    const finder = (text: string) => { const words = new Set(search.words(text)); const plain = seg.normalise(text); return (w: string) => words.has(w) || plain.includes(w) }
    const asked = finder(question)
    let best: { entry: FaqEntry; match: number } | null = null
    const kinds = answerKinds(question)
    for (const entry of faq) {
      // "饺子宴在哪办" is not answered by "饺子宴谁来办", however many words they share.
      if (answerKinds(entry.question) !== kinds) continue
      const match = Math.min(search.coverage(q, finder(entry.question)), search.coverage(search.query(entry.question), asked))
      if (!best || match > best.match) best = { entry, match }
    }
    return best && best.match >= MIN_FAQ_MATCH ? best : null
  }

  /** The FAQ's answer to the question, or null when no entry matches it well enough. */
  function fromFaq(question: string, faq: readonly FaqEntry[], q: Query = search.query(question)): AskResult | null {
    const f = faqMatch(question, q, faq)
    if (!f) return null
    return {
      answer: withSource(f.entry.answer, f.entry.source), sources: [{ id: `faq-${f.entry.id}`, title: f.entry.question, clause: null }],
      abstained: false, via: 'faq', score: f.match, coverage: f.match, engine: 'local', evidence: [],
    }
  }

  /** `closeness`: each passage's cosine similarity to the question by an embedding model, when one is configured (embeddings.ts). */
  function ask(question: string, faq: readonly FaqEntry[] = [], closeness?: readonly number[]): AskResult {
    const q = search.query(question)
    const f = fromFaq(question, faq, q)
    if (f) return f
    const hits = search.search(question, EVIDENCE, q, closeness)
    const top = hits[0]
    const evidence = hits.map((h) => ({ id: h.passage.id, docTitle: h.passage.docTitle, clause: h.passage.clause, title: h.passage.title, text: h.passage.text }))
    const measured = { score: top?.score ?? 0, coverage: top?.coverage ?? 0, engine: 'local' as const, evidence }
    const declined: AskResult = { answer: null, sources: [], abstained: true, via: 'none', ...measured }
    const drawn = top ? withSibling(top, hits[1]) : []
    const features = gateFeatures(hits, q.expanded.size, drawn.length)
    if (!top || !features || !answers(features)) return declined
    const parts = askingClauses(q)
    const { answer, cited } = composeAnswer(drawn, search.relevance(question, q), { list: q.list, parts: parts.length > 1 ? parts.map((x) => search.relevance(x)) : [], quoted: q.quoted })
    // Asked for a number, a named hospital, a download or a code's meaning the answer does not state: the documents
    // speak of the topic, not of that detail.
    if (!statesAskedQuantity(question, answer) || !statesAskedDetail(question, answer)) return declined
    return { answer, sources: cited.map((p) => ({ id: p.id, title: p.title, clause: p.clause })), abstained: false, via: 'documents', ...measured }
  }

  return { ask, fromFaq, search, region: o.region, passages: inForce, citation }
}
export type Knowledge = ReturnType<typeof createKnowledge>
