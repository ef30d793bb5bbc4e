import type { Db } from '../db/open.ts'
import type { Room } from '../contract/index.ts'
import { memo } from './memo.ts'

type RoomRow = { id: number; wechat_room_id: string | null; topic: string; area_code: string | null; bot_id: string | null; bound_at: string | null; last_seen_at: string | null }
const toRoom = (r: RoomRow): Room => ({
  id: r.id, wechatRoomId: r.wechat_room_id, topic: r.topic, areaCode: r.area_code, botId: r.bot_id, boundAt: r.bound_at, lastSeenAt: r.last_seen_at,
})

export function createRooms(db: Db) {
  const byId = db.prepare<[number], RoomRow>('SELECT * FROM rooms WHERE id = ?')
  const byWechatId = db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE wechat_room_id = ?')
  const byTopic = db.prepare<[string, string | null], RoomRow>('SELECT * FROM rooms WHERE topic = ? AND (bot_id IS ? OR bot_id IS NULL) ORDER BY area_code IS NULL, id LIMIT 1')
  const all = db.prepare<[], RoomRow>('SELECT * FROM rooms ORDER BY id')
  const insert = db.prepare('INSERT INTO rooms (wechat_room_id, topic, area_code, bot_id, bound_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE rooms SET wechat_room_id = ?, topic = ?, area_code = ?, bot_id = ?, bound_at = ?, last_seen_at = ? WHERE id = ?')
  const firstForArea = db.prepare<[string], RoomRow>('SELECT * FROM rooms WHERE area_code = ? ORDER BY id LIMIT 1')

  const get = memo((id: number): Room | null => { const r = byId.get(id); return r ? toRoom(r) : null })
  const forArea = memo((areaCode: string): Room | null => { const r = firstForArea.get(areaCode); return r ? toRoom(r) : null })
  const forget = () => { get.clear(); forArea.clear() }
  const save = (r: Room) => {
    forget()
    update.run(r.wechatRoomId, r.topic, r.areaCode, r.botId, r.boundAt, r.lastSeenAt, r.id)
  }

  return {
    get,
    byWechatId: (wechatRoomId: string): Room | null => { const r = byWechatId.get(wechatRoomId); return r ? toRoom(r) : null },
    list: (): Room[] => all.all().map(toRoom),
    forArea,
    create(r: Omit<Room, 'id' | 'lastSeenAt'>): Room {
      forget()
      const info = insert.run(r.wechatRoomId, r.topic, r.areaCode, r.botId, r.boundAt, null)
      return get(Number(info.lastInsertRowid))!
    },
    save,
    /**
     * Finds our record of a WeChat group the bot is in. Ids can change after a re-login, so a miss on the
     * id falls back to the topic within the same bot, and the record learns the new id. A group never seen
     * is recorded unbound, so admins can see and bind it.
     */
    resolve: db.transaction((wechatRoomId: string, topic: string, botId: string, now: string): Room => {
      const known = byWechatId.get(wechatRoomId) ?? byTopic.get(topic, botId)
      if (!known) {
        forget()
        return get(Number(insert.run(wechatRoomId, topic, null, botId, null, now).lastInsertRowid))!
      }
      const room = { ...toRoom(known), wechatRoomId, topic, botId: known.bot_id ?? botId, lastSeenAt: now }
      save(room)
      return room
    }),
  }
}
export type Rooms = ReturnType<typeof createRooms>
