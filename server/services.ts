import type { Db } from './db/open.ts'
import type { Logger } from './log.ts'
import { createTokens } from './auth/tokens.ts'
import { createJobs } from './jobs/index.ts'
import { createKnowledge } from './knowledge/answer.ts'
import { createSemanticAsk, sqliteVectors, type Embedding } from './knowledge/embeddings.ts'
import { createFaq } from './knowledge/faq.ts'
import type { Region } from './knowledge/passage.ts'
import { createNotices } from './notices/service.ts'
import { createNoticeStore } from './notices/store.ts'
import { createSessions } from './console/sessions.ts'
import { createOutbox } from './outbox/store.ts'
import { createAreas } from './registry/areas.ts'
import { createBots } from './registry/bots.ts'
import { createPeople } from './registry/people.ts'
import { createRooms } from './registry/rooms.ts'
import { memo } from './registry/memo.ts'
import { createSettings } from './registry/settings.ts'
import { createTicketActions } from './tickets/actions.ts'
import { createAttachments } from './tickets/attachments.ts'
import { createTicketCreator } from './tickets/create.ts'
import { createAddressing } from './tickets/notify.ts'
import { createTicketStore } from './tickets/store.ts'
import { createView } from './tickets/view.ts'

export type ServiceOptions = {
  db: Db; log: Logger; clock: () => Date; adminToken: string; filesDir: string
  /** Where the deployment is: only the policy documents in force there are answered from (default xinyang). */
  knowledgeRegion?: Region
  /** An embedding model for semantic retrieval alongside the lexical one (knowledge/embeddings.ts); none by default. */
  embedding?: Embedding | null
}

/** Every store and service of the server, built once over the one connection. */
export function createServices({ db, log, clock, adminToken, filesDir, knowledgeRegion = 'xinyang', embedding = null }: ServiceOptions) {
  const areas = createAreas(db)
  const people = createPeople(db)
  const rooms = createRooms(db)
  const settings = createSettings(db)
  const bots = createBots(db)
  const tokens = createTokens(db, adminToken)
  const store = createTicketStore(db)
  const outbox = createOutbox(db)
  const addressing = createAddressing({ rooms, bots, areas, store })
  const view = createView(people, settings)
  const deps = { db, store, people, rooms, areas, settings, outbox, addressing, view, clock, log }
  // Built on the first question: loading jieba and indexing the passages takes a moment that most runs never need.
  const knowledge = memo(() => createKnowledge({ region: knowledgeRegion }))
  const semantic = memo(() => (embedding ? createSemanticAsk(knowledge(), embedding, sqliteVectors(db), log.child({ module: 'knowledge' })) : null))
  const faq = createFaq(db)
  const notices = createNotices({ db, store: createNoticeStore(db), areas, rooms, bots, outbox, log: log.child({ module: 'notices' }) })
  return {
    ...deps, bots, tokens,
    sessions: createSessions(db, clock),
    attachments: createAttachments(db, filesDir),
    createTicket: createTicketCreator(deps),
    actions: createTicketActions(deps),
    notices,
    jobs: createJobs({ ...deps, bots, notices }),
    faq,
    knowledgeRegion,
    knowledge,
    /** A resident's policy question: the FAQ, then the documents, semantically too when an embedding model is configured. */
    askPolicy: (question: string) => semantic()?.ask(question, faq.list()) ?? Promise.resolve(knowledge().ask(question, faq.list())),
    /** Embeds the passages ahead of the first question when a model is configured; true when every one has its vector. */
    prepareSemantic: () => semantic()?.prepare() ?? Promise.resolve(false),
  }
}
export type Services = ReturnType<typeof createServices>
