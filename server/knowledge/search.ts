import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Segmenter } from '../../bot/nlu/segment.ts'
import { createBm25, type Form, type Need } from './bm25.ts'
import type { Passage } from './passage.ts'
import { askedQuantities, holdsAsked, statedQuantities } from './quantity.ts'
import { enumerates, sentences } from './sentences.ts'
import { trainLikeness } from './likeness.ts'
import { knowledgeSetFile, questionSets, readEvalQuestions } from '../../bot/nlu/eval-knowledge.ts'
import { askedKindWords, askedSubjects, asksList, introducesPattern, quotedTerms } from './asks.ts'

const synonymsFile = join(import.meta.dirname, '../../data/knowledge/synonyms.json')
const asksDir = join(import.meta.dirname, '../../data/knowledge/asks')

/**
 * How residents ask for what each passage says ("评上三星户有啥好处"), written by the team per passage in
 * data/knowledge/asks: the bridge between village words and the documents' wording, for ranking and for telling
 * a covered question from one that only shares a word.
 */
export function readAsks(dir = asksDir): Map<string, string[]> {
  const out = new Map<string, string[]>()
  if (!existsSync(dir)) return out
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim())) {
      const { id, asks } = JSON.parse(line) as { id: string; asks: string[] }
      out.set(id, [...(out.get(id) ?? []), ...asks])
    }
  }
  return out
}

/**
 * The question sets already scored (data/knowledge: dev, dev2, test, final …) are residents' asks too: each question
 * the documents answer asks for its first source. `except`: a set left out, so that it is scored as if unseen (each
 * set is, in `npm run eval` and `kb:calibrate`; a new set's first score is taken this way before anything is tuned on it).
 */
export function askedInSets(except?: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const name of questionSets().filter((n) => n !== except && existsSync(knowledgeSetFile(n)))) {
    for (const q of readEvalQuestions(knowledgeSetFile(name))) {
      if (!('sources' in q)) continue
      const id = q.sources[0]!
      out.set(id, [...(out.get(id) ?? []), q.question])
    }
  }
  return out
}

/** Every way residents asked: the asks written per passage, then the questions of every scored set but `except`. */
export function residentsAsks(except?: string, dir = asksDir): Map<string, string[]> {
  const out = readAsks(dir)
  for (const [id, asks] of askedInSets(except)) out.set(id, [...(out.get(id) ?? []), ...asks])
  return out
}

/** Question words and particles: they say what kind of answer is wanted, not what it is about. */
const STOPWORDS = new Set(`的 了 吗 呢 吧 啊 呀 哦 嘛 么 不 没 是 有 在 和 与 及 或 也 都 就 还 又 要 会 能 可以 可 得 给 让 把 被 从 到 对 去 来 上 下 里 中 着 过
  什么 怎么 怎么样 如何 为什么 多少 几 几个 哪 哪里 哪儿 哪些 哪个 谁 啥 咋 那 这 这个 那个 一个 一下 请问 问 问一下 想 知道 听说 我 我们 你 你们 他 她 它 他们 大家 家 人家
  自己 现在 今年 一般 需要 应该 是不是 有没有 能不能 行不行 可不可以 个 回 次 些 点 儿 吃 跑 指 叫 做 弄 搞 干 干啥 干什么 意思 回事 咋回事 怎么回事 东西 事 事儿 情况 哪五 哪三 几种 整 怎么办 怎么整
  俺 恁 咱 额 呗 咧 哈 嗯 啦 哎 诶 么样 怎样 咋样 怎么着 啥样 什么样 一共 总共 到底 究竟 具体 都是 就是 还是 可能 能够 不能 不会 没有 不行 行 中 好不好 对不对 算不算 管不管
  多大 多远 一样 按 按照 根据 一些 那些 这些 这样 那样 谁家 啥时候 什么时候 时候 哪天 哪一天 多会儿 咋弄 咋办 咋整 有啥 有什么 是啥 是什么 算 呀 哇
  嘞 哩 来着 咯 喽 呐 该`.split(/\s+/).filter(Boolean))

