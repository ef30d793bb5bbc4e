import { roleLevel, type PersonRecord, type RoleGrant } from '../contract/index.ts'
import type { Actor } from '../auth/actor.ts'
import type { Scope, TicketRow } from './store.ts'

const areasOf = (t: TicketRow) => [t.grid_code, t.village_code, t.township_code, t.county_code]
const unitsOf = (t: TicketRow) => [t.assignee_unit, t.lead_department, ...(JSON.parse(t.cooperating_departments) as string[])]

/** Whether a role grant reaches a ticket: by area, or for a county department by the units on it. */
function reaches(g: RoleGrant, t: TicketRow): boolean {
  if (g.role === 'departmentOfficer') return g.unit !== null && unitsOf(t).includes(g.unit)
  return areasOf(t).includes(g.areaCode)
}

export function canSee(actor: Actor, t: TicketRow, isFollower: () => boolean): boolean {
  switch (actor.kind) {
    case 'admin': case 'bot': return true
    case 'hotline': return t.source === 'hotline'
    case 'resident': return t.reporter_contact_id === actor.contactId || isFollower()
    case 'person': return t.reporter_person_id === actor.person.id || actor.person.roles.some((g) => reaches(g, t))
  }
}

/** May this person work the ticket where it stands: the assignee, staff of its level and area, or an admin of its area. */
export function canWork(person: PersonRecord, t: TicketRow): boolean {
  if (t.assignee_person_id === person.id) return true
  return person.roles.some((g) => reaches(g, t) && (g.role === 'admin' || roleLevel[g.role] === t.level))
}

export const hasRoleOver = (person: PersonRecord, roles: readonly RoleGrant['role'][], t: TicketRow) =>
  person.roles.some((g) => roles.includes(g.role) && reaches(g, t))

/** The SQL form of canSee, for lists. */
export function scopeOf(actor: Actor): Scope {
  switch (actor.kind) {
    case 'admin': case 'bot': return { sql: '1 = 1', params: [] }
    case 'hotline': return { sql: "t.source = 'hotline'", params: [] }
    case 'resident': return { sql: 't.reporter_contact_id = ?', params: [actor.contactId] }
    case 'person': {
      const parts: string[] = ['t.reporter_person_id = ?']
      const params: unknown[] = [actor.person.id]
      for (const g of actor.person.roles) {
        if (g.role === 'departmentOfficer') {
          parts.push("(t.assignee_unit = ? OR t.lead_department = ? OR t.cooperating_departments LIKE ?)")
          params.push(g.unit, g.unit, `%"${g.unit}"%`)
        } else {
          parts.push('(t.grid_code = ? OR t.village_code = ? OR t.township_code = ? OR t.county_code = ?)')
          params.push(g.areaCode, g.areaCode, g.areaCode, g.areaCode)
        }
      }
      return { sql: `(${parts.join(' OR ')})`, params }
    }
  }
}
