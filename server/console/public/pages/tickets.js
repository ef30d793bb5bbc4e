import { categoryLabels, levelLabels, statusLabels } from '../labels.js'
import { areaMap, flagTags, statusTag, when } from '../util.js'

const OPEN = 'reported,accepted'

/** Areas the user works in and everything under them: the grid filter offers only these. */
function gridsOf(user, areas) {
  const mine = new Set(user.grants.filter((g) => g.role !== 'departmentOfficer').map((g) => g.areaCode))
  const under = (a) => { for (let c = a; c; c = areas.get(c.parentCode)) if (mine.has(c.code)) return true; return false }
  return [...areas.values()].filter((a) => a.kind === 'grid' && (mine.size === 0 || under(a)))
}

export default {
  title: '工单',
  async render(root, ctx) {
    const { h } = ctx
    const areas = await areaMap(ctx)
    const q = ctx.query
    const select = (name, options, value) => h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)))
    const status = select('status', [[OPEN, '待办（待受理、办理中）'], ['', '全部状态'], ...Object.entries(statusLabels)], q.get('status') ?? OPEN)
    const category = select('category', [['', '全部分类'], ...Object.entries(categoryLabels)], q.get('category') ?? '')
    const overdue = select('overdue', [['', '不限'], ['true', '只看超期'], ['false', '未超期']], q.get('overdue') ?? '')
    const grids = gridsOf(ctx.user, areas)
    const grid = select('area', [['', '全部网格'], ...grids.map((g) => [g.code, `${areas.get(g.parentCode)?.name ?? ''} ${g.name}`])], q.get('area') ?? '')
    const from = h('input', { type: 'date', name: 'from', value: q.get('from') ?? '' })
    const to = h('input', { type: 'date', name: 'to', value: q.get('to') ?? '' })
    const body = h('tbody')
    const more = h('button', { class: 'btn', style: 'display:none' }, '加载更多')
    const count = h('span', { class: 'muted' })
    let cursor = null
    let shown = 0

    const query = () => {
      const p = new URLSearchParams()
      if (status.value) p.set('status', status.value)
      if (category.value) p.set('category', category.value)
      if (overdue.value) p.set('overdue', overdue.value)
      if (grid.value) p.set('area', grid.value)
      // Dates are Beijing days: from 00:00 of the first to 00:00 after the last.
      if (from.value) p.set('from', `${from.value}T00:00:00+08:00`)
      if (to.value) p.set('to', new Date(new Date(`${to.value}T00:00:00+08:00`).getTime() + 86_400_000).toISOString())
      return p
    }
    const row = (t) => h('tr', { class: 'clickable', 'data-ticket': t.no, onclick: () => ctx.go(`#/ticket/${t.no}`) },
      h('td', { 'data-label': '编号' }, h('a', { href: `#/ticket/${t.no}` }, t.no)),
      h('td', { 'data-label': '诉求' }, h('div', null, t.summary), h('div', { class: 'row' }, flagTags(h, t))),
      h('td', { 'data-label': '分类' }, categoryLabels[t.category]),
      h('td', { 'data-label': '状态' }, statusTag(h, t.status)),
      h('td', { 'data-label': '层级' }, levelLabels[t.level]),
      h('td', { 'data-label': '网格' }, areas.get(t.gridCode ?? t.villageCode ?? '')?.name ?? '—'),
      h('td', { 'data-label': '经办' }, t.assignee.name ?? t.assignee.unitName ?? '待分配'),
      h('td', { 'data-label': '办结期限' }, when(t.deadlines.resolveBy)),
      h('td', { 'data-label': '上报时间' }, when(t.createdAt)))

    async function load(reset) {
      const p = query()
      if (reset) {
        cursor = null
        shown = 0
        body.replaceChildren()
        const hash = `#/tickets${p.toString() ? '?' + p.toString().replace(/%2C/g, ',') : ''}`
        ctx.replaceHash(hash)
      }
      if (cursor) p.set('cursor', cursor)
      p.set('limit', '50')
      const page = await ctx.api('GET', `/tickets?${p}`)
      page.items.forEach((t) => body.append(row(t)))
      shown += page.items.length
      cursor = page.nextCursor
      more.style.display = cursor ? '' : 'none'
      count.textContent = `共显示 ${shown} 件${cursor ? '（还有更多）' : ''}`
      if (!shown) body.append(h('tr', null, h('td', { colspan: 9, class: 'empty' }, '没有符合条件的工单')))
    }
    more.onclick = () => load(false).catch((e) => ctx.toast(e.message, 'error'))
    for (const el of [status, category, overdue, grid, from, to]) el.addEventListener('change', () => load(true).catch((e) => ctx.toast(e.message, 'error')))

    const scope = ctx.user.grants.map((g) => `${g.areaName}${g.roleLabel}`).join('、')
    root.append(
      h('div', { class: 'page-title' }, h('h1', null, '工单'), h('span', { class: 'muted' }, `${scope}可见的工单`)),
      h('div', { class: 'filters card' },
        h('label', null, '状态', status), h('label', null, '分类', category), h('label', null, '超期', overdue),
        h('label', null, '网格', grid), h('label', null, '上报日期从', from), h('label', null, '到', to),
        h('button', { class: 'btn', onclick: () => load(true).catch((e) => ctx.toast(e.message, 'error')) }, '刷新')),
      h('div', { class: 'scroll-x' }, h('table', { class: 'table stack tickets' },
        h('thead', null, h('tr', null, ['编号', '诉求', '分类', '状态', '层级', '网格', '经办', '办结期限', '上报时间'].map((x) => h('th', null, x)))), body)),
      h('div', { class: 'row', style: 'margin-top:10px' }, more, count))
    await load(true)
  },
}