export type Hit = {
  passage: Passage
  /** BM25F: the question's words in the title (or, for a Q&A item, its question) and in the body. */
  score: number
  /** Share of the question's content words (by idf) that the passage holds, itself or by a synonym: 0..1. */
  coverage: number
  /** The same share within the passage's best two neighbouring sentences: an answer is said in one place. */
  focus: number
  /** How well the question matches the best of the ways residents ask for this passage (residentsAsks): 0..1. */
  asked: number
  /** How nearly it reads, character by character, like one of those ways (Dice's coefficient of pairs): 0..1. */
  echo: number
  /** This passage's share of the question by all its residents' asks pooled (likeness.ts): 0..1 over the passages. */
  likeness: number
  /**
   * How near its meaning is to the question's by an embedding model, when one is configured (embeddings.ts): 1 for
   * the nearest passage, 0 for one no nearer than the average passage; 0 without a model.
   */
  semantic: number
  /** What the hits are ordered by. */
  rank: number
}

export type SearchOptions = {
  /** Weight of a section title and of a Q&A item's question against the body (1). */
  titleWeight: number
  questionWeight: number
  /** Weight of the ways residents ask for a passage (residentsAsks), against the body (1). */
  asksWeight: number
  /**
   * How much it adds to the ranking, in units of the best BM25F score, that the question reads almost like one of
   * the ways residents ask for a passage, character by character ("饺子宴谁能去吃"): the words that tell such
   * questions apart (谁能去, 在哪) are the ones retrieval sets aside as filler.
   */
  echoWeight: number
  /**
   * How much nearness of meaning (Hit.semantic) adds to the ranking, in units of the best BM25F score, when an
   * embedding model is configured. No model can be run here, so this is set, not fitted; `npm run eval` and
   * `kb:calibrate` measure it on every question set when EMBEDDING_* is set.
   */
  semanticWeight: number
  /** The passages nearest in meaning join the lexical candidates, this many of them. */
  semanticCandidates: number
  /** A synonym, or a part of a longer word, counts this much of the word itself. */
  synonymWeight: number
  partWeight: number
  /** Survey articles and speeches tell about a policy; the standard and the Q&A state it, so they are cited first. */
  commentaryFactor: number
  /**
   * The Puyang Q&A answers each question twice, once for villages (农村篇) and once for city communities (城市社区篇):
   * a question that names one setting ("社区想评四星") takes the other's answer at this factor.
   */
  settingFactor: number
  /** How much the best window's coverage adds to the ranking, in units of the best BM25F score. */
  focusWeight: number
  /** A number of the kind asked for ("多少人" → "不少于18人"), against a word of the question (1). */
  quantityWeight: number
  /** Two neighbouring words of the question found together in the passage ("干部包片"), against a word (1). */
  phraseWeight: number
  /** A one-character word ("人", "村") is often a fragment: it counts this much of a longer one. */
  singleCharWeight: number
  /**
   * In coverage, a word that is not a thing (a verb, an adverb, a word jieba guessed: 拖, 再评, 不好) weighs this much
   * of a thing (户口, 残疾证): what a question is about decides whether the documents cover it, not how it is put.
   */
  otherWordWeight: number
  /** In coverage and in the asks' likeness, a word said only in the clauses around the question, not in those that ask, weighs this much. */
  contextWeight: number
  /** In coverage, a word of the asker's own story (ASIDE) or an idiom (一头雾水) weighs this much of a thing. */
  asideWeight: number
  /** "X是啥": a passage that defines X ("X：", "X是指"), against a word (1). */
  definitionWeight: number
  /** "X是干啥的", "在哪": words of purpose (目的, 职责 …) or of a place (场地, 大厅 …), against a word (1). */
  purposeWeight: number
  /** "是哪三颗星", "有哪几个窗口": how much a passage that lists things adds to the ranking, as focusWeight does. */
  listWeight: number
  /**
   * How much the passage's share of the question by all its residents' asks pooled (likeness.ts) adds to the ranking:
   * "……俺一个人顾不过来，网格员一般多久上门走访一回" shares words with 智能网格员, but residents ask it of 敲门行动.
   * 0.25 did best in the gate's cross-validation of 0, 0.1, 0.15, 0.25, 0.35 and 0.5.
   */
  likenessWeight: number
  /**
   * How much a passage whose title the asker quoted ("那个“三评”是谁来评") adds to the ranking: the clause named 三评, not
   * the one that names 三评两比一综合 in passing, by as much as the best BM25F score. Every such question in the sets so
   * far (7) asked about that clause.
   */
  namedWeight: number
  k1: number
  b: number
}
export const defaultSearchOptions: SearchOptions = {
  titleWeight: 2, questionWeight: 3, asksWeight: 1, echoWeight: 1, semanticWeight: 0.5, semanticCandidates: 5, synonymWeight: 0.5, partWeight: 0.5, commentaryFactor: 0.85, settingFactor: 0.75, focusWeight: 0.5, quantityWeight: 1, phraseWeight: 1, singleCharWeight: 1, otherWordWeight: 0.5, asideWeight: 0.15, contextWeight: 0.3, definitionWeight: 1, purposeWeight: 0.5, listWeight: 0.45, likenessWeight: 0.25, namedWeight: 1, k1: 1.2, b: 0.75,
}

