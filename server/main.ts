import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.ts'
import { loadConfig } from './config.ts'
import { roleLabels, type Simulator } from './contract/index.ts'
import { openDb } from './db/open.ts'
import { embeddingFrom } from './knowledge/embeddings.ts'
import { createLogger } from './log.ts'
import { hasDemoHistory, seedDemoHistory } from './metrics/demo-history.ts'
import { readCountyFile, seedCounty } from './registry/seed.ts'
import { createServices } from './services.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const config = loadConfig()
const log = createLogger(config.LOG_LEVEL, process.stdout.isTTY)
const adminToken = config.ADMIN_TOKEN ?? `wf_admin_${randomBytes(12).toString('base64url')}`
const db = openDb(config.dbFile)
const services = createServices({
  db, log, clock: () => new Date(), adminToken, filesDir: config.filesDir, knowledgeRegion: config.KNOWLEDGE_REGION, embedding: embeddingFrom(config),
})

const demo = config.SEED === 'demo' ? readCountyFile(join(root, 'data/demo/county.json')) : null
if (demo && seedCounty(services, demo, new Date().toISOString())) log.info({ county: demo.county.name }, 'demo county loaded')
const history = config.DEMO_HISTORY === 'on' || (config.DEMO_HISTORY === 'auto' && config.EMBEDDED_BOT === 'mock')
if (demo && history && !hasDemoHistory(services)) log.info(seedDemoHistory(services, { now: new Date() }), 'demo ticket history played in')

let simulator: Simulator | null = null
let stopBot: (() => Promise<void>) | null = null
const app = createApp(services, { bodyLimit: config.BODY_LIMIT, simulator: () => simulator, cookieSecure: config.COOKIE_SECURE })
const server = app.listen(config.PORT, config.HOST, () => void started())
services.jobs.start(services.clock)
// With an embedding model, the passages are embedded in the background; questions meanwhile are answered lexically.
if (config.EMBEDDING_MODEL) void services.prepareSemantic().then((ready) => { if (ready) log.info({ model: config.EMBEDDING_MODEL }, 'semantic retrieval ready') })

async function started() {
  const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`
  if (config.EMBEDDED_BOT === 'mock' && demo) {
    // Wiring only: the bot lives in bot/, on a mock WeChat, and talks to this server over HTTP like any bot.
    const { startEmbeddedBot } = await import('../bot/embedded.ts')
    const { loadBotConfig } = await import('../bot/config.ts')
    const botConfig = loadBotConfig({
      ...process.env, PUPPET: 'mock', SERVER_URL: `http://127.0.0.1:${config.PORT}`,
      BOT_TOKEN: demo.demoTokens[`bot:${demo.bots[0]!.id}`] ?? '', BOT_NAME: demo.bots[0]!.name,
      BOT_DATA_DIR: process.env.BOT_DATA_DIR ?? join(config.DATA_DIR, 'bot'), LOG_LEVEL: config.LOG_LEVEL,
    })
    const embedded = await startEmbeddedBot(botConfig, demo, log)
    simulator = embedded.simulator
    stopBot = () => embedded.bot.stop()
  } else if (config.EMBEDDED_BOT === 'mock') {
    log.warn('the embedded mock bot needs the demo county (SEED=demo); running the server alone')
  }
  const lines = [
    '',
    '  智能网格员 · 微服务已启动',
    `  村群模拟器：${url}/simulator${simulator ? '' : '（未启用）'}`,
    `  管理后台：  ${url}/console/${demo?.demoPassword ? `（演示人员密码 ${demo.demoPassword}）` : ''}`,
    `  接口地址：  ${url}/api    健康检查：${url}/healthz`,
    `  数据目录：  ${config.DATA_DIR}`,
    `  管理员令牌：${config.ADMIN_TOKEN ? '（使用环境变量 ADMIN_TOKEN）' : adminToken}`,
  ]
  if (demo) {
    lines.push('  演示令牌（Authorization: Bearer <令牌>）：')
    const names = new Map(demo.people.map((p) => [p.id, `${p.name}（${[...new Set(p.roles.map((r) => roleLabels[r.role]))].join('、')}）`]))
    for (const b of demo.bots) names.set(`bot:${b.id}`, `机器人账号“${b.name}”`)
    names.set('hotline', '12345 热线对接账号')
    for (const [subject, token] of Object.entries(demo.demoTokens)) lines.push(`    ${token.padEnd(20)} ${names.get(subject) ?? subject}`)
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

// Ctrl-C: the bot finishes what it holds (its journal keeps the rest), requests in flight finish, then the
// database is closed cleanly.
let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down')
  setTimeout(() => process.exit(1), 15_000).unref()
  await services.jobs.stop()
  await stopBot?.().catch((err: unknown) => log.error({ err }, 'bot stop failed'))
  server.close(() => {
    db.close()
    process.exit(0)
  })
  server.closeIdleConnections()
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
