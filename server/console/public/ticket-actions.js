// The form for each ticket action the server allows; it sends exactly the action's body of the contract.
import { actionLabels, levelLabels, ratingLabels, rejectReasonLabels } from './labels.js'

let departments = null
let routing = null

export function actionForm(ctx, t, action, levels, done) {
  const { h } = ctx
  const text = (name, label, required = true, rows = 3) => h('label', { class: 'field' }, h('span', null, label + (required ? '' : '（选填）')),
    h('textarea', { name, rows, required, maxlength: 1000 }))
  const error = h('p', { class: 'error', role: 'alert' })
  const submit = h('button', { class: 'btn primary', type: 'submit' }, `确定${actionLabels[action] ?? ''}`)
  const fields = h('div')
  const form = h('form', { 'data-form': action, onsubmit: async (ev) => {
    ev.preventDefault()
    const data = Object.fromEntries(new FormData(form))
    error.textContent = ''
    submit.disabled = true
    try {
      await ctx.api('POST', `/tickets/${t.no}/${action}`, { ...bodyOf(action, data, form), expectedVersion: t.version })
      ctx.toast(`已${label(action, t)}`)
      done()
    } catch (err) {
      error.textContent = err.message
    } finally {
      submit.disabled = false
    }
  } }, h('h3', null, label(action, t)), fields, h('div', { class: 'row' }, submit, h('button', { class: 'btn', type: 'button', onclick: () => form.remove() }, '取消')), error)

  const select = (name, options, value) => h('select', { name }, options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)))
  switch (action) {
    case 'accept': fields.append(text('note', '受理说明', false, 2)); break
    case 'note': fields.append(text('note', '办理进展')); break
    case 'resolve': fields.append(text('result', '办理结果（将告知群众）')); break
    case 'return': fields.append(text('reason', '退回理由')); break
    case 'reopen': fields.append(text('reason', '发回重办理由')); break
    case 'cancel': fields.append(text('reason', '撤回原因', false, 2)); break
    case 'supplement': fields.append(text('text', '补充说明')); break
    case 'verify':
      fields.append(h('label', { class: 'field' }, h('span', null, '现场核验'), select('passed', [['true', '核验通过'], ['false', '未通过，退回重办']], 'true')), text('note', '核验情况', false, 2))
      break
    case 'rate':
      fields.append(h('label', { class: 'field' }, h('span', null, '评价'), select('rating', Object.entries(ratingLabels), 'satisfied')), text('comment', '意见', false, 2))
      break
    case 'extend':
      fields.append(h('label', { class: 'field' }, h('span', null, '延期天数'), h('input', { type: 'number', name: 'days', min: 1, max: 30, value: 3, required: true })), text('reason', '延期理由'))
      break
    case 'reject':
      fields.append(h('label', { class: 'field' }, h('span', null, '原因'), select('reason', Object.entries(rejectReasonLabels), 'invalid')),
        h('label', { class: 'field' }, h('span', null, '主工单编号（重复诉求时填写）'), h('input', { type: 'text', name: 'mainTicket', placeholder: '如 W1001' })),
        text('note', '说明'))
      break
    case 'transfer':
      fields.append(h('label', { class: 'field' }, h('span', null, '转派到网格（编码）'), h('input', { type: 'text', name: 'gridCode', required: true, placeholder: '如 HS010102' })), text('reason', '转派理由', false, 2))
      break
    case 'escalate': fields.append(escalateFields(ctx, t, levels, select, text)); break
    case 'dispatch': fields.append(dispatchFields(ctx, select, text)); break
  }
  return form
}

const label = (a, t) => (a === 'escalate' && t.level === 'township' ? '吹哨' : actionLabels[a])

/** From township to county is the whistle: a standard item goes straight to its department, a non-standard one to the county centre. */
function escalateFields(ctx, t, levels, select, text) {
  const { h } = ctx
  const next = levels[levels.indexOf(t.level) + 1]
  const box = h('div', null, h('p', { class: 'muted' }, `将上报到${levelLabels[next]}层级。`))
  if (next === 'county') {
    const dept = h('select', { name: 'department' })
    const std = h('select', { name: 'standard', onchange: () => { dept.disabled = std.value !== 'true' } },
      h('option', { value: 'true' }, '标准事项：直接吹哨到职能部门'), h('option', { value: 'false' }, '非标准事项：报县社会治理中心分拨'))
    box.append(h('label', { class: 'field' }, h('span', null, '事项类型'), std), h('label', { class: 'field' }, h('span', null, '部门'), dept))
    Promise.all([departments ??= ctx.api('GET', '/departments'), routing ??= ctx.api('GET', '/routing')]).then(([d, r]) => {
      const preset = r.routing.find((x) => x.category === t.category)
      dept.replaceChildren(...d.departments.map((x) => h('option', { value: x.code, selected: x.code === preset?.countyDepartment }, x.name)))
      if (preset && !preset.standard) { std.value = 'false'; dept.disabled = true }
    }).catch((e) => ctx.toast(e.message, 'error'))
  }
  box.append(text('reason', next === 'county' ? '吹哨理由' : '上报理由'))
  return box
}

function dispatchFields(ctx, select, text) {
  const { h } = ctx
  const lead = h('select', { name: 'leadDepartment', required: true })
  const coop = h('div', { class: 'row' })
  ;(departments ??= ctx.api('GET', '/departments')).then((d) => {
    lead.replaceChildren(...d.departments.map((x) => h('option', { value: x.code }, x.name)))
    coop.replaceChildren(...d.departments.map((x) => h('label', null, h('input', { type: 'checkbox', name: 'cooperating', value: x.code }), x.name)))
  }).catch((e) => ctx.toast(e.message, 'error'))
  return h('div', null, h('label', { class: 'field' }, h('span', null, '牵头部门'), lead), h('div', { class: 'field' }, h('span', null, '配合部门（可多选）'), coop), text('note', '分拨说明', false, 2))
}

function bodyOf(action, data, form) {
  const clean = Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, v.trim()]))
  switch (action) {
    case 'verify': return { ...clean, passed: clean.passed === 'true' }
    case 'extend': return { ...clean, days: Number(clean.days) }
    case 'escalate': {
      const out = { reason: clean.reason }
      if (clean.standard !== undefined) out.standard = clean.standard === 'true'
      if (clean.standard === 'true' && clean.department) out.department = clean.department
      return out
    }
    case 'dispatch': {
      const cooperating = [...form.querySelectorAll('input[name=cooperating]:checked')].map((x) => x.value)
      return { leadDepartment: clean.leadDepartment, cooperatingDepartments: cooperating, ...(clean.note ? { note: clean.note } : {}) }
    }
    default: { const { cooperating: _c, ...rest } = clean; return rest }
  }
}