/**
 * Words of the asker's own story told around a question ("俺娘不会弄手机", "俺儿子在城里跑外卖"): the family, the
 * phone, "老百姓". The documents seldom hold them, and counted fully they make a covered question look uncovered.
 */
const ASIDE = new Set(`儿子 闺女 女儿 孙子 孙女 外孙 老伴 媳妇 老婆 老公 男人 老头 老头子 老婆子 老太太 我妈 我爸 妈 爸 娘 爹 婆婆 公公
  丈母娘 大哥 二哥 大姐 兄弟 姐姐 妹妹 弟弟 哥哥 亲戚 邻居 隔壁 手机 微信 心里 脑子 眼睛 腿脚 身体 岁数大 年纪大 老百姓 咱们`.split(/\s+/))
/** Idioms and descriptive words, by jieba's tag (一头雾水, 干瞪眼, 拖拖拉拉): how the asker feels, not what is asked. */
const isSaying = (tag: string) => /^[ilz]$/.test(tag)
const COMMENTARY = /^xy-(survey|talk)-/
type Setting = 'city' | 'village'
/** The Q&A items written for the other setting than the question's. */
const OTHER_SETTING: Record<Setting, RegExp> = { city: /^py-qa-village-/, village: /^py-qa-community-/ }
/** "俺们小区还没成立业委会" speaks of a city community, "村里公厕" of a village, "社区和村" of neither alone. */
function settingOf(question: string): Setting | null {
  const city = /社区|小区|业委会|业主|物业|城里/.test(question)
  const village = question.includes('村')
  return city === village ? null : city ? 'city' : 'village'
}
/** Things, by jieba's tag: nouns, names, abbreviations (两委), nouns made of verbs (补偿), places (村里). */
const isThing = (tag: string) => /^(n|nr|ns|nt|nz|nw|j|vn|an|s)$/.test(tag)
const ASKING = new Set(['什么', '哪些', '哪个', '哪', '多少', '几', '几个', '啥'])
const UNIT_CHARS = '人项天户次个岁元条年月名'
/** "什么地方", "啥时候": the kind of answer, asked with a question word. */
const ASKED_KIND = new Set(['地方', '时候'])
const isQuestion = (title: string) => /[？?]$/.test(title)
/** A clause that asks: a question word or particle, or a question mark after it. */
const ASKS = /[吗嘛么呢？?]|啥|咋|谁|哪|多少|(?<![好这那前十没])几|怎|什么|不中|能不能|是不是|有没有|不$|没$/
/**
 * The clauses of a question that ask, when it also tells a story around them ("俺门口那排水沟堵了快一个月，……，
 * 那下一步该找谁？"); null when every clause asks or none does.
 */
