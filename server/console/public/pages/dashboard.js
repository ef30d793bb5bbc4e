// 数据看板: the ladder up front, charts by area, period and category, and the table of every figure with CSV export.
// Figures and their definitions come from /api/metrics; the charts are chart.js, loaded once from the console's vendor path.
import { categoryLabels } from '../labels.js'
import { areaMap } from '../util.js'

const LADDER = ['gridLevel', 'villageLevel', 'townshipLevel']
const SUMMARY = ['total', 'onTimeAccept', 'onTimeResolve', 'overdue', 'avgResolveHours', 'satisfaction', 'resolution', 'reopen', 'returned']
const AREA_RATES = ['gridLevel', 'onTimeAccept', 'onTimeResolve', 'satisfaction']
const TREND_RATES = ['gridLevel', 'satisfaction', 'onTimeResolve']
const COLORS = ['#07c160', '#3b73b9', '#d08a3c', '#8e5fb8', '#c0392b', '#16a2b8', '#7f8c8d', '#b8a03b', '#e67e9f', '#2c3e50']

let chartLib = null
/** chart.js, added to the page once with a script tag. */
function loadChart() {
  if (window.Chart) return Promise.resolve(window.Chart)
  chartLib ??= new Promise((resolve, reject) => {
    const s = document.createElement('script')
    s.src = '/console/vendor/chart.umd.js'
    s.onload = () => resolve(window.Chart)
    s.onerror = () => { chartLib = null; reject(new Error('图表库加载失败')) }
    document.head.append(s)
  })
  return chartLib
}

