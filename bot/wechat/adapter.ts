import qrcode from 'qrcode-terminal'
import { types, WechatyBuilder, type Message, type Wechaty } from 'wechaty'
import type { Logger } from 'pino'
import type { Inbound, Outbound } from '../pipeline/types.ts'

export type AccountStatus = { loggedIn: boolean; error: string | null; contactId?: string }

export type WechatOptions = {
  /** A puppet instance (the mock world's), or the npm name of one, with its options. */
  puppet: NonNullable<Parameters<typeof WechatyBuilder.build>[0]>['puppet']
  puppetOptions?: Record<string, unknown>
  name: string
  log: Logger
  onInbound: (m: Inbound) => void
  onStatus: (s: AccountStatus) => void
  /** Called once the bot has started (the mock world logs its account in then). */
  afterStart?: () => void
  /** How long start() may go without a login before the watchdog reports and restarts. */
  loginTimeoutMs: number
}

const kinds: Partial<Record<types.Message, Inbound['kind']>> = {
  [types.Message.Text]: 'text', [types.Message.Image]: 'image', [types.Message.Audio]: 'voice',
  [types.Message.Video]: 'video', [types.Message.Location]: 'location',
}

/**
 * The only code that speaks Wechaty: WeChat messages in as plain Inbound data, Outbound data out as WeChat
 * messages. It skips the bot's own messages, finds @-mentions by text as well (puppets differ), and keeps the
 * account logged in: a watchdog restarts it when a login does not come, and every change is reported.
 */
export async function startWechat(o: WechatOptions) {
  const bot: Wechaty = WechatyBuilder.build({ name: o.name, puppet: o.puppet, puppetOptions: o.puppetOptions } as Parameters<typeof WechatyBuilder.build>[0])
  let loggedIn = false
  let startedAt = Date.now()

  bot.on('scan', (code, status) => {
    if (status === types.ScanStatus.Waiting || status === types.ScanStatus.Timeout) {
      qrcode.generate(code, { small: true }, (art) => process.stdout.write(`请用机器人微信扫码登录：\n${art}\n`))
    }
  })
  bot.on('login', (user) => {
    loggedIn = true
    o.log.info({ user: user.name() }, 'logged in')
    o.onStatus({ loggedIn: true, error: null, contactId: user.id })
  })
  bot.on('logout', (user, reason) => {
    loggedIn = false
    o.log.warn({ user: user.name(), reason }, 'logged out')
    o.onStatus({ loggedIn: false, error: `已退出登录${reason ? `：${reason}` : ''}` })
  })
  bot.on('error', (err) => {
    o.log.error({ err }, 'wechaty error')
    o.onStatus({ loggedIn, error: String((err as Error).message ?? err) })
  })
  bot.on('message', (msg) => {
    toInbound(msg).then((m) => { if (m) o.onInbound(m) }, (err: unknown) => o.log.error({ err, messageId: msg.id }, 'could not read message'))
  })

  async function toInbound(msg: Message): Promise<Inbound | null> {
    if (msg.self()) return null
    const kind = kinds[msg.type()] ?? null
    if (!kind) return null
    const room = msg.room()
    const talker = msg.talker()
    let text = kind === 'text' ? msg.text() : ''
    let media: Inbound['media'] = null
    if (kind === 'image' || kind === 'voice' || kind === 'video') {
      const file = await msg.toFileBox()
      media = { mime: file.mediaType, data: await file.toBuffer() }
    }
    if (kind === 'location') {
      const place = await msg.toLocation()
      text = `位置：${place.name()} ${place.address()}`.trim()
    }
    const me = bot.currentUser
    const botAlias = room ? await room.alias(me) : undefined
    const mentionsBot = room
      ? (await msg.mentionSelf()) || [me.name(), botAlias].some((n) => n && text.includes(`@${n}`))
      : true
    return {
      id: msg.id, roomId: room?.id ?? null, roomTopic: room ? await room.topic() : null, talkerId: talker.id,
      talkerName: (room ? await room.alias(talker) : undefined) || talker.name(), text, kind, media, mentionsBot, receivedAt: msg.date(),
    }
  }

  async function deliver(out: Outbound): Promise<void> {
    if (out.roomId) {
      const room = (await bot.Room.find({ id: out.roomId })) ?? (out.roomTopic ? await bot.Room.find({ topic: out.roomTopic }) : undefined)
      if (!room) throw new Error(`room ${out.roomTopic ?? out.roomId} not found`)
      const mentioned = (await Promise.all((out.mention ?? []).map((id) => bot.Contact.find({ id })))).filter((c) => c !== undefined)
      await room.say(out.text, ...mentioned)
      return
    }
    const contact = out.contactId ? await bot.Contact.find({ id: out.contactId }) : undefined
    if (!contact) throw new Error(`contact ${out.contactId} not found`)
    await contact.say(out.text)
  }

  async function start() {
    startedAt = Date.now()
    await bot.start()
    o.afterStart?.()
  }
  // start() can return without a login, and failures arrive only as 'error' events: check, report, retry.
  const watchdog = setInterval(() => {
    if (loggedIn || Date.now() - startedAt < o.loginTimeoutMs) return
    o.log.warn('no login in time; restarting the WeChat client')
    o.onStatus({ loggedIn: false, error: '登录超时，正在重试' })
    void bot.stop().then(start).catch((err: unknown) => o.log.error({ err }, 'restart failed'))
  }, Math.max(1000, o.loginTimeoutMs / 4))
  watchdog.unref()

  await start()
  return {
    deliver,
    loggedIn: () => loggedIn,
    selfName: () => (loggedIn ? bot.currentUser.name() : o.name),
    async stop() {
      clearInterval(watchdog)
      await bot.stop()
    },
  }
}
export type WechatClient = Awaited<ReturnType<typeof startWechat>>
