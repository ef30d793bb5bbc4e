import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, appeal, asResident, startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

const count = (table: string) => (s.services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const snapshot = () => ({ tickets: count('tickets'), events: count('ticket_events'), outbox: count('outbox'), requests: count('create_requests') })

describe('bad input gets a clear error and changes nothing', () => {
  const cases: Array<{ name: string; token: string | null; method: string; path: string; body?: unknown; raw?: string; status: number; code: string; field?: string | null }> = [
    { name: 'no token', token: null, method: 'POST', path: '/api/tickets', body: appeal(), status: 401, code: 'unauthenticated', field: 'authorization' },
    { name: 'wrong token', token: 'nope-nope-nope', method: 'POST', path: '/api/tickets', body: appeal(), status: 401, code: 'unauthenticated' },
    { name: 'malformed JSON', token: T.bot, method: 'POST', path: '/api/tickets', raw: '{"text": "路灯', status: 400, code: 'malformed_json', field: '(body)' },
    { name: 'wrong type', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), text: 42 }, status: 400, code: 'invalid_input', field: 'text' },
    { name: 'unknown category', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), category: 'weather' }, status: 400, code: 'invalid_input', field: 'category' },
    { name: 'nested field', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), reporter: { contactId: 'x' } }, status: 400, code: 'invalid_input', field: 'reporter.name' },
    { name: 'empty text', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), text: '   ' }, status: 400, code: 'invalid_input', field: 'text' },
    { name: 'oversize body', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), text: '路'.repeat(70_000) }, status: 413, code: 'payload_too_large' },
    { name: 'unknown grid', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), gridCode: 'XX9999' }, status: 422, code: 'unknown_grid', field: 'gridCode' },
    { name: 'unbound room', token: T.bot, method: 'POST', path: '/api/tickets', body: { ...appeal(), gridCode: undefined, room: { wechatRoomId: 'ghost@chatroom' } }, status: 422, code: 'room_not_bound', field: 'room.wechatRoomId' },
    { name: 'unknown ticket', token: T.admin, method: 'POST', path: '/api/tickets/W999999/accept', body: {}, status: 404, code: 'ticket_not_found', field: 'ticket' },
    { name: 'unknown action', token: T.admin, method: 'POST', path: '/api/tickets/W1001/explode', body: {}, status: 404, code: 'unknown_action', field: 'action' },
    { name: 'unknown route', token: T.admin, method: 'GET', path: '/api/nothing-here', status: 404, code: 'not_found' },
    { name: 'bad query', token: T.admin, method: 'GET', path: '/api/tickets?status=lost', status: 400, code: 'invalid_input', field: 'status.0' },
    { name: 'hotline cannot file directly', token: T.hotline, method: 'POST', path: '/api/tickets', body: appeal(), status: 403, code: 'forbidden' },
  ]

  it.each(cases)('$name → $status $code', async (c) => {
    const before = snapshot()
    const r = c.raw !== undefined ? await s.call(c.token, c.method, c.path, c.raw) : await s.call(c.token, c.method, c.path, c.body)
    expect(r.status).toBe(c.status)
    expect(r.body.error.code).toBe(c.code)
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/) // said in Chinese
    if (c.field !== undefined) expect(r.body.error.field).toBe(c.field)
    expect(snapshot()).toEqual(before)
  })

  it('a refused action on an existing ticket changes nothing', async () => {
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    const before = snapshot()
    const wrongBody = await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/resolve`, { result: 7 })
    expect(wrongBody.status).toBe(400)
    const notYet = await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/resolve`, { result: '修好了' })
    expect(notYet.status).toBe(409)
    const outsider = await s.call(T.zhaojing, 'POST', `/api/tickets/${t.id}/accept`, {})
    expect(outsider.status).toBe(403)
    const stale = await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, { expectedVersion: 99 })
    expect(stale.body.error.code).toBe('version_conflict')
    expect(snapshot()).toEqual(before)
  })
})

