// The facts the ticket needs, pulled from a message: where, who, a phone number, and a one-line summary.

const phoneRe = /(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/
/** Landmarks a place is named by on its own when it is their gate or side ("学校门口"), and with a name before them. */
const landmarks = '小学|中学|学校|幼儿园|卫生室|菜市场|广场'
// Most specific first: numbered units (三组, 5号楼), then landmarks and named places of one or two characters.
const placeRes = [
  /[一二三四五六七八九十\d]{1,3}(?:组|队|号楼|栋|单元|排|号院)/,
  /[东西南北](?:头|边|关|街|湾)|村[东西南北]头?|村口|村委会?(?:门口)?|大队部/,
  new RegExp(`[\\u4e00-\\u9fa5]{1,2}(?:${landmarks}|水库|小区|社区|大街|胡同)|(?:${landmarks})(?:门口|后门|旁边|对面)`),
]
const NOT_A_PLACE_START = /^[我俺你他她在到的从往去是有那这了把给咱恁]+/
const peopleRe = /(老[\u4e00-\u9fa5]|[\u4e00-\u9fa5]{1,2}(大爷|大娘|大妈|阿姨|婶子?|叔|伯|哥|姐|嫂|奶奶|爷爷|老汉|师傅|书记|主任|会计)|[\u4e00-\u9fa5]老[二三四五六七八九])/g

/**
 * "@小微 路灯坏了" → "路灯坏了": WeChat ends a mention with a space (U+2005, which \s holds), or the message ends. A name
 * holds no comma or full stop and is not endless: "老板突然@我，我心脏病都快吓出来了" mentions nobody and keeps its words.
 */
export const withoutMentions = (text: string) => text.replace(/@[^\s，。！？!?、,;；:：]{1,20}(?:\s|$)/g, ' ').trim()

export function extractPhone(text: string): string | null {
  return phoneRe.exec(text)?.[1] ?? null
}

export function extractPlace(text: string): string | null {
  const clean = withoutMentions(text)
  for (const re of placeRes) {
    const m = re.exec(clean)?.[0].replace(NOT_A_PLACE_START, '')
    if (m && m.length >= 2) return m
  }
  return null
}

export function extractPeople(text: string): string[] {
  const found = withoutMentions(text).match(peopleRe) ?? []
  return [...new Set(found)].slice(0, 5)
}

/** The message itself, without @s, emoji and filler, cut to 40 characters. */
export function summarize(text: string): string {
  const clean = withoutMentions(text).replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').replace(/\s+/g, ' ').trim()
  const chars = [...clean]
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : clean
}
