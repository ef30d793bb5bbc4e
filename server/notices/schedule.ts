import cron from 'node-cron'

// Notice schedules are cron expressions read in Beijing time (no daylight saving since 1991), to the minute.
const OFFSET_MS = 8 * 3600_000
const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

export type Schedule = {
  expression: string
  minutes: Set<number>; hours: Set<number>; days: Set<number>; months: Set<number>; weekdays: Set<number>
  /** Standard cron: when both day fields are restricted, either one matching is enough. */
  daysOr: boolean
}
export type ParsedSchedule = { ok: true; schedule: Schedule } | { ok: false; message: string }

const fieldNames: Record<string, string> = { minute: '分钟', hour: '小时', dayOfMonth: '日期', month: '月份', dayOfWeek: '星期' }

/** Parses and checks an expression with node-cron's own parser; only the five-field form (分 时 日 月 周) is accepted. */
export function parseSchedule(expression: string): ParsedSchedule {
  const parts = expression.trim().split(/\s+/)
  if (parts.length !== 5) return { ok: false, message: `定时规则应为 5 段（分 时 日 月 周），例如“0 18 4 * *”表示每月4日 18:00；收到的是 ${parts.length} 段` }
  const v = cron.validateDetailed(parts.join(' '))
  if (!v.valid || !v.fields) {
    const e = v.errors[0]
    return { ok: false, message: `定时规则有误：${e ? `${fieldNames[e.field] ?? ''}“${e.value ?? ''}”不合法` : '无法识别'}` }
  }
  const f = v.fields
  const weekdays = new Set(f.dayOfWeek.map((d) => Number(d) % 7))
  const days = new Set(f.dayOfMonth.map(Number))
  return {
    ok: true,
    schedule: {
      expression: parts.join(' '), minutes: new Set(f.minute), hours: new Set(f.hour), days, months: new Set(f.month), weekdays,
      daysOr: parts[2] !== '*' && parts[4] !== '*',
    },
  }
}

/** Whether the schedule fires in the (Beijing) minute that contains t. */
export function matches(s: Schedule, t: Date): boolean {
  const d = new Date(t.getTime() + OFFSET_MS)
  if (!s.minutes.has(d.getUTCMinutes()) || !s.hours.has(d.getUTCHours()) || !s.months.has(d.getUTCMonth() + 1)) return false
  const dom = s.days.has(d.getUTCDate())
  const dow = s.weekdays.has(d.getUTCDay())
  return s.daysOr ? dom || dow : dom && dow
}

const floorMinute = (t: number) => Math.floor(t / MINUTE_MS) * MINUTE_MS

/** The latest occurrence in (after, upTo], looking back at most `window` ms; null if none. */
export function latestBetween(s: Schedule, after: Date, upTo: Date, window: number): Date | null {
  const stop = Math.max(after.getTime(), upTo.getTime() - window)
  for (let t = floorMinute(upTo.getTime()); t > stop; t -= MINUTE_MS) {
    if (matches(s, new Date(t))) return new Date(t)
  }
  return null
}

/** The next `count` occurrences strictly after `from`, searching up to four years ahead. */
export function nextRuns(s: Schedule, from: Date, count: number): Date[] {
  const out: Date[] = []
  let t = floorMinute(from.getTime()) + MINUTE_MS
  const end = t + 4 * 366 * DAY_MS
  while (out.length < count && t < end) {
    const local = new Date(t + OFFSET_MS)
    const dayMatches = s.months.has(local.getUTCMonth() + 1) &&
      (s.daysOr ? s.days.has(local.getUTCDate()) || s.weekdays.has(local.getUTCDay()) : s.days.has(local.getUTCDate()) && s.weekdays.has(local.getUTCDay()))
    if (!dayMatches) {
      t = Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS + DAY_MS
      continue
    }
    if (matches(s, new Date(t))) out.push(new Date(t))
    t += MINUTE_MS
  }
  return out
}

/** “2026-12-04 18:00” in Beijing time. */
export const beijing = (t: Date) => new Date(t.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
