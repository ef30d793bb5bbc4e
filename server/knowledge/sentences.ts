/** A passage's sentences (a list item is a sentence), for focus and for composing answers. */
export function sentences(text: string): string[] {
  const out: string[] = []
  for (const line of text.split('\n').map((l) => l.replace(/^——/, '').trim()).filter(Boolean)) {
    out.push(...(line.match(/[^。！？；]+[。！？；]?/g) ?? [line]).map((x) => x.trim()).filter(Boolean))
  }
  return out
}

/** "八要推动快递进村。", "一是大力发展农民专业合作社。", "（三）…": a sentence that opens a numbered point. */
export const NUMBERED = /^(第?[一二三四五六七八九十]+(是|要|、)|[（(][一二三四五六七八九十]+[）)])/
/** "…设置“三颗星”：": a sentence whose items follow it. */
export const introducesList = (s: string) => /[：:]$/.test(s)

/** A passage that lists things: numbered points ("一是…二是…"), or a sentence ending in "：" with items after it. */
export function enumerates(text: string): boolean {
  const parts = sentences(text)
  return parts.filter((u) => NUMBERED.test(u)).length >= 2 || parts.some((u, i) => introducesList(u) && parts.length - i > 2)
}
