import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appeal, startTestServer, T, type TestServer } from '../helpers/server.ts'

let s: TestServer
beforeAll(async () => { s = await startTestServer() })
afterAll(async () => { await s.close() })

describe('the registry', () => {
  it('holds the demo county: 2 townships, 4 villages/communities, 9 grids, a room per grid, every role filled', async () => {
    const areas = (await s.call(T.admin, 'GET', '/api/areas')).body.areas as Array<{ kind: string; code: string; community: boolean }>
    const count = (kind: string) => areas.filter((a) => a.kind === kind).length
    expect([count('county'), count('township'), count('village'), count('grid')]).toEqual([1, 2, 4, 9])
    expect(areas.some((a) => a.community)).toBe(true)
    const rooms = (await s.call(T.admin, 'GET', '/api/rooms')).body.rooms as Array<{ areaCode: string }>
    for (const grid of areas.filter((a) => a.kind === 'grid')) expect(rooms.some((r) => r.areaCode === grid.code)).toBe(true)
    const people = (await s.call(T.admin, 'GET', '/api/people')).body.people as Array<{ roles: Array<{ role: string }> }>
    const roles = new Set(people.flatMap((p) => p.roles.map((r) => r.role)))
    for (const role of ['gridHead', 'gridWorker', 'gridWorkerPartTime', 'gridInstructor', 'villageSecretary', 'villageDiscipline', 'villagePublicity',
      'villageSecurity', 'villageEnvironment', 'villageProperty', 'villageGridAffairs', 'townshipOperator', 'moduleLead', 'countyOperator', 'departmentOfficer', 'admin']) {
      expect(roles, role).toContain(role)
    }
  })

  it('an admin adds a grid, a worker for it, binds a room, and tickets there go to that worker', async () => {
    expect((await s.call(T.admin, 'POST', '/api/areas', { code: 'HS010104', name: '柳树村四网格', kind: 'grid', parentCode: 'HS0101', places: ['新村'] })).status).toBe(201)
    const person = await s.call(T.admin, 'POST', '/api/people', { id: 'p-xiaoli', name: '肖丽', contactId: 'wxid_xiaoli', phone: '13700000000', roles: [{ role: 'gridWorker', areaCode: 'HS010104' }] })
    expect(person.status).toBe(201)
    const room = await s.call(T.admin, 'POST', '/api/rooms', { topic: '柳树村四网格群', wechatRoomId: 'liushu-4@chatroom' })
    expect(room.body.areaCode).toBeNull()
    const bound = await s.call(T.admin, 'PATCH', `/api/rooms/${room.body.id}`, { areaCode: 'HS010104', botId: 'demo-bot' })
    expect(bound.body).toMatchObject({ areaCode: 'HS010104', botId: 'demo-bot' })
    expect(bound.body.boundAt).not.toBeNull()
    const t = await s.call(T.bot, 'POST', '/api/tickets', appeal({ gridCode: undefined, room: { wechatRoomId: 'liushu-4@chatroom' } }))
    expect(t.body.ticket).toMatchObject({ gridCode: 'HS010104', assignee: { personId: 'p-xiaoli' } })
    const token = (await s.call(T.admin, 'POST', '/api/people/p-xiaoli/tokens', {})).body.token as string
    expect((await s.call(token, 'POST', `/api/tickets/${t.body.ticket.id}/accept`, {})).status).toBe(200)
    // The token is stored only as a hash.
    expect(JSON.stringify(s.services.db.prepare('SELECT * FROM tokens').all())).not.toContain(token)
  })

  it('routing tables are data: changing the village post changes who gets escalated tickets', async () => {
    const put = await s.call(T.admin, 'PUT', '/api/routing/infrastructure', { villagePost: 'villageEnvironment', townshipModule: 'urbanRural', countyDepartment: 'housing', standard: true })
    expect(put.status).toBe(200)
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    const up = await s.call(T.wangqiang, 'POST', `/api/tickets/${t.id}/escalate`, { reason: '村里处理' })
    const env = (await s.call(T.admin, 'GET', '/api/people')).body.people.find((p: { roles: Array<{ role: string; areaCode: string }> }) => p.roles.some((r) => r.role === 'villageEnvironment' && r.areaCode === 'HS0101'))
    expect(up.body.ticket.assignee.personId).toBe(env.id)
    const bad = await s.call(T.admin, 'PUT', '/api/routing/infrastructure', { villagePost: 'mayor', townshipModule: null, countyDepartment: null, standard: true })
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'villagePost' })
  })

  it('deadline settings are data too', async () => {
    const current = (await s.call(T.admin, 'GET', '/api/settings/deadlines')).body
    const put = await s.call(T.admin, 'PUT', '/api/settings/deadlines', { ...current, resolveDays: { ...current.resolveDays, grid: 2 } })
    expect(put.status).toBe(200)
    const t = (await s.call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    expect(new Date(t.deadlines.resolveBy).getTime() - new Date(t.createdAt).getTime()).toBe(2 * 86_400_000)
    const bad = await s.call(T.admin, 'PUT', '/api/settings/deadlines', { ...current, workHours: [['25:00', '12:00']] })
    expect(bad.body.error.field).toBe('workHours.0.0')
    await s.call(T.admin, 'PUT', '/api/settings/deadlines', current)
  })

  it('an area admin changes only their own area; staff cannot change the registry', async () => {
    const mine = await s.call(T.hepingAdmin, 'PATCH', '/api/areas/HS020201', { places: ['幸福小区1号楼'] })
    expect(mine.status).toBe(200)
    const theirs = await s.call(T.hepingAdmin, 'PATCH', '/api/areas/HS010101', { places: [] })
    expect(theirs.status).toBe(403)
    const worker = await s.call(T.wangqiang, 'PATCH', '/api/rooms/1', { areaCode: null })
    expect(worker.status).toBe(403)
    const grant = await s.call(T.hepingAdmin, 'POST', '/api/people', { id: 'p-sneaky', name: '某人', roles: [{ role: 'countyOperator', areaCode: 'HS' }] })
    expect(grant.status).toBe(403)
    expect((await s.call(T.admin, 'GET', '/api/people/p-sneaky')).status).toBe(404)
  })

  it('finds a room again by its topic after WeChat gives it a new id, keeping its binding', async () => {
    const r = await s.call(T.bot, 'POST', '/api/rooms/resolve', { wechatRoomId: 'new-id-after-relogin@chatroom', topic: '柳树村二网格群' })
    expect(r.body).toMatchObject({ topic: '柳树村二网格群', areaCode: 'HS010102', wechatRoomId: 'new-id-after-relogin@chatroom' })
    const t = await s.call(T.bot, 'POST', '/api/tickets', appeal({ gridCode: undefined, room: { wechatRoomId: 'new-id-after-relogin@chatroom' } }))
    expect(t.body.ticket.gridCode).toBe('HS010102')
    const unknown = await s.call(T.bot, 'POST', '/api/rooms/resolve', { wechatRoomId: 'stranger@chatroom', topic: '广场舞队' })
    expect(unknown.body).toMatchObject({ areaCode: null, topic: '广场舞队' })
    const listed = (await s.call(T.admin, 'GET', '/api/rooms')).body.rooms
    expect(listed.some((x: { topic: string; areaCode: string | null }) => x.topic === '广场舞队' && x.areaCode === null)).toBe(true)
  })
})