function askingPart(clauses: readonly string[]): string | null {
  const asking = clauses.filter(asksSomething)
  return asking.length && asking.length < clauses.length ? asking.join('，').toLowerCase() : null
}
const clausesOf = (question: string) => question.split(/(?<=[？?])|[，。！!、,.；;\s]+/).filter(Boolean)
const asksSomething = (clause: string) => ASKS.test(clause)
/** The clauses of a question that ask something: two of them ("得多长时间整顿到位？当年还能评星不") ask two things. */
export const askingClauses = (q: Pick<Query, 'clauses'>) => q.clauses.filter(asksSomething)
/**
 * A question about a lack ("俺们小区成立不了业委会咋办", "没物业咋弄") is answered by the sentence about that lack
 * ("对暂不具备成立业主委员会条件的，指导组建物业管理委员会"), not by the one about the usual case that shares its words.
 */
const LACK_ASKED = /(?<!有)没(?!有?[？?，。！!\s]*$)|[^\s]不了|不起来|不够|不足|缺|不成/
/** A sentence about a lack: 暂不具备…条件的, 无物业小区, 不能有效解决的, 党员较少的村. */
const LACK_STATED = /不具备|暂不|(?<!三)无(?!论|法|须|需)|未能|没有|不足|较少|不到|不能|难以|解决不了|办不了|不了的/
/**
 * Whether a question asks about a lack: in a clause that asks, or just before one that asks nothing of its own
 * ("还没成立业委会，这咋弄"). A lack told in the story around another ask ("乡里办不了的事牵扯好几个部门，这哨吹给谁")
 * is not what is asked.
 */
function asksOfLack(clauses: readonly string[], terms: readonly string[]): boolean {
  return clauses.some((c, i) => {
    if (!LACK_ASKED.test(c)) return false
    if (asksSomething(c)) return true
    const next = clauses[i + 1]?.toLowerCase()
    return next !== undefined && asksSomething(next) && !terms.some((t) => next.includes(t))
  })
}
/** A text's pairs of neighbouring characters, punctuation and spaces left out, in order, repeats kept. */
const pairList = (text: string) => {
  const plain = text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')
  return Array.from({ length: Math.max(0, plain.length - 1) }, (_, i) => plain.slice(i, i + 2))
}
const pairsOf = (text: string) => new Set(pairList(text))
/** Dice's coefficient of two sets of character pairs: 1 when the texts read the same, 0 when they share no pair. */
const dice = (a: Set<string>, b: Set<string>) => {
  if (!a.size || !b.size) return 0
  let both = 0
  for (const x of a) if (b.has(x)) both++
  return (2 * both) / (a.size + b.size)
}

/**
 * Cosine similarities put on one scale whatever the model: 1 for the nearest passage, 0 for the average one and
 * below. Models differ in how near unrelated texts come (0.2 for one, 0.7 for another); the spread does not.
 */
export function nearness(closeness: readonly number[]): number[] {
  if (!closeness.length) return []
  const mean = closeness.reduce((a, b) => a + b, 0) / closeness.length
  const top = Math.max(...closeness)
  return closeness.map((c) => (top > mean ? Math.max(0, (c - mean) / (top - mean)) : 0))
}

