import type { PersonRecord } from '../contract/index.ts'
import { PRIORITY, type OutboxDraft } from '../outbox/store.ts'
import type { Areas } from '../registry/areas.ts'
import type { Bots } from '../registry/bots.ts'
import type { Rooms } from '../registry/rooms.ts'
import type { TicketRow, TicketStore } from './store.ts'

/** Addresses outbox messages: which bot account says them, to which room or person, with which @s. */
export function createAddressing(deps: { rooms: Rooms; bots: Bots; areas: Areas; store: TicketStore }) {
  const { rooms, bots, areas, store } = deps

  const botOfRoom = (roomId: number | null): string | null => {
    const room = roomId !== null ? rooms.get(roomId) : null
    return room?.botId ?? bots.fallback()?.id ?? null
  }
  /** A private message goes out through the bot of the ticket's group, else of a group in the area, else the default. */
  const botFor = (t: TicketRow): string | null => {
    if (t.room_id !== null) return botOfRoom(t.room_id)
    for (const code of [t.grid_code, t.village_code]) {
      const room = code ? rooms.forArea(code) : null
      if (room?.botId) return room.botId
    }
    return bots.fallback()?.id ?? null
  }

  return {
    where(t: TicketRow): string {
      const code = t.grid_code ?? t.village_code ?? t.township_code ?? t.county_code
      return areas.get(code)?.name ?? code
    },
    toPerson(t: TicketRow, person: PersonRecord | null, text: string, key: string, priority: number = PRIORITY.normal): OutboxDraft[] {
      const botId = botFor(t)
      if (!person || !botId) return []
      return [{ botId, kind: 'private', roomId: null, personId: person.id, contactId: person.contactId, toName: person.name, mention: [], text, priority, ticketId: t.id, dedupeKey: `${key}:p:${person.id}` }]
    },
    /** To the resident who reported, and everyone who said the same thing, @-ed in their group (or privately). */
    toResidents(t: TicketRow, text: string, key: string, privateText: string | null = null): OutboxDraft[] {
      const people = [
        ...(t.reporter_contact_id ? [{ contactId: t.reporter_contact_id, name: t.reporter_name, roomId: t.room_id }] : []),
        ...store.followers(t.id).map((f) => ({ contactId: f.contact_id, name: f.name, roomId: f.room_id })),
      ]
      const byRoom = new Map<number | null, typeof people>()
      for (const p of people) byRoom.set(p.roomId, [...(byRoom.get(p.roomId) ?? []), p])
      const drafts: OutboxDraft[] = []
      for (const [roomId, group] of byRoom) {
        const botId = botOfRoom(roomId)
        if (!botId) continue
        if (roomId !== null) {
          // The @s are data: the bot's WeChat client puts "@name" in front as WeChat itself does.
          const mention = group.map(({ contactId, name }) => ({ contactId, name }))
          drafts.push({ botId, kind: 'room', roomId, personId: null, contactId: null, toName: null, mention, text, priority: PRIORITY.normal, ticketId: t.id, dedupeKey: `${key}:r:${roomId}` })
        }
        const secret = roomId === null ? text : privateText
        if (secret) {
          for (const p of group) {
            drafts.push({ botId, kind: 'private', roomId: null, personId: null, contactId: p.contactId, toName: p.name, mention: [], text: secret, priority: PRIORITY.normal, ticketId: t.id, dedupeKey: `${key}:c:${p.contactId}` })
          }
        }
      }
      return drafts
    },
  }
}
export type Addressing = ReturnType<typeof createAddressing>
