import type { DeadlineSettings, Level } from '../contract/index.ts'

// Deadlines are reckoned in Beijing time, which has had no daylight saving since 1991.
const OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

const localDate = (t: number) => new Date(t + OFFSET_MS).toISOString().slice(0, 10)
const localMidnight = (t: number) => Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

export function isWorkday(t: number, s: DeadlineSettings): boolean {
  const date = localDate(t)
  if (s.extraWorkdays.includes(date)) return true
  if (s.holidays.includes(date)) return false
  return s.workDays.includes(new Date(t + OFFSET_MS).getUTCDay())
}

/** The working periods of the local day containing t, as epoch-ms pairs. */
function periodsOf(t: number, s: DeadlineSettings): Array<[number, number]> {
  if (!isWorkday(t, s)) return []
  const midnight = localMidnight(t)
  return s.workHours.map(([a, b]) => [midnight + minutesOf(a) * MINUTE_MS, midnight + minutesOf(b) * MINUTE_MS])
}

/** Adds working minutes to an instant: time outside office hours, weekends and holidays does not count. */
export function addWorkingMinutes(start: Date, minutes: number, s: DeadlineSettings): Date {
  let cursor = start.getTime()
  let left = minutes * MINUTE_MS
  for (let day = 0; day < 366; day++) {
    for (const [from, to] of periodsOf(cursor, s)) {
      if (cursor >= to) continue
      const begin = Math.max(cursor, from)
      if (begin + left <= to) return new Date(begin + left)
      left -= to - begin
      cursor = to
    }
    cursor = localMidnight(cursor) + DAY_MS
  }
  throw new Error('no working time within a year: check workDays and holidays')
}

/** The end of the working day on which work can next be done (13710: "assigned the same day"). */
export function endOfWorkingDay(start: Date, s: DeadlineSettings): Date {
  const firstMinute = addWorkingMinutes(start, 1, s).getTime()
  const periods = periodsOf(firstMinute, s)
  return new Date(periods[periods.length - 1]![1])
}

export type Deadlines = { acceptBy: Date; resolveBy: Date; progressBy: Date | null }

/** Deadlines for a ticket entering a level at `enteredAt`, per the product design's defaults. */
export function deadlinesFor(level: Level, urgent: boolean, enteredAt: Date, s: DeadlineSettings): Deadlines {
  const t = enteredAt.getTime()
  if (urgent) {
    return { acceptBy: new Date(t + s.emergencyAcceptMinutes * MINUTE_MS), resolveBy: new Date(t + s.emergencyResolveHours * 3600_000), progressBy: null }
  }
  const resolveBy = new Date(t + s.resolveDays[level]! * DAY_MS)
  if (level === 'county') {
    return { acceptBy: endOfWorkingDay(enteredAt, s), resolveBy, progressBy: new Date(t + s.countyProgressDays * DAY_MS) }
  }
  return { acceptBy: addWorkingMinutes(enteredAt, s.acceptWorkingHours * 60, s), resolveBy, progressBy: null }
}

/** The longest a level may take with approved extensions: 15 days at township (seed 003), a month at county. */
export function maxResolveDays(level: Level, s: DeadlineSettings): number | null {
  if (level === 'township') return s.townshipMaxDays
  if (level === 'county') return s.countyComplexDays
  return null
}
