import type { Room, Ticket, Understanding } from '../../server/contract/index.ts'
import type { ServerClient } from '../clients/server-client.ts'
import type { Ask } from '../nlu/ask.ts'
import type { Classify } from '../nlu/local.ts'
import { withoutMentions } from '../nlu/extract.ts'
import { namedDanger } from '../nlu/rules.ts'
import { runCommand } from './commands.ts'
import type { Conversations, Directory } from './directory.ts'
import { replies } from './replies.ts'
import type { Inbound, Outbound } from './types.ts'

export type Deps = {
  server: ServerClient
  classify: Classify
  directory: Directory
  conversations: Conversations
  botName: string
  /** Answers a policy question from the knowledge base, or declines. */
  ask: Ask
}

const ratingRe = /^\s*(非常满意|很满意|基本满意|不满意|满意|[123１２３])\s*[，,。.!！]?\s*([\s\S]*)$/
const ratingOf = (word: string) =>
  /不满意|^[3３]$/.test(word) ? 'dissatisfied' as const : /基本|^[2２]$/.test(word) ? 'basicallySatisfied' as const : 'satisfied' as const
const questionRe = /[？?]\s*$|[吗呢嘛啥]\s*[。.！!]?\s*$|哪|多少|几[个条项天年岁]|咋|怎么|怎样|什么|为啥|是不是|能不能|可不可以|有没有|中不中|行不行|算不算/
const looksLikeQuestion = (text: string) => questionRe.test(withoutMentions(text))
const bindRe = /绑定网格\s*([A-Za-z0-9_-]+)/

/** Understands a text message (others are pictures, voice, places: nothing to classify). */
export async function understand(msg: Inbound, deps: Deps): Promise<Understanding | null> {
  return msg.kind === 'text' && msg.text.trim() ? deps.classify(msg.text) : null
}

/** What must be said at once, before anything that needs the server: 110/119/120 guidance for an emergency. */
export function firstAid(msg: Inbound, u: Understanding | null): Outbound[] {
  // "不满意，还在漏" answers a request for a rating; it is not a new danger.
  if (u?.intent !== 'emergency' || ratingRe.test(withoutMentions(msg.text))) return []
  return [reply(msg, replies.emergencyGuidance(namedDanger(msg.text), msg.text), 0)]
}

function reply(msg: Inbound, text: string, priority: 0 | 1 = 1): Outbound {
  return msg.roomId ? { roomId: msg.roomId, text, mention: [msg.talkerId], priority } : { contactId: msg.talkerId, text, priority }
}

/** Acts on one message as the product design's intent table says, and returns what to say. */
export async function handleMessage(msg: Inbound, deps: Deps, u: Understanding | null): Promise<Outbound[]> {
  if (!msg.roomId) return handlePrivate(msg, deps, u)
  const room = await deps.directory.room(msg.roomId, msg.roomTopic ?? msg.roomId)
  const bind = msg.mentionsBot ? bindRe.exec(msg.text) : null
  if (bind) return bindRoom(msg, deps, bind[1]!)
  if (!room.areaCode) return [] // an unbound group: journaled, listed for admins, otherwise ignored
  if (await deps.directory.staff(msg.talkerId)) return [] // staff talk in groups is not an appeal

  if (!u) return attachMedia(msg, deps)
  const rated = await rateIfAwaited(msg, deps)
  if (rated) return rated
  if (msg.mentionsBot && (u.intent === 'feedback' || u.intent === 'chatter') && looksLikeQuestion(msg.text)) {
    // "@小微 三室一库是哪几个室" may read like a remark; asked of the bot, it is answered when the documents know.
    const answer = await documentsAnswer(msg, deps)
    if (answer) return [reply(msg, answer)]
  }
  switch (u.intent) {
    case 'emergency': return fileTicket(msg, deps, u, room)
    case 'appeal': {
      // What a resident adds within two minutes joins the appeal just made, unless it names another place; a ticket
      // already closed does not take it, nor does an emergency.
      const open = deps.conversations.latest(msg.roomId, msg.talkerId, msg.receivedAt.getTime(), { place: u.place })
      if (open) {
        const joined = await deps.server.act(open.no, 'supplement', { text: msg.text, onBehalfOf: { contactId: msg.talkerId, name: msg.talkerName } })
        if (joined.ok) return []
      }
      return fileTicket(msg, deps, u, room)
    }
    case 'status': return [reply(msg, await statusOf(msg, deps))]
    case 'inquiry': return msg.mentionsBot || u.confidence >= 0.6 ? answerInquiry(msg, deps, room) : []
    case 'feedback': {
      const suggestion = !/谢|辛苦|赞|表扬/.test(msg.text)
      await deps.server.feedback({ kind: suggestion ? 'suggestion' : 'thanks', text: msg.text, contactId: msg.talkerId, name: msg.talkerName, wechatRoomId: msg.roomId })
      return [reply(msg, suggestion ? replies.suggestionNoted : replies.thanks)]
    }
    case 'chatter': return []
  }
}

