import { join } from 'node:path'
import pino from 'pino'
import { loadBotConfig } from '../../bot/config.ts'
import { startEmbeddedBot } from '../../bot/embedded.ts'
import { readCountyFile, type CountyFile } from '../../server/registry/seed.ts'
import { startTestServer, T, type TestServer } from './server.ts'

export const county: CountyFile = readCountyFile(join(import.meta.dirname, '../../data/demo/county.json'))

/** The real bot (Wechaty on the mock puppet) against a test server, with the simulator's say-and-wait. */
export async function startTestBot(server: TestServer | { url: string; dir: string }, over: Record<string, string> = {}) {
  const config = loadBotConfig({
    PUPPET: 'mock', SERVER_URL: server.url, BOT_TOKEN: T.bot, BOT_NAME: '小微', BOT_DATA_DIR: join(server.dir, 'bot'),
    SEND_ROOM_INTERVAL_MS: '0', SEND_PER_MINUTE: '100000', OUTBOX_INTERVAL_MS: '100', LOG_LEVEL: 'silent', ...over,
  })
  const { bot, simulator } = await startEmbeddedBot(config, county, pino({ level: 'silent' }), 400)
  const world = bot.world!
  return {
    bot, simulator, world,
    /** Says something as a resident in a group (or privately when room is omitted) and returns the bot's replies. */
    async say(from: string, text: string, room?: string, mentionBot = false) {
      const r = await simulator.say({ from, text, room, mentionBot })
      if (!r.ok) throw new Error(r.message)
      return r.replies
    },
    stop: () => bot.stop(),
  }
}
export type TestBot = Awaited<ReturnType<typeof startTestBot>>

/** A test server with the demo county and the real bot in front of it: what the end-to-end tests drive. */
export async function startServerWithBot(): Promise<{ server: TestServer; bot: TestBot }> {
  const server = await startTestServer()
  return { server, bot: await startTestBot(server) }
}

/** Stops what startServerWithBot started (either may be missing if start-up failed), the bot before its server. */
export async function stopServerWithBot(w: { server?: TestServer; bot?: TestBot }): Promise<void> {
  await w.bot?.stop()
  await w.server?.close()
}
