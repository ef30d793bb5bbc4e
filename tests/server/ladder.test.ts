import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appeal, asResident, startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

const act = (token: string, id: number, action: string, body: Record<string, unknown> = {}) => s.call(token, 'POST', `/api/tickets/${id}/${action}`, body)
const ok = async (token: string, id: number, action: string, body: Record<string, unknown> = {}) => {
  const r = await act(token, id, action, body)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body.ticket
}
const file = async (over: Record<string, unknown> = {}) => {
  const r = await s.call(T.bot, 'POST', '/api/tickets', appeal(over))
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body.ticket
}
const outboxFor = (ticketId: number) =>
  s.services.db.prepare('SELECT kind, person_id, contact_id, room_id, text, priority FROM outbox WHERE ticket_id = ? ORDER BY id').all(ticketId) as
    Array<{ kind: string; person_id: string | null; contact_id: string | null; room_id: number | null; text: string; priority: number }>

describe('assignment and the ladder 微事不出格、小事不出村、大事不出乡', () => {
  it('starts at the grid with its 专职网格员, the 网格长 copied, and tells both privately', async () => {
    const t = await file()
    expect(t).toMatchObject({ level: 'grid', status: 'reported', gridCode: 'HS010101', villageCode: 'HS0101', townshipCode: 'HS01' })
    expect(t.assignee).toMatchObject({ personId: 'p-wangqiang', name: '王强' })
    const sent = outboxFor(t.id)
    expect(sent.map((m) => m.person_id)).toEqual(['p-wangqiang', 'p-wangxiulan'])
    expect(sent[0]!.text).toContain(`【新工单 ${t.no}】柳树村一网格 · 基础设施`)
  })

  it('climbs grid → village post for the category → township module → county department (standard whistle)', async () => {
    const t = await file({ category: 'safety', text: '老刘家和隔壁为宅基地边界吵起来了，调解不下来' })
    const village = await ok(T.wangqiang, t.id, 'escalate', { reason: '网格内调解不成' })
    expect(village).toMatchObject({ level: 'village', status: 'reported', assignee: { personId: 'p-liudayong' } }) // 综治主任
    await ok(T.liudayong, t.id, 'accept')
    const township = await ok(T.liudayong, t.id, 'escalate', { reason: '涉及土地确权，村里定不了' })
    expect(township).toMatchObject({ level: 'township', assignee: { personId: 'p-tangweidong', unit: 'safetyBuilding', unitName: '平安建设模块' } })
    const county = await ok(T.tangweidong, t.id, 'escalate', { reason: '需县公安局协同' })
    expect(county).toMatchObject({ level: 'county', standard: true, assignee: { personId: 'p-gaozhenyu', unit: 'publicSecurity', unitName: '县公安局' } })
    expect(county.deadlines.progressBy).not.toBeNull()
    const told = outboxFor(t.id).filter((m) => m.person_id === 'p-gaozhenyu')
    expect(told).toHaveLength(1)
    expect(told[0]!.text).toContain('上报原因：需县公安局协同')
  })

  it('a non-standard whistle goes to the county centre, which names lead and cooperating departments', async () => {
    const t = await file({ category: 'civility', text: '村里饺子宴场地被占了，红白理事会和承包户扯皮' })
    await ok(T.wangqiang, t.id, 'escalate', { reason: '村里协调' })
    await ok(T.admin, t.id, 'escalate', { reason: '乡镇协调' })
    const county = await ok(T.songjiayi, t.id, 'escalate', { reason: '涉及多个部门', standard: false })
    expect(county.assignee).toMatchObject({ personId: 'p-sunlihua', unit: 'centre', unitName: '县社会治理中心' })
    const refused = await act(T.gaozhenyu, t.id, 'dispatch', { leadDepartment: 'cultureTourism' })
    expect(refused.status).toBe(403)
    const bad = await act(T.sunlihua, t.id, 'dispatch', { leadDepartment: 'nope' })
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ code: 'unknown_department', field: 'leadDepartment' })
    const dispatched = await ok(T.sunlihua, t.id, 'dispatch', { leadDepartment: 'cultureTourism', cooperatingDepartments: ['housing'] })
    expect(dispatched).toMatchObject({ leadDepartment: 'cultureTourism', cooperatingDepartments: ['housing'], assignee: { unit: 'cultureTourism' } })
    // The cooperating department sees it, and was told.
    const seen = await s.call(T.fengjianjun, 'GET', `/api/tickets/${t.id}`)
    expect(seen.status).toBe(200)
    expect(outboxFor(t.id).some((m) => m.person_id === 'p-fengjianjun' && m.text.includes('配合单位'))).toBe(true)
  })

  it('a badly escalated ticket is returned one level down, counted against the level that escalated it', async () => {
    const t = await file({ category: 'environment', text: '河沟里有人倒垃圾，臭得很' })
    await ok(T.wangqiang, t.id, 'escalate', { reason: '请村里处理' })
    const returned = await ok(T.admin, t.id, 'return', { reason: '网格内即可清理，不需上报' })
    expect(returned).toMatchObject({ level: 'grid', status: 'reported', assignee: { personId: 'p-wangqiang' }, flags: { returnCount: 1 } })
    const detail = await s.call(T.admin, 'GET', `/api/tickets/${t.id}`)
    expect(detail.body.events.at(-1)).toMatchObject({ action: 'return', fromLevel: 'village', toLevel: 'grid', data: { againstLevel: 'grid' } })
    const again = await act(T.wangqiang, t.id, 'return', { reason: '再退' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('cannot_return')
  })

  it('work done above the grid is verified on site by the 网格长 before it closes', async () => {
    const t = await file({ category: 'infrastructure', text: '三组的小桥栏杆断了，娃们上学过桥危险' })
    await ok(T.wangqiang, t.id, 'escalate', { reason: '需要村里出资' })
    await ok(T.lichanghe, t.id, 'accept')
    const resolved = await ok(T.lichanghe, t.id, 'resolve', { result: '已焊接新栏杆' })
    expect(resolved.flags).toMatchObject({ needsVerification: true, verified: null })
    expect(outboxFor(t.id).some((m) => m.person_id === 'p-wangxiulan' && m.text.startsWith(`【待核验 ${t.no}】`))).toBe(true)
    // Rated before the check: recorded, but the ticket stays open until verified.
    const rated = await ok(T.bot, t.id, 'rate', { rating: 'satisfied', ...asResident() })
    expect(rated).toMatchObject({ status: 'resolved', rating: 'satisfied' })
    expect((await act(T.wangqiang, t.id, 'verify', { passed: true })).status).toBe(403) // not the grid head
    const verified = await ok(T.wangxiulan, t.id, 'verify', { passed: true, note: '现场看过，牢固' })
    expect(verified).toMatchObject({ status: 'closed', flags: { verified: true } })
  })

  it('a failed on-site check sends the work back to whoever resolved it', async () => {
    const t = await file({ category: 'infrastructure', text: '四组水泥路塌了一个大坑' })
    await ok(T.wangqiang, t.id, 'escalate', { reason: '需村里修' })
    await ok(T.lichanghe, t.id, 'accept')
    await ok(T.lichanghe, t.id, 'resolve', { result: '已填平' })
    const failed = await ok(T.wangxiulan, t.id, 'verify', { passed: false, note: '只铺了沙子' })
    expect(failed).toMatchObject({ status: 'accepted', level: 'village', flags: { verified: false } })
    expect(outboxFor(t.id).at(-1)).toMatchObject({ person_id: 'p-lichanghe' })
  })

  it('不满意 reopens the ticket with the resident\'s words and tells the handler', async () => {
    const t = await file()
    await ok(T.wangqiang, t.id, 'accept')
    await ok(T.wangqiang, t.id, 'resolve', { result: '已换灯泡' })
    const reopened = await ok(T.bot, t.id, 'rate', { rating: 'dissatisfied', comment: '灯还是不亮', ...asResident() })
    expect(reopened).toMatchObject({ status: 'accepted', rating: 'dissatisfied', flags: { reopenCount: 1 } })
    expect(outboxFor(t.id).at(-1)!.text).toContain('灯还是不亮')
    // Someone else in the group cannot rate or reopen it.
    await ok(T.wangqiang, t.id, 'resolve', { result: '换了线路' })
    const stranger = await act(T.bot, t.id, 'rate', { rating: 'satisfied', ...asResident('wxid_res_laozhang', '老张') })
    expect(stranger.status).toBe(403)
  })

  it('extensions: refused at grid level, at township up to 15 days from arrival, then no more', async () => {
    const t = await file({ category: 'economy', text: '合作社欠我们土地流转费两年了' })
    const grid = await act(T.wangqiang, t.id, 'extend', { days: 3, reason: '忙' })
    expect(grid.body.error.code).toBe('extension_not_allowed')
    await ok(T.wangqiang, t.id, 'escalate', { reason: '村里' })
    const atTownship = await ok(T.lichanghe, t.id, 'escalate', { reason: '乡里' })
    const arrived = new Date(atTownship.deadlines.resolveBy).getTime() - 7 * 86_400_000
    const extended = await ok(T.songjiayi, t.id, 'extend', { days: 30, reason: '需要审计账目' })
    expect(new Date(extended.deadlines.resolveBy).getTime() - arrived).toBe(15 * 86_400_000)
    expect(extended.flags.extended).toBe(true)
    expect((await act(T.songjiayi, t.id, 'extend', { days: 1, reason: '再延' })).body.error.code).toBe('extension_limit')
  })

  it('reject as duplicate needs a main ticket, links the resident to it, and says so in the group', async () => {
    const main = await file()
    const dup = await file({ reporter: { name: '老张', contactId: 'wxid_res_laozhang' } })
    const missing = await act(T.wangqiang, dup.id, 'reject', { reason: 'duplicate', note: '同一件事' })
    expect(missing.body.error).toMatchObject({ code: 'main_ticket_required', field: 'mainTicket' })
    const rejected = await ok(T.wangqiang, dup.id, 'reject', { reason: 'duplicate', note: '同一件事', mainTicket: main.no })
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'duplicate', mainTicketId: main.id })
    const detail = await s.call(T.admin, 'GET', `/api/tickets/${main.id}`)
    expect(detail.body.followers.map((f: { contactId: string }) => f.contactId)).toContain('wxid_res_laozhang')
    expect(outboxFor(dup.id).at(-1)!.text).toContain(`与工单${main.no}相同`)
  })
})

