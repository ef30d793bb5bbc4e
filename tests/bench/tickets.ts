// Ticket-create benchmark: the real server in a child process, 50 keep-alive connections POSTing /api/tickets,
// every request a new appeal (unique clientKey, varied text, spread over the demo grids and all categories).
//
// One autocannon run: a warm-up, then a 10 s measured window. The window opens once the warm-up time has passed
// AND every connection has had an answer: against a saturated Node server, a burst of new connections gets its
// first answers slowly (a plain node:http server with a 2 ms handler shows the same), which says nothing about
// steady-state ticket creation, so those first requests are left out of the figures (not out of the checks).
import autocannon from 'autocannon'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { appealBody, demoGrids, type Grid } from './appeals.ts'
import { repoRoot, startServer, type BenchServer } from './server.ts'
import { percentile } from './timing.ts'

const CONNECTIONS = 50
const WARMUP_MS = 2_000
/** The window opens after the warm-up even if some connection is still waiting for its first answer by then. */
const RAMP_LIMIT_MS = 10_000
const MEASURE_MS = 10_000
const BOT_TOKEN = 'demo-bot-token'
const ADMIN_TOKEN = 'demo-admin'
const TICKET_NO_BASE = 1000 // the server numbers tickets W1001, W1002, …

const log = (line: string) => process.stderr.write(`[tickets] ${line}\n`)

/** Request numbers handed out, and those sent whose answer has not arrived (yet, or ever: cut off at the end). */
type Counter = { next: number; pending: Set<number> }
type Load = {
  result: autocannon.Result
  /** 201 and 200 answers over the whole run. */
  created: number
  linked: number
  /** The measured window: 2xx answers received in it, and latencies of the requests sent in it. */
  windowMs: number
  windowAnswers: number
  latencies: number[]
  rampMs: number
  serverCpuMs: number | null
  ownCpuMs: number
}

function load(server: BenchServer, runId: string, grids: readonly Grid[], counter: Counter): Promise<Load> {
  const latencies: number[] = []
  const answeredClients = new Set<unknown>()
  const t0 = performance.now()
  let from: number | null = null
  let to: number | null = null
  let windowAnswers = 0
  let cpu0: { server: number | null; own: NodeJS.CpuUsage } | null = null
  let cpu: { server: number | null; own: number } | null = null
  let warmedUp = false
  const timers: NodeJS.Timeout[] = []

  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: `${server.url}/api/tickets`,
      method: 'POST',
      connections: CONNECTIONS,
      pipelining: 1,
      // An upper bound only: the run is stopped MEASURE_MS after the window opens.
      duration: Math.ceil((RAMP_LIMIT_MS + MEASURE_MS) / 1000) + 5,
      timeout: 10,
      headers: { authorization: `Bearer ${BOT_TOKEN}`, 'content-type': 'application/json' },
      requests: [{
        setupRequest(req, context) {
          const n = counter.next++
          counter.pending.add(n)
          ;(context as { n?: number }).n = n
          return { ...req, body: JSON.stringify(appealBody(runId, n, grids)) }
        },
        onResponse(_status, _body, context) {
          const n = (context as { n?: number }).n
          if (n !== undefined) counter.pending.delete(n)
        },
      }],
    }, (err: unknown, result: autocannon.Result) => {
      timers.forEach(clearTimeout)
      if (err) return reject(err instanceof Error ? err : new Error(String(err)))
      if (from === null || to === null || cpu === null) return reject(new Error(`the run ended before its measured window did (${JSON.stringify(result.statusCodeStats ?? {})})`))
      const count = (code: string) => result.statusCodeStats?.[code as `${number}`]?.count ?? 0
      resolve({
        result, created: count('201'), linked: count('200'), windowMs: to - from, windowAnswers, latencies,
        rampMs: from - t0, serverCpuMs: cpu.server, ownCpuMs: cpu.own,
      })
    })

    const open = () => {
      if (from !== null) return
      from = performance.now()
      cpu0 = { server: server.cpuMs(), own: process.cpuUsage() }
      const waiting = CONNECTIONS - answeredClients.size
      log(`measuring for ${MEASURE_MS / 1000} s${waiting ? ` (${waiting} connections still without a first answer)` : ''}`)
      timers.push(setTimeout(() => {
        to = performance.now()
        const own = process.cpuUsage(cpu0!.own)
        const s1 = server.cpuMs()
        cpu = { server: s1 !== null && cpu0!.server !== null ? s1 - cpu0!.server : null, own: (own.user + own.system) / 1000 }
        instance.stop()
      }, MEASURE_MS))
    }
    log(`warm-up: at least ${WARMUP_MS / 1000} s, ${CONNECTIONS} connections`)
    timers.push(setTimeout(() => { warmedUp = true; if (answeredClients.size === CONNECTIONS) open() }, WARMUP_MS))
    timers.push(setTimeout(open, RAMP_LIMIT_MS))

    instance.on('response', (client, status, _bytes, ms) => {
      const now = performance.now()
      if (answeredClients.size < CONNECTIONS) {
        answeredClients.add(client)
        if (answeredClients.size === CONNECTIONS && warmedUp) open()
      }
      if (from === null || status < 200 || status >= 300) return
      if (to === null) windowAnswers++
      if (now - ms >= from && (to === null || now - ms < to)) latencies.push(ms)
    })
  })
}

