import { join } from 'node:path'
import { Category, Intent, type Understanding } from '../../server/contract/index.ts'
import { extractPeople, extractPhone, extractPlace, summarize, withoutMentions } from './extract.ts'
import { readExamples, trainModel } from './model.ts'
import { asksPeers, detectEmergency, isBenefitCame, isBenefitOwed, isCalm, isFixtureAgain, isOutage, isTheftAgain, isPoliteRequest, isReply, isUnreal, isSensitive, isToNeighbour, type EmergencyKind } from './rules.ts'
import { createSegmenter } from './segment.ts'

export type Classify = (text: string) => Promise<Understanding>

export const trainDir = join(import.meta.dirname, '../../data/nlu/train')

const emergencyCategory: Record<EmergencyKind, Category> = {
  fire: 'safety', drowning: 'safety', violence: 'safety', gas: 'safety', accident: 'safety', missing: 'safety', flood: 'infrastructure', medical: 'livelihood',
}
/**
 * Below this, the model's "emergency" is not trusted on its own. Recall first: five-fold cross-validation on the
 * training data found 0.5 catches two more emergencies in a hundred than 0.9, for one more false alarm in a hundred.
 */
const MODEL_EMERGENCY_CONFIDENCE = 0.5
/** A weak sign of danger (冒烟, 不见了) with the model leaning this way is an emergency. */
const MODEL_CONFIRMS = 0.3
/** An outage, a fixture or a benefit owed filed, or a benefit come not filed, by rule against the model's reading: sure of the rule, not of the model. */
const RULE_CONFIDENCE = 0.8

/**
 * The local engine: no network, deterministic, trained at start-up from data/nlu/train. Emergencies by rule
 * first (recall before anything), then the statistical model for the intent and the category; what is plainly
 * past, on the news or a reminder is never an emergency.
 */
export function createLocalEngine(examplesDir = trainDir) {
  const seg = createSegmenter()
  const model = trainModel(readExamples(examplesDir), seg)

  function classify(raw: string): Understanding {
    const text = withoutMentions(raw)
    const base = {
      summary: summarize(raw), place: extractPlace(text), people: extractPeople(text), phone: extractPhone(text),
      sensitive: isSensitive(text), engine: 'local' as const,
    }
    const danger = text ? detectEmergency(text) : null
    // Nothing said, or only "387216" (a room number for a card game), "ok", "???": no word the model knows, so nothing
    // to read but its prior.
    if (!danger && !/[\p{Script=Han}\p{Extended_Pictographic}]/u.test(text)) return { ...base, intent: 'chatter', category: null, urgency: 'low', confidence: 1, sensitive: false }
    const p = model.predict(text, danger)
    // Either reading of an emergency counts (recall first): regression alone misses more of them than naive Bayes.
    const modelSays = Math.max(p.intent.label === 'emergency' ? p.intent.confidence : 0, p.bayesEmergency)
    const emergency = (danger !== null && (danger.strong || danger.alarm || modelSays >= MODEL_CONFIRMS))
      || (modelSays >= MODEL_EMERGENCY_CONFIDENCE && !isCalm(text))
    if (emergency) {
      const category = danger ? emergencyCategory[danger.kind] : Category.parse(p.category().label)
      return { ...base, intent: 'emergency', category, urgency: 'critical', confidence: danger?.strong ? 0.95 : p.intent.confidence }
    }
    // The model's emergency that the rules do not back is treated as an urgent appeal: filed, not sounded; a joke, a
    // story from long ago or a false alarm ("开门一看 原来是小孩在演节目") files nothing.
    // "麻烦修下路灯，谢谢" asks for something; the thanks at its end does not make it feedback.
    // A benefit that has come ("低保钱打到卡上了") is news, not a request, however much it speaks of 低保.
    const came = p.intent.label === 'appeal' && isBenefitCame(text)
    const read = p.intent.label === 'emergency' ? (isUnreal(text) ? 'chatter' : 'appeal')
      : p.intent.label === 'feedback' && isPoliteRequest(text) ? 'appeal'
      : came ? 'chatter' : p.intent.label
    // Water or power out here and now, a street light or a toilet gone wrong again, or a theft again, is filed however
    // few words it comes in ("又停水了", "路灯又瞎了", "又偷俺家玉米"); the model, given three words, leans to chatter.
    const outageHere = isOutage(text)
    const outage = read === 'chatter' && outageHere
    const fixture = read === 'chatter' && !outage && (isFixtureAgain(text) || isTheftAgain(text))
    // A benefit that has not come ("种粮补贴又木到") is to be chased, not a question or a follow-up of an earlier report.
    const owed = read !== 'appeal' && read !== 'feedback' && isBenefitOwed(text)
    const byRule = outage || fixture || owed
    const said = Intent.parse(byRule ? 'appeal' : read)
    // Asked of a neighbour ("谁的车……麻烦挪一下"), of the others in the group ("有人知道哪有修手机的不") or a reply in a
    // conversation ("同感，……"): nobody files anything.
    const intent = said === 'appeal' && (isToNeighbour(text) || isReply(text) || asksPeers(text)) ? 'chatter' : said
    const category = intent === 'appeal' && outageHere ? 'infrastructure'
      : intent === 'appeal' || intent === 'inquiry' ? Category.parse(p.category().label) : null
    const urgency = intent === 'appeal' ? (p.intent.label === 'emergency' || /危险|隐患|马上|赶紧|急/.test(text) ? 'high' : 'normal') : 'low'
    return { ...base, intent, category, urgency, confidence: byRule || came ? RULE_CONFIDENCE : Math.round(p.intent.confidence * 1000) / 1000, sensitive: base.sensitive && intent === 'appeal' }
  }

  return {
    classify,
    engine: (async (text: string) => classify(text)) as Classify,
    size: model.size,
  }
}
export type LocalEngine = ReturnType<typeof createLocalEngine>
