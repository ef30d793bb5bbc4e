import {
  categoryLabels, Category, type Area, type AreaKind, type MetricsQuery, type MetricsReport, type MetricsRow, type MetricValues, type Rate,
} from '../contract/index.ts'
import type { Db } from '../db/open.ts'
import type { Areas } from '../registry/areas.ts'
import { addDays, localToday, periodSql, periodsBetween, startOfDay } from './periods.ts'

/** The column of the tickets table that holds a ticket's area of each kind. */
const areaColumn: Record<AreaKind, string> = { county: 'county_code', township: 'township_code', village: 'village_code', grid: 'grid_code' }
const childKind: Record<AreaKind, AreaKind> = { county: 'township', township: 'village', village: 'grid', grid: 'grid' }
const DEFAULT_DAYS = 30

/** Sums per group; every rate of the dashboard is a ratio of two of them (see metricDefinitions). */
type Sums = {
  k: string | null; total: number; valid: number; resolved: number; resolvedOnTime: number; pastResolve: number; pastAccept: number
  accepts: number; lateAccepts: number; overdue: number; resolveHours: number; rated: number; satisfied: number
  everResolved: number; reopened: number; returns: number; escalations: number; atGrid: number; atVillage: number; atTownship: number
}

// One pass over the tickets in scope, with the few facts only the event log knows (each acceptance and whether it was
// late, each escalation, each rating) summed per ticket first. `v` marks a valid ticket: neither rejected nor cancelled.
const sumsSql = (key: string, where: string) => `
  WITH scoped AS MATERIALIZED (
    SELECT t.id, ${key} AS k, t.status NOT IN ('rejected','cancelled') AS v, t.status IN ('resolved','closed') AS res,
      t.status IN ('reported','accepted') AS open, t.status, t.late_accept, t.late_resolve, t.accept_due_at, t.resolve_due_at,
      t.created_at, t.resolved_at, t.resolved_level, t.reopen_count, t.return_count
    FROM tickets t WHERE ${where}
  ), ev AS (
    SELECT e.ticket_id,
      SUM(e.action = 'accept') AS accepts,
      SUM(e.action = 'accept' AND json_extract(e.data, '$.late') = 1) AS late_accepts,
      SUM(e.action = 'escalate') AS escalations,
      SUM(e.action = 'rate') AS rated,
      SUM(e.action = 'rate' AND json_extract(e.data, '$.rating') IN ('satisfied','basicallySatisfied')) AS satisfied
    FROM scoped s JOIN ticket_events e ON e.ticket_id = s.id
    WHERE s.v AND e.action IN ('accept','escalate','rate')
    GROUP BY e.ticket_id
  )
  SELECT s.k,
    COUNT(*) AS total,
    TOTAL(s.v) AS valid,
    TOTAL(s.v AND s.res) AS resolved,
    TOTAL(s.v AND s.res AND s.late_resolve = 0) AS resolvedOnTime,
    TOTAL(s.v AND s.open AND s.resolve_due_at < @now) AS pastResolve,
    TOTAL(s.v AND s.status = 'reported' AND s.accept_due_at < @now) AS pastAccept,
    TOTAL(ev.accepts) AS accepts,
    TOTAL(ev.late_accepts) AS lateAccepts,
    TOTAL(s.v AND (s.late_accept = 1 OR s.late_resolve = 1 OR (s.status = 'reported' AND s.accept_due_at < @now)
      OR (s.open AND s.resolve_due_at < @now))) AS overdue,
    TOTAL(CASE WHEN s.v AND s.res THEN (unixepoch(s.resolved_at) - unixepoch(s.created_at)) / 3600.0 END) AS resolveHours,
    TOTAL(ev.rated) AS rated,
    TOTAL(ev.satisfied) AS satisfied,
    TOTAL(s.v AND s.resolved_at IS NOT NULL) AS everResolved,
    TOTAL(s.v AND s.reopen_count > 0) AS reopened,
    TOTAL(CASE WHEN s.v THEN s.return_count END) AS returns,
    TOTAL(ev.escalations) AS escalations,
    TOTAL(s.v AND s.res AND s.resolved_level = 'grid') AS atGrid,
    TOTAL(s.v AND s.res AND s.resolved_level IN ('grid','village')) AS atVillage,
    TOTAL(s.v AND s.res AND s.resolved_level IN ('grid','village','township')) AS atTownship
  FROM scoped s LEFT JOIN ev ON ev.ticket_id = s.id
  GROUP BY s.k`