async function handlePrivate(msg: Inbound, deps: Deps, u: Understanding | null): Promise<Outbound[]> {
  const person = await deps.directory.staff(msg.talkerId)
  const answer = person ? parseAnswerCommand(msg.text) : null
  if (answer) return answerHandedOff(msg, deps, answer)
  if (person) return [reply(msg, await runCommand(msg.text, person, deps.server))]
  const rated = await rateIfAwaited(msg, deps)
  if (rated) return rated
  if (u?.intent === 'status') return [reply(msg, await statusOf(msg, deps))]
  if (u?.intent === 'emergency') return [] // the guidance has gone out already
  if (u && (u.intent === 'inquiry' || (u.intent !== 'appeal' && looksLikeQuestion(msg.text)))) {
    // A policy question asked privately is answered when the documents know; the grid worker is reached from the group.
    const answer = await documentsAnswer(msg, deps)
    if (answer) return [reply(msg, answer)]
  }
  return [reply(msg, replies.privateAppealNeedsRoom)]
}

async function fileTicket(msg: Inbound, deps: Deps, u: Understanding, room: Room): Promise<Outbound[]> {
  const r = await deps.server.createTicket({
    clientKey: `wx:${msg.id}`, intent: u.intent === 'emergency' ? 'emergency' : 'appeal', category: u.category ?? 'other',
    text: withoutMentions(msg.text) || msg.text, summary: u.summary || undefined,
    place: u.place ?? undefined, phone: u.phone ?? undefined, people: u.people, sensitive: u.sensitive,
    room: { wechatRoomId: msg.roomId!, topic: room.topic }, reporter: { name: msg.talkerName, contactId: msg.talkerId }, linkDuplicates: true,
  })
  if (!r.ok) throw new Error(`create ticket refused: ${r.code} ${r.message}`)
  const t = r.value.ticket
  deps.conversations.remember(msg.roomId, msg.talkerId, t.no, t.place, msg.receivedAt.getTime(), u.intent === 'emergency')
  if (u.intent === 'emergency') return [reply(msg, replies.emergencyFiled(t), 0)]
  if (r.value.linked) return [reply(msg, replies.linked(t))]
  return [reply(msg, t.sensitive ? replies.receiptSensitive(t) : replies.receipt(t))]
}

async function attachMedia(msg: Inbound, deps: Deps): Promise<Outbound[]> {
  const open = deps.conversations.latest(msg.roomId, msg.talkerId, msg.receivedAt.getTime())
  if (!open) return []
  if (msg.media) {
    const r = await deps.server.attach(open.no, msg.media.mime, msg.media.data)
    if (!r.ok) return []
  } else if (msg.text) {
    await deps.server.act(open.no, 'supplement', { text: msg.text, onBehalfOf: { contactId: msg.talkerId, name: msg.talkerName } })
  }
  return msg.kind === 'image' ? [reply(msg, replies.supplemented(open.no))] : []
}

/** "满意", "不满意，灯还是不亮", "1": a rating only if this resident has a resolved ticket waiting for one. */
async function rateIfAwaited(msg: Inbound, deps: Deps): Promise<Outbound[] | null> {
  const m = ratingRe.exec(withoutMentions(msg.text))
  if (!m) return null
  const r = await deps.server.tickets({ reporter: msg.talkerId, status: 'resolved', limit: 5 })
  const ticket = r.ok ? r.value.items.find((t) => t.rating === null) : undefined
  if (!ticket) return null
  const rating = ratingOf(m[1]!)
  const done = await deps.server.act(ticket.no, 'rate', { rating, comment: m[2] || undefined, onBehalfOf: { contactId: msg.talkerId, name: msg.talkerName } })
  if (!done.ok) return [reply(msg, done.message)]
  return [reply(msg, replies.rated(ticket.no, rating !== 'dissatisfied'))]
}

