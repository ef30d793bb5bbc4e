import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { AreaKind, Role, RoutingRow } from '../contract/index.ts'
import type { Db } from '../db/open.ts'
import type { Tokens, TokenKind } from '../auth/tokens.ts'
import type { Areas } from './areas.ts'
import type { Bots } from './bots.ts'
import type { People } from './people.ts'
import type { Rooms } from './rooms.ts'
import type { Settings } from './settings.ts'
import { hashPassword } from '../console/passwords.ts'
import type { Sessions } from '../console/sessions.ts'

const County = z.object({
  county: z.object({ code: z.string(), name: z.string() }),
  areas: z.array(z.object({ code: z.string(), name: z.string(), kind: AreaKind, parent: z.string(), community: z.boolean().default(false), places: z.array(z.string()).default([]) })),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  routing: z.array(RoutingRow),
  bots: z.array(z.object({ id: z.string(), name: z.string(), contactId: z.string().nullable().default(null) })),
  people: z.array(z.object({
    id: z.string(), name: z.string(), contactId: z.string().nullable().default(null), phone: z.string().nullable().default(null),
    roles: z.array(z.object({ role: Role, area: z.string(), unit: z.string().nullable().default(null) })),
  })),
  rooms: z.array(z.object({
    topic: z.string(), area: z.string().nullable(), bot: z.string(), roomId: z.string(),
    residents: z.array(z.object({ name: z.string(), contactId: z.string() })).default([]),
  })),
  demoTokens: z.record(z.string(), z.string()).default({}),
  /** The console password of every demo person (a demo only: real people get theirs from an admin). */
  demoPassword: z.string().min(8).optional(),
})
export type CountyFile = z.infer<typeof County>

export const readCountyFile = (path: string): CountyFile => County.parse(JSON.parse(readFileSync(path, 'utf8')))

type Registry = { db: Db; areas: Areas; people: People; rooms: Rooms; settings: Settings; bots: Bots; tokens: Tokens; sessions?: Sessions }

/** Loads a county on first start (an empty database); later starts leave what admins changed alone. */
export function seedCounty(g: Registry, file: CountyFile, now: string): boolean {
  if (g.areas.list().length > 0) return false
  g.db.transaction(() => {
    g.areas.create({ code: file.county.code, name: file.county.name, kind: 'county', parentCode: null, community: false, places: [file.county.name] })
    for (const a of file.areas) g.areas.create({ code: a.code, name: a.name, kind: a.kind, parentCode: a.parent, community: a.community, places: a.places })
    for (const d of file.departments) g.settings.putDepartment(d)
    for (const r of file.routing) g.settings.putRouting(r)
    for (const b of file.bots) g.bots.create(b)
    for (const p of file.people) g.people.create({ ...p, roles: p.roles.map((r) => ({ role: r.role, areaCode: r.area, unit: r.unit })) })
    // One slow hash shared by all demo people: hashing 80 times would slow every start and every test.
    const demoHash = file.demoPassword && g.sessions ? { hash: hashPassword(file.demoPassword) } : null
    if (demoHash) for (const p of file.people) g.sessions!.setPassword(p.id, demoHash)
    for (const r of file.rooms) g.rooms.create({ wechatRoomId: r.roomId, topic: r.topic, areaCode: r.area, botId: r.bot, boundAt: r.area ? now : null })
    for (const [subject, token] of Object.entries(file.demoTokens)) {
      const [kind, id]: [TokenKind, string | null] = subject === 'hotline' ? ['hotline', null] : subject.startsWith('bot:') ? ['bot', subject.slice(4)] : ['person', subject]
      g.tokens.register(token, kind, id, 'demo', now)
    }
  })()
  return true
}
