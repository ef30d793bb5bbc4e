import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { withoutMentions } from './extract.ts'

const dataDir = join(import.meta.dirname, '../../data/nlu')

/** Jieba with the domain words (网格员, 三星文明户, 秸秆 …) and dialect normalised first (俺 → 我, 咋 → 怎么 …). */
export function createSegmenter() {
  const jieba = Jieba.withDict(dict)
  jieba.loadDict(readFileSync(join(dataDir, 'dict.txt')))
  const dialect = (JSON.parse(readFileSync(join(dataDir, 'dialect.json'), 'utf8')) as { map: Record<string, string> }).map
  // Longest first, so that 俺们 becomes 我们 before 俺 becomes 我.
  const pattern = new RegExp(Object.keys(dialect).sort((a, b) => b.length - a.length).join('|'), 'g')

  const normalise = (text: string) => withoutMentions(text)
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(pattern, (w) => dialect[w]!)

  return {
    normalise,
    /** Words for search (long words and their parts), lower-cased, without punctuation and spaces. */
    words(text: string): string[] {
      return jieba.cutForSearch(normalise(text), true).map((w) => w.trim().toLowerCase()).filter((w) => w && !/^[\p{P}\p{S}\s]+$/u.test(w))
    },
    /** Jieba's part-of-speech tags for the normalised text's words: `n` nouns, `v` verbs, `x` words it guessed … */
    tag(text: string): Array<{ word: string; tag: string }> {
      return jieba.tag(normalise(text), true).map((t) => ({ word: t.word.toLowerCase(), tag: t.tag }))
    },
  }
}
export type Segmenter = ReturnType<typeof createSegmenter>
