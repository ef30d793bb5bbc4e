import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appeal, startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

type Session = { cookie: string; csrf: string; setCookie: string }

async function login(name: string, password = 'demo1234', headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name, password }) })
  const body = await res.json()
  const setCookie = res.headers.get('set-cookie') ?? ''
  return { status: res.status, body, session: { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken, setCookie } as Session }
}

/** An API call with the session cookie (and the CSRF header unless told otherwise). */
async function withSession(session: Session, method: string, path: string, body?: unknown, csrf: string | null = session.csrf) {
  const headers: Record<string, string> = { cookie: session.cookie }
  if (csrf) headers['x-csrf-token'] = csrf
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(s.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

describe('console login', () => {
  it('logs a demo person in by name with an httpOnly, SameSite=Lax cookie, Secure only behind https', async () => {
    const out = await login('王强')
    expect(out.status).toBe(200)
    expect(out.body.user).toMatchObject({ id: 'p-wangqiang', name: '王强', roles: ['gridWorker'], areaId: 'HS010101', areaName: '柳树村一网格', isAdmin: false })
    expect(out.session.setCookie).toMatch(/^wf_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/)
    const proxied = await login('文佳', 'demo1234', { 'x-forwarded-proto': 'https' })
    expect(proxied.session.setCookie).toContain('; Secure')
    expect(proxied.body.user).toMatchObject({ isAdmin: true, areaName: '和平社区' })
    const session = await withSession(out.session, 'GET', '/console/session')
    expect(session.body).toMatchObject({ user: { id: 'p-wangqiang' }, csrfToken: out.session.csrf })
  })

  it('refuses a wrong password and an unknown name with the same Chinese message', async () => {
    const wrong = await login('赵静', 'not-the-password')
    const unknown = await login('没有这个人', 'demo1234')
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials', message: '姓名或密码不正确' } } })
    expect(unknown).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials', message: '姓名或密码不正确' } } })
    expect(wrong.session.setCookie).toBe('')
    expect((await login('赵静', '')).body.error).toMatchObject({ code: 'invalid_input', field: 'password' })
    expect((await fetch(`${s.url}/console/session`)).status).toBe(401)
  })

  it('locks a name after five failures, for fifteen minutes on the clock', async () => {
    for (let i = 0; i < 4; i++) expect((await login('任海燕', `guess-${i}`)).status).toBe(401)
    const fifth = await login('任海燕', 'guess-5')
    expect(fifth.body.error.message).toBe('姓名或密码不正确；失败次数过多，请 15 分钟后再试')
    const right = await login('任海燕')
    expect(right).toMatchObject({ status: 429, body: { error: { code: 'locked', message: '登录失败次数过多，请 15 分钟后再试' } } })
    expect((await login('李长河')).status).toBe(200) // others are not locked out
    s.clock.advance(16 * 60_000)
    expect((await login('任海燕')).status).toBe(200)
  })
})

describe('a session on the API', () => {
  it('sees exactly what the person\'s token sees', async () => {
    const mine = (await s.call(T.admin, 'POST', '/api/tickets', appeal())).body.ticket
    const other = (await s.call(T.admin, 'POST', '/api/tickets', appeal({ gridCode: 'HS010102' }))).body.ticket
    const { session } = await login('王强')
    for (const path of ['/api/tickets?limit=200', '/api/tickets?status=reported&area=HS010101', `/api/tickets/${mine.no}`, `/api/tickets/${mine.no}/actions`]) {
      const viaCookie = await withSession(session, 'GET', path)
      const viaToken = await s.call(T.wangqiang, 'GET', path)
      expect(viaCookie).toEqual(viaToken)
      expect(viaCookie.status).toBe(200)
    }
    expect((await withSession(session, 'GET', `/api/tickets/${other.no}`)).status).toBe(404)
    expect((await withSession(session, 'GET', '/api/tickets?limit=200')).body.items.map((t: any) => t.no)).not.toContain(other.no)
    expect((await withSession(session, 'GET', `/api/tickets/${mine.no}/actions`)).body.actions).toEqual(['accept', 'note', 'escalate', 'reject', 'extend'])
  })

  it('needs the CSRF token on every write with the cookie, and changes nothing without it', async () => {
    const t = (await s.call(T.admin, 'POST', '/api/tickets', appeal())).body.ticket
    const { session } = await login('王强')
    const missing = await withSession(session, 'POST', `/api/tickets/${t.no}/accept`, {}, null)
    const forged = await withSession(session, 'POST', `/api/tickets/${t.no}/accept`, {}, 'x'.repeat(32))
    for (const r of [missing, forged]) expect(r).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed', message: '安全校验失败，请刷新页面后重试' } } })
    expect((await s.call(T.admin, 'GET', `/api/tickets/${t.no}`)).body).toMatchObject({ status: 'reported', version: t.version })
    const ok = await withSession(session, 'POST', `/api/tickets/${t.no}/accept`, { note: '马上去看' })
    expect(ok.body.ticket).toMatchObject({ status: 'accepted', assignee: { name: '王强' } })
    const events = (await s.call(T.admin, 'GET', `/api/tickets/${t.no}`)).body.events
    expect(events.at(-1)).toMatchObject({ action: 'accept', actor: { kind: 'person', id: 'p-wangqiang', name: '王强' } })
  })

  it('ends at logout (which itself needs the CSRF token) and when it expires', async () => {
    const { session } = await login('赵静')
    expect((await withSession(session, 'POST', '/console/logout', undefined, null)).status).toBe(403)
    expect((await withSession(session, 'GET', '/api/tickets')).status).toBe(200)
    const out = await fetch(`${s.url}/console/logout`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } })
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0')
    expect((await withSession(session, 'GET', '/api/tickets')).body.error).toMatchObject({ code: 'unauthenticated', message: '登录已过期，请重新登录' })
    expect((await withSession(session, 'GET', '/console/session')).status).toBe(401)

    const later = (await login('赵静')).session
    s.clock.advance(11 * 3_600_000)
    expect((await withSession(later, 'GET', '/api/tickets')).status).toBe(200)
    s.clock.advance(2 * 3_600_000)
    expect((await withSession(later, 'GET', '/api/tickets')).status).toBe(401)
  })

  it('lets an admin over the person set a password, which ends their sessions; the root admin has no console login', async () => {
    const { session } = await login('王秀兰')
    const hepingAdmin = await s.call(T.hepingAdmin, 'PUT', '/api/people/p-wangxiulan/password', { password: 'new-secret-1' })
    expect(hepingAdmin).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    expect((await s.call(T.admin, 'PUT', '/api/people/p-wangxiulan/password', { password: 'short' })).status).toBe(400)
    expect((await s.call(T.admin, 'PUT', '/api/people/p-wangxiulan/password', { password: 'new-secret-1' })).status).toBe(200)
    expect((await withSession(session, 'GET', '/api/tickets')).status).toBe(401)
    expect((await login('王秀兰')).status).toBe(401)
    expect((await login('王秀兰', 'new-secret-1')).status).toBe(200)
    expect((await login('系统管理员', 'test-root-admin-token')).status).toBe(401)
  })
})