export type Query = {
  /** Content words of the question, in order, without repeats (with jieba's parts of long words: 三星, 文明户 …). */
  terms: string[]
  /** Each whole content word (not the parts) with its synonyms: what coverage counts. */
  expanded: Map<string, string[]>
  /**
   * How much each whole word counts in coverage besides its idf: things count fully, other words less, and words said
   * only around the question ("俺门口那排水沟堵了快一个月，……，那下一步该找谁") less again.
   */
  weights: Map<string, number>
  /** Whether it speaks of a city community (社区, 小区) or of a village (村), when it names one and not the other. */
  setting: Setting | null
  /** It asks for a list ("是哪三颗星", "有哪几个窗口"): a passage that lists things ranks higher, the answer takes each point. */
  list: boolean
  /** Terms the asker put in quotation marks ("三评两比里那个“三评”"): the name of what is asked about. */
  quoted: string[]
  /** The question as jieba cut it, filler and all: with its pairs of characters, what likeness.ts weighs. */
  cut: string[]
  /** The question's clauses, split at its punctuation and spaces, as written. */
  clauses: string[]
  /** The clauses that ask, when a story is told around them (askingPart); null when every clause asks or none does. */
  asking: string | null
}

export function readSynonyms(file = synonymsFile): string[][] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { groups: string[][] }).groups
}

/**
 * BM25F over jieba words: a question's word scores once, by its best form (itself, a synonym or a part of it at a
 * lower weight), so neither filler words nor a passage full of synonyms drive the ranking. Each hit also says
 * how much of the question the passage covers: BM25 ranks, it does not tell an answer from a passage that merely
 * shares a common word.
 */
