import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { join } from 'node:path'
import { loadBotConfig } from '../../bot/config.ts'
import { startBot, type RunningBot } from '../../bot/start.ts'
import { createMockWorld, type MockWorld } from '../../bot/wechat/mock-world.ts'
import { startTestServer, T, type TestServer } from '../helpers/server.ts'

// The Wechaty traps of the product brief, through the real Wechaty and the mock puppet: the bot's own
// messages come back, @ is found in the text too, unbound groups are ignored until an admin binds them,
// and the account's state reaches the server.

let s: TestServer
let bot: RunningBot
let world: MockWorld
const NEW_ROOM = 'new-group@chatroom'

beforeAll(async () => {
  s = await startTestServer()
  world = createMockWorld({
    bot: { id: 'bot_xiaowei', name: '小微' },
    rooms: [
      { id: 'liushu-1@chatroom', topic: '柳树村一网格群', areaCode: 'HS010101', residents: [{ id: 'wxid_res_liayi', name: '李阿姨' }], staff: [{ id: 'wxid_wangqiang', name: '王强', role: 'gridWorker' }] },
      { id: NEW_ROOM, topic: '柳树村新建群', areaCode: null, residents: [{ id: 'wxid_res_new', name: '新来的' }], staff: [{ id: 'wxid_zhengxiaowen', name: '郑晓雯', role: 'admin' }, { id: 'wxid_wangqiang', name: '王强', role: 'gridWorker' }] },
    ],
    staff: [{ id: 'wxid_wangqiang', name: '王强' }],
  })
  const config = loadBotConfig({ PUPPET: 'mock', SERVER_URL: s.url, BOT_TOKEN: T.bot, BOT_DATA_DIR: join(s.dir, 'bot'), SEND_ROOM_INTERVAL_MS: '0', SEND_PER_MINUTE: '10000', OUTBOX_INTERVAL_MS: '100' })
  bot = await startBot(config, pino({ level: 'silent' }), world)
})
let stopped = false
afterAll(async () => {
  if (!stopped) await bot.stop()
  await s.close()
})

const settle = async (id: string) => { await bot.runner.handled(id); await new Promise((r) => setTimeout(r, 150)) }
const say = async (o: Parameters<MockWorld['say']>[0]) => {
  const r = world.say(o)
  if (!r.ok) throw new Error(r.message)
  await settle(r.messageId)
  return world.transcript().filter((l) => l.fromBot)
}

describe('WeChat', () => {
  it('does not take its own messages for residents\' ones', async () => {
    const before = bot.journal.counts()
    await say({ room: '柳树村一网格群', from: '李阿姨', text: '村口的井盖丢了，晚上容易掉进去' })
    const after = bot.journal.counts()
    // One message in, one receipt out: only the resident's message is in the journal.
    expect((after.done ?? 0) - (before.done ?? 0)).toBe(1)
    expect(world.transcript().filter((l) => l.fromBot && l.room === '柳树村一网格群').length).toBeGreaterThan(0)
  })

  it('finds "@小微" in the text even when the puppet sends no mention list', async () => {
    const r = world.say({ room: '柳树村一网格群', from: '李阿姨', text: '@小微\u2005三星文明户有什么好处？' })
    expect(r.ok).toBe(true)
    await settle((r as { messageId: string }).messageId)
    // Taken as a question to the bot: answered in the group, from the documents, with the source.
    const last = world.transcript().filter((l) => l.fromBot && l.room === '柳树村一网格群').at(-1)
    expect(last?.text).toMatch(/@李阿姨[\s\S]*来源：《党建引领基层治理工作规范》/)
  })

  it('answers a question put to it even when the question reads like a remark', async () => {
    // "是哪几个室" has no question mark and reads like a suggestion; asked of the bot, it gets the clause.
    const out = await say({ room: '柳树村一网格群', from: '李阿姨', text: '@小微\u2005乡镇综合执法的三室一库是哪几个室', mentionBot: true })
    expect(out.at(-1)?.text).toMatch(/^@李阿姨[\s\S]*案件询问室[\s\S]*来源：《党建引领基层治理工作规范》6\.2\.1\.2\.1/)
    // A remark to the bot that is no question is still only a remark: thanked, not answered from the documents.
    const thanks = await say({ room: '柳树村一网格群', from: '李阿姨', text: '@小微\u2005谢谢你 辛苦了', mentionBot: true })
    expect(thanks.at(-1)?.text).not.toMatch(/来源：/)
  })

  it('ignores a group that is not bound, lists it for admins, and lets an admin bind it with a command', async () => {
    const before = world.transcript().length
    await say({ room: '柳树村新建群', from: '新来的', text: '我家门口的路灯坏了' })
    expect(world.transcript().slice(before).filter((l) => l.fromBot)).toHaveLength(0)
    const rooms = (await s.call(T.admin, 'GET', '/api/rooms')).body.rooms
    expect(rooms.find((r: { wechatRoomId: string }) => r.wechatRoomId === NEW_ROOM)).toMatchObject({ areaCode: null, topic: '柳树村新建群' })

    const refused = await say({ room: '柳树村新建群', from: '王强', text: '绑定网格 HS010103', mentionBot: true })
    expect(refused.at(-1)?.text).toMatch(/^@王强\s绑定失败：只有本辖区的管理员可以绑定群/)
    const bound = await say({ room: '柳树村新建群', from: '郑晓雯', text: '绑定网格 HS010103', mentionBot: true })
    expect(bound.at(-1)?.text).toMatch(/^@郑晓雯\s已将本群“柳树村新建群”绑定到网格 HS010103。/)
    const receipt = await say({ room: '柳树村新建群', from: '新来的', text: '我家门口的路灯又坏了' })
    expect(receipt.at(-1)?.text).toMatch(/^@新来的\s收到，已登记工单W\d+/)
  })

  it('reports the account to the server: logged in, and logged out on stop', async () => {
    await new Promise((r) => setTimeout(r, 200))
    const bots = (await s.call(T.admin, 'GET', '/api/bots')).body.bots
    expect(bots.find((b: { id: string }) => b.id === 'demo-bot')).toMatchObject({ loggedIn: true, contactId: 'bot_xiaowei' })
    await bot.stop()
    stopped = true
    const after = (await s.call(T.admin, 'GET', '/api/bots')).body.bots
    expect(after.find((b: { id: string }) => b.id === 'demo-bot')).toMatchObject({ loggedIn: false })
    expect(after.find((b: { id: string }) => b.id === 'demo-bot').lastError).toMatch(/已停止|已退出登录/)
  })
})