function assertClean(label: string, run: Load, server: BenchServer) {
  const r = run.result
  if (r.errors > 0 || r.timeouts > 0 || r.non2xx > 0) {
    throw new Error(`${label}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts `
      + `(status codes ${JSON.stringify(r.statusCodeStats ?? {})}). Server output:\n${server.output()}`)
  }
  if (run.linked > 0) {
    throw new Error(`${label}: ${run.linked} appeals were linked to an existing ticket (200) instead of creating one (201); `
      + 'the bench texts are too similar, fix tests/bench/appeals.ts')
  }
}

async function api(server: BenchServer, path: string, init: RequestInit & { token: string }): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${init.token}`, 'content-type': 'application/json' },
    signal: AbortSignal.timeout(10_000),
  })
  const text = await res.text()
  let body: unknown = text
  try { body = JSON.parse(text) } catch { /* keep the text */ }
  return { status: res.status, body }
}

export async function run(): Promise<Record<string, number>> {
  const grids = demoGrids(repoRoot)
  const runId = `bench-${randomBytes(4).toString('hex')}`
  log('starting the ticket server …')
  const server = await startServer()
  try {
    log(`server pid ${server.pid} on ${server.url}, data in ${server.dataDir}`)
    const counter: Counter = { next: 1, pending: new Set() }
    const main = await load(server, runId, grids, counter)
    assertClean('benchmark', main, server)
    const r = main.result

    // Requests cut off when a run stopped may or may not have reached the server. Re-sending them (same
    // clientKey, so at most one ticket each) settles it: afterwards every request number made exactly one ticket.
    const cut = [...counter.pending].sort((a, b) => a - b)
    let cutCreatedBefore = 0
    for (const n of cut) {
      const res = await api(server, '/api/tickets', { method: 'POST', token: BOT_TOKEN, body: JSON.stringify(appealBody(runId, n, grids)) })
      const linked = (res.body as { linked?: boolean } | null)?.linked
      if ((res.status !== 200 && res.status !== 201) || linked) throw new Error(`re-sending cut-off request ${n}: HTTP ${res.status} ${JSON.stringify(res.body)}`)
      if (res.status === 200) cutCreatedBefore++
    }
    const answered = main.created
    const totalCreated = answered + cut.length
    if (totalCreated !== counter.next - 1) throw new Error(`bookkeeping: ${counter.next - 1} requests built but ${answered} answered + ${cut.length} cut off`)

    const page = await api(server, '/api/tickets?limit=1', { method: 'GET', token: ADMIN_TOKEN })
    const newest = (page.body as { items?: { no?: string }[] } | null)?.items?.[0]?.no
    if (page.status !== 200 || !newest) throw new Error(`GET /api/tickets?limit=1: HTTP ${page.status} ${JSON.stringify(page.body).slice(0, 500)}`)
    const expected = `W${TICKET_NO_BASE + totalCreated}`
    if (newest !== expected) {
      throw new Error(`newest ticket is ${newest} but ${totalCreated} were created (${main.created} answered 201, warm-up included, `
        + `+ ${cut.length} cut off and re-sent), so it should be ${expected}`)
    }
    log(`checked: ${totalCreated} tickets created, newest ${newest} (${cut.length} requests cut off at the end of the run, `
      + `${cutCreatedBefore} of them had reached the server)`)

    const serverPeakRssMb = server.peakRssMb()

    const latencies = main.latencies.sort((a, b) => a - b)
    const creates = main.windowAnswers / (main.windowMs / 1000)
    log(`window opened after ${(main.rampMs / 1000).toFixed(1)} s; ${main.windowAnswers} creates in ${(main.windowMs / 1000).toFixed(2)} s = ${creates.toFixed(0)}/s, `
      + `latency p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${latencies.at(-1)?.toFixed(2)} ms`)
    log(`whole run incl. warm-up (autocannon): ${r.requests.total} answers in ${r.duration} s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`)
    const pct = (ms: number) => `${((ms / main.windowMs) * 100).toFixed(0)} %`
    log(`CPU in the window: server ${main.serverCpuMs === null ? '?' : pct(main.serverCpuMs)}, benchmark process (autocannon) ${pct(main.ownCpuMs)} of one core`)

    const figures: Record<string, number> = {
      ticketCreatesPerSec: creates,
      ticketCreateP50Ms: percentile(latencies, 50),
      ticketCreateP99Ms: percentile(latencies, 99),
    }
    if (serverPeakRssMb !== null) figures.serverPeakRssMb = serverPeakRssMb
    else log('no /proc/<pid>/status here: serverPeakRssMb left out')
    return figures
  } finally {
    await server.stop()
  }
}
