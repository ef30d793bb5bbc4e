import type { PersonRecord, Room } from '../../server/contract/index.ts'
import type { ServerClient } from '../clients/server-client.ts'

const PEOPLE_TTL_MS = 60_000
const ROOM_TTL_MS = 60_000

/**
 * What the bot needs to know of the registry, fetched from the server and kept for a minute: who is staff (by
 * WeChat contact id), and which grid each group is bound to (matched by the server on id, then topic).
 */
export function createDirectory(server: ServerClient, now: () => number = Date.now) {
  let people: { at: number; all: PersonRecord[]; byContact: Map<string, PersonRecord> } | null = null
  const rooms = new Map<string, { at: number; room: Room }>()
  async function registry() {
    if (!people || now() - people.at > PEOPLE_TTL_MS) {
      const r = await server.people()
      if (!r.ok) throw new Error(`people: ${r.message}`)
      const active = r.value.people.filter((p) => p.active)
      people = { at: now(), all: active, byContact: new Map(active.filter((p) => p.contactId).map((p) => [p.contactId!, p])) }
    }
    return people
  }

  return {
    staff: async (contactId: string): Promise<PersonRecord | null> => (await registry()).byContact.get(contactId) ?? null,
    /** Who answers for a group's area: its 专职网格员, or for a village-wide group the 党支部书记. */
    async workerFor(areaCode: string): Promise<PersonRecord | null> {
      const all = (await registry()).all
      const holds = (role: string) => all.find((p) => p.roles.some((g) => g.areaCode === areaCode && g.role === role))
      return holds('gridWorker') ?? holds('villageSecretary') ?? null
    },
    async room(wechatRoomId: string, topic: string): Promise<Room> {
      const cached = rooms.get(wechatRoomId)
      if (cached && cached.room.topic === topic && now() - cached.at < ROOM_TTL_MS) return cached.room
      const r = await server.resolveRoom(wechatRoomId, topic)
      if (!r.ok) throw new Error(`resolve room: ${r.message}`)
      rooms.set(wechatRoomId, { at: now(), room: r.value })
      return r.value
    },
    forgetRoom: (wechatRoomId: string) => { rooms.delete(wechatRoomId) },
  }
}
export type Directory = ReturnType<typeof createDirectory>

const FOLLOW_UP_MS = 2 * 60_000

/**
 * Short-lived memory of each resident's latest ticket, so that what they add within two minutes joins it, unless it
 * names another place ("学校门口下水道堵了", then "三组桥头的路灯黑了"). For appeals the kind of thing is no guide: a
 * follow-up as short as "闸门那也漏水" is read as another kind more often than not. An emergency takes the pictures
 * and other media that follow it, but not an appeal: "着火了" and then "俺家和隔壁为宅基地吵起来了" are two matters,
 * and an appeal folded into an emergency that is over in an hour would never be seen to.
 */
export function createConversations(now: () => number = Date.now) {
  const recent = new Map<string, { no: string; place: string | null; at: number; urgent: boolean }>()
  const key = (roomId: string | null, talkerId: string) => `${roomId ?? ''}|${talkerId}`
  return {
    remember(roomId: string | null, talkerId: string, no: string, place: string | null, at: number = now(), urgent = false) {
      recent.set(key(roomId, talkerId), { no, place, at, urgent })
      if (recent.size > 10_000) recent.delete(recent.keys().next().value!)
    },
    /**
     * The ticket a message from this resident would join: their ticket of the last two minutes, if at the same place;
     * for an `appeal`, only if that ticket is an appeal too.
     */
    latest(roomId: string | null, talkerId: string, at: number = now(), appeal?: { place: string | null }): { no: string } | null {
      const r = recent.get(key(roomId, talkerId))
      if (!r || at - r.at > FOLLOW_UP_MS) return null
      if (appeal && r.urgent) return null
      const place = appeal?.place
      const elsewhere = !!place && !!r.place && !place.includes(r.place) && !r.place.includes(place)
      return elsewhere ? null : r
    },
  }
}
export type Conversations = ReturnType<typeof createConversations>
