/**
 * Builds the policy knowledge base from the seed documents: one passage per clause (the standard),
 * per question (the Puyang Q&A) or per numbered section / paragraph group (the other three).
 *
 *   npx tsx server/knowledge/build.ts [seedsDir] [outFile]
 *
 * defaults: `../shared/seeds` (from the repo root) and `data/knowledge/passages.jsonl`.
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { documents, Passage, type DocumentMeta } from './passage.ts'
import { ITEM, MAJOR, MINOR, endsSentence, firstSentence, fromChineseNumber, headingLike, joinBroken, marker, shorten, splitLong, squash, stripMarkdown, tightenCjk, toChineseNumber } from './seed-text.ts'

/** Prose passages shorter than this are dropped (headings, captions). */
const MIN_CHARS = 15

function readSeed(seedsDir: string, meta: DocumentMeta): string {
  return readFileSync(join(seedsDir, meta.file), 'utf8').replace(/\r\n?/g, '\n')
}

function passage(meta: DocumentMeta, id: string, clause: string | null, title: string, text: string): Passage {
  return { id, doc: meta.file, docTitle: meta.docTitle, region: meta.region, clause, title, text }
}

// ---------------------------------------------------------------------------------------------
// 000: the standard, one passage per numbered clause

const CLAUSE = /^(\d+(?:\.\d+)*)\s+(.+)$/
const NUMBERED_PARAGRAPH = /^(\d+(?:\.\d+)+)\s+(.+)$/

