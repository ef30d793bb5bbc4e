import type { Actor, Caller } from '../auth/actor.ts'
import type { ActionBody, ActionName, Category, Rating, Ticket } from '../contract/index.ts'
import type { Services } from '../services.ts'
import { createTicketActions } from '../tickets/actions.ts'
import { createTicketCreator } from '../tickets/create.ts'
import type { TicketDeps } from '../tickets/deps.ts'

// A few hundred past tickets for the demo, so the dashboard has something to show on first start. Every ticket goes
// through the real create and action functions on a clock moved by hand, so the event log, the flags and the
// deadlines are exactly what real use would leave. Deterministic for a seed (relative to `now`); no messages are
// queued for WeChat, since none of this happened.

const HOUR = 3600_000
const DAY = 24 * HOUR

const texts: Record<Category, string[]> = {
  safety: ['两家为宅基地边界吵起来了，调解不下来', '村口有人聚众打牌赌钱', '河边没有护栏，孩子们常去玩水'],
  environment: ['河沟里有人倒垃圾，臭得很', '有人在地里烧秸秆，烟很大', '养猪场的污水流到路上了'],
  infrastructure: ['二组村口的路灯坏了', '三组小桥的栏杆断了', '自来水停了两天了', '村道上有个大坑'],
  livelihood: ['低保申请交了材料一直没回音', '老人的养老金这个月没到账', '医保报销不知道找谁'],
  economy: ['合作社拖欠土地流转费', '在工地干活的工钱没结', '想问问种植补贴怎么领'],
  civility: ['有人家办酒席占了整条路', '文化广场的音响太吵了'],
  party: ['村务公开栏好久没更新了', '想了解村集体收入的账目'],
  enforcement: ['有人在河道里偷采沙', '路边有人违建棚子', '小卖部卖过期食品'],
  property: ['电梯又坏了，老人上不了楼', '楼道里堆满杂物', '小区停车位被外来车占了'],
  other: ['想反映个情况，请网格员联系我', '门口的快递柜坏了'],
}
/** How often each category comes up, roughly as in rural grids. */
const weights: Array<[Category, number]> = [
  ['infrastructure', 24], ['environment', 18], ['safety', 14], ['livelihood', 13], ['economy', 8],
  ['enforcement', 7], ['property', 6], ['civility', 4], ['party', 3], ['other', 3],
]
const residents = ['李阿姨', '张大爷', '王婶', '刘师傅', '陈姐', '赵大哥', '孙奶奶', '周老师', '吴叔', '郑嫂']

/** mulberry32: a tiny seeded generator, enough for spreading demo data. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    weighted: <T>(xs: ReadonlyArray<[T, number]>): T => {
      let r = next() * xs.reduce((n, [, w]) => n + w, 0)
      for (const [x, w] of xs) if ((r -= w) < 0) return x
      return xs[xs.length - 1]![0]
    },
  }
}

/** Whether the history was played in already (its tickets carry their own client keys). */
export const hasDemoHistory = (s: Pick<Services, 'db'>): boolean =>
  s.db.prepare("SELECT 1 FROM create_requests WHERE client_key LIKE 'demo-history-%' LIMIT 1").get() !== undefined

export type DemoHistoryOptions = { now: Date; days?: number; tickets?: number; seed?: number }
export type DemoHistoryResult = { tickets: number; failures: number }

/** Thrown when the next step of a ticket's story would be in the future: the ticket stays where it is. */
class NotYet extends Error {}

