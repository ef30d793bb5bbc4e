import type { Db } from '../db/open.ts'
import type { Area, AreaKind } from '../contract/index.ts'
import { memo } from './memo.ts'

type AreaRow = { code: string; name: string; kind: AreaKind; parent_code: string | null; community: number; places: string }
const toArea = (r: AreaRow): Area => ({
  code: r.code, name: r.name, kind: r.kind, parentCode: r.parent_code, community: r.community === 1, places: JSON.parse(r.places) as string[],
})

/** The area an event happened in, with every level above it. */
export type AreaChain = { grid: Area | null; village: Area | null; township: Area | null; county: Area }

export function createAreas(db: Db) {
  const byCode = db.prepare<[string], AreaRow>('SELECT * FROM areas WHERE code = ?')
  const all = db.prepare<[], AreaRow>('SELECT * FROM areas ORDER BY code')
  const children = db.prepare<[string], AreaRow>('SELECT * FROM areas WHERE parent_code = ? ORDER BY code')
  const insert = db.prepare('INSERT INTO areas (code, name, kind, parent_code, community, places) VALUES (?, ?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE areas SET name = ?, community = ?, places = ? WHERE code = ?')
  const chains = new Map<string, AreaChain>()
  const get = memo((code: string): Area | null => {
    const row = byCode.get(code)
    return row ? toArea(row) : null
  })
  const forget = () => { chains.clear(); get.clear() }

  return {
    get,
    list: (): Area[] => all.all().map(toArea),
    children: (code: string): Area[] => children.all(code).map(toArea),
    create(a: Omit<Area, 'parentCode'> & { parentCode: string | null }): void {
      insert.run(a.code, a.name, a.kind, a.parentCode, a.community ? 1 : 0, JSON.stringify(a.places))
      forget()
    },
    update(code: string, patch: Partial<Pick<Area, 'name' | 'community' | 'places'>>): Area | null {
      const current = get(code)
      if (!current) return null
      const next = { ...current, ...patch }
      update.run(next.name, next.community ? 1 : 0, JSON.stringify(next.places), code)
      forget()
      return next
    },
    /** Walks up from any area to the county; cached, since the tree changes rarely and tickets ask often. */
    chain(code: string): AreaChain | null {
      const cached = chains.get(code)
      if (cached) return cached
      const found: Partial<Record<AreaKind, Area>> = {}
      let cursor = get(code)
      while (cursor) {
        found[cursor.kind] = cursor
        cursor = cursor.parentCode ? get(cursor.parentCode) : null
      }
      if (!found.county) return null
      const chain = { grid: found.grid ?? null, village: found.village ?? null, township: found.township ?? null, county: found.county }
      chains.set(code, chain)
      return chain
    },
  }
}
export type Areas = ReturnType<typeof createAreas>
