import type { Category, Understanding } from '../../server/contract/index.ts'
import { extractPeople, extractPhone, extractPlace, summarize } from './extract.ts'
import { appealWords, categoryWords, inquiryWords, statusWords, suggestionWords, thanksWords } from './lexicon.ts'
import { detectEmergency, isReminder, isSensitive, isSettledOrElsewhere } from './rules.ts'

export type Classify = (text: string) => Promise<Understanding>

const emergencyCategory: Record<string, Category> = {
  fire: 'safety', drowning: 'safety', violence: 'safety', gas: 'safety', accident: 'safety', missing: 'safety', flood: 'infrastructure', medical: 'livelihood',
}

function categoryOf(text: string): Category {
  let best: Category = 'other'
  let hits = 0
  for (const [category, re] of Object.entries(categoryWords) as Array<[Category, RegExp]>) {
    const n = text.match(new RegExp(re.source, 'g'))?.length ?? 0
    if (n > hits) { best = category; hits = n }
  }
  return best
}

/**
 * The local engine: no network, deterministic. Emergencies by rule first; then what is plainly not a request;
 * then the kind of message by its wording.
 */
export function classifyLocal(raw: string): Understanding {
  const text = raw.replace(/@\S+[\s\u2005]/g, ' ').trim()
  const base = {
    summary: summarize(raw), place: extractPlace(text), people: extractPeople(text), phone: extractPhone(text),
    sensitive: isSensitive(text), engine: 'local' as const,
  }
  const danger = detectEmergency(text)
  if (danger) return { ...base, intent: 'emergency', category: emergencyCategory[danger.kind]!, urgency: 'critical', confidence: danger.alarm ? 0.95 : 0.85 }
  if (statusWords.test(text)) return { ...base, intent: 'status', category: null, urgency: 'normal', confidence: 0.8 }
  const category = categoryOf(text)
  if (appealWords.test(text) && !isSettledOrElsewhere(text) && !isReminder(text)) {
    return { ...base, intent: 'appeal', category, urgency: /危险|隐患|马上|尽快|赶紧|急/.test(text) ? 'high' : 'normal', confidence: 0.7 }
  }
  if (inquiryWords.test(text) && /[?？吗呢啥么]|怎么|咋|如何|哪/.test(text)) return { ...base, intent: 'inquiry', category, urgency: 'low', confidence: 0.6 }
  if (thanksWords.test(text) || suggestionWords.test(text)) return { ...base, intent: 'feedback', category: null, urgency: 'low', confidence: 0.7 }
  return { ...base, intent: 'chatter', category: null, urgency: 'low', sensitive: false, confidence: 0.5 }
}

export const localEngine: Classify = async (text) => classifyLocal(text)
