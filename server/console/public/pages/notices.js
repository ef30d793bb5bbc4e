// 指挥通道: compose a notice, pick the groups, send now or on a schedule, and see each group's delivery.
import { areaMap, whenFull } from '../util.js'

const SENDER_ROLES = ['countyOperator', 'townshipOperator', 'admin', 'villageSecretary', 'villageDiscipline', 'villagePublicity',
  'villageSecurity', 'villageEnvironment', 'villageProperty', 'villageGridAffairs']
const PRESETS = [['0 18 4 * *', '主题党日（每月4日 18:00）'], ['0 8 * * 1-5', '每个工作日 08:00'], ['0 9 * * 1', '每周一 09:00']]
const KIND_LABEL = { county: '县', township: '乡镇/街道', village: '村/社区', grid: '网格' }
const STATUS = { scheduled: ['定时发送中', 'blue'], sent: ['已发出', 'green'], cancelled: ['已停止', ''] }
const DELIVERY = { queued: ['排队中', 'orange'], sent: ['已送达', 'green'], failed: ['发送失败', 'red'] }
const STYLE = `
.notices-page .areas { max-height: 260px; overflow: auto; border: 1px solid var(--line); border-radius: 4px; padding: 6px 10px; }
.notices-page .areas label { display: flex; gap: 6px; align-items: center; padding: 2px 0; }
.notices-page .areas .township { font-weight: 600; }
.notices-page .areas .village { padding-left: 18px; }
.notices-page .areas .grid-area { padding-left: 36px; }
.notices-page .preview { min-height: 20px; }
.notices-page .rooms { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.notices-page .notice-text { white-space: pre-wrap; color: #444; margin: 4px 0; }
`

