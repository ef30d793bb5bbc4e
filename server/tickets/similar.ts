// Two appeals are "the same thing" when most of the shorter one's character pairs appear in the longer one.
// Chinese has no spaces, and residents describe one broken street light in many ways: bigrams tolerate that.
// Function words are dropped first, or "二组的路灯坏了" and "二组的水管坏了" would share half their pairs.
const FUNCTION_CHARS = /[的了吗呢啊吧呀哦嘛么在是和与那这个也都就还又很得地着过把被给让我你他她它们咱俺]/gu

export function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, '').replace(FUNCTION_CHARS, '')]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
  return out
}

export function overlap(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  if (shared < 2) return 0
  return shared / Math.min(x.size, y.size)
}

export const similarity = (a: string, b: string) => overlap(bigrams(a), bigrams(b))

export const DUPLICATE_THRESHOLD = 0.6
