import type { Category, Level, PersonRecord } from '../contract/index.ts'
import type { AreaChain } from '../registry/areas.ts'
import type { People } from '../registry/people.ts'
import type { Settings } from '../registry/settings.ts'

export type Assignment = { person: PersonRecord | null; unit: string | null; cc: PersonRecord[]; standard: boolean | null }

/** The county centre's own queue: non-standard items it must sort out and dispatch (seed 000, 6.2.3.3.3). */
export const CENTRE = 'centre'
/** The township's 社会治理室, which takes what no module owns. */
export const TOWNSHIP_OFFICE = 'office'

/**
 * Who handles a ticket at a level, by the routing tables: grid → its 专职网格员 (网格长 copied); village → the post
 * for the category; township → the module lead via the 社会治理室; county → the department for a standard item,
 * the county centre for a non-standard one. Missing people fall back to the level's general desk.
 */
export function assign(level: Level, chain: AreaChain, category: Category, people: People, settings: Settings,
  whistle: { standard?: boolean; department?: string } = {}): Assignment {
  const route = settings.routing(category)
  const nobody: Assignment = { person: null, unit: null, cc: [], standard: null }
  switch (level) {
    case 'grid': {
      if (!chain.grid) return nobody
      const head = people.staff('gridHead', chain.grid.code)
      const worker = people.staff('gridWorker', chain.grid.code) ?? head
      return { person: worker, unit: null, cc: head && head.id !== worker?.id ? [head] : [], standard: null }
    }
    case 'village': {
      if (!chain.village) return nobody
      const post = route?.villagePost ?? 'villageSecretary'
      const person = people.staff(post, chain.village.code) ?? people.staff('villageSecretary', chain.village.code)
      return { person, unit: post, cc: [], standard: null }
    }
    case 'township': {
      if (!chain.township) return nobody
      const module = route?.townshipModule ?? null
      const lead = module ? people.staff('moduleLead', chain.township.code, module) : null
      const office = people.staff('townshipOperator', chain.township.code)
      return { person: lead ?? office, unit: lead ? module : TOWNSHIP_OFFICE, cc: lead && office ? [office] : [], standard: null }
    }
    case 'county': {
      const standard = whistle.standard ?? route?.standard ?? false
      const department = whistle.department ?? route?.countyDepartment ?? null
      const centre = people.staff('countyOperator', chain.county.code)
      if (standard && department) {
        const officer = people.byUnit('departmentOfficer', department)
        return { person: officer ?? centre, unit: department, cc: [], standard: true }
      }
      return { person: centre, unit: CENTRE, cc: [], standard: false }
    }
  }
}
