import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPassages, defaultOutFile, toJsonl } from '../../server/knowledge/build.ts'
import { documents, Passage } from '../../server/knowledge/passage.ts'

const seedsDir = join(import.meta.dirname, '../../../shared/seeds')
const passages = buildPassages(seedsDir)
const ofDoc = (prefix: string) => passages.filter((p) => p.doc.startsWith(prefix))
const byId = (id: string) => passages.find((p) => p.id === id)

describe('knowledge base build from the seed documents', () => {
  it('gives every document passages, in document order, each valid', () => {
    for (const meta of documents) expect(ofDoc(meta.file).length, meta.file).toBeGreaterThan(5)
    const order = passages.map((p) => documents.findIndex((d) => d.file === p.doc))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    for (const p of passages) expect(Passage.safeParse(p).success, p.id).toBe(true)
  })

  it('gives every passage a unique id', () => {
    const ids = passages.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps clause 5.4.2.3 of the Xinyang standard: 微事不出格、小事不出村、大事不出乡', () => {
    const p = byId('xy-std-5.4.2.3')
    expect(p).toMatchObject({ clause: '5.4.2.3', title: '事项办理', region: 'xinyang', docTitle: '《党建引领基层治理工作规范》' })
    expect(p!.text).toContain('微事不出格、小事不出村、大事不出乡')
    // The sub-bullets belong to the clause: the whole ladder up to 基层吹哨、部门报到.
    expect(p!.text).toContain('基层吹哨、部门报到')
  })

  it('gives each numbered clause of the standard its own passage and skips the front matter', () => {
    const std = ofDoc('000')
    expect(std.every((p) => p.clause !== null && p.id === `xy-std-${p.clause}`)).toBe(true)
    expect(byId('xy-std-6.1.4.2.1')?.text).toContain('智能网格员')
    expect(byId('xy-std-6.1.4.2.1')?.title).toBe('与“微服务”平台融合')
    expect(std.some((p) => p.text.includes('起草单位') || p.text.includes('.....'))).toBe(false)
    // A clause cut by a page break is joined back together.
    expect(byId('xy-std-5.4.2.4.5')?.text).toContain('职责进行整合')
  })

  it('turns the Puyang Q&A into one passage per question, village No. 14 with its 7/15-day limits', () => {
    const p = byId('py-qa-village-14')
    expect(p).toMatchObject({ clause: '农村篇第14问', region: 'henan' })
    expect(p!.title).toContain('村报告、乡处理、县办结')
    expect(p!.text).toMatch(/7 ?天内/)
    expect(p!.text).toMatch(/15 ?天/)
  })

  it('has both village and community questions of the Q&A, cleaned of PDF artefacts', () => {
    const qa = ofDoc('003')
    const village = qa.filter((p) => p.id.startsWith('py-qa-village-'))
    const community = qa.filter((p) => p.id.startsWith('py-qa-community-'))
    expect(village.length).toBeGreaterThan(0)
    expect(community.length).toBeGreaterThan(0)
    expect(qa.length).toBeGreaterThanOrEqual(30)
    expect(byId('py-qa-community-13')?.title).toBe('网格化管理机制是什么？')
    for (const p of qa) {
      expect(p.text, p.id).not.toContain('— ')
      expect(p.text, p.id).not.toContain('……')
      expect(`${p.title}${p.text}`, p.id).not.toMatch(/[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/)
    }
  })

  it('marks the Haimen opinion as haimen, numbered by its own sections', () => {
    const hm = ofDoc('004')
    expect(hm.length).toBeGreaterThan(5)
    expect(hm.every((p) => p.region === 'haimen')).toBe(true)
    expect(byId('hm-op-2.3.3')).toMatchObject({ clause: '二（三）3', title: '强化数据融合' })
    expect(byId('hm-op-2.3.3')?.text).toContain('全量汇聚、一体流转、跟踪办理、结果反馈、现场核验、双重评价')
    expect(byId('hm-op-3.2')?.clause).toBe('三（二）')
  })

  it('keeps prose passages reasonably sized, with titles, and no markdown', () => {
    for (const p of [...ofDoc('001'), ...ofDoc('002'), ...ofDoc('004')]) {
      expect(p.text.length, p.id).toBeGreaterThanOrEqual(15)
      expect(p.text.length, p.id).toBeLessThanOrEqual(700)
    }
    for (const p of passages) {
      expect(`${p.title}${p.text}`, p.id).not.toMatch(/\*\*|^#/m)
      expect(p.title.length, p.id).toBeGreaterThan(0)
    }
  })

  it('matches the committed data/knowledge/passages.jsonl (the build is repeatable)', () => {
    const committed = readFileSync(defaultOutFile, 'utf8')
    expect(committed).toBe(toJsonl(buildPassages(seedsDir)))
    const lines = committed.trimEnd().split('\n')
    expect(lines.length).toBe(passages.length)
    expect(lines.map((l) => Passage.parse(JSON.parse(l)))).toEqual(passages)
  })
})
