import {
  categoryLabels, Category, metricsPeriodLabels, type Area, type AreaKind, type MetricsQuery, type MetricsReport, type MetricsRow, type MetricValues, type Rate,
} from '../contract/index.ts'
import { HttpError } from '../http/errors.ts'
import type { Areas } from '../registry/areas.ts'
import type { TicketFact, TicketFacts } from './facts.ts'
import { addDays, localToday, periodKey, periodsBetween, startOfDay } from './periods.ts'

/** The kind a report splits an area into; a ticket's fact names its area of each kind in the field of that name. */
const childKind: Record<AreaKind, AreaKind> = { county: 'township', township: 'village', village: 'grid', grid: 'grid' }
const DEFAULT_DAYS = 30

/** Sums per group; every rate of the dashboard is a ratio of two of them (see metricDefinitions). */
type Sums = {
  total: number; valid: number; resolved: number; resolvedOnTime: number; pastResolve: number; pastAccept: number
  accepts: number; lateAccepts: number; overdue: number; resolveHours: number; rated: number; satisfied: number
  everResolved: number; reopened: number; returns: number; escalations: number; atGrid: number; atVillage: number; atTownship: number
}

/** Adds one ticket to a group's sums, as of `now` (which decides what is past its deadline). */
function count(s: Sums, f: TicketFact, now: number): void {
  s.total++
  if (f.status === 'rejected' || f.status === 'cancelled') return
  const open = f.status === 'reported' || f.status === 'accepted'
  const pastAccept = f.status === 'reported' && f.acceptDue < now
  const pastResolve = open && f.resolveDue < now
  s.valid++
  s.accepts += f.accepts
  s.lateAccepts += f.lateAccepts
  s.escalations += f.escalations
  s.rated += f.rated
  s.satisfied += f.satisfied
  s.returns += f.returnCount
  if (pastAccept) s.pastAccept++
  if (pastResolve) s.pastResolve++
  if (f.lateAccept || f.lateResolve || pastAccept || pastResolve) s.overdue++
  if (f.everResolved) s.everResolved++
  if (f.reopenCount > 0) s.reopened++
  if (f.resolveHours !== null) {
    s.resolved++
    s.resolveHours += f.resolveHours
    if (!f.lateResolve) s.resolvedOnTime++
    const level = f.resolvedLevel
    if (level === 'grid') s.atGrid++
    if (level === 'grid' || level === 'village') s.atVillage++
    if (level === 'grid' || level === 'village' || level === 'township') s.atTownship++
  }
}

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

const emptySums = (): Sums => ({
  total: 0, valid: 0, resolved: 0, resolvedOnTime: 0, pastResolve: 0, pastAccept: 0, accepts: 0, lateAccepts: 0, overdue: 0, resolveHours: 0,
  rated: 0, satisfied: 0, everResolved: 0, reopened: 0, returns: 0, escalations: 0, atGrid: 0, atVillage: 0, atTownship: 0,
})

/** The range a query asks for, with its defaults: the last 30 days up to today (Beijing). */
export function rangeOf(q: Pick<MetricsQuery, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = q.to ?? (q.from && q.from > localToday(now) ? q.from : localToday(now))
  return { from: q.from ?? addDays(to, -(DEFAULT_DAYS - 1)), to }
}

/** More periods than this is no longer a chart or a table anyone reads. */
const MAX_PERIODS = 400

function periodsOf(period: MetricsQuery['period'], from: string, to: string) {
  const periods = periodsBetween(period, from, to)
  if (periods.length > MAX_PERIODS) {
    throw new HttpError(400, 'range_too_long', `${metricsPeriodLabels[period]}统计最多 ${MAX_PERIODS} 个时段，请缩短日期范围或改为按周、按月`, 'period')
  }
  return periods
}

export function createMetrics(areas: Areas, facts: TicketFacts, clock: () => Date) {
  /** The dashboard's figures for an area (already checked against the caller), per child area, category or period. */
  function report(area: Area, q: MetricsQuery): MetricsReport {
    const now = clock()
    const nowMs = now.getTime()
    const { from, to } = rangeOf(q, now)
    const [start, end] = [Date.parse(startOfDay(from)), Date.parse(startOfDay(addDays(to, 1)))]
    const field = area.kind
    const child = childKind[area.kind]
    const keyOf = q.groupBy === 'area' ? (f: TicketFact) => f[child] : q.groupBy === 'category' ? (f: TicketFact) => f.category : periodKey(q.period)

    const groups = new Map<string | null, Sums>()
    for (const f of facts.all()) {
      if (f[field] !== area.code || f.created < start || f.created >= end || (q.category && f.category !== q.category)) continue
      const key = keyOf(f)
      let sums = groups.get(key)
      if (!sums) groups.set(key, (sums = emptySums()))
      count(sums, f, nowMs)
    }
    const total = emptySums()
    for (const sums of groups.values()) for (const k of Object.keys(total) as Array<keyof Sums>) total[k] += sums[k]

    const named: Array<{ key: string | null; label: string }> =
      q.groupBy === 'area' ? (area.kind === 'grid' ? [area] : areas.children(area.code)).map((a) => ({ key: a.code, label: a.name }))
        : q.groupBy === 'category' ? Category.options.map((c) => ({ key: c, label: categoryLabels[c] }))
          : periodsOf(q.period, from, to)
    // Tickets filed straight at this level (a village-wide group, a 12345 order located only to a township) have no child area.
    if (q.groupBy === 'area' && groups.has(null)) named.push({ key: null, label: `${area.name}（本级）` })
    const rows: MetricsRow[] = named.map((g) => ({ key: g.key ?? area.code, label: g.label, metrics: toMetrics(groups.get(g.key) ?? emptySums()) }))

    return {
      area: { code: area.code, name: area.name, kind: area.kind }, from, to, category: q.category ?? null, groupBy: q.groupBy, period: q.period,
      total: toMetrics(total), rows, generatedAt: now.toISOString(),
    }
  }

  return { report }
}
export type Metrics = ReturnType<typeof createMetrics>
