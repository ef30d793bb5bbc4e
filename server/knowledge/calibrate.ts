import { join } from 'node:path'
import { holdsFacts, knowledgeEvalDir, readEvalQuestions, type EvalQuestion } from '../../bot/nlu/eval-knowledge.ts'
import { createKnowledge } from './answer.ts'

// `npm run -s kb:calibrate`: where the local engine should stop answering. Every question of the calibration sets
// (data/knowledge/eval/dev.jsonl and dev2.jsonl; never a held-out set) is asked with no threshold at all; then each
// pair of thresholds is scored as a resident would: a right answer or a right refusal +1, a wrong answer (a wrong
// fact, or an answer where the documents say nothing) −2, a refusal of a question the documents answer 0 (it
// goes to the grid worker). A wrong answer from a government bot is worse than none.

type Seen = { q: EvalQuestion; support: number; score: number; right: boolean }

export function measure(files = ['dev.jsonl', 'dev2.jsonl']): Seen[] {
  const knowledge = createKnowledge({ region: 'xinyang', minCoverage: 0, minScore: 0 })
  return files.flatMap((f) => readEvalQuestions(join(knowledgeEvalDir, f))).map((q) => {
    const r = knowledge.ask(q.question)
    const top = knowledge.search.search(q.question, 1)[0]
    const right = 'facts' in q && r.answer !== null && holdsFacts(r.answer, q.facts)
    return { q, support: top ? Math.max(top.focus, top.asked) : 0, score: top?.score ?? 0, right }
  })
}

export function utility(seen: Seen[], minCoverage: number, minScore: number) {
  let total = 0, rightAnswers = 0, rightRefusals = 0, wrong = 0
  for (const s of seen) {
    const answers = s.support >= minCoverage && s.score >= minScore
    const inScope = 'facts' in s.q
    if (answers && s.right) { total += 1; rightAnswers++ } else if (answers) { total -= 2; wrong++ } else if (!inScope) { total += 1; rightRefusals++ }
  }
  return { total, rightAnswers, rightRefusals, wrong }
}

function main() {
  const seen = measure()
  const grid: Array<{ c: number; s: number } & ReturnType<typeof utility>> = []
  for (let c = 0.3; c <= 0.91; c += 0.05) for (let s = 0; s <= 8; s += 0.5) grid.push({ c: Number(c.toFixed(2)), s, ...utility(seen, c, s) })
  grid.sort((a, b) => b.total - a.total || b.rightAnswers - a.rightAnswers)
  const inScope = seen.filter((x) => 'facts' in x.q).length
  const lines = [`校准集：${seen.length} 题（可答 ${inScope}，应拒答 ${seen.length - inScope}）`, '覆盖阈值  分数阈值  得分  答对  正确拒答  答错']
  for (const g of grid.slice(0, 10)) lines.push(`${g.c.toFixed(2).padStart(8)}${g.s.toFixed(1).padStart(10)}${String(g.total).padStart(6)}${String(g.rightAnswers).padStart(6)}${String(g.rightRefusals).padStart(10)}${String(g.wrong).padStart(6)}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

if (process.argv[1]?.endsWith('calibrate.ts')) main()
