import type { Area } from '../contract/index.ts'
import type { Caller } from '../auth/actor.ts'
import { HttpError } from '../http/errors.ts'
import type { Areas } from '../registry/areas.ts'

const rank: Record<Area['kind'], number> = { county: 0, township: 1, village: 2, grid: 3 }

/**
 * The areas a caller may read figures of, as the tops of subtrees: the same reach as for tickets (a role grant covers
 * its area and everything below). County departments see tickets by unit, not by area, so they get no area figures.
 */
export function reachOf(caller: Caller, areas: Areas): Area[] {
  if (caller.kind === 'admin') return areas.list().filter((a) => a.kind === 'county')
  if (caller.kind !== 'person') return []
  const codes = caller.person.roles.filter((g) => g.role !== 'departmentOfficer').map((g) => g.areaCode)
  const tops = [...new Set(codes)].map((c) => areas.get(c)).filter((a): a is Area => a !== null)
  // A grant under another grant adds nothing: keep the widest, widest first.
  return tops.filter((a) => !tops.some((b) => b.code !== a.code && isWithin(a, b, areas))).sort((a, b) => rank[a.kind] - rank[b.kind])
}

function isWithin(a: Area, top: Area, areas: Areas): boolean {
  const chain = areas.chain(a.code)
  return chain !== null && [chain.grid, chain.village, chain.township, chain.county].some((x) => x?.code === top.code)
}

/** The area asked for (or the caller's own widest one), if the caller may see it. */
export function areaFor(caller: Caller, areaId: string | undefined, areas: Areas): Area {
  const reach = reachOf(caller, areas)
  if (reach.length === 0) throw new HttpError(403, 'forbidden', '您没有可查看统计数据的辖区', 'areaId')
  if (areaId === undefined) return reach[0]!
  const area = areas.get(areaId)
  if (!area) throw new HttpError(400, 'unknown_area', `区域编码 ${areaId} 不存在`, 'areaId')
  if (!reach.some((top) => isWithin(area, top, areas))) {
    throw new HttpError(403, 'forbidden', `您只能查看本辖区（${reach.map((a) => a.name).join('、')}）及下级的统计数据`, 'areaId')
  }
  return area
}
