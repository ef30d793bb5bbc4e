// Dashboard benchmark: a county's year of tickets (50,000 by default, DASHBOARD_TICKETS to change), played through
// the real create and action functions by the demo history generator, then the dashboard's three reads (by area,
// by month, by category, over the whole year) over real HTTP. dashboardMs is the median time of one such page load;
// dashboardFirstMs the first one after a start, which reads every ticket into the dashboard's memory.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pino from 'pino'
import { createApp } from '../../server/app.ts'
import { openDb } from '../../server/db/open.ts'
import { seedDemoHistory } from '../../server/metrics/demo-history.ts'
import { readCountyFile, seedCounty } from '../../server/registry/seed.ts'
import { createServices } from '../../server/services.ts'
import { repoRoot } from './server.ts'
import { percentile } from './timing.ts'

const TICKETS = Number(process.env.DASHBOARD_TICKETS ?? 50_000)
const ROUNDS = 15
const NOW = new Date('2026-11-23T01:00:00Z')
const log = (line: string) => process.stderr.write(`[dashboard] ${line}\n`)

export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'weifuwu-bench-dashboard-'))
  const db = openDb(join(dir, 'weifuwu.sqlite'))
  const s = createServices({ db, log: pino({ level: 'silent' }), clock: () => NOW, adminToken: 'bench-dashboard-admin', filesDir: join(dir, 'files') })
  const server = createApp(s, { bodyLimit: '64kb' }).listen(0, '127.0.0.1')
  try {
    seedCounty(s, readCountyFile(join(repoRoot, 'data/demo/county.json')), NOW.toISOString())
    const t0 = performance.now()
    const made = seedDemoHistory(s, { now: NOW, days: 365, tickets: TICKETS })
    const events = (db.prepare('SELECT count(*) AS n FROM ticket_events').get() as { n: number }).n
    log(`${made.tickets} tickets, ${events} events played through in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/metrics?areaId=HS&from=2025-11-23&to=2026-11-23`
    const get = async (query: string) => {
      const res = await fetch(`${url}&${query}`, { headers: { authorization: 'Bearer demo-admin' } })
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`)
      return res.json() as Promise<{ total: { total: number } }>
    }
    const page = () => Promise.all([get('groupBy=area'), get('groupBy=period&period=month'), get('groupBy=category')])
    const cold = performance.now()
    const [first] = await page()
    const coldMs = performance.now() - cold
    if (first.total.total !== made.tickets) throw new Error(`the dashboard counts ${first.total.total} tickets, ${made.tickets} were made`)
    const times: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const a = performance.now()
      await page()
      times.push(performance.now() - a)
    }
    const grid: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const a = performance.now()
      await fetch(url.replace('areaId=HS', 'areaId=HS010101'), { headers: { authorization: 'Bearer demo-admin' } }).then((r) => r.text())
      grid.push(performance.now() - a)
    }
    const median = (xs: number[]) => percentile(xs.sort((a, b) => a - b), 50)
    log(`county page (3 reads over ${made.tickets} tickets): first ${coldMs.toFixed(0)} ms (reads the year into memory), then median ${median(times).toFixed(1)} ms, worst ${Math.max(...times).toFixed(1)} ms; one grid: ${median(grid).toFixed(1)} ms`)
    return { dashboardMs: median(times), dashboardFirstMs: coldMs, dashboardGridMs: median(grid) }
  } finally {
    await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`), (err: unknown) => { console.error(err); process.exitCode = 1 })
}
