import express, { Router, type Request, type Response } from 'express'
import { join } from 'node:path'
import {
  actionLabels, areaKindLabels, categoryLabels, ChangePassword, levelLabels, Login, moduleLabels, ratingLabels, rejectReasonLabels, roleLabels, statusLabels,
  type ConsoleSession, type ConsoleUser, type PersonRecord,
} from '../contract/index.ts'
import { HttpError } from '../http/errors.ts'
import type { Areas } from '../registry/areas.ts'
import type { People } from '../registry/people.ts'
import { decoyHash, verifyPassword } from './passwords.ts'
import { sameSecret, SESSION_COOKIE, sessionCookie, type Sessions } from './sessions.ts'

export type CookieSecure = 'auto' | 'always' | 'never'
type Deps = { people: People; areas: Areas; sessions: Sessions }

const publicDir = join(import.meta.dirname, 'public')
const chartJs = join(import.meta.dirname, '../../node_modules/chart.js/dist/chart.umd.js')

/** The admin console: static pages, the chart library, and login, logout and session. */
export function consoleRoutes(d: Deps, secure: CookieSecure = 'auto'): Router {
  const r = Router()
  const areaName = (code: string) => d.areas.get(code)?.name ?? code
  const userOf = (p: PersonRecord): ConsoleUser => {
    const first = p.roles.find((g) => g.role !== 'departmentOfficer') ?? p.roles[0]
    return {
      id: p.id, name: p.name, roles: [...new Set(p.roles.map((g) => g.role))],
      grants: p.roles.map((g) => ({ role: g.role, roleLabel: roleLabels[g.role], areaCode: g.areaCode, areaName: areaName(g.areaCode), unit: g.unit })),
      areaId: first?.areaCode ?? null, areaName: first ? areaName(first.areaCode) : null, isAdmin: p.roles.some((g) => g.role === 'admin'),
    }
  }
  const isSecure = (req: Request) => secure === 'always' || (secure === 'auto' && (req.secure || req.get('x-forwarded-proto') === 'https'))
  const setCookie = (req: Request, res: Response, value: string, maxAge: number) => {
    const attrs = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`]
    if (isSecure(req)) attrs.push('Secure')
    res.append('Set-Cookie', attrs.join('; '))
  }
  const current = (req: Request) => {
    const id = sessionCookie(req)
    const session = id ? d.sessions.get(id) : null
    const person = session ? d.people.get(session.personId) : null
    return id && session && person?.active ? { id, session, person } : null
  }
  /** People log in by name; a name two people share needs the person's id instead. */
  const findPerson = (name: string): PersonRecord | null => {
    const byId = d.people.get(name)
    if (byId) return byId
    const named = d.people.list().filter((p) => p.name === name && p.active)
    if (named.length > 1) throw new HttpError(409, 'ambiguous_name', `有 ${named.length} 位“${name}”，请用人员编号登录`, 'name')
    return named[0] ?? null
  }

  r.get('/console', (req, res, next) => (req.originalUrl === '/console' ? res.redirect(301, '/console/') : next()))
  r.get('/console/vendor/chart.umd.js', (_req, res) => res.type('js').sendFile(chartJs))
  // The Chinese labels of the contract, as a module the pages import: one source for server and browser.
  const labels = Object.entries({ statusLabels, categoryLabels, levelLabels, actionLabels, roleLabels, moduleLabels, ratingLabels, rejectReasonLabels, areaKindLabels })
    .map(([k, v]) => `export const ${k} = ${JSON.stringify(v)}`).join('\n')
  r.get('/console/labels.js', (_req, res) => res.type('js').send(labels))
  r.use('/console', express.static(publicDir, { index: 'index.html', maxAge: 0 }))

  r.post('/console/login', express.json({ limit: '4kb' }), async (req, res) => {
    const body = Login.parse(req.body)
    const nameKey = `name:${body.name.toLowerCase()}`
    const addressKey = `ip:${req.ip ?? 'unknown'}`
    const locked = d.sessions.lockedFor([nameKey, addressKey])
    if (locked) throw new HttpError(429, 'locked', `登录失败次数过多，请 ${locked} 分钟后再试`, 'name')
    const person = findPerson(body.name)
    const stored = person?.active ? d.sessions.passwordHash(person.id) : null
    const ok = await verifyPassword(body.password, stored ?? decoyHash())
    if (!person || !stored || !ok) {
      const p = d.sessions.policy
      d.sessions.fail([{ key: nameKey, max: p.maxNameFailures }, { key: addressKey, max: p.maxAddressFailures }])
      const after = d.sessions.lockedFor([nameKey, addressKey])
      throw new HttpError(401, 'bad_credentials', after ? `姓名或密码不正确；失败次数过多，请 ${after} 分钟后再试` : '姓名或密码不正确', 'password')
    }
    d.sessions.succeed(nameKey)
    const opened = d.sessions.open(person.id)
    setCookie(req, res, opened.id, d.sessions.policy.sessionHours * 3600)
    const out: ConsoleSession = { user: userOf(person), csrfToken: opened.csrf, expiresAt: opened.expiresAt }
    res.json(out)
  })

  r.get('/console/session', (req, res) => {
    const c = current(req)
    if (!c) throw new HttpError(401, 'unauthenticated', '未登录或登录已过期', null)
    const out: ConsoleSession = { user: userOf(c.person), csrfToken: c.session.csrf, expiresAt: c.session.expiresAt }
    res.json(out)
  })

  r.post('/console/logout', (req, res) => {
    const c = current(req)
    if (c && !sameSecret(req.get('x-csrf-token') ?? '', c.session.csrf)) throw new HttpError(403, 'csrf_failed', '安全校验失败，请刷新页面后重试', 'X-CSRF-Token')
    if (c) d.sessions.close(c.id)
    setCookie(req, res, '', 0)
    res.json({ ok: true })
  })

  r.post('/console/password', express.json({ limit: '4kb' }), async (req, res) => {
    const c = current(req)
    if (!c) throw new HttpError(401, 'unauthenticated', '未登录或登录已过期', null)
    if (!sameSecret(req.get('x-csrf-token') ?? '', c.session.csrf)) throw new HttpError(403, 'csrf_failed', '安全校验失败，请刷新页面后重试', 'X-CSRF-Token')
    const body = ChangePassword.parse(req.body)
    const stored = d.sessions.passwordHash(c.person.id)
    if (!stored || !(await verifyPassword(body.current, stored))) throw new HttpError(403, 'bad_credentials', '当前密码不正确', 'current')
    d.sessions.setPassword(c.person.id, body.password)
    const opened = d.sessions.open(c.person.id)
    setCookie(req, res, opened.id, d.sessions.policy.sessionHours * 3600)
    const out: ConsoleSession = { user: userOf(c.person), csrfToken: opened.csrf, expiresAt: opened.expiresAt }
    res.json(out)
  })
  return r
}
