import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSegmenter, type Segmenter } from '../../bot/nlu/segment.ts'
import type { AskResult, FaqEntry } from '../contract/knowledge.ts'
import { citation, composeAnswer, withSource } from './compose.ts'
import { Passage, regionsInForce, type Region } from './passage.ts'
import { createSearch } from './search.ts'

export const passagesFile = join(import.meta.dirname, '../../data/knowledge/passages.jsonl')

/**
 * When the evidence is too weak to answer. Calibrated on data/knowledge/eval/dev.jsonl only (the test set is
 * never used for this): the best two neighbouring sentences of the passage (with its title) must hold this share of the
 * question's content words, by idf, ...
 */
export const MIN_COVERAGE = 0.47
/** ... and score at least this much BM25. */
export const MIN_SCORE = 5
/** A FAQ question must match the resident's this well both ways (each one's words found in the other). */
export const MIN_FAQ_MATCH = 0.6
/** Passages handed to an LLM as evidence. */
const EVIDENCE = 3

export function readPassages(file = passagesFile): Passage[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => Passage.parse(JSON.parse(l)))
}

export type KnowledgeOptions = { passages?: readonly Passage[]; region: Region; seg?: Segmenter; minCoverage?: number; minScore?: number }

/**
 * Answers a question from the FAQ first, then from the documents in force in the deployment's region, with
 * an extractive answer and its source; declines when the evidence is weak. Pure and synchronous: the server's
 * ask route and `npm run nlu -- ask` run this same code.
 */
export function createKnowledge(o: KnowledgeOptions) {
  const regions = regionsInForce[o.region]
  const inForce = (o.passages ?? readPassages()).filter((p) => regions.includes(p.region))
  const seg = o.seg ?? createSegmenter()
  const search = createSearch(inForce, seg)
  const minCoverage = o.minCoverage ?? MIN_COVERAGE
  const minScore = o.minScore ?? MIN_SCORE

  function faqMatch(question: string, faq: readonly FaqEntry[]): { entry: FaqEntry; match: number } | null {
    if (!faq.length) return null
    const q = search.query(question)
    const asked = new Set(search.words(question))
    let best: { entry: FaqEntry; match: number } | null = null
    for (const entry of faq) {
      const theirs = new Set(search.words(entry.question))
      const match = Math.min(search.coverage(q, (w) => theirs.has(w)), search.coverage(search.query(entry.question), (w) => asked.has(w)))
      if (!best || match > best.match) best = { entry, match }
    }
    return best && best.match >= MIN_FAQ_MATCH ? best : null
  }

  function ask(question: string, faq: readonly FaqEntry[] = []): AskResult {
    const f = faqMatch(question, faq)
    if (f) {
      return {
        answer: withSource(f.entry.answer, f.entry.source), sources: [{ id: `faq-${f.entry.id}`, title: f.entry.question, clause: null }],
        abstained: false, via: 'faq', score: f.match, coverage: f.match, engine: 'local', evidence: [],
      }
    }
    const hits = search.search(question, EVIDENCE)
    const top = hits[0]
    const evidence = hits.map((h) => ({ id: h.passage.id, docTitle: h.passage.docTitle, clause: h.passage.clause, title: h.passage.title, text: h.passage.text }))
    const measured = { score: top?.score ?? 0, coverage: top?.coverage ?? 0, engine: 'local' as const, evidence }
    if (!top || top.focus < minCoverage || top.score < minScore) return { answer: null, sources: [], abstained: true, via: 'none', ...measured }
    const p = top.passage
    return {
      answer: composeAnswer(p, search.query(question), search.words), sources: [{ id: p.id, title: p.title, clause: p.clause }],
      abstained: false, via: 'documents', ...measured,
    }
  }

  return { ask, search, region: o.region, passages: inForce, citation }
}
export type Knowledge = ReturnType<typeof createKnowledge>
