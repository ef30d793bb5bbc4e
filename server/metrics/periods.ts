import type { MetricsPeriod } from '../contract/index.ts'

// Dates are Beijing calendar days (no daylight saving since 1991), like the deadlines.
const OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

export const localToday = (now: Date): string => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10)
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
/** The instant a Beijing day starts, as stored in the tickets table (ISO, UTC). */
export const startOfDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS).toISOString()

/** The period a ticket was filed in, named like periodsBetween names it: 2026-11-23, that week's Monday, or 2026-11. */
export function periodKey(period: MetricsPeriod): (f: { created: number }) => string {
  const names = new Map<number, string>()
  return ({ created }) => {
    let day = Math.floor((created + OFFSET_MS) / DAY_MS)
    // Day 0 (1970-01-01) was a Thursday: step back to the Monday.
    if (period === 'week') day -= (day + 3) % 7
    let name = names.get(day)
    if (name === undefined) {
      name = new Date(day * DAY_MS).toISOString().slice(0, period === 'month' ? 7 : 10)
      names.set(day, name)
    }
    return name
  }
}

const mondayOf = (day: string): string => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))

/** Every period from the one containing `from` to the one containing `to`, with the keys periodSql gives. */
export function periodsBetween(period: MetricsPeriod, from: string, to: string): Array<{ key: string; label: string }> {
  const out: Array<{ key: string; label: string }> = []
  if (period === 'month') {
    let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
    const last = to.slice(0, 7)
    for (;;) {
      const key = `${y}-${String(m).padStart(2, '0')}`
      out.push({ key, label: `${y}年${m}月` })
      if (key >= last) return out
      ;[y, m] = m === 12 ? [y + 1, 1] : [y, m + 1]
    }
  }
  const step = period === 'week' ? 7 : 1
  for (let day = period === 'week' ? mondayOf(from) : from; day <= to; day = addDays(day, step)) {
    out.push({ key: day, label: period === 'week' ? `${day} 起一周` : day })
  }
  return out
}
