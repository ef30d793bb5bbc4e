import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import type { Outbox } from '../outbox/store.ts'
import type { Areas } from '../registry/areas.ts'
import type { People } from '../registry/people.ts'
import type { Rooms } from '../registry/rooms.ts'
import type { Settings } from '../registry/settings.ts'
import type { Addressing } from './notify.ts'
import type { TicketStore } from './store.ts'
import type { createView } from './view.ts'

export type TicketDeps = {
  db: Db
  store: TicketStore
  people: People
  rooms: Rooms
  areas: Areas
  settings: Settings
  outbox: Outbox
  addressing: Addressing
  view: ReturnType<typeof createView>
  clock: () => Date
  log: Logger
}
