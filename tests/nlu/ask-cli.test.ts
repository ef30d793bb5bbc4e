import { describe, expect, it } from 'vitest'
import { runNluCli } from '../helpers/process.ts'

const run = (input: string, env: Record<string, string> = {}) => runNluCli('ask', input, env)

describe('npm run -s nlu -- ask', () => {
  it('writes {id, answer, sources, abstained} per input line, in order, and nothing else on stdout', () => {
    const r = run(['{"id":1,"question":"俺娘70了能参加饺子宴不"}', '', '{"id":"b","question":"双积分能换啥东西"}', 'oops'].join('\n'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('第 4 行不是 {id, question} 形式的 JSON')
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => Object.keys(l))).toEqual([['id', 'answer', 'sources', 'abstained'], ['id', 'answer', 'sources', 'abstained']])
    expect(lines[0]).toMatchObject({ id: 1, abstained: false, sources: [{ id: 'xy-std-6.3.2.2.3', title: '参与主体', clause: '6.3.2.2.3' }] })
    expect(lines[1]).toEqual({ id: 'b', answer: null, sources: [], abstained: true })
  })

  it('answers from the region it is told: Haimen\'s 双积分 in Haimen', () => {
    const r = run('{"id":1,"question":"骨干党员联系多少户群众"}\n', { KNOWLEDGE_REGION: 'haimen' })
    const [line] = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(line).toMatchObject({ abstained: false })
    expect(line.sources[0].id).toBe('hm-op-2.2.1')
    expect(line.answer).toContain('30户')
  })
})
