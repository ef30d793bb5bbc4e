import type { Logger } from 'pino'
import { createServerClient } from './clients/server-client.ts'
import type { BotConfig } from './config.ts'
import { createServerAsk, createRewrite } from './nlu/ask.ts'
import { createClassifier } from './nlu/engine.ts'
import { createConversations, createDirectory } from './pipeline/directory.ts'
import { openJournal } from './pipeline/journal.ts'
import { createOutboxPump } from './pipeline/outbox-pump.ts'
import { createRunner } from './pipeline/runner.ts'
import { startWechat, type AccountStatus, type WechatClient } from './wechat/adapter.ts'
import type { MockWorld } from './wechat/mock-world.ts'
import { createSender } from './wechat/sender.ts'

const HEARTBEAT_MS = 30_000

/**
 * One bot account: WeChat (a real puppet, or the mock world) → journal → pipeline → server, and the server's
 * outbox back out through a rate-limited sender. Returns what the simulator and a clean stop need.
 */
export async function startBot(config: BotConfig, log: Logger, world?: MockWorld) {
  const server = createServerClient(config.SERVER_URL, config.BOT_TOKEN)
  const journal = openJournal(config.journalFile)
  let wechat: WechatClient | null = null
  const sender = createSender({
    roomIntervalMs: config.SEND_ROOM_INTERVAL_MS, perMinute: config.SEND_PER_MINUTE,
    deliver: async (out) => {
      if (!wechat?.loggedIn()) throw new Error('not logged in')
      await wechat.deliver(out)
    },
    onError: (err, out) => log.warn({ err, roomId: out.roomId, contactId: out.contactId }, 'send failed'),
  })
  const pump = createOutboxPump({ server, sender, log: log.child({ module: 'outbox' }), intervalMs: config.OUTBOX_INTERVAL_MS })
  const deps = {
    server, classify: createClassifier(config, log.child({ module: 'nlu' })), directory: createDirectory(server), conversations: createConversations(), botName: config.BOT_NAME,
    ask: createServerAsk(server, createRewrite(config, log.child({ module: 'answer' }))),
  }
  const runner = createRunner({ journal, deps, sender, log: log.child({ module: 'pipeline' }), afterEach: () => pump.kick() })

  let status: AccountStatus = { loggedIn: false, error: null }
  const report = (s: AccountStatus) => {
    status = s
    server.heartbeat(s).catch((err: unknown) => log.debug({ err }, 'heartbeat failed'))
  }
  const heartbeat = setInterval(() => report(status), HEARTBEAT_MS)
  heartbeat.unref()

  wechat = await startWechat({
    puppet: world ? world.puppet : 'wechaty-puppet-service',
    puppetOptions: world ? undefined : { token: config.WECHATY_PUPPET_SERVICE_TOKEN, endpoint: config.WECHATY_PUPPET_SERVICE_ENDPOINT },
    name: config.BOT_NAME, log: log.child({ module: 'wechat' }), loginTimeoutMs: config.LOGIN_TIMEOUT_MS,
    onInbound: (m) => { if (!runner.accept(m)) log.info({ messageId: m.id }, 'seen before; skipped') },
    onStatus: report,
    afterStart: world ? () => world.login() : undefined,
  })
  const recovered = runner.recover()
  if (recovered) log.info({ recovered }, 'picked up messages left from last run')
  pump.start()

  return {
    runner, sender, journal, world,
    /** Ctrl-C: stop taking messages, finish what is in hand, say what is queued, then close. */
    async stop() {
      pump.stop()
      clearInterval(heartbeat)
      await runner.drain()
      await Promise.race([sender.drained(), new Promise((r) => setTimeout(r, 5000))])
      sender.stop()
      await pump.flush()
      await wechat?.stop()
      await server.heartbeat({ loggedIn: false, error: '已停止' }).catch(() => undefined)
      await server.close()
      journal.close()
    },
  }
}
export type RunningBot = Awaited<ReturnType<typeof startBot>>
