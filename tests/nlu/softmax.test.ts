import { describe, expect, it } from 'vitest'
import { trainSoftmax } from '../../bot/nlu/softmax.ts'

// Three labels, each told by its own word among shared noise words; a fourth word says nothing.
const examples = Array.from({ length: 90 }, (_, i) => {
  const label = ['appeal', 'chatter', 'inquiry'][i % 3]!
  const cue = { appeal: '坏了', chatter: '哈哈', inquiry: '咋办' }[label]!
  return { features: [cue, `噪${i % 7}`, '今天'], label }
})

describe('softmax regression', () => {
  it('learns which feature tells which label', () => {
    const model = trainSoftmax(examples)
    expect(model.labels).toEqual(['appeal', 'chatter', 'inquiry'])
    expect(model.scores(['坏了', '今天'])[0]![0]).toBe('appeal')
    expect(model.scores(['哈哈'])[0]![0]).toBe('chatter')
    expect(model.scores(['咋办', '噪3'])[0]![0]).toBe('inquiry')
    // Well ahead, not a coin toss.
    const [top, next] = model.scores(['坏了'])
    expect(top![1] - next![1]).toBeGreaterThan(2)
  })

  it('gives the same model for the same examples, and ignores features it never saw', () => {
    const a = trainSoftmax(examples)
    const b = trainSoftmax(examples)
    expect(a.scores(['坏了', '噪2'])).toEqual(b.scores(['坏了', '噪2']))
    expect(a.scores(['哈哈', '从没见过的词'])).toEqual(a.scores(['哈哈']))
    expect(a.features()).toBe(3 + 7 + 1)
  })

  it('follows the labels, not the order the examples come in', () => {
    const flipped = trainSoftmax(examples.map((e) => ({ ...e, label: e.label === 'appeal' ? 'chatter' : e.label === 'chatter' ? 'appeal' : e.label })))
    expect(flipped.scores(['坏了'])[0]![0]).toBe('chatter')
  })
})
