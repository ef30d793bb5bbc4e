// Pipeline benchmark: messages said by residents in the mock WeChat, through the real Wechaty, the journal and
// the pipeline, to the real server (a child process) and its outbox. One message in flight per group; latency
// is from the resident's message to the bot having handled it (ticket filed, replies queued).
import pino from 'pino'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createServerClient } from '../../bot/clients/server-client.ts'
import { loadBotConfig } from '../../bot/config.ts'
import { startBot } from '../../bot/start.ts'
import { createMockWorld, type WorldSpec } from '../../bot/wechat/mock-world.ts'
import { appealBody, demoGrids } from './appeals.ts'
import { repoRoot, startServer } from './server.ts'
import { percentile } from './timing.ts'

const BOT_TOKEN = 'demo-bot-token'
const RESIDENTS_PER_ROOM = 60
const IN_FLIGHT_PER_ROOM = 1
const WARMUP_MS = 1_500
const MEASURE_MS = 8_000
const log = (line: string) => process.stderr.write(`[pipeline] ${line}\n`)

export async function run(): Promise<Record<string, number>> {
  const server = await startServer({ EMBEDDED_BOT: 'none' })
  const botDir = mkdtempSync(join(tmpdir(), 'weifuwu-bench-bot-'))
  try {
    const client = createServerClient(server.url, BOT_TOKEN)
    const [rooms, people] = await Promise.all([client.rooms(), client.people()])
    if (!rooms.ok || !people.ok) throw new Error('cannot read the registry')
    const spec: WorldSpec = {
      bot: { id: 'bot_xiaowei', name: '小微' },
      rooms: rooms.value.rooms.filter((r) => r.areaCode && r.wechatRoomId).map((r, i) => ({
        id: r.wechatRoomId!, topic: r.topic, areaCode: r.areaCode,
        residents: Array.from({ length: RESIDENTS_PER_ROOM }, (_, k) => ({ id: `wxid_bench_${i}_${k}`, name: `居民${i}-${k}` })), staff: [],
      })),
      staff: people.value.people.filter((p) => p.contactId).map((p) => ({ id: p.contactId!, name: p.name })),
    }
    const world = createMockWorld(spec)
    const config = loadBotConfig({
      PUPPET: 'mock', SERVER_URL: server.url, BOT_TOKEN, BOT_DATA_DIR: botDir, LOG_LEVEL: 'silent',
      SEND_ROOM_INTERVAL_MS: '0', SEND_PER_MINUTE: '10000000', OUTBOX_INTERVAL_MS: '200',
    })
    const bot = await startBot(config, pino({ level: 'silent' }), world)
    const grids = demoGrids(repoRoot)
    const runId = randomBytes(3).toString('hex')
    let n = 0
    let measuring: { from: number; to: number } | null = null
    const latencies: number[] = []
    let done = 0

    const sendOne = async (room: WorldSpec['rooms'][number]) => {
      const k = n++
      const text = appealBody(runId, k, grids).text
      const from = room.residents[k % RESIDENTS_PER_ROOM]!.name
      const t0 = performance.now()
      const said = world.say({ room: room.topic, from, text })
      if (!said.ok) throw new Error(said.message)
      await bot.runner.handled(said.messageId)
      const t1 = performance.now()
      if (measuring && t0 >= measuring.from && t1 <= measuring.to) { latencies.push(t1 - t0); done++ }
    }
    const start = performance.now()
    measuring = { from: start + WARMUP_MS, to: start + WARMUP_MS + MEASURE_MS }
    const end = measuring.to
    log(`${spec.rooms.length} groups, ${IN_FLIGHT_PER_ROOM} messages in flight in each; warm-up ${WARMUP_MS / 1000} s, measuring ${MEASURE_MS / 1000} s`)
    await Promise.all(spec.rooms.flatMap((room) => Array.from({ length: IN_FLIGHT_PER_ROOM }, async () => {
      while (performance.now() < end) await sendOne(room)
    })))
    const counts = bot.journal.counts()
    await bot.stop()
    const tickets = await client.tickets({ limit: 1 })
    latencies.sort((a, b) => a - b)
    const pct = (p: number) => percentile(latencies, p)
    const failed = Object.entries(counts).filter(([k]) => k !== 'done').reduce((a, [, v]) => a + v, 0)
    if (failed) throw new Error(`${failed} messages were not handled: ${JSON.stringify(counts)}`)
    log(`${n} messages said, ${done} in the window; newest ticket ${tickets.ok ? tickets.value.items[0]?.no : '?'}; p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`)
    return { pipelineMsgsPerSec: done / (MEASURE_MS / 1000), pipelineP99Ms: pct(99) }
  } finally {
    await server.stop()
    rmSync(botDir, { recursive: true, force: true })
  }
}
