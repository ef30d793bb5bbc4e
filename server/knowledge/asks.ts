/**
 * What kind of answer a question wants, beyond its words. "X是啥" wants the place where X is defined, "有啥X" or
 * "X都有啥" the place where X is listed ("X：…", "…等X"), "X是干啥的" what X is for. The search adds these as
 * extra evidence; they never decide alone.
 */

const END = '[？?。！!吗呢啊呀]*$'
const DEFINITION = new RegExp(`(?:到底|究竟)?(?:是个?啥|是个?什么|是啥意思|啥意思|什么意思|是什么意思|是怎么回事|是咋回事|咋回事|怎么回事|是指啥|是指什么|指的是啥|指的是什么|是干啥的|是干什么的|干啥的|干什么的|是做什么的|有啥用|有什么用)${END}`)
const LISTING_AFTER = new RegExp(`(?:都|一共|总共|主要)?(?:有啥|有什么|有哪些|包括啥|包括什么|包括哪些|是哪些|是哪几[个种条项样]|指哪些|有几[个种条项样])${END}`)
const LISTING_BEFORE = /(?:有|包括|享受|给)(?:啥|什么|哪些)(\p{Script=Han}{2,8}?)[？?。！!吗呢]*$/u
const PURPOSE = new RegExp(`(?:干啥的|干什么的|做什么的|做啥的|有啥用|有什么用|起什么作用|起啥作用|(?:主要|都|平时|平常|具体)(?:是)?(?:干|做|管)(?:点)?(?:啥|什么)(?:活|事)?)${END}`)

const clean = (s: string) => s.replace(/^(?:请问|问一下|我想问|想问下?)[，,\s]*/, '').replace(/[“”"'‘’\s]/g, '')
const fits = (s: string) => s.length >= 2 && s.length <= 12

/** What the question asks to have defined or listed ("饺子宴" in "饺子宴是干啥的", "优惠政策" in "有什么优惠政策"). */
export function askedSubjects(question: string): string[] {
  const q = question.trim()
  const out: string[] = []
  for (const pattern of [DEFINITION, LISTING_AFTER]) {
    const m = pattern.exec(q)
    if (m) out.push(clean(q.slice(0, m.index)))
  }
  const after = LISTING_BEFORE.exec(q)
  if (after) out.push(after[1]!)
  return [...new Set(out.filter(fits))]
}

/** Words that say what a thing is for: a question "X是干啥的", "平时主要干啥" looks for them too, at a lower weight. */
const PURPOSE_WORDS = ['目的', '作用', '用于', '旨在', '职责', '负责', '功能']
export const asksPurpose = (question: string) => PURPOSE.test(question.trim())

const LIST = /哪(些|几|[一二三四五六七八九十两俩仨])(?!年|天|号|点)|都(有|包括|是)(啥|什么|哪)|(啥|什么|谁)(跟|和|与)(啥|什么|谁)/
/** "是哪三颗星", "有哪几个窗口", "绑的是啥跟啥": the answer is a list, all its items, not the first one's details. */
export const asksList = (question: string) => LIST.test(question)
/** What the asker put in quotation marks ("那个“三评”", "「一综合」"): a name, up to twelve characters. */
export const quotedTerms = (question: string) => [...question.matchAll(/[“"「『]([^“”"」』]{1,12})[”"」』]/g)].map((m) => m[1]!.trim())

const PLACE = /在哪|哪里|哪儿|什么地方|啥地方|哪个地方|哪块/
/** Words that name a place: a question "在哪办" looks for them too, at a lower weight. */
const PLACE_WORDS = ['场地', '地点', '场所', '广场', '大厅', '中心', '站点']
export const asksPlace = (question: string) => PLACE.test(question)

const WHO = /谁(?:来|去|在|能)?(?:管|负责|抓|牵头|主持|担任|当|干|弄|盯|办|考核|评|定)|归谁|由谁|是谁(?:的事|的活)|哪个部门|哪个单位|哪级|哪一级/
/** Words that say who does a thing: a question "谁来管"、"归谁抓" looks for them too, at a lower weight. */
const WHO_WORDS = ['负责', '牵头', '担任', '主持', '抓', '分管', '主管']
export const asksWho = (question: string) => WHO.test(question)

const WHEN = /什么时候|啥时候|啥时|哪天|几号|何时|(?<!差不)多会儿?|哪会儿|几月份?/
/** Words that say by when a thing is done ("12月31日前", "月底前"): a question "啥时候之前得报" looks for them too, at a lower weight. */
const WHEN_WORDS = ['日前', '月底', '年底', '日之前', '月之前', '之前', '以前']
export const asksWhen = (question: string) => WHEN.test(question)

/** The words that answer what kind of thing is asked ("干啥的", "在哪", "谁来管", "啥时候"), one list for each kind the question asks. */
export const askedKindWords = (question: string): string[][] =>
  ([[asksPurpose, PURPOSE_WORDS], [asksPlace, PLACE_WORDS], [asksWho, WHO_WORDS], [asksWhen, WHEN_WORDS]] as const).flatMap(([asks, words]) => (asks(question) ? [words] : []))

const KINDS: Array<[string, RegExp]> = [
  ['place', PLACE], ['purpose', PURPOSE], ['who', /谁|哪个部门|哪个单位|找哪/], ['when', /什么时候|啥时候|哪天|几号|何时|多会儿/],
  ['amount', /多少|几[个天项人次岁年月条户]|多久|多长时间/],
]
/** The kinds of answer a question wants ("place", "who", "amount" …): two questions that want different ones differ. */
export const answerKinds = (question: string) => KINDS.filter(([, re]) => re.test(question)).map(([kind]) => kind).join(',')

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/**
 * A text introduces a subject when the subject is followed by "：", "是指", "，是", "即", "包括" (a closing quote
 * or "活动", "机制" between allowed), or closes a list ("…等14条指挥通道").
 */
export const introducesPattern = (subject: string) => {
  const s = escape(subject)
  return new RegExp(`${s}[”"’」]?(?:活动|机制|工作)?(?:[：:]|是指|指的是|，?是|，?即|包括|主要有|分别是)|等${s}`)
}
