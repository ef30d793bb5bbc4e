import type { Outbound } from '../pipeline/types.ts'

export type SenderOptions = {
  /** The least time between two messages in one room or chat. */
  roomIntervalMs: number
  /** The most messages the account sends in a minute, all rooms together. */
  perMinute: number
  deliver: (out: Outbound) => Promise<void>
  onError: (err: unknown, out: Outbound) => void
  now?: () => number
}

type Job = { out: Outbound; seq: number; done: (ok: boolean) => void }

/**
 * Outgoing messages: a queue per account, emergencies first, each room spaced out, and the account's total
 * rate capped so that WeChat does not take the bot for a spammer.
 */
export function createSender(opts: SenderOptions) {
  const now = opts.now ?? Date.now
  const queue: Job[] = []
  const lastInRoom = new Map<string, number>()
  const sentAt: number[] = []
  let seq = 0
  let timer: NodeJS.Timeout | null = null
  let busy = false
  let idle: Array<() => void> = []

  const keyOf = (o: Outbound) => o.roomId ?? `@${o.contactId}`
  const wait = (job: Job, t: number) => {
    // An emergency does not wait its turn in the room; it still counts against the account's rate.
    const room = job.out.priority === 0 ? -Infinity : (lastInRoom.get(keyOf(job.out)) ?? -Infinity) + opts.roomIntervalMs
    const minute = sentAt.length >= opts.perMinute ? sentAt[sentAt.length - opts.perMinute]! + 60_000 : -Infinity
    return Math.max(room, minute) - t
  }

  async function pump() {
    if (busy) return
    busy = true
    try {
      while (queue.length) {
        const t = now()
        while (sentAt.length && sentAt[0]! < t - 60_000) sentAt.shift()
        queue.sort((a, b) => (a.out.priority ?? 1) - (b.out.priority ?? 1) || a.seq - b.seq)
        // The most urgent job that may go now; otherwise sleep until the first one may.
        const ready = queue.find((j) => wait(j, t) <= 0)
        if (!ready) {
          const next = Math.min(...queue.map((j) => wait(j, t)))
          timer = setTimeout(() => { timer = null; void pump() }, Math.max(1, next))
          return
        }
        queue.splice(queue.indexOf(ready), 1)
        lastInRoom.set(keyOf(ready.out), t)
        sentAt.push(t)
        try {
          await opts.deliver(ready.out)
          ready.done(true)
        } catch (err) {
          opts.onError(err, ready.out)
          ready.done(false)
        }
      }
      for (const resolve of idle) resolve()
      idle = []
    } finally {
      busy = false
    }
  }

  return {
    /** Queues a message; resolves true once said, false if saying it failed. */
    send(out: Outbound): Promise<boolean> {
      return new Promise((resolve) => {
        queue.push({ out, seq: seq++, done: resolve })
        // Re-plan now: the new message may be more urgent than the one the timer waits for.
        if (timer) { clearTimeout(timer); timer = null }
        void pump()
      })
    },
    backlog: () => queue.length,
    /** Resolves when everything queued has been said (or failed). */
    drained(): Promise<void> {
      if (!queue.length && !busy) return Promise.resolve()
      return new Promise((resolve) => idle.push(resolve))
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
export type Sender = ReturnType<typeof createSender>