function parseStandard(raw: string, meta: DocumentMeta): Passage[] {
  interface Clause { num: string; title: string; lines: string[] }
  const clauses: Clause[] = []
  let started = false
  let heading = ''
  let current: Clause | undefined
  let blankBefore = false

  const open = (num: string, title: string, first?: string) => {
    current = { num, title, lines: first ? [first] : [] }
    clauses.push(current)
  }
  const append = (line: string) => {
    if (!current) return
    const last = current.lines[current.lines.length - 1]
    // A clause cut by a page break continues on the next line: join it back.
    if (last !== undefined && blankBefore && !endsSentence(last) && /^[\u3400-\u9fff“《（]/.test(line)) {
      current.lines[current.lines.length - 1] = last + line
    } else current.lines.push(line)
  }

  for (const rawLine of raw.split('\n')) {
    const line = squash(rawLine)
    if (line === '') { blankBefore = true; continue }
    const isHeading = /^#+\s/.test(line)
    let body = squash(stripMarkdown(line))
    if (!started) {
      if (isHeading && /^1\s+范\s*围$/.test(body)) started = true
      else continue
    }
    if (/^参\s*考\s*文\s*献$/.test(body)) break

    if (isHeading) {
      const m = CLAUSE.exec(body)
      if (m) {
        const [, num = '', rest = ''] = m
        if (headingLike(rest) && rest.length <= 30) { heading = rest; open(num, rest) }
        else open(num, heading, rest)
      }
      // Headings without a number are figure titles or the document title.
      blankBefore = false
      continue
    }
    if (/^图\s*\d+/.test(body)) { blankBefore = false; continue }
    const bullet = /^[-*]\s+/.test(body)
    if (bullet) body = body.replace(/^[-*]\s+/, '')
    const m = NUMBERED_PARAGRAPH.exec(body)
    if (m) {
      const [, num = '', rest = ''] = m
      open(num, heading, rest)
    } else append(body)
    blankBefore = false
  }

  const seen = new Set<string>()
  const out: Passage[] = []
  for (const c of clauses) {
    const text = c.lines.join('\n').trim()
    if (text === '') continue
    if (seen.has(c.num)) throw new Error(`${meta.file}: 条款编号 ${c.num} 重复`)
    seen.add(c.num)
    out.push(passage(meta, `${meta.idPrefix}-${c.num}`, c.num, c.title, text))
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// 003: the Puyang Q&A, one passage per question

const FOOTER = /\s*—\s*\d{1,3}\s*—\s*/g
const TOC_LEADER = /…{2,}\s*\d+/g

function parseQa(raw: string, meta: DocumentMeta): Passage[] {
  // The table of contents ends at the last run of dot leaders.
  let tocEnd = 0
  for (const m of raw.matchAll(TOC_LEADER)) tocEnd = m.index + m[0].length
  const body = tightenCjk(raw.slice(tocEnd).replace(FOOTER, ' '))

  const village = body.indexOf('农村篇')
  const community = body.indexOf('城市社区篇', village + 1)
  if (village < 0 || community < 0) throw new Error(`${meta.file}: 找不到“农村篇”或“城市社区篇”`)
  const parts = [
    { key: 'village', label: '农村篇', text: body.slice(village + '农村篇'.length, community) },
    { key: 'community', label: '城市社区篇', text: body.slice(community + '城市社区篇'.length) },
  ]

  const out: Passage[] = []
  for (const part of parts) {
    const questions: Array<{ n: number; start: number; end: number; question: string }> = []
    let pos = 0
    for (let n = 1; ; n++) {
      // Questions are numbered in order, so look for the next number only after the previous question.
      const re = new RegExp(`(?<![\\d.])${n}\\.(?!\\d)\\s*([^。？?]{2,40}[？?])`, 'g')
      re.lastIndex = pos
      const m = re.exec(part.text)
      if (!m) break
      questions.push({ n, start: m.index, end: m.index + m[0].length, question: (m[1] ?? '').trim() })
      pos = m.index + m[0].length
    }
    if (questions.length === 0) throw new Error(`${meta.file}: ${part.label}没有找到问题`)
    questions.forEach((q, i) => {
      const next = questions[i + 1]
      const answer = part.text.slice(q.end, next ? next.start : undefined).trim()
        // The extraction lost the paragraph breaks: restore them before 一是…/二要… and before “村报告：”-style leads.
        .replace(/。(?=[一二三四五六七八九十][是要])/g, '。\n')
        .replace(/。(?=[^，。：；\n]{2,8}：)/g, '。\n')
      if (answer === '') throw new Error(`${meta.file}: ${part.label}第${q.n}问没有答案`)
      out.push(passage(meta, `${meta.idPrefix}-${part.key}-${q.n}`, `${part.label}第${q.n}问`, q.question, answer))
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// 001, 002, 004: prose, one passage per numbered section or paragraph group

interface ProseOptions {
  /** The first paragraph of the content; everything before it is front matter. */
  startAt: string
  /** Title for the opening paragraphs, before the first heading. */
  introTitle: string
  /** `sequence`: ids numbered in order (`xy-talk-4`); `clause`: ids from the numbering (`hm-op-3.2`). */
  ids: 'sequence' | 'clause'
}

interface Group { clause: string | null; idKey: string | null; title: string; paras: string[] }

function paragraphs(raw: string): string[] {
  return joinBroken(raw.split('\n').map((l) => squash(stripMarkdown(squash(l)))).filter((l) => l !== ''))
}

function proseGroups(paras: string[], introTitle: string): Group[] {
  const groups: Group[] = []
  let major: string | null = null
  let minor: string | null = null
  let heading: string | null = introTitle
  let current: Group | undefined

  const numbered = (marker: string, rest: string) => {
    const clause = `${major ?? ''}${minor ? `（${minor}）` : ''}${marker}`
    const key = [major, minor].filter((x): x is string => x !== null).map(fromChineseNumber)
    if (/^\d+$/.test(marker)) key.push(Number(marker))
    const title = headingLike(rest) ? rest : shorten(firstSentence(rest))
    return { clause, idKey: key.join('.'), title }
  }

  for (const p of paras) {
    let m: RegExpExecArray | null
    if ((m = MAJOR.exec(p))) {
      major = m[1] ?? null
      minor = null
      const n = numbered('', p.slice(m[0].length))
      current = { clause: n.clause, idKey: n.idKey, title: n.title, paras: [p] }
      groups.push(current)
      heading = null
    } else if ((m = MINOR.exec(p))) {
      minor = m[1] ?? null
      const n = numbered('', p.slice(m[0].length))
      current = { clause: n.clause, idKey: n.idKey, title: n.title, paras: [p] }
      groups.push(current)
      heading = null
    } else if ((m = ITEM.exec(p))) {
      const n = numbered(m[1] ?? '', p.slice(m[0].length))
      current = { clause: n.clause, idKey: n.idKey, title: n.title, paras: [p] }
      groups.push(current)
      heading = null
    } else if (headingLike(p)) {
      // An unnumbered heading (a section of the survey, a second article) ends the numbered context.
      major = null
      minor = null
      heading = p
      current = undefined
    } else if (current && current.clause !== null) {
      current.paras.push(p)
    } else {
      // Unnumbered paragraph: its lead sentence is its title, else the heading just above it.
      const lead = firstSentence(p)
      const title = lead.length <= 20 ? lead : heading ?? shorten(lead)
      current = { clause: null, idKey: null, title, paras: [p] }
      groups.push(current)
      heading = null
    }
  }
  // A numbered heading with nothing under it ("二、工作任务") is not a passage.
  return groups.filter((g) => !(g.paras.length === 1 && headingLike((g.paras[0] ?? '').slice(marker(g.paras[0] ?? '').length))))
}

function parseProse(raw: string, meta: DocumentMeta, opts: ProseOptions, extra: Passage[] = []): Passage[] {
  const start = raw.indexOf(opts.startAt)
  if (start < 0) throw new Error(`${meta.file}: 找不到正文开头“${opts.startAt}”`)
  const groups = proseGroups(paragraphs(raw.slice(start)), opts.introTitle)

  const out: Passage[] = [...extra]
  const used = new Set<string>()
  let seq = 0
  for (const g of groups) {
    const text = g.paras.join('\n')
    if (text.length < MIN_CHARS) continue
    const parts = splitLong(g.paras)
    parts.forEach((partText, i) => {
      const multi = parts.length > 1
      const id = opts.ids === 'sequence'
        ? `${meta.idPrefix}-${++seq}`
        : `${meta.idPrefix}-${g.idKey ?? 'intro'}${multi ? `-p${i + 1}` : ''}`
      if (used.has(id)) throw new Error(`${meta.file}: 编号 ${id} 重复`)
      used.add(id)
      const title = multi ? `${g.title}（${toChineseNumber(i + 1)}）` : g.title
      out.push(passage(meta, id, g.clause, title, partText))
    })
  }
  return out
}

/** 004 opens with the district committee's notice that issues the opinion: keep who issued it and when. */
function haimenNotice(raw: string, meta: DocumentMeta): Passage[] {
  const blank = raw.indexOf('（此页无正文）')
  if (blank < 0) return []
  const blocks = raw.slice(0, blank).split(/\n\s*\n/)
    .map((b) => b.split('\n').map((l) => squash(l)).join(''))
    .filter((b) => b !== '')
  const signature: string[] = []
  for (const l of raw.slice(blank + '（此页无正文）'.length).split('\n').map((x) => squash(x))) {
    if (l === '') continue
    signature.push(l)
    if (/\d{4}年\d{1,2}月\d{1,2}日/.test(l)) break
  }
  const text = [...blocks, signature.join(' ')].join('\n')
  return [passage(meta, `${meta.idPrefix}-notice`, null, '区委印发通知', text)]
}

// ---------------------------------------------------------------------------------------------

const parsers: Record<string, (raw: string, meta: DocumentMeta) => Passage[]> = {
  'xy-std': parseStandard,
  'xy-survey': (raw, meta) => parseProse(raw, meta, { startAt: '党的二十大报告强调', introTitle: '党建引领探索基层治理现代化新路径', ids: 'sequence' }),
  'xy-talk': (raw, meta) => parseProse(raw, meta, { startAt: '在庆祝中国共产党成立101周年之际', introTitle: '积极探索基层治理现代化的路径', ids: 'sequence' }),
  'py-qa': parseQa,
  'hm-op': (raw, meta) => parseProse(raw, meta, { startAt: '为深入学习贯彻', introTitle: '制定意见的依据和目的', ids: 'clause' }, haimenNotice(raw, meta)),
}

/** Reads the seed documents and returns their passages, in document order. Pure: writes nothing. */
export function buildPassages(seedsDir: string): Passage[] {
  const out: Passage[] = []
  for (const meta of documents) {
    const parse = parsers[meta.idPrefix]
    if (!parse) throw new Error(`没有 ${meta.idPrefix} 的解析器`)
    out.push(...parse(readSeed(seedsDir, meta), meta).map((p) => Passage.parse(p)))
  }
  const ids = new Set<string>()
  for (const p of out) {
    if (ids.has(p.id)) throw new Error(`编号 ${p.id} 重复`)
    ids.add(p.id)
  }
  return out
}

/** JSON Lines, one passage a line, ending with a newline. */
export function toJsonl(passages: readonly Passage[]): string {
  return passages.map((p) => JSON.stringify(p)).join('\n') + '\n'
}

const repoRoot = resolve(import.meta.dirname, '../..')
export const defaultSeedsDir = resolve(repoRoot, '../shared/seeds')
export const defaultOutFile = resolve(repoRoot, 'data/knowledge/passages.jsonl')

function isMain(): boolean {
  const entry = process.argv[1]
  if (!entry) return false
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isMain()) {
  const seedsDir = resolve(process.argv[2] ?? defaultSeedsDir)
  const outFile = resolve(process.argv[3] ?? defaultOutFile)
  const passages = buildPassages(seedsDir)
  mkdirSync(dirname(outFile), { recursive: true })
  writeFileSync(outFile, toJsonl(passages))
  for (const meta of documents) {
    const n = passages.filter((p) => p.doc === meta.file).length
    process.stderr.write(`${meta.file} ${meta.docTitle} ${n} 条\n`)
  }
  process.stderr.write(`共 ${passages.length} 条 → ${outFile}\n`)
}
