import { describe, expect, it } from 'vitest'
import { runNluCli } from '../helpers/process.ts'

const run = (input: string, env: Record<string, string> = {}) => runNluCli('classify', input, env)

describe('npm run -s nlu -- classify', () => {
  it('writes one Understanding per input line, in order, and nothing else on stdout', () => {
    const r = run(['{"id":1,"text":"俺们组的路灯坏了半个月了"}', '{"id":"x","text":"三组老王家着火了！快来人"}', '', '{"id":3,"text":"早上好各位"}'].join('\n'))
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.id)).toEqual([1, 'x', 3])
    expect(lines.map((l) => l.intent)).toEqual(['appeal', 'emergency', 'chatter'])
    expect(lines[0]).toMatchObject({ category: 'infrastructure', engine: 'local' })
  })

  it('says which line is bad on stderr, goes on, and exits non-zero', () => {
    const r = run('not json\n{"id":2,"text":"早上好"}\n')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('第 1 行不是 {id, text} 形式的 JSON')
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
  })

  it('refuses an LLM engine that is not configured, in one line', () => {
    const r = run('{"id":1,"text":"x"}\n', { NLU_ENGINE: 'llm', LLM_BASE_URL: '', LLM_MODEL: '' })
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toBe('NLU_ENGINE=llm 需要 LLM_BASE_URL 和 LLM_MODEL')
    expect(r.stdout).toBe('')
  })
})
