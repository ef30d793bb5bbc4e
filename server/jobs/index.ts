import cron, { type ScheduledTask } from 'node-cron'
import type { Db } from '../db/open.ts'
import type { Logger } from '../log.ts'
import type { Notices } from '../notices/service.ts'
import type { Outbox } from '../outbox/store.ts'
import type { Areas } from '../registry/areas.ts'
import type { Bots } from '../registry/bots.ts'
import type { People } from '../registry/people.ts'
import type { Rooms } from '../registry/rooms.ts'
import type { Addressing } from '../tickets/notify.ts'
import type { TicketStore } from '../tickets/store.ts'
import { createAutoCloseJob } from './autoclose.ts'
import { createDeadlineJob } from './deadlines.ts'
import { createDigestJob } from './digest.ts'
import { createJobKeys } from './keys.ts'

type Deps = {
  db: Db; store: TicketStore; people: People; rooms: Rooms; bots: Bots; areas: Areas; outbox: Outbox; addressing: Addressing
  notices: Notices; log: Logger
}
export type JobReport = { reminded: number; overdue: number; digests: number; closed: number; notices: number }

/**
 * The server's scheduled work. Every job is a function of `now`: node-cron only says when to look (every minute),
 * the clock says what time it is, and tests call runDue with any time they like.
 */
export function createJobs(deps: Deps) {
  const log = deps.log.child({ module: 'jobs' })
  const keys = createJobKeys(deps.db)
  const jobs = {
    deadlines: createDeadlineJob({ ...deps, keys }),
    digests: createDigestJob({ ...deps, keys }),
    closed: createAutoCloseJob(deps.db, deps.store),
  }
  let task: ScheduledTask | null = null

  /** Runs every job for `now`; one failing job is logged and does not stop the others. */
  function runDue(now: Date): JobReport {
    const report: JobReport = { reminded: 0, overdue: 0, digests: 0, closed: 0, notices: 0 }
    const attempt = (name: string, fn: () => void) => {
      try { fn() } catch (err) { log.error({ err, job: name, now: now.toISOString() }, 'job failed') }
    }
    attempt('deadlines', () => Object.assign(report, jobs.deadlines(now)))
    attempt('digests', () => { report.digests = jobs.digests(now) })
    attempt('autoClose', () => { report.closed = jobs.closed(now) })
    attempt('notices', () => { report.notices = deps.notices.runDue(now) })
    if (Object.values(report).some((n) => n > 0)) log.info({ ...report, now: now.toISOString() }, 'scheduled work done')
    return report
  }

  return {
    runDue,
    /** Catches up at once (the server may have been down), then looks every minute at the clock's time. */
    start(clock: () => Date): void {
      runDue(clock())
      task = cron.schedule('* * * * *', () => { runDue(clock()) }, { name: 'jobs', timezone: 'Asia/Shanghai', noOverlap: true })
      log.info('scheduled jobs started (every minute, Beijing time)')
    },
    async stop(): Promise<void> {
      await task?.destroy()
      task = null
    },
  }
}
export type Jobs = ReturnType<typeof createJobs>