async function statusOf(msg: Inbound, deps: Deps): Promise<string> {
  const r = await deps.server.tickets({ reporter: msg.talkerId, limit: 5 })
  const items: Ticket[] = r.ok ? r.value.items : []
  if (items.length) return replies.statusList(items)
  // "评星的材料啥时候之前得报上去？" reads like asking after a matter; from someone who has reported nothing, it is a
  // question the documents may answer.
  return (looksLikeQuestion(msg.text) && await documentsAnswer(msg, deps)) || replies.noTickets
}

/** The answer from the documents (or the FAQ) to what the resident said, or null when the bot does not know. */
async function documentsAnswer(msg: Inbound, deps: Deps): Promise<string | null> {
  const a = await deps.ask(withoutMentions(msg.text))
  return !a.abstained && a.answer ? a.answer : null
}

/** A policy question: answered in the group with its source, or handed to the grid worker when the bot does not know. */
async function answerInquiry(msg: Inbound, deps: Deps, room: Room): Promise<Outbound[]> {
  const answer = await documentsAnswer(msg, deps)
  return answer ? [reply(msg, answer)] : handOff(msg, deps, room, withoutMentions(msg.text))
}

async function handOff(msg: Inbound, deps: Deps, room: Room, question: string): Promise<Outbound[]> {
  const worker = room.areaCode ? await deps.directory.workerFor(room.areaCode) : null
  const out = [reply(msg, replies.handOff(worker?.name ?? null))]
  if (!worker?.contactId) return out
  const q = await deps.server.handOffQuestion({ question, wechatRoomId: msg.roomId, roomTopic: room.topic, contactId: msg.talkerId, name: msg.talkerName })
  out.push({ contactId: worker.contactId, text: replies.handOffPrivate(room.topic, msg.talkerName, msg.text, q.ok ? q.value.id : null), priority: 1 })
  return out
}

/** "入库 Q12 回答…" (or 答复): a grid worker answers a handed-off question. */
function parseAnswerCommand(text: string): { id: number; answer: string } | null {
  const m = /^\s*(?:入库|答复)\s*[Qq＃#]?\s*(\d+)\s*[，,：:]?\s*([\s\S]*)$/.exec(text)
  return m ? { id: Number(m[1]), answer: m[2]!.trim() } : null
}

/** The worker's answer goes to the resident in the group and into the FAQ, so the bot knows it next time. */
async function answerHandedOff(msg: Inbound, deps: Deps, cmd: { id: number; answer: string }): Promise<Outbound[]> {
  if (cmd.answer.length < 2) return [reply(msg, replies.answerMissing(cmd.id))]
  const r = await deps.server.answerQuestion(cmd.id, { answer: cmd.answer, onBehalfOf: { contactId: msg.talkerId } })
  if (!r.ok) return [reply(msg, r.message)]
  const q = r.value
  const out: Outbound[] = [reply(msg, replies.answerStored(q.id))]
  if (q.wechatRoomId) {
    out.push({ roomId: q.wechatRoomId, roomTopic: q.roomTopic ?? undefined, text: replies.answerRelayed(q.question, q.answeredBy ?? '', q.answer ?? ''), mention: q.contactId ? [q.contactId] : undefined, priority: 1 })
  }
  return out
}

async function bindRoom(msg: Inbound, deps: Deps, areaCode: string): Promise<Outbound[]> {
  const r = await deps.server.bindRoom({ wechatRoomId: msg.roomId!, topic: msg.roomTopic ?? msg.roomId!, areaCode, onBehalfOf: { contactId: msg.talkerId } })
  deps.directory.forgetRoom(msg.roomId!)
  return [reply(msg, r.ok ? replies.roomBound(r.value.topic, areaCode) : replies.bindRefused(r.message))]
}
