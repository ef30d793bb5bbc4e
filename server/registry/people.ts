import type { Db } from '../db/open.ts'
import type { PersonRecord, Role, RoleGrant } from '../contract/index.ts'
import { memo } from './memo.ts'

type PersonRow = { id: string; name: string; contact_id: string | null; phone: string | null; active: number }
type RoleRow = { role: Role; area_code: string; unit: string | null }

export function createPeople(db: Db) {
  const byId = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?')
  const byContact = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE contact_id = ? AND active = 1')
  const all = db.prepare<[], PersonRow>('SELECT * FROM people ORDER BY id')
  const rolesOf = db.prepare<[string], RoleRow>('SELECT role, area_code, unit FROM person_roles WHERE person_id = ? ORDER BY role, area_code')
  const insert = db.prepare('INSERT INTO people (id, name, contact_id, phone, active) VALUES (?, ?, ?, ?, 1)')
  const update = db.prepare('UPDATE people SET name = ?, contact_id = ?, phone = ?, active = ? WHERE id = ?')
  const clearRoles = db.prepare('DELETE FROM person_roles WHERE person_id = ?')
  const addRole = db.prepare('INSERT OR IGNORE INTO person_roles (person_id, role, area_code, unit) VALUES (?, ?, ?, ?)')
  const staffAt = db.prepare<[string, string, string | null, string | null], PersonRow>(`
    SELECT p.* FROM people p JOIN person_roles r ON r.person_id = p.id
    WHERE r.role = ? AND r.area_code = ? AND (? IS NULL OR r.unit = ?) AND p.active = 1 ORDER BY p.id LIMIT 1`)
  const staffByUnit = db.prepare<[string, string], PersonRow>(`
    SELECT p.* FROM people p JOIN person_roles r ON r.person_id = p.id
    WHERE r.role = ? AND r.unit = ? AND p.active = 1 ORDER BY p.id LIMIT 1`)

  const withRoles = (row: PersonRow): PersonRecord => ({
    id: row.id, name: row.name, contactId: row.contact_id, phone: row.phone, active: row.active === 1,
    roles: rolesOf.all(row.id).map((r): RoleGrant => ({ role: r.role, areaCode: r.area_code, unit: r.unit })),
  })
  const setRoles = (id: string, roles: RoleGrant[]) => {
    clearRoles.run(id)
    for (const r of roles) addRole.run(id, r.role, r.areaCode, r.unit)
  }

  const get = memo((id: string): PersonRecord | null => { const r = byId.get(id); return r ? withRoles(r) : null })
  const byContactId = memo((contactId: string): PersonRecord | null => { const r = byContact.get(contactId); return r ? withRoles(r) : null })
  const staff = memo((role: Role, areaCode: string, unit: string | null): PersonRecord | null => {
    const r = staffAt.get(role, areaCode, unit, unit)
    return r ? withRoles(r) : null
  })
  const byUnit = memo((role: Role, unit: string): PersonRecord | null => { const r = staffByUnit.get(role, unit); return r ? withRoles(r) : null })
  const forget = () => { get.clear(); byContactId.clear(); staff.clear(); byUnit.clear() }

  return {
    get,
    byContactId,
    list: (): PersonRecord[] => all.all().map(withRoles),
    create: db.transaction((p: Omit<PersonRecord, 'active'>) => {
      forget()
      insert.run(p.id, p.name, p.contactId, p.phone)
      setRoles(p.id, p.roles)
    }),
    update: db.transaction((id: string, patch: Partial<Omit<PersonRecord, 'id'>>): PersonRecord | null => {
      forget()
      const row = byId.get(id)
      if (!row) return null
      const cur = withRoles(row)
      const next = { ...cur, ...patch }
      update.run(next.name, next.contactId, next.phone, next.active ? 1 : 0, id)
      if (patch.roles) setRoles(id, patch.roles)
      return withRoles(byId.get(id)!)
    }),
    /** The first active holder of a role in an area (and unit, for module leads and departments). */
    staff: (role: Role, areaCode: string, unit: string | null = null): PersonRecord | null => staff(role, areaCode, unit),
    byUnit,
  }
}
export type People = ReturnType<typeof createPeople>
