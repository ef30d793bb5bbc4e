import { randomBytes } from 'node:crypto'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.ts'
import { loadConfig } from './config.ts'
import { openDb } from './db/open.ts'
import { createLogger } from './log.ts'
import { readCountyFile, seedCounty } from './registry/seed.ts'
import { createServices } from './services.ts'
import { roleLabels } from './contract/index.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const config = loadConfig()
const log = createLogger(config.LOG_LEVEL, process.stdout.isTTY)
const adminToken = config.ADMIN_TOKEN ?? `wf_admin_${randomBytes(12).toString('base64url')}`
const db = openDb(config.dbFile)
const services = createServices({ db, log, clock: () => new Date(), adminToken, filesDir: config.filesDir })

const demo = config.SEED === 'demo' ? readCountyFile(join(root, 'data/demo/county.json')) : null
if (demo && seedCounty(services, demo, new Date().toISOString())) log.info({ county: demo.county.name }, 'demo county loaded')

const app = createApp(services, { bodyLimit: config.BODY_LIMIT })
const server = app.listen(config.PORT, config.HOST, () => {
  const url = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`
  const lines = [
    '',
    '  智能网格员 · 微服务工单服务已启动',
    `  接口地址：${url}/api    健康检查：${url}/healthz`,
    `  数据目录：${config.DATA_DIR}`,
    `  管理员令牌：${config.ADMIN_TOKEN ? '（使用环境变量 ADMIN_TOKEN）' : adminToken}`,
  ]
  if (demo) {
    lines.push('  演示令牌（Authorization: Bearer <令牌>）：')
    const names = new Map(demo.people.map((p) => [p.id, `${p.name}（${[...new Set(p.roles.map((r) => roleLabels[r.role]))].join('、')}）`]))
    for (const [subject, token] of Object.entries(demo.demoTokens)) lines.push(`    ${token.padEnd(20)} ${names.get(subject) ?? subject}`)
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
})

// Requests in flight finish; then the database is closed cleanly (WAL checkpointed).
let stopping = false
function stop(signal: string) {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'shutting down')
  server.close(() => {
    db.close()
    process.exit(0)
  })
  setTimeout(() => process.exit(1), 5000).unref()
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