const pct = (r) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`)
const show = (m, key) => (key === 'avgResolveHours' ? (m[key] === null ? '—' : `${m[key]} 小时`) : typeof m[key] === 'number' ? String(m[key]) : pct(m[key]))
const ratio = (m, key) => (m[key] && typeof m[key] === 'object' ? `${m[key].num} / ${m[key].den}` : '')
const percentOf = (r) => (r.value === null ? null : Math.round(r.value * 1000) / 10)

/** The areas this person may read figures of: their own (not a county department's) and everything below. */
function reachable(user, areas) {
  const mine = new Set(user.grants.filter((g) => g.role !== 'departmentOfficer').map((g) => g.areaCode))
  const under = (a) => { for (let c = a; c; c = areas.get(c.parentCode)) if (mine.has(c.code)) return true; return false }
  const depth = (a) => { let n = 0; for (let c = a; c?.parentCode; c = areas.get(c.parentCode)) n++; return n }
  const list = [...areas.values()].filter(under).map((a) => ({ ...a, depth: depth(a) }))
  const top = Math.min(...list.map((a) => a.depth))
  return list.map((a) => ({ ...a, depth: a.depth - top }))
}

function style(h) {
  return h('style', null, `
  .page-dashboard .ladder { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
  .page-dashboard .ladder .card { margin: 0; text-align: center; border-top: 4px solid var(--green); }
  .page-dashboard .ladder .figure { font-size: 34px; font-weight: 700; color: var(--green-dark); line-height: 1.2; }
  .page-dashboard .ladder .name { font-weight: 600; }
  .page-dashboard .summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; margin: 14px 0; }
  .page-dashboard .summary .card { margin: 0; padding: 10px 12px; }
  .page-dashboard .summary .figure { font-size: 20px; font-weight: 600; }
  .page-dashboard .help { cursor: help; border-bottom: 1px dotted #999; }
  .page-dashboard .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 14px; }
  .page-dashboard .charts .card { margin: 0; min-width: 0; }
  .page-dashboard .chart-box { position: relative; height: 260px; }
  /* A wide table scrolls inside its card instead of widening the page: it asks for no width of its own. */
  .page-dashboard .table-box { width: 0; min-width: 100%; overflow-x: auto; }
  .page-dashboard td.num, .page-dashboard th.num { text-align: right; white-space: nowrap; }
  .page-dashboard dl.defs dt { font-weight: 600; margin-top: 8px; }
  .page-dashboard dl.defs dd { margin: 2px 0 0; color: #555; }
  @media (max-width: 760px) {
    .page-dashboard .ladder { gap: 6px; }
    .page-dashboard .ladder .card { padding: 10px 4px; }
    .page-dashboard .ladder .figure { font-size: 22px; }
    .page-dashboard .ladder .name { font-size: 12px; }
    .page-dashboard .summary { grid-template-columns: repeat(3, 1fr); gap: 6px; }
    .page-dashboard .summary .card { padding: 8px; font-size: 12px; }
    .page-dashboard .summary .figure { font-size: 16px; }
    .page-dashboard .charts { grid-template-columns: 1fr; }
    .page-dashboard .chart-box { height: 220px; }
  }`)
}

export default {
  title: '数据看板',
  async render(root, ctx) {
    const { h } = ctx
    const [areas, defs] = await Promise.all([areaMap(ctx), ctx.api('GET', '/metrics/definitions')])
    const def = Object.fromEntries(defs.metrics.map((d) => [d.key, d]))
    const tip = (key) => `${def[key].label}：${def[key].formula}。${def[key].help}`
    const q = ctx.query
    const select = (name, options, value) => h('select', { name }, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)))
    const mine = reachable(ctx.user, areas)
    const area = select('areaId', mine.map((a) => [a.code, `${'　'.repeat(a.depth)}${a.name}`]), q.get('areaId') ?? '')
    // Empty dates: the server's default (the last 30 days by its clock), written back once the figures arrive.
    const from = h('input', { type: 'date', name: 'from', value: q.get('from') ?? '' })
    const to = h('input', { type: 'date', name: 'to', value: q.get('to') ?? '' })
    const category = select('category', [['', '全部类别'], ...Object.entries(categoryLabels)], q.get('category') ?? '')
    const period = select('period', [['day', '按日'], ['week', '按周'], ['month', '按月']], q.get('period') ?? 'week')
    const tableBy = select('groupBy', [['area', '按区域'], ['category', '按类别'], ['period', '按时段']], q.get('groupBy') ?? 'area')
    const status = h('span', { class: 'muted', role: 'status' })
    const label = (text, el) => h('label', null, text, el)

    const ladder = h('div', { class: 'ladder' })
    const summary = h('div', { class: 'summary' })
    const canvases = { area: h('canvas', { 'aria-label': '各区域指标柱状图', role: 'img' }), trend: h('canvas', { 'aria-label': '按时段趋势折线图', role: 'img' }), category: h('canvas', { 'aria-label': '按类别工单数环形图', role: 'img' }) }
    const areaTitle = h('h2')
    const table = h('div', { class: 'table-box' })
    const charts = []
    let reports = null

    const query = (groupBy) => {
      const p = new URLSearchParams({ groupBy, period: period.value })
      if (from.value) p.set('from', from.value)
      if (to.value) p.set('to', to.value)
      if (area.value) p.set('areaId', area.value)
      if (category.value) p.set('category', category.value)
      return p.toString()
    }

    function figureCard(key, m, cls) {
      return h('div', { class: 'card', title: tip(key) },
        h('div', { class: 'figure' }, show(m, key)),
        h('div', { class: cls }, h('span', { class: 'help' }, def[key].label)),
        ratio(m, key) ? h('div', { class: 'muted' }, ratio(m, key)) : null)
    }

    function drawCharts(Chart) {
      while (charts.length) charts.pop().destroy()
      // No animation: figures for work, and what a screenshot or a slow phone shows is the finished chart.
      const percentAxis = { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } }
      const byArea = reports.area.rows
      charts.push(new Chart(canvases.area, {
        type: 'bar',
        data: { labels: byArea.map((r) => r.label), datasets: AREA_RATES.map((k, i) => ({ label: def[k].label, data: byArea.map((r) => percentOf(r.metrics[k])), backgroundColor: COLORS[i] })) },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: percentAxis }, plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}：${c.raw ?? '—'}%` } } } },
      }))
      const byPeriod = reports.period.rows
      charts.push(new Chart(canvases.trend, {
        type: 'bar',
        data: {
          labels: byPeriod.map((r) => (period.value === 'month' ? r.label : `${r.key.slice(5)}${period.value === 'week' ? '起' : ''}`)),
          datasets: [
            { type: 'bar', label: '上报工单数', data: byPeriod.map((r) => r.metrics.total), backgroundColor: 'rgba(59,115,185,.25)', yAxisID: 'count' },
            ...TREND_RATES.map((k, i) => ({ type: 'line', label: def[k].label, data: byPeriod.map((r) => percentOf(r.metrics[k])), borderColor: COLORS[[0, 3, 2][i]], backgroundColor: COLORS[[0, 3, 2][i]], spanGaps: true, yAxisID: 'y' })),
          ],
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { ...percentAxis, position: 'left' }, count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } },
      }))
      const byCategory = reports.category.rows.filter((r) => r.metrics.total > 0)
      charts.push(new Chart(canvases.category, {
        type: 'doughnut',
        data: { labels: byCategory.map((r) => r.label), datasets: [{ data: byCategory.map((r) => r.metrics.total), backgroundColor: COLORS }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
      }))
    }

    function drawTable() {
      const r = reports[tableBy.value]
      const keys = defs.metrics.map((d) => d.key)
      const head = h('tr', null, h('th', null, { area: '区域', category: '类别', period: '时段' }[tableBy.value]), keys.map((k) => h('th', { class: 'num', title: tip(k) }, h('span', { class: 'help' }, def[k].label))))
      const line = (name, m, strong) => h('tr', null, h('td', { 'data-label': '分组' }, strong ? h('b', null, name) : name),
        keys.map((k) => h('td', { class: 'num', 'data-label': def[k].label, title: ratio(m, k) }, show(m, k))))
      table.replaceChildren(h('table', { class: 'table stack' }, h('thead', null, head), h('tbody', null, r.rows.map((row) => line(row.label, row.metrics)), line('合计', r.total, true))))
    }

    async function load() {
      if (from.value && to.value && from.value > to.value) { status.textContent = '开始日期不能晚于结束日期'; return }
      status.textContent = '加载中…'
      try {
        const [byArea, byPeriod, byCategory] = await Promise.all(['area', 'period', 'category'].map((g) => ctx.api('GET', `/metrics?${query(g)}`)))
        reports = { area: byArea, period: byPeriod, category: byCategory }
      } catch (err) {
        // Shown in the page too: a county department, say, has no area figures at all, and should read why.
        status.textContent = ''
        ladder.replaceChildren(h('div', { class: 'card error', role: 'alert', style: 'grid-column: 1 / -1' }, err.message))
        ctx.toast(err.message, 'error')
        return
      }
      const r = reports.area
      area.value = r.area.code
      from.value = r.from
      to.value = r.to
      ctx.replaceHash(`#/dashboard?${query(tableBy.value)}`)
      areaTitle.textContent = `${r.area.name} · ${r.from} 至 ${r.to}${r.category ? ` · ${category.selectedOptions[0]?.textContent}` : ''}`
      ladder.replaceChildren(...LADDER.map((k) => figureCard(k, r.total, 'name')))
      summary.replaceChildren(...SUMMARY.map((k) => figureCard(k, r.total, 'muted')))
      drawTable()
      status.textContent = r.total.total === 0 ? '所选范围内没有工单' : `共 ${r.total.total} 张工单`
      try {
        drawCharts(await loadChart())
      } catch (err) {
        ctx.toast(err.message, 'error')
      }
    }

    const exportCsv = () => {
      const r = reports?.[tableBy.value]
      const name = r ? `看板指标_${r.area.name}_${r.from}至${r.to}.csv` : '看板指标.csv'
      return ctx.download(`/metrics/export?format=csv&${query(tableBy.value)}`, name)
    }

    for (const el of [area, from, to, category, period]) el.addEventListener('change', load)
    tableBy.addEventListener('change', () => { if (reports) { drawTable(); ctx.replaceHash(`#/dashboard?${query(tableBy.value)}`) } })

    root.append(
      style(h),
      h('div', { class: 'page-title' }, h('h1', null, '数据看板'), status),
      h('div', { class: 'filters' }, label('区域', area), label('开始日期', from), label('结束日期', to), label('类别', category), label('趋势时段', period)),
      areaTitle,
      ladder,
      summary,
      h('div', { class: 'charts' },
        h('div', { class: 'card' }, h('h3', null, '各区域指标'), h('div', { class: 'chart-box' }, canvases.area)),
        h('div', { class: 'card' }, h('h3', null, '趋势'), h('div', { class: 'chart-box' }, canvases.trend)),
        h('div', { class: 'card' }, h('h3', null, '各类别工单数'), h('div', { class: 'chart-box' }, canvases.category))),
      h('div', { class: 'card', style: 'margin-top:14px' },
        h('div', { class: 'row', style: 'justify-content:space-between;margin-bottom:8px' },
          h('h2', { style: 'margin:0' }, '全部指标'),
          h('div', { class: 'row' }, label('表格分组', tableBy), h('button', { class: 'btn primary', onclick: exportCsv }, '导出 CSV（Excel 可打开）'))),
        table),
      h('details', { class: 'card' }, h('summary', null, '指标说明'),
        h('p', { class: 'muted' }, defs.scope),
        h('dl', { class: 'defs' }, defs.metrics.flatMap((d) => [h('dt', null, d.label), h('dd', null, `${d.formula}。${d.help}`)]))),
    )
    await load()
  },
}
