/**
 * Details a question asks for that the policies name only in passing: which hospital, where to download an app,
 * what a code such as "13710" stands for, how it is done in another city. The documents say there is a free check-up, that grid workers use
 * 信服通, that the county follows "13710"; a resident asking which hospital, where to get it or what the digits
 * mean is asking what they leave out, and an answer about the topic would read as an answer to the question.
 */

import { henanCityNames, provinceNames } from '../contract/places.ts'

/** "哪家医院", "哪个银行": a named one ("县人民医院"), not the word alone ("在医院、车站设置窗口"). */
const WHICH_PLACE = /(?:哪家|哪个|哪所|哪一家|啥|什么)(医院|银行|学校|药店|超市|公司|单位|卫生院|诊所)/
/** Asked which unit, an answer names a body ("市委直属机关工委负责", "县区社会治理中心"), seldom calling it a 单位. */
const NAMED: Record<string, string> = { 单位: '单位|部门|局|委|工委|中心|办公室|政府|机关' }
/** "搁哪下载", "网址是啥": a way to get it, which only a link, a store, a code to scan or an account gives. */
const WHERE_TO_GET = /(?:哪|哪儿|哪里|咋|怎么|怎样)(?:能|可以|去|才能)?下载|(?:能|可以)(?:不能)?下载|在哪(?:儿|里)?下[？?]?$|下载(?:地址|链接)|网址|网站是|链接(?:是|在)|(?:公众号|小程序)(?:叫|是)(?:啥|什么)/
const GIVES_A_WAY = /下载|网址|网站|http|www\.|二维码|扫码|应用(?:商店|市场)|公众号|小程序/i
/**
 * "三星支部", "四星支部": a lower rank than the 五星 every clause speaks of, whose reward or standard the answer must
 * name ("三星支部县里奖多少钱" is not answered by the province's reward for a 五星 one).
 */
const STAR = /([三四])星(?:支部|村|社区|党组织)/
/**
 * "南阳那边", "浙江那里的", "俺闺女在许昌，那边…", "俺姐在驻马店，她们那儿…": the rules of another city or province, which only an answer naming that place speaks of;
 * what holds here (信阳, 河南) is not what holds there.
 */
const ELSEWHERE = new RegExp(`(${provinceNames}|${henanCityNames}|苏州|杭州|深圳|广州|武汉|南京|合肥|西安)(?:省|市|县)?[，,、\\s]?(?:(?:她|他)们?|人家)?(?:那边|那里|那儿|那块|那头|当地)`)
/** "13710", "1335": a code of digits the question names, not a quantity, a year or an amount. */
const CODE = /(?<![\d.])\d{4,6}(?![\d.]|年|元|万|户|人|个|天|%)/g

/** Whether the answer holds what such a question asks for; a question asking none of these passes. */
export function statesAskedDetail(question: string, answer: string): boolean {
  const place = WHICH_PLACE.exec(question)
  if (place && !new RegExp(`\\p{Script=Han}{2}(${NAMED[place[1]!] ?? place[1]})`, 'u').test(answer.replace(/[（(][^）)]*[）)]/g, ''))) return false
  if (WHERE_TO_GET.test(question) && !GIVES_A_WAY.test(answer)) return false
  for (const code of question.match(CODE) ?? []) if (!answer.includes(code)) return false
  const elsewhere = ELSEWHERE.exec(question)
  if (elsewhere && !answer.includes(elsewhere[1]!)) return false
  const star = STAR.exec(question)
  if (star && !answer.replace(/[“”"]/g, '').includes(`${star[1]}星`)) return false
  return true
}