export function createSearch(passages: readonly Passage[], seg: Segmenter, groups: string[][] = readSynonyms(), options: Partial<SearchOptions> = {}, asks: Map<string, string[]> = residentsAsks()) {
  const o = { ...defaultSearchOptions, ...options }
  const synonyms = new Map<string, string[]>()
  for (const group of groups) {
    const words = group.map((w) => w.toLowerCase())
    for (const w of words) synonyms.set(w, [...new Set([...(synonyms.get(w) ?? []), ...words.filter((x) => x !== w)])])
  }
  const words = (text: string) => seg.words(text)
  const index = createBm25(passages.map((p) => ({
    id: p.id,
    fields: {
      title: isQuestion(p.title) ? [] : words(p.title), question: isQuestion(p.title) ? words(p.title) : [],
      asks: (asks.get(p.id) ?? []).flatMap(words), text: [...words(p.text), ...statedQuantities(p.text)],
    },
  })), { title: { weight: o.titleWeight, b: 0.3 }, question: { weight: o.questionWeight, b: 0.3 }, asks: { weight: o.asksWeight, b: 0.5 }, text: { weight: 1, b: o.b } }, o.k1)
  const askings = new Map(passages.map((p) => [p.id, (asks.get(p.id) ?? []).map((a) => {
    const plain = seg.normalise(a)
    return { vocab: new Set(words(a)), text: plain.toLowerCase(), pairs: pairsOf(plain) }
  })]))
  // Against the asks of every passage, of any region: a question put the way residents ask about a Haimen clause is
  // not surely about the Xinyang one that tops the search (kb:calibrate: 1,316.2 against 1,307.1 with this region's only).
  const likeness = trainLikeness(asks, [...asks.keys()], (text) => [...words(text), ...pairList(seg.normalise(text))])
  const vocabulary = new Map(passages.map((p) => [p.id, new Set(words(`${p.title} ${p.text}`))]))
  const listing = new Set(passages.filter((p) => enumerates(p.text)).map((p) => p.id))
  // Each passage's windows of two neighbouring sentences under its title, segmented once here, not per question.
  const windows = new Map(passages.map((p) => {
    const parts = sentences(p.text)
    return [p.id, parts.map((x, i) => { const text = `${p.title}\n${x}${parts[i + 1] ?? ''}`; return { text, vocab: new Set(words(text)) } })]
  }))
  // Asides and quotes dropped too: "纪检（组织）委员" holds the phrase 纪检委员.
  const texts = passages.map((p) => {
    const text = `${p.title}\n${p.text}`.replace(/\s+/g, '').toLowerCase()
    return `${text}\n${text.replace(/（[^（）]{1,8}）|\([^()]{1,8}\)|[“”"]/g, '')}`
  })
  const documentFrequency = new Map<string, number>()
  for (const set of vocabulary.values()) for (const w of set) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1)
  const n = passages.length
  /**
   * A word no passage holds weighs most: a question about it cannot be answered here. Counted on the text, not on
   * jieba's words, as coverage finds words: "评" is rare as a word but stands in every 评选.
   */
  const held = new Map<string, number>()
  const idf = (w: string) => {
    let df = held.get(w)
    if (df === undefined) {
      if (held.size > 100_000) held.clear()
      df = texts.filter((t) => t.includes(w)).length
      held.set(w, df)
    }
    return Math.log(1 + n / (df + 0.5))
  }

  /**
   * Jieba's HMM glues a particle to a word it does not know ("星要", "户去", "能评", "最多能"): unglue it. Other unknown
   * pairs stay whole ("户口", "电费"): split, their characters would be found everywhere.
   */
  const unglue = (w: string): string[] => {
    if (!/^\p{Script=Han}{2,3}$/u.test(w) || documentFrequency.has(w) || synonyms.has(w) || STOPWORDS.has(w)) return [w]
    if (STOPWORDS.has(w.at(-1)!)) return [w.slice(0, -1)]
    // 儿 ends a word (事儿), it does not begin one: 儿子 stays whole.
    if (STOPWORDS.has(w[0]!) && w[0] !== '儿') return [w.slice(1)]
    return [w]
  }

  function query(question: string): Query {
    // "什么人", "哪些事", "多少项": a one-character word after a question word says what kind of answer, not what about.
    // Jieba glues the unit to the next word ("多少人配"): the unit goes, the word stays.
    const said = words(question)
    const content = said.flatMap((w, i) => {
      if (!ASKING.has(said[i - 1] ?? '')) return [w]
      if (w.length === 1 || ASKED_KIND.has(w)) return []
      return w.length === 2 && UNIT_CHARS.includes(w[0]!) && !documentFrequency.has(w) ? [w[1]!] : [w]
    })
    const terms = [...new Set(content.flatMap(unglue).filter((w) => !STOPWORDS.has(w)))]
    // cutForSearch gives 三星文明户 and its parts 三星, 文明户: count the word once, whole.
    const whole = terms.filter((t) => !terms.some((o) => o !== t && o.length > t.length && o.includes(t)))
    const tagged = seg.tag(question)
    const kindOf = (t: string) => {
      const word = tagged.find((x) => x.word === t) ?? tagged.find((x) => x.word.includes(t))
      if (ASIDE.has(t) || (word && isSaying(word.tag))) return o.asideWeight
      return word && isThing(word.tag) ? 1 : o.otherWordWeight
    }
    // In finding the passage, the story around the question weighs less than what is asked.
    const clauses = clausesOf(question)
    const asking = askingPart(clauses)
    const story = new Set(asking === null ? [] : whole.filter((t) => !asking.includes(t)))
    const weightOf = (t: string) => kindOf(t) * (story.has(t) ? o.contextWeight : 1)
    return { terms, expanded: new Map(whole.map((t) => [t, [t, ...(synonyms.get(t) ?? [])]])), weights: new Map(whole.map((t) => [t, weightOf(t)])), list: asksList(question), quoted: quotedTerms(question), setting: settingOf(question), cut: said, clauses, asking }
  }

  /** What BM25F looks for: each whole word by itself, its synonyms and its parts, the best one counting. */
  function needs(q: Query, question: string): Need[] {
    const out = [...q.expanded].map(([word, forms]) => {
      const own = word.length === 1 ? o.singleCharWeight : 1
      const list: Form[] = [{ term: word, weight: own }, ...forms.slice(1).map((term) => ({ term, weight: own * o.synonymWeight }))]
      for (const part of q.terms) if (part !== word && word.includes(part)) list.push({ term: part, weight: o.partWeight })
      // A word the passages never hold as a word ("户厕" in "卫生户厕") may still be found by its characters.
      if (!index.has(word) && word.length === 2) for (const c of word) list.push({ term: c, weight: o.partWeight })
      return { forms: list }
    })
    for (const term of askedQuantities(seg.normalise(question))) out.push({ forms: [{ term, weight: o.quantityWeight }] })
    for (const words of askedKindWords(question)) out.push({ forms: words.map((term) => ({ term, weight: o.purposeWeight })) })
    return out
  }

  /** Neighbouring words of the question that stand together in a passage too: a phrase, not a coincidence. */
  function phraseScores(q: Query): Map<number, number> {
    const whole = [...q.expanded.keys()]
    const out = new Map<number, number>()
    for (let i = 1; i < whole.length; i++) {
      const phrase = `${whole[i - 1]}${whole[i]}`
      if (phrase.length < 3) continue
      const holders = texts.flatMap((t, j) => (t.includes(phrase) ? [j] : []))
      const idf = Math.log(1 + (n - holders.length + 0.5) / (holders.length + 0.5))
      for (const j of holders) out.set(j, (out.get(j) ?? 0) + o.phraseWeight * idf)
    }
    return out
  }

  /** For "X是啥", "有啥X": the passages that define or list X (or a synonym of it), or whose title names it. */
  function subjectScores(question: string): Map<number, number> {
    const out = new Map<number, number>()
    for (const subject of askedSubjects(question)) {
      const key = seg.normalise(subject).toLowerCase()
      for (const [form, weight] of [[key, 1] as const, ...(synonyms.get(key) ?? []).map((w) => [w, o.synonymWeight] as const)]) {
        const introduces = introducesPattern(form)
        const holders = passages.flatMap((p, j) => (introduces.test(texts[j]!) || p.title.toLowerCase().includes(form) ? [j] : []))
        const idf = Math.log(1 + (n - holders.length + 0.5) / (holders.length + 0.5))
        for (const j of holders) out.set(j, Math.max(out.get(j) ?? 0, o.definitionWeight * weight * idf))
      }
    }
    return out
  }

  /** A word or synonym counts as found in a text when the text holds it, whatever jieba made of the text. */
  const finder = (vocab: Set<string>, text: string) => (w: string) => vocab.has(w) || text.includes(w)

  /**
   * idf-weighted share of the question's words found in a set of words (a passage's, or a FAQ question's). For
   * choosing sentences (`bySynonym`), a word found only by a synonym counts by the synonym's own idf, so "村里", rare
   * as written, is not found in every sentence that says 农村.
   */
  function coverage(q: Query, has: (w: string) => boolean, bySynonym = false): number {
    let total = 0
    let found = 0
    for (const [term, forms] of q.expanded) {
      // A number in a question (an age, a date) is rarely the number the answer holds.
      if (/^\d+$/.test(term)) continue
      const own = idf(term)
      const weight = q.weights.get(term) ?? 1
      total += own * weight
      const matched = forms.filter(has)
      if (matched.length) found += weight * (bySynonym ? Math.max(...matched.map((f) => Math.min(own, idf(f)))) : own)
    }
    return total ? found / total : 0
  }

  function hit(passage: Passage, q: Query, score: number, best: number, said: Set<string>, semantic: number, liked: Map<string, number>): Hit {
    const cover = coverage(q, finder(vocabulary.get(passage.id)!, `${passage.title}\n${passage.text}`))
    let focus = 0
    for (const w of windows.get(passage.id)!) focus = Math.max(focus, coverage(q, finder(w.vocab, w.text)))
    let asked = 0
    let echo = 0
    for (const a of askings.get(passage.id)!) {
      asked = Math.max(asked, coverage(q, finder(a.vocab, a.text)))
      echo = Math.max(echo, dice(said, a.pairs))
    }
    const listed = q.list && listing.has(passage.id) ? o.listWeight : 0
    const named = q.quoted.includes(passage.title) ? o.namedWeight : 0
    const rank = (score / best + o.focusWeight * Math.max(focus, asked) + o.echoWeight * echo + o.likenessWeight * (liked.get(passage.id) ?? 0) + o.semanticWeight * semantic + listed + named)
      * (COMMENTARY.test(passage.id) ? o.commentaryFactor : 1) * (q.setting && OTHER_SETTING[q.setting].test(passage.id) ? o.settingFactor : 1)
    return { passage, score, coverage: cover, focus, asked, echo, likeness: liked.get(passage.id) ?? 0, semantic, rank }
  }

  /**
   * How much one sentence says about the question: its share of the question's words, plus the number or the thing
   * asked for, the kind of answer asked for ("主要干啥" → 职责, "谁来管" → 负责, "在哪" → 场所) and, for a question
   * about a lack, the lack. `q` is the question's query when the caller has it already (one question is segmented
   * and tagged once).
   */
  function relevance(question: string, q: Query = query(question)): (sentence: string) => number {
    const quantities = askedQuantities(seg.normalise(question))
    const subjects = askedSubjects(question).map((x) => introducesPattern(seg.normalise(x).toLowerCase()))
    const lacking = asksOfLack(q.clauses, [...q.expanded.keys()])
    const kinds = askedKindWords(question)
    return (sentence) => {
      const text = sentence.replace(/\s+/g, '').toLowerCase()
      return coverage(q, finder(new Set(words(sentence)), text), true)
        + (holdsAsked(quantities, statedQuantities(text)) ? 0.5 : 0) + (subjects.some((x) => x.test(text)) ? 0.5 : 0)
        + (lacking && LACK_STATED.test(text) ? 0.25 : 0)
        + 0.25 * kinds.filter((words) => words.some((w) => text.includes(w))).length
    }
  }

  return {
    query,
    coverage,
    relevance,
    words,
    /**
     * The best passages for a question. `closeness` is each passage's cosine similarity to the question by an
     * embedding model, in the order of the passages, when one is configured: the nearest passages in meaning join
     * the lexical candidates, and nearness adds to the ranking.
     */
    search(question: string, limit = 5, q: Query = query(question), closeness?: readonly number[]): Hit[] {
      if (!q.terms.length) return []
      const phrases = phraseScores(q)
      const definitions = subjectScores(question)
      const scored = index.search(needs(q, question))
        .map((r) => ({ ...r, score: r.score + (phrases.get(r.index) ?? 0) + (definitions.get(r.index) ?? 0) }))
        .sort((a, b) => b.score - a.score)
      const found = scored.slice(0, 20)
      const near = closeness ? nearness(closeness) : null
      if (near) {
        const nearest = near.map((x, i) => ({ x, i })).sort((a, b) => b.x - a.x).slice(0, o.semanticCandidates)
        for (const { i } of nearest) {
          if (!found.some((r) => r.index === i)) found.push(scored.find((r) => r.index === i) ?? { index: i, id: passages[i]!.id, score: 0 })
        }
      }
      const best = found[0]?.score || 1
      const pairs = pairList(seg.normalise(question))
      const said = new Set(pairs)
      const liked = likeness([...q.cut, ...pairs], (t) => (q.asking === null || q.asking.includes(t) ? 1 : o.contextWeight))
      return found.map((r) => hit(passages[r.index]!, q, r.score, best, said, near?.[r.index] ?? 0, liked)).sort((a, b) => b.rank - a.rank).slice(0, limit)
    },
  }
}
export type Search = ReturnType<typeof createSearch>