describe('who may act where', () => {
  it('a grid worker cannot work, or even see, another grid\'s ticket', async () => {
    const t = await file()
    const r = await act(T.zhaojing, t.id, 'accept')
    expect(r.status).toBe(403)
    expect(r.body.error.message).toContain('无权受理')
    expect((await s.call(T.zhaojing, 'GET', `/api/tickets/${t.id}`)).status).toBe(404)
    const list = await s.call(T.zhaojing, 'GET', '/api/tickets?limit=200')
    expect(list.body.items.every((x: { gridCode: string }) => x.gridCode === 'HS010102')).toBe(true)
  })

  it('village cadres see grid tickets of their village but work them only once escalated', async () => {
    const t = await file()
    expect((await s.call(T.lichanghe, 'GET', `/api/tickets/${t.id}`)).status).toBe(200)
    expect((await act(T.lichanghe, t.id, 'accept')).status).toBe(403)
    await ok(T.wangqiang, t.id, 'escalate', { reason: '请村里处理' })
    expect((await act(T.lichanghe, t.id, 'accept')).status).toBe(200)
  })

  it('the 网格长 can accept for the grid, and becomes the handler', async () => {
    const t = await file()
    const accepted = await ok(T.wangxiulan, t.id, 'accept')
    expect(accepted.assignee.personId).toBe('p-wangxiulan')
  })

  it('a township operator sees their township only', async () => {
    await file({ gridCode: 'HS020101', text: '杏花村东街排水沟堵了' })
    const list = await s.call(T.songjiayi, 'GET', '/api/tickets?limit=200')
    expect(list.body.items.length).toBeGreaterThan(0)
    expect(list.body.items.every((x: { townshipCode: string }) => x.townshipCode === 'HS01')).toBe(true)
  })

  it('a bot must say whom it acts for', async () => {
    const t = await file()
    const r = await act(T.bot, t.id, 'cancel', {})
    expect(r.status).toBe(400)
    expect(r.body.error.field).toBe('onBehalfOf')
  })

  it('a grid worker reached through the bot works their ticket by WeChat contact id', async () => {
    const t = await file()
    const r = await act(T.bot, t.id, 'accept', { onBehalfOf: { contactId: 'wxid_wangqiang' } })
    expect(r.status).toBe(200)
    expect(r.body.ticket.assignee.personId).toBe('p-wangqiang')
  })
})

describe('what residents add', () => {
  it('tells the handler of the first addition, not of every line that follows within minutes', async () => {
    const t = await file()
    for (const text of ['灯杆也歪了', '晚上有人差点摔倒', '麻烦快点']) await ok(T.bot, t.id, 'supplement', { text, ...asResident() })
    const told = outboxFor(t.id).filter((m) => m.text.startsWith(`【补充 ${t.no}】`))
    expect(told).toHaveLength(1)
    expect(told[0]!.text).toContain('灯杆也歪了')
    s.clock.advance(6 * 60_000)
    await ok(T.bot, t.id, 'supplement', { text: '又下雨了更危险', ...asResident() })
    expect(outboxFor(t.id).filter((m) => m.text.startsWith(`【补充 ${t.no}】`))).toHaveLength(2)
    const events = (await s.call(T.admin, 'GET', `/api/tickets/${t.id}`)).body.events.filter((e: { action: string }) => e.action === 'supplement')
    expect(events.map((e: { note: string }) => e.note)).toEqual(['灯杆也歪了', '晚上有人差点摔倒', '麻烦快点', '又下雨了更危险'])
  })
})
