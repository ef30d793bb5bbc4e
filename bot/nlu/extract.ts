// The facts the ticket needs, pulled from a message: where, who, a phone number, and a one-line summary.

const phoneRe = /(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)/
const placeRe = /([\u4e00-\u9fa5\d]{1,8}?(村|组|队|庄|屯|街|路|巷|胡同|小区|号楼|栋|单元|桥|河|塘|口|头|桥头|路口|广场|学校|小学|卫生室|菜市场|集上))(东|西|南|北|边|旁边|那|这|门口)?/
const peopleRe = /(老[\u4e00-\u9fa5]|[\u4e00-\u9fa5]{1,2}(大爷|大娘|大妈|阿姨|婶子?|叔|伯|哥|姐|嫂|奶奶|爷爷|老汉|师傅|书记|主任|会计)|[\u4e00-\u9fa5]老[二三四五六七八九])/g

export function extractPhone(text: string): string | null {
  return phoneRe.exec(text)?.[1] ?? null
}

export function extractPlace(text: string): string | null {
  const m = placeRe.exec(text.replace(/@\S+\s?/g, ''))
  return m ? m[1]! : null
}

export function extractPeople(text: string): string[] {
  const found = text.replace(/@\S+\s?/g, '').match(peopleRe) ?? []
  return [...new Set(found)].slice(0, 5)
}

/** The message itself, without @s, emoji and filler, cut to 40 characters. */
export function summarize(text: string): string {
  const clean = text.replace(/@\S+[\s\u2005]?/g, '').replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '').replace(/\s+/g, ' ').trim()
  const chars = [...clean]
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : clean
}
