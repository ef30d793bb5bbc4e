import { existsSync } from 'node:fs'
import { createSegmenter } from '../../bot/nlu/segment.ts'
import { holdsFacts, knowledgeSetFile, questionSets, readEvalQuestions, type EvalQuestion } from '../../bot/nlu/eval-knowledge.ts'
import { stderrLogger } from '../log.ts'
import { createKnowledge } from './answer.ts'
import { memoryVectors, semanticFromEnv } from './embeddings.ts'
import { residentsAsks } from './search.ts'
import { GATE_FEATURES, logit, passesThresholds, thresholds, type GateFeatures, type LogisticGate, type ThresholdGate } from './gate.ts'

// `npm run -s kb:calibrate`: when the local engine should stop answering. Every question of the calibration sets
// is asked with no gate at all; then a gate is scored as a resident would: a right answer or a right refusal +1,
// a wrong answer (a wrong fact, or an answer where the documents say nothing) −2, a refusal of a question the
// documents answer 0 (it goes to the grid worker). A wrong answer from a government bot is worse than none.
// The gates are compared by 5-fold cross-validation (each fitted on four fifths, scored on the fifth, repeated over
// ten shuffles): the two thresholds in use, the two thresholds refitted per fold, and a logistic regression over
// the top hits. Each is also fitted on all the questions, its constants printed for server/knowledge/gate.ts.
// The current pair was fitted on dev and dev2, which are among these questions: its row flatters it there.
// Each set's questions are asked with that set left out of the residents' asks (search.ts askedInSets), every other
// set's questions in them: the features are those of a question the asks have not seen.

/**
 * Every question set in data/knowledge. A new set is scored once by `npm run eval` (the README keeps that first score)
 * before the gate is refitted with it: the gate learns only from questions already scored.
 */
export const calibrationSets = questionSets()

/**
 * heldOut: a question the earlier thresholds (0.55/6) were not fitted on: any set but dev and dev2. declined: the
 * bot declines it whatever the gate says (asked for a number the answer does not state: server/knowledge/quantity.ts).
 */
export type Seen = { q: EvalQuestion; f: GateFeatures; right: boolean; declined: boolean; heldOut: boolean }

export async function measure(sets = calibrationSets): Promise<Seen[]> {
  // The gate the knowledge base would consult is handed each question's features and lets every answer through: the
  // features come from the very search that makes the answer, not from a second one.
  const last: { f: GateFeatures | null } = { f: null }
  const seg = createSegmenter()
  const vectors = memoryVectors()
  const seen: Seen[] = []
  for (const name of sets.filter((n) => existsSync(knowledgeSetFile(n)))) {
    // Each set's own questions are left out of the residents' asks, as the gate meets a question it has not seen.
    const knowledge = createKnowledge({ region: 'xinyang', seg, asks: residentsAsks(name), gate: (f) => { last.f = f; return true } })
    // With EMBEDDING_* set, the gate is fitted on the hybrid ranking a deployment with that model would use.
    const semantic = await semanticFromEnv(knowledge, stderrLogger(), process.env, vectors)
    for (const q of readEvalQuestions(knowledgeSetFile(name))) {
      last.f = null
      const r = knowledge.ask(q.question, [], semantic ? (await semantic.closeness(q.question))! : undefined)
      const f = last.f ?? { support: 0, coverage: 0, score: 0, echo: 0, likeness: 0, margin: 0, words: 0 }
      const right = 'facts' in q && r.answer !== null && holdsFacts(r.answer, q.facts)
      seen.push({ q, f, right, declined: r.abstained, heldOut: name !== 'dev' && name !== 'dev2' })
    }
  }
  return seen
}

type Tally = { total: number; rightAnswers: number; rightRefusals: number; wrong: number }
export function utility(seen: readonly Seen[], answers: (f: GateFeatures) => boolean): Tally {
  const t: Tally = { total: 0, rightAnswers: 0, rightRefusals: 0, wrong: 0 }
  for (const s of seen) {
    const answered = !s.declined && answers(s.f)
    if (answered && s.right) { t.total += 1; t.rightAnswers++ } else if (answered) { t.total -= 2; t.wrong++ } else if (!('facts' in s.q)) { t.total += 1; t.rightRefusals++ }
  }
  return t
}
const better = (a: Tally, b: Tally) => a.total > b.total || (a.total === b.total && a.rightAnswers > b.rightAnswers)

