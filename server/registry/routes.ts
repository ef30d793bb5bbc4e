import { Router, type Request } from 'express'
import {
  BindRoom, BotHeartbeat, Category, CreateArea, CreateBot, CreatePerson, CreateRoom, DeadlineSettings, ResolveRoom, UpdateArea, UpdateDepartment, UpdatePerson,
  UpdateRoom, UpdateRouting, type IssuedToken, type RoleGrant,
} from '../contract/index.ts'
import { callerOf } from '../auth/actor.ts'
import type { Tokens } from '../auth/tokens.ts'
import { HttpError, notFound } from '../http/errors.ts'
import type { Areas } from './areas.ts'
import type { Bots } from './bots.ts'
import type { People } from './people.ts'
import type { Rooms } from './rooms.ts'
import type { Settings } from './settings.ts'

type Registry = { areas: Areas; people: People; rooms: Rooms; settings: Settings; bots: Bots; tokens: Tokens; clock: () => Date }

export function registryRoutes(g: Registry): Router {
  const r = Router()
  const now = () => g.clock().toISOString()

  const countyCode = () => g.areas.list().find((a) => a.kind === 'county')?.code ?? ''
  /** An admin may change what lies in their own area: the root admin everything, an area admin their subtree. */
  const requireAdmin = (req: Request, areaCode: string, field: string | null = null) => {
    const caller = callerOf(req)
    if (caller.kind === 'admin') return
    const chain = g.areas.chain(areaCode)
    const codes = chain ? [chain.grid?.code, chain.village?.code, chain.township?.code, chain.county.code] : []
    if (caller.kind === 'person' && caller.person.roles.some((x) => x.role === 'admin' && codes.includes(x.areaCode))) return
    throw new HttpError(403, 'forbidden', '只有本辖区的管理员可以修改', field)
  }
  const requireReader = (req: Request) => {
    if (callerOf(req).kind === 'hotline') throw new HttpError(403, 'forbidden', '热线接口账号不能读取名册', null)
  }
  const checkRoles = (req: Request, roles: RoleGrant[]) => {
    roles.forEach((x, i) => {
      if (!g.areas.get(x.areaCode)) throw new HttpError(422, 'unknown_area', `区域 ${x.areaCode} 不存在`, `roles.${i}.areaCode`)
      if ((x.role === 'moduleLead' || x.role === 'departmentOfficer') && !x.unit) throw new HttpError(422, 'unit_required', '模块分管领导和部门人员须注明所属模块或部门', `roles.${i}.unit`)
      if (x.role === 'departmentOfficer' && x.unit && !g.settings.department(x.unit)) throw new HttpError(422, 'unknown_department', `部门 ${x.unit} 不存在`, `roles.${i}.unit`)
      requireAdmin(req, x.areaCode, `roles.${i}.areaCode`)
    })
  }

  r.get('/areas', (req, res) => { requireReader(req); res.json({ areas: g.areas.list() }) })
  r.post('/areas', (req, res) => {
    const body = CreateArea.parse(req.body)
    const parent = g.areas.get(body.parentCode)
    if (!parent) throw new HttpError(422, 'unknown_area', `上级区域 ${body.parentCode} 不存在`, 'parentCode')
    const expected = { township: 'county', village: 'township', grid: 'village' }[body.kind]
    if (parent.kind !== expected) throw new HttpError(422, 'invalid_parent', `${body.kind} 的上级必须是 ${expected}`, 'parentCode')
    if (g.areas.get(body.code)) throw new HttpError(409, 'duplicate_code', `区域编码 ${body.code} 已存在`, 'code')
    requireAdmin(req, body.parentCode, 'parentCode')
    g.areas.create(body)
    res.status(201).json(g.areas.get(body.code))
  })
  r.patch('/areas/:code', (req, res) => {
    const code = String(req.params.code)
    if (!g.areas.get(code)) throw notFound(`区域 ${code}`, 'code')
    const patch = UpdateArea.parse(req.body)
    requireAdmin(req, code)
    res.json(g.areas.update(code, patch))
  })

  r.get('/departments', (req, res) => { requireReader(req); res.json({ departments: g.settings.departments() }) })
  r.put('/departments/:code', (req, res) => {
    const { name } = UpdateDepartment.parse(req.body)
    requireAdmin(req, countyCode())
    const code = String(req.params.code)
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) throw new HttpError(400, 'invalid_input', '部门编码只能包含字母、数字、下划线和短横线', 'code')
    g.settings.putDepartment({ code, name })
    res.json(g.settings.department(code))
  })

  r.get('/routing', (req, res) => { requireReader(req); res.json({ routing: g.settings.routingTable() }) })
  r.put('/routing/:category', (req, res) => {
    const category = Category.safeParse(req.params.category)
    if (!category.success) throw new HttpError(404, 'not_found', `分类 ${req.params.category} 不存在`, 'category')
    const row = UpdateRouting.parse(req.body)
    if (row.countyDepartment && !g.settings.department(row.countyDepartment)) throw new HttpError(422, 'unknown_department', `部门 ${row.countyDepartment} 不存在`, 'countyDepartment')
    requireAdmin(req, countyCode())
    g.settings.putRouting({ category: category.data, ...row })
    res.json(g.settings.routing(category.data))
  })

  r.get('/settings/deadlines', (req, res) => { requireReader(req); res.json(g.settings.deadlines()) })
  r.put('/settings/deadlines', (req, res) => {
    const next = DeadlineSettings.parse(req.body)
    requireAdmin(req, countyCode())
    g.settings.putDeadlines(next)
    res.json(g.settings.deadlines())
  })

  r.get('/people', (req, res) => { requireReader(req); res.json({ people: g.people.list() }) })
  r.get('/people/:id', (req, res) => {
    requireReader(req)
    const p = g.people.get(String(req.params.id))
    if (!p) throw notFound(`人员 ${req.params.id}`, 'id')
    res.json(p)
  })
  r.post('/people', (req, res) => {
    const body = CreatePerson.parse(req.body)
    if (!body.roles.length) requireAdmin(req, countyCode(), 'roles')
    checkRoles(req, body.roles)
    if (g.people.get(body.id)) throw new HttpError(409, 'duplicate_id', `人员编号 ${body.id} 已存在`, 'id')
    if (body.contactId && g.people.byContactId(body.contactId)) throw new HttpError(409, 'duplicate_contact', '该微信联系人已登记为其他人员', 'contactId')
    g.people.create(body)
    res.status(201).json(g.people.get(body.id))
  })
  r.patch('/people/:id', (req, res) => {
    const id = String(req.params.id)
    const current = g.people.get(id)
    if (!current) throw notFound(`人员 ${id}`, 'id')
    const patch = UpdatePerson.parse(req.body)
    // Changing a person needs authority over where they serve now, and where they are to serve.
    checkRoles(req, current.roles)
    if (patch.roles) checkRoles(req, patch.roles)
    if (!current.roles.length) requireAdmin(req, countyCode())
    if (patch.contactId) {
      const other = g.people.byContactId(patch.contactId)
      if (other && other.id !== id) throw new HttpError(409, 'duplicate_contact', '该微信联系人已登记为其他人员', 'contactId')
    }
    res.json(g.people.update(id, patch))
  })
  r.post('/people/:id/tokens', (req, res) => {
    const id = String(req.params.id)
    const p = g.people.get(id)
    if (!p) throw notFound(`人员 ${id}`, 'id')
    if (p.roles.length) checkRoles(req, p.roles)
    else requireAdmin(req, countyCode())
    const issued: IssuedToken = { token: g.tokens.issue('person', id, `issued for ${id}`, now()), subject: id }
    res.status(201).json(issued)
  })

  r.get('/rooms', (req, res) => { requireReader(req); res.json({ rooms: g.rooms.list() }) })
  r.post('/rooms', (req, res) => {
    const body = CreateRoom.parse(req.body)
    if (body.areaCode && !g.areas.get(body.areaCode)) throw new HttpError(422, 'unknown_area', `区域 ${body.areaCode} 不存在`, 'areaCode')
    if (body.botId && !g.bots.get(body.botId)) throw new HttpError(422, 'unknown_bot', `机器人 ${body.botId} 不存在`, 'botId')
    if (body.wechatRoomId && g.rooms.byWechatId(body.wechatRoomId)) throw new HttpError(409, 'duplicate_room', '该群已登记', 'wechatRoomId')
    requireAdmin(req, body.areaCode ?? countyCode(), 'areaCode')
    res.status(201).json(g.rooms.create({ ...body, boundAt: body.areaCode ? now() : null }))
  })
  r.patch('/rooms/:id', (req, res) => {
    const room = g.rooms.get(Number(req.params.id))
    if (!room) throw notFound(`群 ${req.params.id}`, 'id')
    const patch = UpdateRoom.parse(req.body)
    if (patch.areaCode) {
      const area = g.areas.get(patch.areaCode)
      if (!area || (area.kind !== 'grid' && area.kind !== 'village')) throw new HttpError(422, 'unknown_area', `网格或村（社区）${patch.areaCode} 不存在`, 'areaCode')
      requireAdmin(req, patch.areaCode, 'areaCode')
    }
    if (patch.botId && !g.bots.get(patch.botId)) throw new HttpError(422, 'unknown_bot', `机器人 ${patch.botId} 不存在`, 'botId')
    // An unbound room may be claimed by an admin of the area it is bound to (as "@小微 绑定网格" allows in the group);
    // a bound room belongs to its area's admins.
    if (room.areaCode || !patch.areaCode) requireAdmin(req, room.areaCode ?? countyCode())
    const bound = patch.areaCode !== undefined && patch.areaCode !== room.areaCode
    const next = { ...room, ...patch, boundAt: bound ? (patch.areaCode ? now() : null) : room.boundAt }
    g.rooms.save(next)
    res.json(g.rooms.get(room.id))
  })
  r.post('/rooms/resolve', (req, res) => {
    const caller = callerOf(req)
    if (caller.kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以上报所在的群', 'authorization')
    const { wechatRoomId, topic } = ResolveRoom.parse(req.body)
    res.json(g.rooms.resolve(wechatRoomId, topic, caller.bot.id, now()))
  })

  r.post('/rooms/bind', (req, res) => {
    const caller = callerOf(req)
    if (caller.kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以代管理员绑定群', 'authorization')
    const body = BindRoom.parse(req.body)
    const area = g.areas.get(body.areaCode)
    if (!area || (area.kind !== 'grid' && area.kind !== 'village')) throw new HttpError(422, 'unknown_area', `网格编码 ${body.areaCode} 不存在`, 'areaCode')
    const person = g.people.byContactId(body.onBehalfOf.contactId)
    const chain = g.areas.chain(area.code)!
    const codes = [chain.grid?.code, chain.village?.code, chain.township?.code, chain.county.code]
    if (!person?.roles.some((x) => x.role === 'admin' && codes.includes(x.areaCode))) {
      throw new HttpError(403, 'forbidden', '只有本辖区的管理员可以绑定群', 'onBehalfOf')
    }
    const room = g.rooms.resolve(body.wechatRoomId, body.topic, caller.bot.id, now())
    g.rooms.save({ ...room, areaCode: area.code, boundAt: now() })
    res.json(g.rooms.get(room.id))
  })

  r.post('/bots/heartbeat', (req, res) => {
    const caller = callerOf(req)
    if (caller.kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以上报状态', 'authorization')
    const body = BotHeartbeat.parse(req.body)
    g.bots.heartbeat(caller.bot.id, body.loggedIn, body.error, body.contactId ?? null, now())
    res.json(g.bots.get(caller.bot.id))
  })

  r.get('/bots', (req, res) => { requireReader(req); res.json({ bots: g.bots.list() }) })
  r.post('/bots', (req, res) => {
    const body = CreateBot.parse(req.body)
    requireAdmin(req, countyCode())
    if (g.bots.get(body.id)) throw new HttpError(409, 'duplicate_id', `机器人 ${body.id} 已存在`, 'id')
    g.bots.create(body)
    res.status(201).json(g.bots.get(body.id))
  })
  r.post('/bots/:id/tokens', (req, res) => {
    const id = String(req.params.id)
    if (!g.bots.get(id)) throw notFound(`机器人 ${id}`, 'id')
    requireAdmin(req, countyCode())
    const issued: IssuedToken = { token: g.tokens.issue('bot', id, `issued for bot ${id}`, now()), subject: `bot:${id}` }
    res.status(201).json(issued)
  })
  return r
}
