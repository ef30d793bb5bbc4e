import pino from 'pino'
import { loadBotConfig } from './config.ts'
import { startBot } from './start.ts'

// A bot process for a real WeChat account (wechaty-puppet-service): `npm run bot`. The demo runs the bot inside
// `npm start` on a mock WeChat instead.
const config = loadBotConfig()
if (config.PUPPET === 'mock') throw new Error('模拟微信只在 npm start 的演示里使用；独立运行请设置 PUPPET=service')
const log = pino({ level: config.LOG_LEVEL, redact: { paths: ['token', '*.token', 'phone', '*.phone'], censor: '[已隐去]' } })
const bot = await startBot(config, log)

let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  log.info({ signal }, 'stopping: finishing the messages in hand')
  setTimeout(() => process.exit(1), 15_000).unref()
  await bot.stop()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
