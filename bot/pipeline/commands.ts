import type { ActionName, PersonRecord } from '../../server/contract/index.ts'
import type { ServerClient } from '../clients/server-client.ts'
import { commandHelp, commandReplies } from './replies.ts'

type Verb = { action: ActionName; needs: 'nothing' | '结果' | '说明' | '原因' | 'verdict'; field?: string }
const verbs: Record<string, Verb> = {
  受理: { action: 'accept', needs: 'nothing' },
  进展: { action: 'note', needs: '说明', field: 'note' },
  办结: { action: 'resolve', needs: '结果', field: 'result' },
  上报: { action: 'escalate', needs: '原因', field: 'reason' },
  退回: { action: 'return', needs: '原因', field: 'reason' },
  核验: { action: 'verify', needs: 'verdict' },
}

/** "受理 W1001", "办结 1001 已换灯泡", "核验 W1001 不通过 只铺了沙子": verb, ticket number, the rest. */
export function parseCommand(text: string): { verb: string; no: string | null; rest: string } | null {
  const m = /^\s*(受理|进展|办结|上报|退回|核验)\s*(?:[#＃]?\s*([wW]?\d{3,}))?\s*[，,：:]?\s*([\s\S]*)$/.exec(text)
  if (!m) return null
  return { verb: m[1]!, no: m[2] ? `W${m[2].replace(/^[wW]/, '')}` : null, rest: m[3]!.trim() }
}

/**
 * A registered person's private chat with the bot: their tickets worked from WeChat. Every wrong use gets one
 * line saying what is wrong; the server's own refusals (not yours, not in this status) are already Chinese.
 */
export async function runCommand(text: string, person: PersonRecord, server: ServerClient): Promise<string> {
  const trimmed = text.trim()
  if (/^(帮助|help|\?|？|命令)$/i.test(trimmed)) return commandHelp
  if (/^(我的工单|待办|我的待办|工单)$/.test(trimmed)) {
    const r = await server.tickets({ assignee: person.id, status: 'reported,accepted', limit: 20 })
    return r.ok ? commandReplies.mine(r.value.items) : r.message
  }
  const cmd = parseCommand(trimmed)
  if (!cmd) return commandReplies.unknown
  const verb = verbs[cmd.verb]!
  if (!cmd.no) return commandReplies.missingNo(cmd.verb)
  const body: Record<string, unknown> = { onBehalfOf: { contactId: person.contactId } }
  if (verb.needs === 'verdict') {
    const v = /^(不通过|未通过|通过)\s*([\s\S]*)$/.exec(cmd.rest)
    if (!v) return commandReplies.verifyWord
    body.passed = v[1] === '通过'
    if (v[2]) body.note = v[2]
  } else if (verb.needs !== 'nothing') {
    if (!cmd.rest) return commandReplies.missingText(cmd.verb, verb.needs)
    body[verb.field!] = cmd.rest
  } else if (cmd.rest) {
    body.note = cmd.rest
  }
  const r = await server.act(cmd.no, verb.action, body)
  if (r.ok) return commandReplies.done(cmd.verb, r.value.ticket)
  if (r.code === 'ticket_not_found') return commandReplies.notFound(cmd.no)
  return r.message
}
