import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { AskResult } from '../../server/contract/index.ts'

// The policy-answer part of `npm run eval`: questions asked the way villagers ask, each with the facts a
// correct answer must hold and where they come from, and questions the documents do not cover (other regions
// included) that must be declined. Which sets tuned or calibrated what, and which were only scored, is said in eval.ts.

/** The sets written one after another, each in a folder of its own (final, final2 …) under `dir`, in the order they were written. */
export const laterSets = (dir: string) => readdirSync(dir).filter((d) => /^final\d*$/.test(d)).sort((a, b) => Number(a.slice(5) || 1) - Number(b.slice(5) || 1))

/** Every question set, in the order they were written: dev, dev2, test, then the later ones. */
export const questionSets = () => ['dev', 'dev2', 'test', ...laterSets(knowledgeDir)]

/** The question sets: dev, dev2 and test in eval/, each later set (final, final2 …) in a folder of its own. */
export const knowledgeDir = join(import.meta.dirname, '../../data/knowledge')
/** Where a question set lives. */
export const knowledgeSetFile = (name: string) =>
  (name.startsWith('final') ? join(knowledgeDir, name, 'questions.jsonl') : join(knowledgeDir, 'eval', `${name}.jsonl`))

const Fact = z.union([z.string(), z.array(z.string()).min(1)])
export const EvalQuestion = z.union([
  z.object({ id: z.string(), question: z.string(), facts: z.array(Fact).min(1), sources: z.array(z.string()).min(1) }),
  z.object({ id: z.string(), question: z.string(), decline: z.literal(true), why: z.string() }),
])
export type EvalQuestion = z.infer<typeof EvalQuestion>

export function readEvalQuestions(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => EvalQuestion.parse(JSON.parse(l)))
}

/** Full-width and half-width forms are one: the documents write both 乡镇（街道） and 乡镇(街道). */
const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
/** Every fact (or one of its alternatives) appears in the answer, spaces and the width of punctuation aside. */
export const holdsFacts = (answer: string, facts: Array<string | string[]>) =>
  facts.every((f) => (Array.isArray(f) ? f : [f]).some((alt) => squeeze(answer).includes(squeeze(alt))))

export type AnswerReport = {
  answerable: number
  correct: number
  /** Correct and citing one of the expected sources. */
  correctSource: number
  outOfScope: number
  declined: number
  lengths: number[]
  overLimit: number
  withoutSource: number
  misses: Array<{ id: string; question: string; got: string }>
}

export function scoreAnswers(items: EvalQuestion[], results: AskResult[], limit = 300): AnswerReport {
  const r: AnswerReport = { answerable: 0, correct: 0, correctSource: 0, outOfScope: 0, declined: 0, lengths: [], overLimit: 0, withoutSource: 0, misses: [] }
  items.forEach((item, i) => {
    const a = results[i]!
    if (a.answer !== null) {
      r.lengths.push([...a.answer].length)
      if ([...a.answer].length > limit) r.overLimit++
      if (!a.sources.length || !a.answer.includes('来源：')) r.withoutSource++
    }
    const got = a.abstained ? '（拒答）' : `${a.answer}【${a.sources.map((s) => s.id).join(',')}】`
    if ('decline' in item) {
      r.outOfScope++
      if (a.abstained) r.declined++
      else r.misses.push({ id: item.id, question: item.question, got })
      return
    }
    r.answerable++
    const ok = !a.abstained && a.answer !== null && holdsFacts(a.answer, item.facts)
    if (ok) r.correct++
    if (ok && a.sources.some((s) => item.sources.includes(s.id))) r.correctSource++
    if (!ok) r.misses.push({ id: item.id, question: item.question, got })
  })
  return r
}

const pct = (x: number, n: number) => `${n ? ((x / n) * 100).toFixed(1) : '0.0'}%`
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * q) - 1)]! : 0 }

export function formatAnswerReport(label: string, r: AnswerReport): string[] {
  return [
    `${label}：可答 ${r.answerable} 题，答对（含全部要点）${pct(r.correct, r.answerable)}（目标 ≥90%），其中来源也对 ${pct(r.correctSource, r.answerable)}；`
      + `超出范围 ${r.outOfScope} 题，拒答 ${pct(r.declined, r.outOfScope)}（目标 ≥90%）`,
    `  答案长度（字）：中位 ${quantile(r.lengths, 0.5)}，最长 ${Math.max(0, ...r.lengths)}，超过 300 字 ${r.overLimit} 条，无来源 ${r.withoutSource} 条`,
    ...r.misses.slice(0, 12).map((m) => `  ✗ ${m.id} ${m.question} → ${m.got.replace(/\n/g, ' ').slice(0, 90)}`),
  ]
}
