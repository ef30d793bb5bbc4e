import { describe, expect, it } from 'vitest'
import { addWorkingMinutes, deadlinesFor, endOfWorkingDay } from '../../server/tickets/deadlines.ts'
import { defaultDeadlines as s } from '../../server/registry/settings.ts'

// Times are written in Beijing time (+08:00), as a county operator reads them.
const at = (local: string) => new Date(`${local}+08:00`)
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

describe('working hours (08:30–12:00, 14:30–18:00, Monday to Friday)', () => {
  it.each([
    ['2026-11-23T09:00', 120, '2026-11-23 11:00'], // Monday morning
    ['2026-11-23T11:00', 120, '2026-11-23 15:30'], // across lunch
    ['2026-11-23T17:30', 120, '2026-11-24 10:00'], // across the night
    ['2026-11-27T17:00', 120, '2026-11-30 09:30'], // Friday evening → Monday
    ['2026-11-28T10:00', 120, '2026-11-30 10:30'], // Saturday counts from Monday 08:30
    ['2026-11-23T07:00', 30, '2026-11-23 09:00'],  // before opening
  ])('%s + %i working minutes → %s', (start, minutes, expected) => {
    expect(local(addWorkingMinutes(at(start), minutes, s))).toBe(expected)
  })

  it('skips holidays and works on 调休 weekend days', () => {
    const custom = { ...s, holidays: ['2026-11-24'], extraWorkdays: ['2026-11-28'] }
    expect(local(addWorkingMinutes(at('2026-11-23T17:30'), 60, custom))).toBe('2026-11-25 09:00')
    expect(local(addWorkingMinutes(at('2026-11-27T17:30'), 60, custom))).toBe('2026-11-28 09:00')
  })

  it('13710: the county assigns the same working day', () => {
    expect(local(endOfWorkingDay(at('2026-11-23T10:00'), s))).toBe('2026-11-23 18:00')
    expect(local(endOfWorkingDay(at('2026-11-23T19:00'), s))).toBe('2026-11-24 18:00')
  })
})

describe('deadlines by level', () => {
  const start = at('2026-11-23T09:00')
  const days = (d: Date) => (d.getTime() - start.getTime()) / 86_400_000
  it.each([['grid', 1], ['village', 3], ['township', 7], ['county', 7]] as const)('%s resolves within %i days', (level, n) => {
    expect(days(deadlinesFor(level, false, start, s).resolveBy)).toBe(n)
  })
  it('emergencies: accepted within 15 minutes, handled within 2 hours, at any hour', () => {
    const night = at('2026-11-28T02:00')
    const d = deadlinesFor('grid', true, night, s)
    expect(local(d.acceptBy)).toBe('2026-11-28 02:15')
    expect(local(d.resolveBy)).toBe('2026-11-28 04:00')
  })
  it('county items report progress by day 3', () => {
    expect(days(deadlinesFor('county', false, start, s).progressBy!)).toBe(3)
  })
})
