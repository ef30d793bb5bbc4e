// Two appeals are "the same thing" when most of the shorter one's character pairs appear in the longer one.
// Chinese has no spaces, and residents describe one broken street light in many ways: bigrams tolerate that.
// Function words are dropped first, or "二组的路灯坏了" and "二组的水管坏了" would share half their pairs.
const IGNORED = /[\s\p{P}\p{S}的了吗呢啊吧呀哦嘛么在是和与那这个也都就还又很得地着过把被给让我你他她它们咱俺]/gu

/**
 * The distinct character pairs of a text, each packed into one number, sorted: comparing two appeals is then
 * a merge of two short arrays, which runs on every new appeal against the open ones.
 */
export function bigrams(text: string): Float64Array {
  const kept = text.replace(IGNORED, '')
  const pairs = new Float64Array(Math.max(0, kept.length - 1))
  for (let i = 0; i + 1 < kept.length; i++) pairs[i] = kept.charCodeAt(i) * 65536 + kept.charCodeAt(i + 1)
  pairs.sort()
  let n = 0
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) pairs[n++] = pairs[i]!
  return pairs.subarray(0, n)
}

export function overlap(x: Float64Array, y: Float64Array): number {
  if (x.length === 0 || y.length === 0) return 0
  let shared = 0
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) { shared++; i++; j++ } else if (x[i]! < y[j]!) i++
    else j++
  }
  if (shared < 2) return 0
  return shared / Math.min(x.length, y.length)
}

export const similarity = (a: string, b: string) => overlap(bigrams(a), bigrams(b))

export const DUPLICATE_THRESHOLD = 0.6
