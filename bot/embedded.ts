import type { Logger } from 'pino'
import type { SimReply, Simulator } from '../server/contract/index.ts'
import type { CountyFile } from '../server/registry/seed.ts'
import type { z } from 'zod'
import { createServerClient } from './clients/server-client.ts'
import type { BotConfig } from './config.ts'
import { startBot, type RunningBot } from './start.ts'
import { createMockWorld, type WorldSpec } from './wechat/mock-world.ts'

const QUIET_MS = 1200
const REPLY_WINDOW_MS = 8000

/**
 * The demo's mock WeChat, peopled from the registry (groups, staff) and the demo county file (residents, who
 * are not in the registry). A resident sits in their grid's group; its staff are the grid's 一长三员 and the
 * village's 网格指导员.
 */
export async function buildWorld(config: BotConfig, county: CountyFile): Promise<WorldSpec> {
  const server = createServerClient(config.SERVER_URL, config.BOT_TOKEN)
  const [rooms, people, areas] = await Promise.all([server.rooms(), server.people(), server.areas()])
  if (!rooms.ok || !people.ok || !areas.ok) throw new Error('cannot read the registry to build the mock WeChat')
  const parentOf = new Map(areas.value.areas.map((a) => [a.code, a.parentCode]))
  const botSpec = county.bots[0]!
  const staffIn = (areaCode: string | null) => people.value.people.flatMap((p) => p.contactId ? p.roles
    .filter((g) => g.areaCode === areaCode || (g.role === 'gridInstructor' && areaCode !== null && g.areaCode === parentOf.get(areaCode)))
    .map((g) => ({ id: p.contactId!, name: p.name, role: g.role })) : [])
  return {
    bot: { id: botSpec.contactId ?? botSpec.id, name: config.BOT_NAME },
    rooms: rooms.value.rooms.filter((r) => r.wechatRoomId).map((r) => ({
      id: r.wechatRoomId!, topic: r.topic, areaCode: r.areaCode,
      residents: (county.rooms.find((c) => c.roomId === r.wechatRoomId)?.residents ?? []).map((x) => ({ id: x.contactId, name: x.name })),
      staff: staffIn(r.areaCode),
    })),
    staff: people.value.people.filter((p) => p.contactId).map((p) => ({ id: p.contactId!, name: p.name })),
  }
}

/** Starts the bot on the mock WeChat and offers it to the server's simulator page. */
export async function startEmbeddedBot(config: BotConfig, county: CountyFile, log: Logger, quietMs = QUIET_MS): Promise<{ bot: RunningBot; simulator: Simulator }> {
  const world = createMockWorld(await buildWorld(config, county))
  const bot = await startBot(config, log, world)
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  const simulator: Simulator = {
    rooms: () => world.spec.rooms.map((r) => ({
      topic: r.topic, gridCode: r.areaCode, residents: r.residents.map((x) => x.name),
      staff: r.staff.map((x) => ({ name: x.name, role: x.role ?? 'staff' })),
    })),
    transcript: () => world.transcript().map(({ at, room, from, to, text }) => ({ at, room, from, to, text })),
    /** Says the message, waits until the bot has handled it and gone quiet, and returns what it said meanwhile. */
    async say(input) {
      const before = world.transcript().length
      const said = world.say(input)
      if (!said.ok) return said
      await Promise.race([bot.runner.handled(said.messageId), sleep(REPLY_WINDOW_MS)])
      const started = Date.now()
      let count = -1
      let quietSince = Date.now()
      while (Date.now() - started < REPLY_WINDOW_MS) {
        const n = world.transcript().length
        if (n !== count) { count = n; quietSince = Date.now() }
        if (Date.now() - quietSince >= quietMs && bot.sender.backlog() === 0 && !bot.runner.busy()) break
        await sleep(100)
      }
      const replies: Array<z.infer<typeof SimReply>> = world.transcript().slice(before).filter((l) => l.fromBot).map(({ room, to, text }) => ({ room, to, text }))
      return { ok: true, replies }
    },
  }
  return { bot, simulator }
}
