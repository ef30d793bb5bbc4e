import { describe, expect, it } from 'vitest'
import { createKnowledge } from '../../server/knowledge/answer.ts'
import { trainLikeness } from '../../server/knowledge/likeness.ts'

// Which passage the residents' asks, pooled, say a question is about: a feature of the answer gate.

const chars = (text: string) => [...text.replace(/[\p{P}\s]/gu, '')]

describe('likeness by the residents asks', () => {
  const likeness = trainLikeness(new Map([
    ['lamp', ['路灯坏了找谁修', '路灯不亮咋办', '晚上路灯黑着']],
    ['water', ['自来水停了找谁', '水管子爆了', '没水吃了咋办']],
    ['quiet', []],
  ]), ['lamp', 'water', 'quiet'], chars)

  it('puts most of a question on the passage whose asks it reads like, and leaves out passages without asks', () => {
    const lamp = likeness(chars('路灯又不亮了'))
    expect(lamp.get('lamp')!).toBeGreaterThan(0.9)
    expect(lamp.get('lamp')! + lamp.get('water')!).toBeCloseTo(1)
    expect(lamp.has('quiet')).toBe(false)
    expect(likeness(chars('水管子又爆了')).get('water')!).toBeGreaterThan(0.9)
  })

  it('says nothing of a question with no word any ask has', () => {
    expect(likeness(chars('今天天气好')).size).toBe(0)
  })

  it('on the real asks: sure of a question worded as residents put it, and can point past the top search hit', () => {
    const search = createKnowledge({ region: 'xinyang', gate: 'none' }).search
    const [top] = search.search('网格员归谁管', 3)
    expect(top!.passage.id).toBe('xy-std-5.4.2.4.1')
    expect(top!.likeness).toBeGreaterThan(0.9)
    const hits = search.search('村里发展党员有啥说法', 3)
    const of = (id: string) => hits.find((h) => h.passage.id === id)?.likeness ?? 0
    expect(of('py-qa-village-8')).toBeGreaterThan(of('py-qa-village-12'))
  })
})
