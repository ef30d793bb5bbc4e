// How the seed documents' text is cleaned and cut before it becomes passages: spaces a PDF left between Chinese
// characters, markdown, page breaks in mid-sentence, titles from first sentences, long paragraphs split evenly.

/** Passages of the prose documents are split above this many characters. */
const MAX_CHARS = 600
/** Longest title made from a first sentence. */
const TITLE_CHARS = 30

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff'
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2014\\u2026\\u00b7'
/** Whitespace after a CJK character or punctuation, before another one or a number. */
const SPACE_AFTER_CJK = new RegExp(`([${CJK}${CJK_PUNCT}])\\s+(?=[${CJK}${CJK_PUNCT}\\d%])`, 'g')
/** Whitespace after a number, before a CJK character or punctuation. */
const SPACE_BEFORE_CJK = new RegExp(`([\\d%])\\s+(?=[${CJK}${CJK_PUNCT}])`, 'g')

/** Collapses runs of spaces (including no-break and ideographic spaces) and trims. */
export function squash(s: string): string {
  return s.replace(/[ \t\u00a0\u3000\u200b]+/g, ' ').trim()
}

/** Removes the spaces a PDF extraction leaves between Chinese characters (and around numbers in Chinese text). */
export function tightenCjk(s: string): string {
  return squash(s).replace(SPACE_AFTER_CJK, '$1').replace(SPACE_BEFORE_CJK, '$1')
}

/** Strips markdown emphasis and heading markers. */
export function stripMarkdown(s: string): string {
  return s.replace(/\*\*/g, '').replace(/^#+\s*/, '')
}

/** A line that ends a sentence or introduces what follows, so the next line starts a new paragraph. */
export function endsSentence(s: string): boolean {
  return /[。！？；：!?;:][”’」）)]*$/.test(s)
}

/** Short, without sentence punctuation: a heading or a caption rather than prose. */
export function headingLike(s: string): boolean {
  return s.length <= 40 && !/[。，；：？！、,;:?!]/.test(s)
}

export const MAJOR = /^([一二三四五六七八九十]+)、\s*/
export const MINOR = /^[（(]([一二三四五六七八九十]+)[）)]\s*/
export const ITEM = /^(\d{1,2})[.．]\s*(?!\d)/

/** The section marker a paragraph starts with (`一、`, `（二）`, `3.`), or ''. */
export function marker(p: string): string {
  return (MAJOR.exec(p) ?? MINOR.exec(p) ?? ITEM.exec(p))?.[0] ?? ''
}

/** Joins paragraphs that a page break cut in the middle of a sentence. */
export function joinBroken(paras: string[]): string[] {
  const out: string[] = []
  for (const p of paras) {
    const last = out[out.length - 1]
    const broken = last !== undefined && !endsSentence(last) && !headingLike(last.slice(marker(last).length)) && marker(p) === ''
    if (broken) out[out.length - 1] = last + p
    else out.push(p)
  }
  return out
}

/** The first sentence, without its closing punctuation. */
export function firstSentence(s: string): string {
  const m = /^[^。！？\n]*/.exec(s)
  return (m?.[0] ?? s).replace(/[，、；：\s]+$/, '').trim()
}

/** A title of at most `max` characters from a sentence: cut at a comma if possible. */
export function shorten(sentence: string, max = TITLE_CHARS): string {
  if (sentence.length <= max) return sentence
  const head = sentence.slice(0, max)
  const cut = Math.max(head.lastIndexOf('，'), head.lastIndexOf('；'), head.lastIndexOf('、'))
  if (cut >= 8) return head.slice(0, cut)
  return `${sentence.slice(0, max - 1)}…`
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 12 → 十二, 23 → 二十三 (enough for part numbers and section numbers). */
export function toChineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? String(n)
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`
  return String(n)
}

/** 一 → 1, 十二 → 12, 二十三 → 23. */
export function fromChineseNumber(s: string): number {
  const digit = (c: string | undefined): number => (c === undefined ? 0 : CN_DIGITS.indexOf(c))
  const ten = s.indexOf('十')
  if (ten < 0) return digit(s)
  const tens = ten === 0 ? 1 : digit(s[ten - 1])
  return tens * 10 + digit(s[ten + 1])
}

/** Splits paragraphs into parts of about `max` characters, at sentence ends, as evenly as it can. */
export function splitLong(paras: string[], max = MAX_CHARS): string[] {
  const text = paras.join('\n')
  if (text.length <= max) return [text]
  const units: string[] = []
  for (const p of paras) {
    const sentences = p.match(/[^。！？!?]+(?:[。！？!?]+[”’」）)]*|$)/g) ?? [p]
    sentences.forEach((s, i) => units.push(i === sentences.length - 1 ? `${s}\n` : s))
  }
  const count = Math.ceil(text.length / max)
  const target = text.length / count
  const parts: string[] = []
  let current = ''
  for (const u of units) {
    if (current.length > 0 && parts.length < count - 1 && current.length + u.length / 2 > target) {
      parts.push(current)
      current = ''
    }
    current += u
  }
  if (current.trim().length > 0) parts.push(current)
  return parts.map((p) => p.trim()).filter((p) => p.length > 0)
}