export function fitThresholds(seen: readonly Seen[]): ThresholdGate {
  let best: { g: ThresholdGate; t: Tally } | null = null
  for (let c = 0.3; c <= 0.91; c += 0.05) {
    for (let s = 0; s <= 8; s += 0.5) {
      const g = { minCoverage: Number(c.toFixed(2)), minScore: s }
      const t = utility(seen, (f) => passesThresholds(g, f))
      if (!best || better(t, best.t)) best = { g, t }
    }
  }
  return best!.g
}

/**
 * Logistic regression of "answering gives a right answer" on the standardised features (gradient descent, a little
 * L2), written back on the raw features; the cut is the score that does best on the same questions.
 */
export function fitLogistic(seen: readonly Seen[], features: ReadonlyArray<keyof GateFeatures> = GATE_FEATURES, l2 = 0.01): LogisticGate {
  const xs = seen.map((s) => features.map((k) => s.f[k]))
  const ys = seen.map((s) => (s.right ? 1 : 0))
  const mean = features.map((_, j) => xs.reduce((a, x) => a + x[j]!, 0) / xs.length)
  const sd = features.map((_, j) => Math.sqrt(xs.reduce((a, x) => a + (x[j]! - mean[j]!) ** 2, 0) / xs.length) || 1)
  const zs = xs.map((x) => x.map((v, j) => (v - mean[j]!) / sd[j]!))
  let b = 0
  const w = features.map(() => 0)
  for (let it = 0; it < 3000; it++) {
    let gb = 0
    const gw = w.map(() => 0)
    zs.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-(b + z.reduce((a, v, j) => a + v * w[j]!, 0))))
      gb += p - ys[i]!
      z.forEach((v, j) => { gw[j]! += (p - ys[i]!) * v })
    })
    b -= 0.5 * gb / zs.length
    w.forEach((_, j) => { w[j]! -= 0.5 * (gw[j]! / zs.length + l2 * w[j]!) })
  }
  const weights = Object.fromEntries(GATE_FEATURES.map((k) => [k, 0])) as Record<keyof GateFeatures, number>
  features.forEach((k, j) => { weights[k] = w[j]! / sd[j]! })
  const gate: LogisticGate = { bias: b - features.reduce((a, _, j) => a + (w[j]! * mean[j]!) / sd[j]!, 0), weights, cut: 0 }
  let best: { cut: number; t: Tally } | null = null
  for (const cut of [...new Set(seen.map((s) => logit(gate, s.f)))]) {
    const t = utility(seen, (f) => logit(gate, f) >= cut)
    if (!best || better(t, best.t)) best = { cut, t }
  }
  return { ...gate, cut: best!.cut }
}

type Model = { name: string; fit: (train: readonly Seen[]) => (f: GateFeatures) => boolean }
/**
 * The regressions compared: on the best passage's share and score, with how nearly the question echoes a resident's
 * ask, on all but which passage the asks pooled point to (likeness.ts), and on everything.
 */
const logisticModels: Array<[string, ReadonlyArray<keyof GateFeatures>]> = [
  ['逻辑回归（覆盖, 分数）', ['support', 'score']],
  ['逻辑回归（覆盖, 分数, 字面）', ['support', 'score', 'echo']],
  ['逻辑回归（不含问法归属的 6 项）', GATE_FEATURES.filter((k) => k !== 'likeness')],
  [`逻辑回归（全部 ${GATE_FEATURES.length} 项）`, GATE_FEATURES],
]
export const models: Model[] = [
  { name: '原先的 0.55/6（不再拟合）', fit: () => (f) => passesThresholds(thresholds, f) },
  { name: '两阈值（覆盖, 分数）', fit: (train) => { const g = fitThresholds(train); return (f) => passesThresholds(g, f) } },
  ...logisticModels.map(([name, features]) => ({ name, fit: (train: readonly Seen[]) => { const g = fitLogistic(train, features); return (f: GateFeatures) => logit(g, f) >= g.cut } })),
]

