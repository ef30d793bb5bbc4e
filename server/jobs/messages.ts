import { categoryLabels, levelLabels, statusLabels } from '../contract/index.ts'
import type { TicketRow } from '../tickets/store.ts'

// Every sentence the scheduled jobs have WeChat say, all in Beijing time.

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ')
export type Deadline = 'accept' | 'resolve'
const what: Record<Deadline, string> = { accept: '受理', resolve: '办结' }

export const jobMessages = {
  dueSoon: (t: TicketRow, kind: Deadline, where: string) =>
    `【即将到期 ${t.no}】${where} · ${categoryLabels[t.category]}：${clip(t.summary, 30)}\n请于 ${hhmm(kind === 'accept' ? t.accept_due_at : t.resolve_due_at)} 前${what[kind]}` +
    `${kind === 'accept' ? `，回复“受理 ${t.no}”` : `，办结后回复“办结 ${t.no} 办理结果”`}。`,
  overdue: (t: TicketRow, kind: Deadline, where: string) =>
    `【已超期 ${t.no}】${where} · ${categoryLabels[t.category]}：${clip(t.summary, 30)}\n${what[kind]}时限 ${hhmm(kind === 'accept' ? t.accept_due_at : t.resolve_due_at)} 已过，请尽快处理；无法办理的请上报。`,
  overdueUp: (t: TicketRow, kind: Deadline, where: string, assignee: string) =>
    `【超期督办 ${t.no}】${where} · ${levelLabels[t.level]} · ${categoryLabels[t.category]}：${clip(t.summary, 30)}\n` +
    `${what[kind]}时限 ${hhmm(kind === 'accept' ? t.accept_due_at : t.resolve_due_at)} 已过，经办：${assignee}。请督促办理。`,
  digest: (date: string, open: TicketRow[], late: (t: TicketRow) => boolean, toVerify: TicketRow[], limit: number) => {
    const lateCount = open.filter(late).length
    const lines = [`【每日工单 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日】在办 ${open.length} 件${lateCount ? `，其中超期 ${lateCount} 件` : ''}：`]
    const sorted = [...open].sort((a, b) => Number(late(b)) - Number(late(a)) || a.resolve_due_at.localeCompare(b.resolve_due_at))
    for (const t of sorted.slice(0, limit)) {
      lines.push(`· ${t.no} ${statusLabels[t.status]}${t.level !== 'grid' ? `（${levelLabels[t.level]}）` : ''} ${clip(t.summary, 20)} ${late(t) ? '【超期】' : `时限${hhmm(t.status === 'reported' ? t.accept_due_at : t.resolve_due_at)}`}`)
    }
    if (open.length > limit) lines.push(`……另有 ${open.length - limit} 件，请到后台查看。`)
    if (toVerify.length) lines.push(`待核验 ${toVerify.length} 件：${toVerify.slice(0, limit).map((t) => t.no).join('、')}`)
    return lines.join('\n')
  },
}
