import { describe, expect, it } from 'vitest'
import { createKnowledge } from '../../server/knowledge/answer.ts'
import { answersQuestion, gateFeatures } from '../../server/knowledge/gate.ts'

// The gate that decides between answering from the best passage and declining, on real search hits.

const xinyang = createKnowledge({ region: 'xinyang' })
const features = (question: string) => gateFeatures(xinyang.search.search(question, 2), xinyang.search.query(question).expanded.size)

describe('the answer gate', () => {
  it('answers when the best passage clearly covers the question, and declines a question that only shares a word', () => {
    const clear = features('三星文明户能贷多少款')
    expect(clear).not.toBeNull()
    expect(answersQuestion(clear!)).toBe(true)
    const weak = features('三星文明户家里的猪生病了找谁')
    expect(weak === null || !answersQuestion(weak)).toBe(true)
    expect(xinyang.ask('三星文明户家里的猪生病了找谁').abstained).toBe(true)
  })
})