/** Seeded shuffle, stratified by label, into k folds: the same folds on every run. */
export function folds(seen: readonly Seen[], k: number, seed: number): number[] {
  let state = seed
  const random = () => { state = (state * 1103515245 + 12345) % 2 ** 31; return state / 2 ** 31 }
  const fold = new Array<number>(seen.length)
  for (const label of ['right', 'inScopeWrong', 'outOfScope']) {
    const idx = seen.flatMap((s, i) => ((s.right ? 'right' : 'facts' in s.q ? 'inScopeWrong' : 'outOfScope') === label ? [i] : []))
    for (let i = idx.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [idx[i], idx[j]] = [idx[j]!, idx[i]!] }
    idx.forEach((i, n) => { fold[i] = n % k })
  }
  return fold
}

export function crossValidate(seen: readonly Seen[], model: Model, k = 5, repeats = 10, scored: (s: Seen) => boolean = () => true): Tally & { perRepeat: number[] } {
  const sum: Tally & { perRepeat: number[] } = { total: 0, rightAnswers: 0, rightRefusals: 0, wrong: 0, perRepeat: [] }
  for (let r = 0; r < repeats; r++) {
    const fold = folds(seen, k, 7 + r)
    let total = 0
    for (let i = 0; i < k; i++) {
      const answers = model.fit(seen.filter((_, j) => fold[j] !== i))
      const t = utility(seen.filter((s, j) => fold[j] === i && scored(s)), answers)
      total += t.total
      sum.rightAnswers += t.rightAnswers; sum.rightRefusals += t.rightRefusals; sum.wrong += t.wrong
    }
    sum.total += total
    sum.perRepeat.push(total)
  }
  return sum
}

async function main() {
  const seen = await measure()
  const inScope = seen.filter((x) => 'facts' in x.q).length
  const reachable = seen.filter((x) => x.right).length
  const repeats = 10
  const pct = (x: number, n: number) => `${((x / n) * 100).toFixed(1)}%`
  const lines = [
    `校准集：${seen.length} 题（可答 ${inScope}，其中不设门槛时答对 ${reachable}；应拒答 ${seen.length - inScope}）`,
    `5 折交叉验证 × ${repeats} 次洗牌（每折在其余四折上拟合，得分为留出折之和，取各次平均）：`,
    '门槛                      得分（各次最低–最高）  可答答对  正确拒答  答错',
  ]
  for (const m of models) {
    const t = crossValidate(seen, m, 5, repeats)
    lines.push(`${m.name.padEnd(20)}${(t.total / repeats).toFixed(1).padStart(8)}（${Math.min(...t.perRepeat)}–${Math.max(...t.perRepeat)}）`
      + `${pct(t.rightAnswers / repeats, inScope).padStart(10)}${pct(t.rightRefusals / repeats, seen.length - inScope).padStart(10)}${(t.wrong / repeats).toFixed(1).padStart(7)}`)
  }
  const heldOut = (s: Seen) => s.heldOut
  lines.push(`只计原先阈值未见过的题（dev、dev2 以外的 ${seen.filter(heldOut).length} 题）的留出得分：`
    + models.slice(0, 2).map((m) => `${m.name} ${(crossValidate(seen, m, 5, repeats, heldOut).total / repeats).toFixed(1)}`).join('，'))
  const th = fitThresholds(seen)
  const show = (name: string, t: Tally) => `${name}：得分 ${t.total}，答对 ${t.rightAnswers}/${inScope}，正确拒答 ${t.rightRefusals}/${seen.length - inScope}，答错 ${t.wrong}`
  lines.push('在全部题上拟合：', `  两阈值 minCoverage=${th.minCoverage} minScore=${th.minScore}`, `  ${show('两阈值', utility(seen, (f) => passesThresholds(th, f)))}`)
  for (const [name, features] of logisticModels) {
    const lr = fitLogistic(seen, features)
    const constants = { bias: Number(lr.bias.toFixed(4)), weights: Object.fromEntries(GATE_FEATURES.map((k) => [k, Number(lr.weights[k].toFixed(4))])), cut: Number(lr.cut.toFixed(4)) }
    lines.push(`  ${name} ${JSON.stringify(constants)}`, `  ${show(name, utility(seen, (f) => logit(lr, f) >= lr.cut))}`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

if (process.argv[1]?.endsWith('calibrate.ts')) main().catch((err: Error) => { process.stderr.write(`${err.message}\n`); process.exitCode = 1 })
