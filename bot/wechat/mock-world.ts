import { FileBox } from 'file-box'
import { mock, PuppetMock } from 'wechaty-puppet-mock'

export type WorldPerson = { id: string; name: string; role?: string }
export type WorldRoom = { id: string; topic: string; areaCode: string | null; residents: WorldPerson[]; staff: WorldPerson[] }
export type WorldSpec = { bot: WorldPerson; rooms: WorldRoom[]; staff: WorldPerson[] }
export type Said = { seq: number; at: string; room?: string; from: string; to?: string; text: string; fromBot: boolean }

/**
 * A WeChat that needs no account: wechaty-puppet-mock with the demo county's groups, residents and staff.
 * The simulator and the tests speak as any of them; everything anyone says (the bot included) is recorded.
 */
export function createMockWorld(spec: WorldSpec) {
  const mocker = new mock.Mocker()
  const puppet = new PuppetMock({ mocker })
  const me = mocker.createContact({ id: spec.bot.id, name: spec.bot.name })
  const contacts = new Map<string, ReturnType<typeof mocker.createContact>>()
  const names = new Map<string, string>([[spec.bot.id, spec.bot.name]])
  const contactOf = (p: WorldPerson) => {
    let c = contacts.get(p.id)
    if (!c) { c = mocker.createContact({ id: p.id, name: p.name }); contacts.set(p.id, c); names.set(p.id, p.name) }
    return c
  }
  const rooms = new Map(spec.rooms.map((r) => {
    const members = [...r.residents, ...r.staff].map(contactOf)
    return [r.topic, { spec: r, mock: mocker.createRoom({ id: r.id, topic: r.topic, memberIdList: [me.id, ...members.map((m) => m.id)] }) }]
  }))
  spec.staff.forEach(contactOf)
  const topics = new Map(spec.rooms.map((r) => [r.id, r.topic]))

  const said: Said[] = []
  let lastId: string | null = null
  puppet.on('message', ({ messageId }) => {
    const p = mocker.messagePayload(messageId)
    lastId = messageId
    const roomId = 'roomId' in p ? p.roomId : undefined
    const listenerId = 'listenerId' in p ? p.listenerId : undefined
    said.push({
      seq: said.length + 1, at: new Date(p.timestamp).toISOString(), room: roomId ? topics.get(roomId) ?? roomId : undefined,
      from: names.get(p.talkerId ?? '') ?? p.talkerId ?? '', to: listenerId ? names.get(listenerId) ?? listenerId : undefined,
      text: p.text ?? (p.type === 6 ? '[图片]' : '[文件]'), fromBot: p.talkerId === me.id,
    })
  })

  return {
    puppet,
    spec,
    /** Logs the bot's account in; call after the bot has started. */
    login() {
      mocker.login(me)
      puppet.emit('ready', { data: 'mock' })
    },
    /**
     * Someone says something: in a group (by its topic) or privately to the bot. Returns the message id, or an
     * error in Chinese when the room or the person is unknown.
     */
    say(o: { room?: string; from: string; text?: string; mentionBot?: boolean; file?: { name: string; data: Buffer } }): { ok: true; messageId: string } | { ok: false; field: string; message: string } {
      const room = o.room !== undefined ? rooms.get(o.room) : undefined
      if (o.room !== undefined && !room) return { ok: false, field: 'room', message: `没有叫“${o.room}”的群` }
      const pool = room ? [...room.spec.residents, ...room.spec.staff] : [...spec.staff, ...spec.rooms.flatMap((r) => r.residents)]
      const person = pool.find((p) => p.name === o.from)
      if (!person) return { ok: false, field: 'from', message: room ? `“${o.from}”不在群“${o.room}”里` : `没有叫“${o.from}”的人` }
      const something = o.file ? FileBox.fromBase64(o.file.data.toString('base64'), o.file.name) : o.mentionBot ? `@${spec.bot.name}\u2005${o.text ?? ''}` : (o.text ?? '')
      contactOf(person).say(something, room && o.mentionBot ? [me] : []).to(room ? room.mock : me)
      return { ok: true, messageId: lastId! }
    },
    transcript: (): Said[] => said,
  }
}
export type MockWorld = ReturnType<typeof createMockWorld>
