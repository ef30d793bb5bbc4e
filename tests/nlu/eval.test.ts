import { describe, expect, it } from 'vitest'
import { scoreIntents } from '../../bot/nlu/eval.ts'
import { holdsFacts } from '../../bot/nlu/eval-knowledge.ts'
import type { Example } from '../../bot/nlu/model.ts'
import type { Understanding } from '../../server/contract/index.ts'

const said = (intent: Understanding['intent'], category: Understanding['category'] = null): Understanding => ({
  intent, category, urgency: 'normal', summary: '', place: null, people: [], phone: null, sensitive: false, confidence: 1, engine: 'local',
})

describe('the scores npm run eval prints', () => {
  it('counts precision, recall, F1 and both category accuracies by hand-checkable numbers', () => {
    const gold: Example[] = [
      { text: 'a', intent: 'appeal', category: 'safety' },
      { text: 'b', intent: 'appeal', category: 'economy' },
      { text: 'c', intent: 'appeal', category: 'party' },
      { text: 'd', intent: 'chatter', category: null },
    ]
    const got = [said('appeal', 'safety'), said('appeal', 'party'), said('chatter'), said('appeal', 'other')]
    const r = scoreIntents(gold, got)
    expect(r.perIntent.appeal).toMatchObject({ precision: 2 / 3, recall: 2 / 3, support: 3 })
    expect(r.perIntent.chatter).toMatchObject({ precision: 0, recall: 0, support: 1 })
    expect(r.confusion.appeal!.chatter).toBe(1)
    expect(r.categoryAccuracy).toBeCloseTo(1 / 3)
    expect(r.categoryAccuracyWhenAppeal).toBeCloseTo(1 / 2)
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0) / 2)
    expect(r.misses.map((m) => m.text)).toEqual(['c', 'd'])
  })

  it('finds an expected fact in an answer whatever the width of its brackets, and not a fact it lacks', () => {
    const answer = '经乡镇(街道)主要负责人审核同意后，启动“基层吹哨”。\n来源：《党建引领基层治理工作规范》6.2.3.2.1'
    expect(holdsFacts(answer, ['经乡镇（街道）主要负责人审核同意后'])).toBe(true)
    expect(holdsFacts(answer, ['经乡镇（街道）主要负责人审核同意后', '县区部门'])).toBe(false)
    expect(holdsFacts(answer, [['县区部门', '乡镇党委']])).toBe(false)
    expect(holdsFacts(answer, [['县区部门', '基层 吹哨']])).toBe(true)
  })
})
