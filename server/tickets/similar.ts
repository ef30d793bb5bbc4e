// Two appeals are "the same thing" when most of the shorter one's character pairs appear in the longer one.
// Chinese has no spaces, and residents describe one broken street light in many ways: bigrams tolerate that.
// Function words are dropped first, or "二组的路灯坏了" and "二组的水管坏了" would share half their pairs.
const IGNORED = /[\s\p{P}\p{S}的了吗呢啊吧呀哦嘛么在是和与那这个也都就还又很得地着过把被给让我你他她它们咱俺]/gu

/** A pair of UTF-16 units packed into one number: sets of numbers are much cheaper than sets of strings. */
export function bigrams(text: string): Set<number> {
  const kept = text.replace(IGNORED, '')
  const out = new Set<number>()
  for (let i = 0; i + 1 < kept.length; i++) out.add(kept.charCodeAt(i) * 65536 + kept.charCodeAt(i + 1))
  return out
}

export function overlap(x: Set<number>, y: Set<number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x]
  if (small.size === 0) return 0
  let shared = 0
  for (const g of small) if (large.has(g)) shared++
  if (shared < 2) return 0
  return shared / small.size
}

export const similarity = (a: string, b: string) => overlap(bigrams(a), bigrams(b))

export const DUPLICATE_THRESHOLD = 0.6
