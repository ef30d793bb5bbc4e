import { describe, expect, it } from 'vitest'
import { DUPLICATE_THRESHOLD, similarity } from '../../server/tickets/similar.ts'

const same = (a: string, b: string) => similarity(a, b) >= DUPLICATE_THRESHOLD

describe('duplicate appeals', () => {
  it.each([
    ['老槐树旁边的垃圾堆好几天没人清了，臭死了', '老槐树那垃圾堆没人清，臭得很'],
    ['村东头路灯坏了', '村东头的路灯又坏了，晚上黑咕隆咚的'],
    ['二组自来水停了两天了', '俺们二组自来水停两天了咋回事'],
  ])('%s ≈ %s', (a, b) => expect(same(a, b)).toBe(true))

  it.each([
    ['二组的路灯坏了', '二组的水管坏了'],
    ['村口垃圾没人清', '村口有人烧秸秆'],
    ['老张家狗咬人了', '老李家房子漏雨了'],
    ['好', '好'],
  ])('%s ≠ %s', (a, b) => expect(same(a, b)).toBe(false))
})
