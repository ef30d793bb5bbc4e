// Small helpers the shell's pages share (dates in Beijing time, tags for statuses and flags).
import { statusLabels } from './labels.js'

const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
const fmtFull = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
export const when = (iso) => (iso ? fmt.format(new Date(iso)) : '—')
export const whenFull = (iso) => (iso ? fmtFull.format(new Date(iso)) : '—')

const statusColor = { reported: 'orange', accepted: 'blue', resolved: 'green', closed: 'green', rejected: '', cancelled: '' }
export const statusTag = (h, status) => h('span', { class: `tag ${statusColor[status] ?? ''}` }, statusLabels[status] ?? status)

/** A table that stacks into cards on a phone: a header row of labels, and the body's rows. */
export const stackTable = (h, headers, rows) =>
  h('table', { class: 'table stack' }, h('thead', null, h('tr', null, headers.map((x) => h('th', null, x)))), h('tbody', null, rows))

/** The flags a person needs to see at a glance: urgent, overdue, late, reopened, returned. */
export function flagTags(h, t) {
  const f = t.flags
  return [
    t.intent === 'emergency' || f.urgent ? h('span', { class: 'tag red' }, '紧急') : null,
    f.overdue ? h('span', { class: 'tag red' }, '已超期') : null,
    f.lateAccept ? h('span', { class: 'tag orange' }, '受理超时') : null,
    f.lateResolve ? h('span', { class: 'tag orange' }, '办结超时') : null,
    f.extended ? h('span', { class: 'tag' }, '已延期') : null,
    f.reopenCount ? h('span', { class: 'tag orange' }, `发回重办×${f.reopenCount}`) : null,
    f.returnCount ? h('span', { class: 'tag' }, `退回×${f.returnCount}`) : null,
    t.sensitive ? h('span', { class: 'tag' }, '敏感') : null,
  ]
}

let areasCache = null
/** Every area by code (the registry's list; cached for the page's life). */
export async function areaMap(ctx) {
  if (!areasCache) areasCache = ctx.api('GET', '/areas').then((r) => new Map(r.areas.map((a) => [a.code, a])))
  return areasCache
}
export const forgetAreas = () => { areasCache = null }