const rate = (num: number, den: number): Rate => ({ num, den, value: den > 0 ? num / den : null })

function toMetrics(s: Sums): MetricValues {
  return {
    total: s.total, valid: s.valid, resolved: s.resolved,
    onTimeAccept: rate(s.accepts - s.lateAccepts, s.accepts + s.pastAccept),
    onTimeResolve: rate(s.resolvedOnTime, s.resolved + s.pastResolve),
    overdue: rate(s.overdue, s.valid),
    avgResolveHours: s.resolved > 0 ? Math.round((s.resolveHours / s.resolved) * 10) / 10 : null,
    satisfaction: rate(s.satisfied, s.rated),
    resolution: rate(s.resolved, s.valid),
    reopen: rate(s.reopened, s.everResolved),
    returned: rate(s.returns, s.escalations),
    gridLevel: rate(s.atGrid, s.resolved),
    villageLevel: rate(s.atVillage, s.resolved),
    townshipLevel: rate(s.atTownship, s.resolved),
  }
}

const emptySums = (k: string | null): Sums => ({
  k, total: 0, valid: 0, resolved: 0, resolvedOnTime: 0, pastResolve: 0, pastAccept: 0, accepts: 0, lateAccepts: 0, overdue: 0, resolveHours: 0,
  rated: 0, satisfied: 0, everResolved: 0, reopened: 0, returns: 0, escalations: 0, atGrid: 0, atVillage: 0, atTownship: 0,
})
function add(a: Sums, b: Sums): Sums {
  const out = { ...a }
  for (const key of Object.keys(b) as Array<keyof Sums>) if (key !== 'k') out[key] = a[key] + b[key]
  return out
}

/** The range a query asks for, with its defaults: the last 30 days up to today (Beijing). */
export function rangeOf(q: Pick<MetricsQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = q.to ?? (q.from && q.from > localToday(now) ? q.from : localToday(now))
  return { from: q.from ?? addDays(to, -(DEFAULT_DAYS - 1)), to }
}

export function createMetrics(db: Db, areas: Areas, clock: () => Date) {
  const statements = new Map<string, ReturnType<Db['prepare']>>()
  const prepared = (sql: string) => {
    let stmt = statements.get(sql)
    if (!stmt) { stmt = db.prepare(sql); statements.set(sql, stmt) }
    return stmt
  }

  /** The dashboard's figures for an area (already checked against the caller), per child area, category or period. */
  function report(area: Area, q: MetricsQuery): MetricsReport {
    const now = clock()
    const { from, to } = rangeOf(q, now)
    const where = [`t.${areaColumn[area.kind]} = @area`, 't.created_at >= @start', 't.created_at < @end']
    if (q.category) where.push('t.category = @category')
    const key = q.groupBy === 'area' ? `t.${areaColumn[childKind[area.kind]]}` : q.groupBy === 'category' ? 't.category' : periodSql(q.period, 't.created_at')
    const params = { area: area.code, start: startOfDay(from), end: startOfDay(addDays(to, 1)), category: q.category ?? null, now: now.toISOString() }
    const sums = prepared(sumsSql(key, where.join(' AND '))).all(params) as Sums[]
    const byKey = new Map(sums.map((s) => [s.k, s]))

    const groups: Array<{ key: string | null; label: string }> =
      q.groupBy === 'area' ? (area.kind === 'grid' ? [area] : areas.children(area.code)).map((a) => ({ key: a.code, label: a.name }))
        : q.groupBy === 'category' ? Category.options.map((c) => ({ key: c, label: categoryLabels[c] }))
          : periodsBetween(q.period, from, to)
    // Tickets filed straight at this level (a village-wide group, a 12345 order located only to a township) have no child area.
    if (q.groupBy === 'area' && byKey.has(null)) groups.push({ key: null, label: `${area.name}（本级）` })
    const rows: MetricsRow[] = groups.map((g) => ({ key: g.key ?? area.code, label: g.label, metrics: toMetrics(byKey.get(g.key) ?? emptySums(g.key)) }))

    return {
      area: { code: area.code, name: area.name, kind: area.kind }, from, to, category: q.category ?? null, groupBy: q.groupBy, period: q.period,
      total: toMetrics(sums.reduce(add, emptySums(null))), rows, generatedAt: now.toISOString(),
    }
  }

  return { report }
}
export type Metrics = ReturnType<typeof createMetrics>