export default {
  title: '通知',
  async render(root, ctx) {
    const { h } = ctx
    root.classList.add('notices-page')
    root.append(h('style', null, STYLE))
    const areas = await areaMap(ctx)
    const grants = ctx.user.grants ?? []
    const reach = [...new Set(grants.filter((g) => SENDER_ROLES.includes(g.role)).map((g) => g.areaCode))]
    const canSend = ctx.user.isAdmin || reach.length > 0

    /** Whether an area lies at or below one of the codes. */
    const under = (code, tops) => {
      for (let a = areas.get(code); a; a = a.parentCode ? areas.get(a.parentCode) : null) if (tops.includes(a.code)) return true
      return false
    }
    const list = h('div', { class: 'notice-list' })
    root.append(h('div', { class: 'page-title' }, h('h1', null, '通知（指挥通道）')),
      h('p', { class: 'muted' }, '向辖区内绑定的微信群发通知，可立即发送或按定时规则（北京时间）发送；各群之间间隔发出，避免机器人账号被当作群发。'),
      canSend ? composer() : h('div', { class: 'card muted' }, '您的角色不能发通知，只能查看本辖区的通知。'),
      list)
    await refresh()

    function composer() {
      const title = h('input', { id: 'notice-title', maxlength: '60', placeholder: '例如：主题党日活动' })
      const text = h('textarea', { id: 'notice-text', maxlength: '1500', placeholder: '通知内容' })
      const targetAll = h('input', { type: 'radio', name: 'notice-target', value: 'all', checked: true })
      const targetAreas = h('input', { type: 'radio', name: 'notice-target', value: 'areas' })
      const mine = [...areas.values()].filter((a) => a.kind !== 'county' && (ctx.user.isAdmin && !reach.length ? true : under(a.code, reach)))
      const picker = h('div', { class: 'areas', id: 'notice-areas', hidden: true },
        mine.length ? mine.map((a) => h('label', { class: a.kind === 'grid' ? 'grid-area' : a.kind },
          h('input', { type: 'checkbox', value: a.code, 'data-area': a.code }), `${a.name}`, h('span', { class: 'muted' }, `（${KIND_LABEL[a.kind]}）`)))
          : h('div', { class: 'muted' }, '辖区内没有下级区域'))
      for (const r of [targetAll, targetAreas]) r.addEventListener('change', () => { picker.hidden = !targetAreas.checked })

      const now = h('input', { type: 'radio', name: 'notice-when', value: 'now', checked: true, id: 'notice-when-now' })
      const later = h('input', { type: 'radio', name: 'notice-when', value: 'schedule', id: 'notice-when-schedule' })
      const cron = h('input', { id: 'notice-cron', placeholder: '分 时 日 月 周，例如 0 18 4 * *', style: 'font-family:monospace' })
      const preview = h('div', { class: 'preview', id: 'notice-preview', 'aria-live': 'polite' })
      const presets = h('div', { class: 'row' }, PRESETS.map(([expr, label]) =>
        h('button', { type: 'button', class: 'btn small', onclick: () => { cron.value = expr; later.checked = true; sync(); check() } }, label)))
      const scheduleBox = h('div', { hidden: true }, h('div', { class: 'field' }, h('span', null, '定时规则（cron，北京时间）'), cron), presets, preview)
      const sync = () => { scheduleBox.hidden = !later.checked }
      for (const r of [now, later]) r.addEventListener('change', sync)

      let timer = null
      let asked = 0
      async function check() {
        const expr = cron.value.trim()
        const mineAsk = ++asked
        if (!expr) { preview.replaceChildren(); return }
        try {
          const r = await ctx.api('GET', `/notices/schedule-preview?schedule=${encodeURIComponent(expr)}`)
          if (mineAsk !== asked) return
          preview.replaceChildren(h('b', { class: 'ok' }, r.preview), h('span', { class: 'muted' }, `\u3000接下来：${r.next.join('，')}`))
        } catch (err) {
          if (mineAsk === asked) preview.replaceChildren(h('span', { class: 'error' }, err.message))
        }
      }
      cron.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 250) })

      const error = h('div', { class: 'error', id: 'notice-error' })
      const submit = h('button', { class: 'btn primary', type: 'submit', id: 'notice-submit' }, '发送')
      async function send(ev) {
        ev.preventDefault()
        error.textContent = ''
        const chosen = [...picker.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.value)
        const body = {
          title: title.value, text: text.value,
          target: targetAreas.checked ? { kind: 'areas', areas: chosen } : { kind: 'all' },
          schedule: later.checked ? cron.value.trim() : null,
        }
        submit.disabled = true
        try {
          const n = await ctx.api('POST', '/notices', body)
          ctx.toast(n.status === 'scheduled' ? `已保存定时通知：${n.schedulePreview}` : `已发出，共 ${n.runs[0]?.deliveries.length ?? 0} 个群`)
          title.value = ''; text.value = ''; cron.value = ''; preview.replaceChildren()
          await refresh()
        } catch (err) {
          error.textContent = err.message
        } finally {
          submit.disabled = false
        }
      }
      return h('form', { class: 'card', onsubmit: send, id: 'notice-form' },
        h('h2', null, '发通知'),
        h('label', { class: 'field' }, h('span', null, '标题'), title),
        h('label', { class: 'field' }, h('span', null, '内容'), text),
        h('div', { class: 'field' }, h('span', null, '发送范围'),
          h('div', { class: 'row' }, h('label', null, targetAll, ' 我管辖的全部群'), h('label', null, targetAreas, ' 选择乡镇、村或网格')), picker),
        h('div', { class: 'field' }, h('span', null, '发送时间'),
          h('div', { class: 'row' }, h('label', null, now, ' 立即发送'), h('label', null, later, ' 定时发送')), scheduleBox),
        error, h('div', { class: 'row' }, submit))
    }

    async function refresh() {
      const { items } = await ctx.api('GET', '/notices')
      list.replaceChildren(h('h2', null, '已发通知'), ...(items.length ? items.map(card) : [h('div', { class: 'card empty' }, '还没有通知')]))
    }

    function card(n) {
      const [label, color] = STATUS[n.status]
      const run = n.runs[0]
      const counts = run ? Object.entries(DELIVERY).map(([k, [name]]) => [name, run.deliveries.filter((d) => d.status === k).length]).filter(([, c]) => c) : []
      const stop = n.status === 'scheduled'
        ? h('button', { class: 'btn small danger', onclick: async () => {
          if (!confirm(`停止定时通知“${n.title}”？`)) return
          try { await ctx.api('POST', `/notices/${n.id}/cancel`, {}); ctx.toast('已停止'); await refresh() } catch (err) { ctx.toast(err.message, 'error') }
        } }, '停止')
        : null
      return h('div', { class: 'card', 'data-notice': n.id },
        h('div', { class: 'row' }, h('b', null, n.title), h('span', { class: `tag ${color}` }, label), stop),
        h('div', { class: 'notice-text' }, n.text),
        h('div', { class: 'muted' }, `${n.author.name} · ${whenFull(n.createdAt)} · 范围：${n.target.kind === 'all' ? '全部' : ''}${n.areas.map((a) => a.name).join('、')}`),
        n.schedule ? h('div', null, '定时：', h('b', null, n.schedulePreview), n.nextRunAt ? h('span', { class: 'muted' }, `\u3000下次 ${whenFull(n.nextRunAt)}`) : null) : null,
        run ? h('div', null,
          h('div', { class: 'muted' }, `最近一次：${whenFull(run.dueAt)}\u3000${counts.map(([name, c]) => `${name} ${c}`).join('，')}`),
          h('div', { class: 'rooms' }, run.deliveries.map((d) => h('span', {
            class: `tag ${DELIVERY[d.status][1]}`, 'data-room-topic': d.topic, 'data-status': d.status,
            title: d.problem ?? (d.sentAt ? `送达 ${whenFull(d.sentAt)}` : `计划 ${whenFull(d.notBefore)}`),
          }, `${d.topic} · ${DELIVERY[d.status][0]}`))))
          : h('div', { class: 'muted' }, '尚未发送'))
    }
  },
}
