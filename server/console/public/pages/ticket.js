import { actionLabels, categoryLabels, levelLabels, ratingLabels, rejectReasonLabels, statusLabels } from '../labels.js'
import { areaMap, flagTags, statusTag, whenFull } from '../util.js'
import { actionForm } from '../ticket-actions.js'

const LEVELS = ['grid', 'village', 'township', 'county']

export default {
  title: '工单详情',
  async render(root, ctx, [ref]) {
    const { h } = ctx
    const [t, allowed, areas] = await Promise.all([
      ctx.api('GET', `/tickets/${encodeURIComponent(ref)}`),
      ctx.api('GET', `/tickets/${encodeURIComponent(ref)}/actions`),
      areaMap(ctx),
    ])
    const where = [t.townshipCode, t.villageCode, t.gridCode].map((c) => areas.get(c ?? '')?.name).filter(Boolean).join(' · ')
    const handler = t.assignee.name ?? t.assignee.unitName ?? '待分配'

    const head = h('div', { class: 'card' },
      h('div', { class: 'page-title' }, h('a', { href: '#/tickets' }, '← 工单'), h('h1', null, `${t.no} ${t.summary}`), statusTag(h, t.status)),
      h('div', { class: 'row' }, h('span', { class: 'tag blue' }, `${levelLabels[t.level]}层级`), h('span', { class: 'tag' }, categoryLabels[t.category]), flagTags(h, t)),
      h('dl', { class: 'facts' },
        h('dt', null, '地点'), h('dd', null, [where, t.place].filter(Boolean).join(' · ') || '—'),
        h('dt', null, '经办'), h('dd', null, handler, t.assignee.name && t.assignee.unitName ? `（${t.assignee.unitName}）` : ''),
        t.leadDepartment ? [h('dt', null, '牵头/配合部门'), h('dd', null, [t.leadDepartment, ...t.cooperatingDepartments].join('、'))] : null,
        t.standard !== null ? [h('dt', null, '事项类型'), h('dd', null, t.standard ? '标准事项' : '非标准事项')] : null,
        t.result ? [h('dt', null, '办理结果'), h('dd', null, t.result)] : null,
        t.rating ? [h('dt', null, '群众评价'), h('dd', null, ratingLabels[t.rating])] : null,
        t.rejectReason ? [h('dt', null, '不予受理原因'), h('dd', null, rejectReasonLabels[t.rejectReason])] : null))

    // The resident's own words: the report, what they added later, their pictures.
    const supplements = t.events.filter((e) => e.action === 'supplement')
    const resident = h('div', { class: 'card resident' },
      h('h2', null, '群众诉求'),
      h('div', { class: 'msg' }, h('div', { class: 'who' }, `${t.reporter.name} · ${whenFull(t.createdAt)}`), h('div', { class: 'bubble' }, t.text)),
      supplements.map((e) => h('div', { class: 'msg' }, h('div', { class: 'who' }, `${e.actor.name} 补充 · ${whenFull(e.at)}`), h('div', { class: 'bubble' }, e.note))),
      t.phone || t.people.length ? h('p', { class: 'muted' }, [t.phone ? `电话：${t.phone}` : '', t.people.length ? `涉及：${t.people.join('、')}` : ''].filter(Boolean).join('　')) : null,
      t.attachments.length ? h('div', { class: 'attachments' }, t.attachments.map((a) => a.mime.startsWith('image/')
        ? h('a', { href: a.url, target: '_blank' }, h('img', { src: a.url, alt: `图片 ${a.id}`, loading: 'lazy' }))
        : h('a', { href: a.url, target: '_blank', class: 'tag' }, `${a.kind} ${Math.round(a.size / 1024)}KB`))) : null,
      t.followers.length ? h('p', { class: 'muted' }, `同一件事还有：${t.followers.map((f) => f.name).join('、')}（一并通知）`) : null)

    // Deadlines, and who was or is late (the server's flags, computed on its clock).
    const lateTag = (flag) => (flag ? h('span', { class: 'tag orange' }, '超时') : null)
    const deadlines = h('div', { class: 'card' }, h('h2', null, '时限'),
      t.flags.overdue ? h('p', { class: 'error', 'data-overdue': '' }, `已超期：${t.status === 'reported' ? '待受理' : '待办结'}，经办 ${handler}`) : null,
      h('table', { class: 'table' }, h('tbody', null,
        h('tr', null, h('th', null, '受理期限'), h('td', null, whenFull(t.deadlines.acceptBy), ' ', lateTag(t.flags.lateAccept), h('div', { class: 'muted' }, t.acceptedAt ? `受理于 ${whenFull(t.acceptedAt)}` : ''))),
        h('tr', null, h('th', null, '办结期限'), h('td', null, whenFull(t.deadlines.resolveBy), ' ', lateTag(t.flags.lateResolve), h('div', { class: 'muted' }, t.resolvedAt ? `办结于 ${whenFull(t.resolvedAt)}` : ''))),
        t.deadlines.progressBy ? h('tr', null, h('th', null, '进展反馈'), h('td', null, whenFull(t.deadlines.progressBy))) : null)))

    const timeline = h('div', { class: 'card' }, h('h2', null, '办理经过'), h('ol', { class: 'timeline' }, t.events.map((e) => h('li', null,
      h('div', null, h('b', null, actionLabels[e.action] ?? e.action), ' ', h('span', { class: 'muted' }, `${e.actor.name} · ${whenFull(e.at)}`)),
      e.fromLevel && e.toLevel && e.fromLevel !== e.toLevel ? h('div', { class: 'muted' }, `${levelLabels[e.fromLevel]} → ${levelLabels[e.toLevel]}`) : null,
      e.fromStatus !== e.toStatus && e.toStatus ? h('div', { class: 'muted' }, `${statusLabels[e.fromStatus] ?? '新建'} → ${statusLabels[e.toStatus]}`) : null,
      e.note && e.action !== 'supplement' ? h('div', null, e.note) : null))))

    const panel = h('div', { class: 'card actions' }, h('h2', null, '办理'))
    const forms = h('div')
    if (!allowed.actions.length) panel.append(h('p', { class: 'muted' }, '您对这件工单没有可做的操作（只能查看）。'))
    else {
      panel.append(h('div', { class: 'row' }, allowed.actions.map((a) => h('button', {
        class: `btn ${a === 'accept' || a === 'resolve' ? 'primary' : ''}`, 'data-action': a,
        onclick: () => forms.replaceChildren(actionForm(ctx, t, a, LEVELS, () => ctx.go(`#/ticket/${t.no}`))),
      }, label(a, t)))), forms)
    }
    root.append(h('style', null, STYLE), head, h('div', { class: 'ticket-cols' }, h('div', null, resident, panel, timeline), h('div', null, deadlines)))
  },
}

