import type { Category } from '../../server/contract/index.ts'
import { appealWords, categoryWords, inquiryWords, statusWords, suggestionWords, thanksWords } from './lexicon.ts'
import { detectEmergency, isReminder, isSensitive, isSettledOrElsewhere, type Danger } from './rules.ts'
import type { Segmenter } from './segment.ts'

const emoji = /\p{Extended_Pictographic}/u

/**
 * What the classifier sees of a message: its words (dialect normalised), character pairs (robust to typos and
 * words jieba does not know), and signals from the rules and the lexicon, so that the model learns how much to
 * trust each of them from the labelled examples.
 */
export function features(text: string, seg: Segmenter, danger: Danger = detectEmergency(text)): string[] {
  const out = seg.words(text)
  const plain = seg.normalise(text).replace(/[\s\p{P}\p{S}]/gu, '')
  for (let i = 0; i + 1 < plain.length; i++) out.push(`c:${plain.slice(i, i + 2)}`)
  const signal = (name: string, on: boolean) => { if (on) out.push(`#${name}`) }
  signal('q', /[?？]|吗|呢|么$/.test(text))
  signal('excl', /[!！]/.test(text))
  signal('emoji', emoji.test(text))
  signal('ticketno', /W\d{3,}|工单\d+/i.test(text))
  signal(`len${plain.length < 6 ? 'xs' : plain.length < 16 ? 's' : plain.length < 40 ? 'm' : 'l'}`, true)
  if (danger) out.push('#danger', `#danger:${danger.kind}`)
  signal('settled', isSettledOrElsewhere(text))
  signal('reminder', isReminder(text))
  signal('appealw', appealWords.test(text))
  signal('inquiryw', inquiryWords.test(text))
  signal('statusw', statusWords.test(text))
  signal('thanksw', thanksWords.test(text))
  signal('suggestw', suggestionWords.test(text))
  signal('sensitive', isSensitive(text))
  for (const [category, re] of Object.entries(categoryWords) as Array<[Category, RegExp]>) signal(`cat:${category}`, re.test(text))
  return out
}
