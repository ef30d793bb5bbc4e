import { enumerates } from './sentences.ts'

/**
 * "多少人", "几天", "占多少" ask for a number of something: a passage that states such a number ("不少于18人",
 * "7天内", "80%以上") answers that kind of question. Both sides are reduced to tokens like `#人`, `#天`, `#%`
 * that the search indexes with the words, so the kind of number asked for counts like a word of the question.
 */
const UNITS: Record<string, string> = {
  人: '人', 名: '人', 位: '人', 项: '项', 天: '天', 日: '天', 个工作日: '天', 小时: '小时', 户: '户', 次: '次', 回: '次',
  岁: '岁', 周岁: '岁', 年: '年', 个月: '月', 月: '月', 元: '元', 万元: '元', 亿元: '元', 块: '元', 万: '元', '%': '%', 条: '条', 家: '家', 个: '个', 分: '分', 场: '场', 场次: '场',
}
const unitPattern = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|')
const NUMBER = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)'
// "6.5万户", "1.81万个": 万 and 亿 are magnitudes before a unit, or money by themselves ("奖励10万"); "76万余人次" is
// about so many.
const stated = new RegExp(`${NUMBER}\\s*(?:[~～至到-]\\s*${NUMBER}\\s*)?(?:万|亿)?(?:余|多)?(${unitPattern})`, 'g')
// "哪几个室", "哪几块区域" ask which ones, the list, not how many; "好几个部门", "这几个人", "十几条", "议事会啥的几个会"
// tell of some, "过几天", "隔几天", "前几天" tell when, "倒数几名" tells a rank: they do not ask. "分了几块" asks for the
// parts, not for money.
const asked = new RegExp(`(?:多少|(?<![哪好这那过隔前十的]|倒数)几)个?(${unitPattern}|钱)(?<!分[了成为]?几块)`, 'g')
/** "一个月拿多少钱是谁定的", "补多少由哪级出": who sets the amount or pays it is asked, not the amount. */
const WHO_SETS = /^[^，。？?！!]{0,4}?(是|由)?(谁|哪(?![天年月号])|啥部门)[^，。？?！!]{0,3}(定|出|说了算)|^[^，。？?！!]{0,4}?(从哪|咋定|怎么定)/
const setsNotAsks = (question: string, m: RegExpMatchArray) => WHO_SETS.test(question.slice(m.index! + m[0].length))
/** "分了几块", "分成几类": how a thing is divided, answered by naming the parts as well as by a number. */
const DIVIDED = /分[了成为]?几[个块类种大部]/
/** "分了几个区": the parts named in a row ("窗口服务区、自助服务区和咨询投诉区") answer it as a list of points does. */
const PART_NAME = /分[了成为]?几[个块类种大部]?(\p{Script=Han})/u
const namesParts = (question: string, text: string) => {
  const part = PART_NAME.exec(question)?.[1]
  return part !== undefined && (text.match(new RegExp(`${part}[、和及与]`, 'g')) ?? []).length >= 2
}

/** "有几项是硬杠杠，都是哪些", "几个部门，分别是啥": the list is asked too, and naming the items tells how many. */
const LIST_ASKED = new RegExp(`几个?(${unitPattern})[^？?。！!]{0,12}((都|分别|具体)?(是|有)(哪些|哪几)|(都|分别|具体)(是|有|叫)(啥|什么))`)
/** Items named in a row ("疫情防控、产业发展、农民增收") or one by one (一是……二是……). */
const namesItems = (text: string) => enumerates(text) || (text.match(/、/g) ?? []).length >= 2

/** "十大模块", "三大功能": a count of things. */
const COUNTED = new RegExp(`${NUMBER}大\\p{Script=Han}`, 'u')

/**
 * "社区是不是多设了几个", "是挑几个单位弄弄，还是都得参加": 几 inside a yes-or-no or an either-or is "a few", one of the
 * answers offered, not a count asked for.
 */
const YES_OR_NO = /(是不是|是否|还是)[^，。？?！!]{0,6}$/
const offeredAsChoice = (question: string, at: number) => YES_OR_NO.test(question.slice(0, at)) || question.includes('还是', at)

const token = (unit: string) => `#${UNITS[unit] ?? unit}`
/**
 * "俺村网格员叫啥名", "书记姓啥", "主任现在是谁？叫啥名": a person's name, which no policy states. A bare "是谁" is
 * answered by a post ("由党政办主任兼任"); asked again as a name, it is not.
 */
