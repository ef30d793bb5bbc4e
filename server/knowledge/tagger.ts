import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const domainWords = join(import.meta.dirname, '../../data/nlu/dict.txt')

/** Jieba's part-of-speech tags for the words of a (normalised) text: `n` nouns, `v` verbs, `x` words it guessed … */
export function createTagger() {
  const jieba = Jieba.withDict(dict)
  jieba.loadDict(readFileSync(domainWords))
  return (text: string): Array<{ word: string; tag: string }> => jieba.tag(text, true).map((t) => ({ word: t.word.toLowerCase(), tag: t.tag }))
}
export type Tagger = ReturnType<typeof createTagger>

/** Things: nouns, names, abbreviations (两委), nouns made of verbs (补偿), places (村里). */
export const isThing = (tag: string) => /^(n|nr|ns|nt|nz|nw|j|vn|an|s)$/.test(tag)
