import type { Logger } from 'pino'
import { ServerUnavailable } from '../clients/server-client.ts'
import type { Sender } from '../wechat/sender.ts'
import { firstAid, handleMessage, understand, type Deps } from './handle-message.ts'
import type { Journal, JournalEntry } from './journal.ts'
import type { Inbound, Outbound } from './types.ts'

const backoff = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt)

/**
 * Runs the pipeline over the journal: each message at least once, in order within its group, never twice.
 * While the server is away, messages wait in the journal and are retried; a crash leaves them pending, and
 * `recover` takes them up again, with any replies that were decided but not yet said.
 */
export function createRunner(o: { journal: Journal; deps: Deps; sender: Sender; log: Logger; afterEach?: () => void }) {
  const { journal, deps, sender, log } = o
  const chains = new Map<string, Promise<void>>()
  const settled = new Map<string, Array<() => void>>()
  let stopping = false

  const say = (id: number, reply: Outbound) =>
    void sender.send(reply).then((ok) => { if (ok) journal.said(id) })

  async function handle(entry: JournalEntry): Promise<void> {
    const m = entry.message
    const u = await understand(m, deps)
    if (entry.stage !== 'aided') {
      const aid = firstAid(m, u)
      for (const out of aid) void sender.send(out)
      if (aid.length) { journal.stage(m.id, 'aided'); entry.stage = 'aided' }
    }
    const replies = await handleMessage(m, deps, u)
    journal.done(m.id, replies.length ? 'replied' : 'silent', replies).forEach((id, i) => say(id, replies[i]!))
    log.debug({ messageId: m.id, intent: u?.intent ?? m.kind, replies: replies.length }, 'message handled')
  }

  async function run(entry: JournalEntry): Promise<void> {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        await handle(entry)
        break
      } catch (err) {
        if (err instanceof ServerUnavailable) {
          journal.failed(entry.message.id, err.message)
          if (attempt === 0) log.warn({ messageId: entry.message.id, err: err.message }, 'server unavailable, message waits')
          await new Promise((r) => setTimeout(r, backoff(attempt)))
          continue
        }
        // A bug or a refusal: the bot never dies of one bad message.
        log.error({ err, messageId: entry.message.id }, 'message failed')
        journal.done(entry.message.id, `failed: ${(err as Error).message}`)
        break
      }
    }
    for (const resolve of settled.get(entry.message.id) ?? []) resolve()
    settled.delete(entry.message.id)
    o.afterEach?.()
  }

  function schedule(entry: JournalEntry) {
    const key = entry.message.roomId ?? `@${entry.message.talkerId}`
    const next = (chains.get(key) ?? Promise.resolve()).then(() => run(entry))
    chains.set(key, next)
    void next.finally(() => { if (chains.get(key) === next) chains.delete(key) })
  }

  return {
    /** Journals a message and schedules it; false if it was seen before (a replay). */
    accept(m: Inbound): boolean {
      if (!journal.record(m)) return false
      // While stopping, a message is only journaled: the next start handles it.
      if (!stopping) schedule({ seq: 0, message: m, stage: '', attempts: 0 })
      return true
    },
    /** After a restart: say what was decided but not said, and handle what was received but not handled. */
    recover(): number {
      for (const { id, reply } of journal.unsent()) say(id, reply)
      const pending = journal.pending()
      pending.forEach(schedule)
      return pending.length
    },
    /** Resolves when a message has been handled (or given up for now). */
    handled(id: string): Promise<void> {
      return new Promise((resolve) => settled.set(id, [...(settled.get(id) ?? []), resolve]))
    },
    busy: () => chains.size > 0,
    /** Stops retrying and waits for what is in hand; messages that could not be handled stay in the journal. */
    async drain(): Promise<void> {
      stopping = true
      await Promise.all([...chains.values()])
    },
  }
}
export type Runner = ReturnType<typeof createRunner>