export function seedDemoHistory(s: Services, opts: DemoHistoryOptions): DemoHistoryResult {
  const { now, days = 90, tickets = 300, seed = 20261123 } = opts
  const rng = random(seed)
  let at = 0
  const deps: TicketDeps = { ...s, clock: () => new Date(at), outbox: { ...s.outbox, add: () => {} }, log: s.log.child({ module: 'demo-history' }, { level: 'warn' }) }
  const create = createTicketCreator(deps)
  const actions = createTicketActions(deps)
  const bot = s.bots.list()[0] ?? null
  const filer: Caller = bot ? { kind: 'bot', bot } : { kind: 'admin' }
  const grids = s.areas.list().filter((a) => a.kind === 'grid')
  if (grids.length === 0) return { tickets: 0, failures: 0 }

  const staff = (t: Ticket): Actor => {
    const person = t.assignee.personId ? s.people.get(t.assignee.personId) : null
    return person ? { kind: 'person', person } : { kind: 'admin' }
  }
  const wait = (ms: number) => {
    at += ms
    if (at > now.getTime()) throw new NotYet()
  }
  const act = <A extends ActionName>(actor: Actor, t: Ticket, action: A, body: ActionBody<A>) => actions.act(actor, String(t.id), action, body)

  function story(n: number, createdAt: number) {
    at = createdAt
    const category = rng.weighted(weights)
    const grid = rng.pick(grids)
    const name = rng.pick(residents)
    const contactId = `wxid_demo_${residents.indexOf(name)}`
    const resident: Actor = bot ? { kind: 'resident', contactId, name, via: bot } : { kind: 'admin' }
    let t = create(filer, {
      clientKey: `demo-history-${seed}-${n}`, intent: 'appeal', category, text: rng.pick(texts[category]), people: [], sensitive: false,
      urgent: rng.chance(0.03), gridCode: grid.code, reporter: { contactId, name }, linkDuplicates: false,
    }).ticket

    if (rng.chance(0.03)) { wait(rng.between(0.2, 2) * HOUR); act(resident, t, 'cancel', { reason: '已经自己解决了' }); return }
    if (rng.chance(0.04)) { wait(rng.between(0.5, 3) * HOUR); act(staff(t), t, 'reject', { reason: 'invalid', note: '经核实不属实' }); return }
    const accept = () => {
      wait((rng.chance(0.86) ? rng.between(0.1, 1.5) : rng.between(3, 30)) * HOUR)
      t = act(staff(t), t, 'accept', {})
    }
    accept()

    const r = rng.next()
    const target = r < 0.7 ? 0 : r < 0.87 ? 1 : r < 0.97 ? 2 : 3
    for (let climb = 0; climb < target; climb++) {
      wait(rng.between(1, 10) * HOUR)
      t = act(staff(t), t, 'escalate', { reason: '本级无法解决，请上级协调' })
      if (climb === 0 && rng.chance(0.15)) {
        wait(rng.between(0.5, 4) * HOUR)
        t = act(staff(t), t, 'return', { reason: '网格内即可处理，不需上报' })
        accept()
        break
      }
      if (t.assignee.unit === 'centre') {
        const lead = s.settings.routing(t.category)?.countyDepartment ?? s.settings.departments()[0]?.code
        if (!lead) return
        wait(rng.between(1, 6) * HOUR)
        t = act(staff(t), t, 'dispatch', { leadDepartment: lead, cooperatingDepartments: [] })
      }
      accept()
    }

    const resolve = () => {
      const late = rng.chance(0.1)
      const span = { grid: late ? [26, 60] : [1, 20], village: late ? [80, 120] : [4, 60], township: late ? [180, 240] : [24, 150], county: [48, 150] }[t.level]
      wait(rng.between(span[0]!, span[1]!) * HOUR)
      t = act(staff(t), t, 'resolve', { result: '已处理完毕，现场已恢复' })
      if (t.flags.needsVerification && t.gridCode) {
        const head = s.people.staff('gridHead', t.gridCode)
        wait(rng.between(2, 24) * HOUR)
        t = act(head ? { kind: 'person', person: head } : { kind: 'admin' }, t, 'verify', { passed: true, note: '现场核验属实' })
      }
    }
    const rate = (odds: ReadonlyArray<[Rating, number]>) => {
      wait(rng.between(1, 30) * HOUR)
      const rating = rng.weighted(odds)
      t = act(resident, t, 'rate', { rating, ...(rating === 'dissatisfied' ? { comment: '问题还没彻底解决' } : {}) })
      return rating
    }
    resolve()
    if (!rng.chance(0.75)) return
    if (rate([['satisfied', 62], ['basicallySatisfied', 26], ['dissatisfied', 12]]) !== 'dissatisfied') return
    resolve()
    if (rng.chance(0.8)) rate([['satisfied', 70], ['basicallySatisfied', 25], ['dissatisfied', 5]])
  }

  const start = now.getTime() - days * DAY
  // Appeals come in during the day (07:00–21:00 Beijing), in the order they were filed.
  const times = Array.from({ length: tickets }, () => {
    const day = Math.floor(rng.next() * days)
    return start + day * DAY - (start % DAY) - 8 * HOUR + rng.between(7, 21) * HOUR
  }).filter((t) => t >= start && t < now.getTime()).sort((a, b) => a - b)

  let failures = 0
  s.db.transaction(() => {
    times.forEach((time, n) => {
      try {
        story(n, time)
      } catch (err) {
        if (err instanceof NotYet) return
        failures++
        s.log.warn({ err }, 'demo history: a ticket could not be played through')
      }
    })
  })()
  return { tickets: times.length, failures }
}
