import type { Db } from '../db/open.ts'
import { memo } from './memo.ts'
import { DeadlineSettings, type Category, type Department, type Module, type RoutingRow, type VillagePost } from '../contract/index.ts'

type RoutingDbRow = { category: Category; village_post: VillagePost; township_module: Module | null; county_department: string | null; standard: number }
const toRouting = (r: RoutingDbRow): RoutingRow => ({
  category: r.category, villagePost: r.village_post, townshipModule: r.township_module, countyDepartment: r.county_department, standard: r.standard === 1,
})

/** Defaults from the product design: 2 working hours to accept; 1/3/7 days to resolve by level; 13710 at county. */
export const defaultDeadlines: DeadlineSettings = {
  acceptWorkingHours: 2,
  emergencyAcceptMinutes: 15,
  emergencyResolveHours: 2,
  resolveDays: { grid: 1, village: 3, township: 7, county: 7 },
  townshipMaxDays: 15,
  countyProgressDays: 3,
  countyComplexDays: 30,
  workHours: [['08:30', '12:00'], ['14:30', '18:00']],
  workDays: [1, 2, 3, 4, 5],
  holidays: [],
  extraWorkdays: [],
}

export function createSettings(db: Db) {
  const routingAll = db.prepare<[], RoutingDbRow>('SELECT * FROM routing ORDER BY rowid')
  const routingOne = db.prepare<[string], RoutingDbRow>('SELECT * FROM routing WHERE category = ?')
  const routingPut = db.prepare(`INSERT INTO routing (category, village_post, township_module, county_department, standard) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(category) DO UPDATE SET village_post = excluded.village_post, township_module = excluded.township_module,
    county_department = excluded.county_department, standard = excluded.standard`)
  const deptAll = db.prepare<[], Department>('SELECT code, name FROM departments ORDER BY code')
  const deptOne = db.prepare<[string], Department>('SELECT code, name FROM departments WHERE code = ?')
  const deptPut = db.prepare('INSERT INTO departments (code, name) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name')
  const getSetting = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const putSetting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  let deadlines: DeadlineSettings | null = null
  const routing = memo((category: Category): RoutingRow | null => { const r = routingOne.get(category); return r ? toRouting(r) : null })
  const department = memo((code: string): Department | null => deptOne.get(code) ?? null)

  return {
    routing,
    routingTable: (): RoutingRow[] => routingAll.all().map(toRouting),
    putRouting(r: RoutingRow): void {
      routingPut.run(r.category, r.villagePost, r.townshipModule, r.countyDepartment, r.standard ? 1 : 0)
      routing.clear()
    },
    departments: (): Department[] => deptAll.all(),
    department,
    putDepartment(d: Department): void {
      deptPut.run(d.code, d.name)
      department.clear()
    },
    deadlines(): DeadlineSettings {
      if (!deadlines) {
        const row = getSetting.get('deadlines')
        deadlines = row ? DeadlineSettings.parse(JSON.parse(row.value)) : defaultDeadlines
      }
      return deadlines
    },
    putDeadlines(next: DeadlineSettings): void {
      putSetting.run('deadlines', JSON.stringify(next))
      deadlines = next
    },
  }
}
export type Settings = ReturnType<typeof createSettings>
