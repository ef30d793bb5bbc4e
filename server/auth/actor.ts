import type { NextFunction, Request, Response } from 'express'
import { HttpError } from '../http/errors.ts'
import type { Bot, OnBehalfOf, PersonRecord } from '../contract/index.ts'
import type { Tokens } from './tokens.ts'
import type { People } from '../registry/people.ts'
import type { Bots } from '../registry/bots.ts'
import { sameSecret, sessionCookie, type Sessions } from '../console/sessions.ts'

/** Who is calling: the root admin, a registered person, a bot account, or the 12345 hotline link. */
export type Caller =
  | { kind: 'admin' }
  | { kind: 'person'; person: PersonRecord }
  | { kind: 'bot'; bot: Bot }
  | { kind: 'hotline' }

/** Who is acting on a ticket: a caller, or a resident or staff member a bot speaks for. */
export type Actor =
  | Caller
  | { kind: 'resident'; contactId: string; name: string; via: Bot }

declare module 'express-serve-static-core' {
  interface Request { caller?: Caller }
}

/**
 * A bearer token, or else the console's session cookie. A session stands for its person exactly as their token
 * would; since browsers send cookies on their own, every non-GET with the cookie must echo the session's CSRF token.
 */
export function authenticate(tokens: Tokens, people: People, bots: Bots, sessions?: Sessions) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const cookie = !header && sessions ? sessionCookie(req) : null
    if (cookie && sessions) {
      const session = sessions.get(cookie)
      const person = session ? people.get(session.personId) : null
      if (!session || !person?.active) throw new HttpError(401, 'unauthenticated', '登录已过期，请重新登录', 'cookie')
      if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !sameSecret(req.get('x-csrf-token') ?? '', session.csrf)) {
        throw new HttpError(403, 'csrf_failed', '安全校验失败，请刷新页面后重试', 'X-CSRF-Token')
      }
      req.caller = { kind: 'person', person }
      next()
      return
    }
    if (!match) throw new HttpError(401, 'unauthenticated', '缺少访问令牌（Authorization: Bearer <令牌>）', 'authorization')
    const record = tokens.verify(match[1]!)
    const caller = record && toCaller(record.kind, record.subject)
    if (!caller) throw new HttpError(401, 'unauthenticated', '访问令牌无效或已停用', 'authorization')
    req.caller = caller
    next()
  }

  function toCaller(kind: string, subject: string | null): Caller | null {
    if (kind === 'admin') return { kind: 'admin' }
    if (kind === 'hotline') return { kind: 'hotline' }
    if (kind === 'bot' && subject) { const bot = bots.get(subject); return bot ? { kind: 'bot', bot } : null }
    if (kind === 'person' && subject) { const person = people.get(subject); return person?.active ? { kind: 'person', person } : null }
    return null
  }
}

export function callerOf(req: Request): Caller {
  if (!req.caller) throw new HttpError(401, 'unauthenticated', '未登录', 'authorization')
  return req.caller
}

/** A bot may act for someone in WeChat: a registered person by their contact id, otherwise a resident. */
export function actorOf(caller: Caller, onBehalfOf: OnBehalfOf | undefined, people: People): Actor {
  if (!onBehalfOf) return caller
  if (caller.kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以代他人操作', 'onBehalfOf')
  const person = people.byContactId(onBehalfOf.contactId)
  if (person) return { kind: 'person', person }
  return { kind: 'resident', contactId: onBehalfOf.contactId, name: onBehalfOf.name ?? '居民', via: caller.bot }
}

export function actorLabel(a: Actor): { kind: 'person' | 'resident' | 'bot' | 'admin' | 'hotline'; id: string | null; name: string } {
  switch (a.kind) {
    case 'admin': return { kind: 'admin', id: null, name: '系统管理员' }
    case 'person': return { kind: 'person', id: a.person.id, name: a.person.name }
    case 'bot': return { kind: 'bot', id: a.bot.id, name: a.bot.name }
    case 'hotline': return { kind: 'hotline', id: null, name: '12345热线' }
    case 'resident': return { kind: 'resident', id: a.contactId, name: a.name }
  }
}