describe('creating tickets', () => {
  it('is idempotent on the client key: a retried request never makes two tickets', async () => {
    const body = appeal()
    const first = await s.call(T.bot, 'POST', '/api/tickets', body)
    const before = snapshot()
    const again = await s.call(T.bot, 'POST', '/api/tickets', body)
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: false, ticket: { id: first.body.ticket.id, no: first.body.ticket.no } })
    expect(snapshot()).toEqual(before)
  })

  it('numbers tickets so that residents can quote them, and finds them by that number', async () => {
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    expect(t.no).toMatch(/^W\d{4,}$/)
    for (const ref of [t.no, t.no.toLowerCase(), t.no.slice(1), String(t.id)]) {
      const r = await s.call(T.admin, 'GET', `/api/tickets/${encodeURIComponent(ref)}`)
      expect(r.body.no).toBe(t.no)
    }
  })

  it('links a second resident\'s report of the same thing to the open ticket and tells both when it moves', async () => {
    const first = await s.call(T.bot, 'POST', '/api/tickets', appeal({ linkDuplicates: true, category: 'environment', text: '老槐树旁边的垃圾堆好几天没人清了，臭死了' }))
    const second = await s.call(T.bot, 'POST', '/api/tickets', appeal({
      linkDuplicates: true, category: 'environment', text: '老槐树那垃圾堆没人清，臭得很', reporter: { name: '老张', contactId: 'wxid_res_laozhang' },
    }))
    expect(second.body).toMatchObject({ created: false, linked: true, ticket: { id: first.body.ticket.id } })
    const other = await s.call(T.bot, 'POST', '/api/tickets', appeal({ linkDuplicates: true, category: 'environment', text: '小学门口的下水道堵了，污水漫到路上' }))
    expect(other.body.created).toBe(true)
    const id = first.body.ticket.id
    await s.call(T.wangqiang, 'POST', `/api/tickets/${id}/accept`, {})
    const room = s.services.db.prepare("SELECT text, mention FROM outbox WHERE ticket_id = ? AND kind = 'room'").get(id) as { text: string; mention: string }
    expect(room.text).toMatch(/^您反映的/)
    expect(JSON.parse(room.mention).map((m: { contactId: string }) => m.contactId)).toEqual(['wxid_res_liayi', 'wxid_res_laozhang'])
  })

  it('an emergency is urgent, due in 15 minutes, and alerts grid worker, grid head and instructor first', async () => {
    const r = await s.call(T.bot, 'POST', '/api/tickets', appeal({ intent: 'emergency', category: 'safety', text: '三组老王家着火了！', place: '三组' }))
    const t = r.body.ticket
    expect(t.flags.urgent).toBe(true)
    expect(new Date(t.deadlines.acceptBy).getTime() - new Date(t.createdAt).getTime()).toBe(15 * 60_000)
    const sent = s.services.db.prepare('SELECT person_id, priority, text FROM outbox WHERE ticket_id = ? ORDER BY id').all(t.id) as Array<{ person_id: string; priority: number; text: string }>
    expect(sent.map((m) => m.person_id).sort()).toEqual(['p-renhaiyan', 'p-wangqiang', 'p-wangxiulan'])
    expect(sent.every((m) => m.priority === 0 && m.text.startsWith(`【紧急 ${t.no}】`))).toBe(true)
    const pulled = await s.call(T.bot, 'GET', '/api/outbox?limit=3')
    expect(pulled.body.messages.every((m: { priority: number }) => m.priority === 0)).toBe(true)
  })

  it('a sensitive report never puts its content into a group message', async () => {
    const text = '我举报二组有人在家里聚众赌博，每天晚上都有'
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal({ sensitive: true, category: 'safety', text }))).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {})
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/resolve`, { result: '已会同派出所查处赌博窝点' })
    const rows = s.services.db.prepare('SELECT kind, text FROM outbox WHERE ticket_id = ?').all(t.id) as Array<{ kind: string; text: string }>
    const inRoom = rows.filter((m) => m.kind === 'room')
    expect(inRoom.length).toBe(2)
    for (const m of inRoom) expect(m.text).not.toMatch(/赌博|举报|派出所/)
    expect(rows.some((m) => m.kind === 'private' && m.text.includes('已会同派出所查处赌博窝点'))).toBe(true)
  })

  it('stores a picture with the ticket under DATA_DIR, once, and serves it back', async () => {
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605ee0000000049454e44ae426082', 'hex')
    const post = () => fetch(`${s.url}/api/tickets/${t.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${T.bot}`, 'content-type': 'image/png' }, body: png })
    const first = await post()
    expect(first.status).toBe(201)
    const again = await post()
    expect(again.status).toBe(200)
    const detail = await s.call(T.admin, 'GET', `/api/tickets/${t.id}`)
    expect(detail.body.attachments).toHaveLength(1)
    expect(detail.body.events.filter((e: { action: string }) => e.action === 'attach')).toHaveLength(1)
    const file = await fetch(`${s.url}${detail.body.attachments[0].url}`, { headers: { authorization: `Bearer ${T.wangqiang}` } })
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true)
    const text = await fetch(`${s.url}/api/tickets/${t.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${T.bot}`, 'content-type': 'text/plain' }, body: 'hi' })
    expect(text.status).toBe(415)
  })
})

describe('listing', () => {
  it('filters and pages with a cursor, newest first, without repeats', async () => {
    for (let i = 0; i < 5; i++) await s.call(T.bot, 'POST', '/api/tickets', appeal({ gridCode: 'HS010201', category: 'livelihood', text: `桃园村低保申请第${i}件` }))
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const q: string = `/api/tickets?area=HS0102&category=livelihood&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await s.call(ADMIN, 'GET', q)
      expect(page.status).toBe(200)
      seen.push(...page.body.items.map((t: { no: string; villageCode: string }) => { expect(t.villageCode).toBe('HS0102'); return t.no }))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
    expect([...seen].sort((a, b) => Number(b.slice(1)) - Number(a.slice(1)))).toEqual(seen)
  })

  it('finds overdue tickets as the clock passes their deadlines', async () => {
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal({ gridCode: 'HS010202', text: '桃园村二网格水管爆了' }))).body.ticket
    const overdue = async () => (await s.call(ADMIN, 'GET', '/api/tickets?area=HS010202&overdue=true')).body.items.map((x: { id: number }) => x.id)
    expect(await overdue()).not.toContain(t.id)
    s.clock.advance(3 * 3600_000) // Monday 12:00: past the 2 working hours to accept
    expect(await overdue()).toContain(t.id)
    const late = await s.call(T.admin, 'POST', `/api/tickets/${t.id}/accept`, {})
    expect(late.body.ticket.flags.lateAccept).toBe(true)
    s.clock.advance(-3 * 3600_000)
  })

  it('by reporter, for a resident asking after their appeals', async () => {
    await s.call(T.bot, 'POST', '/api/tickets', appeal({ reporter: { name: '王大爷', contactId: 'wxid_res_wangdaye' } }))
    const mine = await s.call(T.bot, 'GET', '/api/tickets?reporter=wxid_res_wangdaye')
    expect(mine.body.items.length).toBeGreaterThan(0)
    expect(mine.body.items.every((t: { reporter: { name: string } }) => t.reporter.name === '王大爷')).toBe(true)
    const cancelled = await s.call(T.bot, 'POST', `/api/tickets/${mine.body.items[0].id}/cancel`, asResident('wxid_res_wangdaye', '王大爷'))
    expect(cancelled.body.ticket.status).toBe('cancelled')
  })
})

describe('the event log', () => {
  it('is append-only in the database itself', async () => {
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    expect(() => s.services.db.prepare("UPDATE ticket_events SET note = 'x' WHERE ticket_id = ?").run(t.id)).toThrow(/append-only/)
    expect(() => s.services.db.prepare('DELETE FROM ticket_events WHERE ticket_id = ?').run(t.id)).toThrow(/append-only/)
  })

  it('records who, when, from, to and why', async () => {
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/escalate`, { reason: '需要村里协调' })
    const e = (await s.call(T.admin, 'GET', `/api/tickets/${t.id}`)).body.events
    expect(e[0]).toMatchObject({ action: 'create', actor: { kind: 'bot', id: 'demo-bot' }, toStatus: 'reported', toLevel: 'grid' })
    expect(e[1]).toMatchObject({ action: 'escalate', actor: { kind: 'person', id: 'p-wangqiang', name: '王强' }, fromLevel: 'grid', toLevel: 'village', note: '需要村里协调', at: s.clock.now().toISOString() })
  })
})