const PERSON_NAME = /(员|长|书记|主任|干部|他|她|人)[^，。？]{0,3}((叫|姓)(啥|什么)|名字(叫|是)(啥|什么))|是谁[？?，,\s]{0,2}(叫|姓)(啥|什么)/
/** "有他电话没", "他手机号多少": someone's number to call, which no policy states either. */
const PERSON_PHONE = /(电话|手机号)[^，。？]{0,3}(多少|是啥|是什么|几号)|有(他|她)的?(电话|手机号?)/

/** The kinds of number a text states: `#人` for "不少于18人", `#%` for "80%以上". */
export function statedQuantities(text: string): string[] {
  const out = [...text.matchAll(stated)].map((m) => token(m[1]!))
  if (COUNTED.test(text)) out.push('#个')
  if (/\d{1,2}[:：]\d{2}|[\d一二三四五六七八九十]+点(?!赞|评|位|儿|多)/.test(text)) out.push('#点')
  if (/(19|20)\d{2}年/.test(text)) out.push('#年份')
  if (/[\d一二三四五六七八九十]+[日号](?!常)/.test(text)) out.push('#日期')
  if (/\d{7,}/.test(text)) out.push('#联系人')
  return out
}

/** The kinds of number a question asks for, without repeats: `#天` for "最长能拖多少天", `#%` for "占多少". */
export function askedQuantities(question: string): string[] {
  const out = [...question.matchAll(asked)].filter((m) => !offeredAsChoice(question, m.index) && !setsNotAsks(question, m)).map((m) => (m[1] === '钱' ? '#元' : token(m[1]!)))
  const money = /(?:钱|工资|报酬|补贴|补助|费|收入|奖励)[^，。？]{0,4}多少(?![人项天户次岁年月条家])/.exec(question)
  if (money && !setsNotAsks(question, money)) out.push('#元')
  if (/(?:占|比例|比重|率|利息)[^，。？]{0,4}(?:多少|几成|几个点|几厘)|百分之(?:多少|几)|几厘/.test(question)) out.push('#%')
  if (/多大(?:岁数|年纪|年龄)|(?:岁数|年纪|年龄)[^，。？]{0,3}多大/.test(question)) out.push('#岁')
  // "多久开一次" asks how often (每周, 每月: the synonyms say it), "多久能办好" how long.
  if (/多久|多长时间/.test(question) && !/[一1][次回]/.test(question)) out.push('#天')
  // Details no policy states: the hour a hall opens, the year a thing began, someone's name or phone number.
  if (/几点/.test(question)) out.push('#点')
  if (/几号|哪一?天/.test(question)) out.push('#日期')
  if (/哪一?年|几几年/.test(question)) out.push('#年份')
  if (PERSON_PHONE.test(question) || (PERSON_NAME.test(question) && !/系统|平台|软件|app|程序|小程序/i.test(question))) out.push('#联系人')
  return [...new Set(out)]
}

const TIME = ['#天', '#小时', '#月', '#年']
/**
 * The kinds of number that answer a kind asked for, besides itself: "多久" is answered by days, months or years
 * alike; "几个" by a count of people or households as well as of things ("最少得配几个" by "5 人"), but not by a
 * number of times or of items ("体检1次", "五项政策"). "几个人" is answered by people only.
 */
const ANSWERED_BY = new Map<string, ReadonlySet<string>>([...TIME.map((k) => [k, new Set(TIME)] as const), ['#个', new Set(['#人', '#户', '#家'])]])
/**
 * Whether a text states a number of a kind the question asks for, or of a kind that answers it (ANSWERED_BY). A
 * question that asks for a number the chosen sentences do not state ("贷款利率几厘", "几个名额") is about a detail the
 * documents leave out, however well the passage matches its topic.
 */
export function statesAskedQuantity(question: string, text: string): boolean {
  const asked = askedQuantities(question)
  return !asked.length || holdsAsked(asked, statedQuantities(text)) || (DIVIDED.test(question) && (enumerates(text) || namesParts(question, text)))
    || (LIST_ASKED.test(question) && namesItems(text))
}

/** Whether numbers of these kinds (statedQuantities) answer one of the kinds asked for (askedQuantities). */
export function holdsAsked(asked: readonly string[], stated: readonly string[]): boolean {
  return asked.some((a) => { const alike = ANSWERED_BY.get(a); return stated.some((t) => t === a || alike?.has(t)) })
}