/** Escalating from township goes to the county: that is the whistle. */
const label = (a, t) => (a === 'escalate' && t.level === 'township' ? '吹哨' : a === 'escalate' ? `上报${levelLabels[LEVELS[LEVELS.indexOf(t.level) + 1]]}` : actionLabels[a])

const STYLE = `
.page-ticket .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 12px 0 0; }
.page-ticket .facts dt { color: var(--muted); }
.page-ticket .facts dd { margin: 0; }
.page-ticket .ticket-cols { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 14px; }
@media (max-width: 900px) { .page-ticket .ticket-cols { grid-template-columns: 1fr; } }
.page-ticket .msg { margin: 8px 0; }
.page-ticket .who { font-size: 12px; color: var(--muted); }
.page-ticket .bubble { background: #f1f8f4; border-radius: 4px; padding: 8px 10px; white-space: pre-wrap; word-break: break-word; }
.page-ticket .attachments { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
.page-ticket .attachments img { width: 120px; height: 120px; object-fit: cover; border-radius: 4px; border: 1px solid var(--line); }
.page-ticket .timeline { list-style: none; padding: 0; margin: 0; }
.page-ticket .timeline li { border-left: 2px solid var(--green); padding: 0 0 12px 12px; position: relative; }
.page-ticket .timeline li::before { content: ''; position: absolute; left: -6px; top: 5px; width: 10px; height: 10px; border-radius: 50%; background: var(--green); }
.page-ticket .actions form { margin-top: 12px; border-top: 1px solid var(--line); padding-top: 12px; }
.page-ticket .actions textarea, .page-ticket .actions select, .page-ticket .actions input[type=text] { width: 100%; }
`
