import { areaKindLabels, categoryLabels, moduleLabels, roleLabels } from '../labels.js'
import { forgetAreas, stackTable, when } from '../util.js'

const TABS = [['rooms', '群与绑定'], ['areas', '区域与网格'], ['people', '人员与角色'], ['routing', '分拨规则'], ['deadlines', '办理时限']]

export default {
  title: '网格与人员',
  async render(root, ctx) {
    const { h } = ctx
    forgetAreas()
    const [{ areas }, { rooms }, { people }, { routing }, { departments }, deadlines, { bots }] = await Promise.all(
      ['/areas', '/rooms', '/people', '/routing', '/departments', '/settings/deadlines', '/bots'].map((p) => ctx.api('GET', p)))
    const byCode = new Map(areas.map((a) => [a.code, a]))
    const pathOf = (code) => { const out = []; for (let a = byCode.get(code); a; a = byCode.get(a.parentCode)) out.unshift(a.name); return out.join(' · ') }
    const deptName = new Map(departments.map((d) => [d.code, d.name]))
    const adminOver = (code) => ctx.user.grants.some((g) => g.role === 'admin' && pathCodes(byCode, code).includes(g.areaCode))
    const county = areas.find((a) => a.kind === 'county')
    const countyAdmin = county && adminOver(county.code)
    const tab = ctx.query.get('tab') ?? 'rooms'
    const panes = {
      rooms: () => roomsPane(ctx, rooms, areas, byCode, pathOf, adminOver, bots),
      areas: () => areasPane(ctx, areas, byCode, people),
      people: () => peoplePane(ctx, people, areas, byCode, pathOf, deptName, departments, adminOver, countyAdmin),
      routing: () => routingPane(ctx, routing, departments, countyAdmin),
      deadlines: () => deadlinesPane(ctx, deadlines, countyAdmin),
    }
    const content = h('div')
    const tabs = h('div', { class: 'tabs row', role: 'tablist' }, TABS.map(([k, l]) => h('a', { href: `#/registry?tab=${k}`, class: `btn ${k === tab ? 'primary' : ''}`, 'data-tab': k }, l)))
    content.append((panes[tab] ?? panes.rooms)())
    root.append(h('style', null, STYLE), h('div', { class: 'page-title' }, h('h1', null, '网格与人员')), tabs, content)
  },
}

const pathCodes = (byCode, code) => { const out = []; for (let a = byCode.get(code); a; a = byCode.get(a.parentCode)) out.push(a.code); return out }

function roomsPane(ctx, rooms, areas, byCode, pathOf, adminOver, bots) {
  const { h } = ctx
  const targets = areas.filter((a) => (a.kind === 'grid' || a.kind === 'village') && adminOver(a.code))
  const botName = new Map(bots.map((b) => [b.id, b.name]))
  const row = (r) => {
    const pick = h('select', { 'aria-label': `绑定 ${r.topic}`, 'data-bind': r.id },
      h('option', { value: '' }, '选择网格或村（社区）…'),
      targets.map((a) => h('option', { value: a.code, selected: a.code === r.areaCode }, `${pathOf(a.code)}（${areaKindLabels[a.kind]}）`)))
    const save = h('button', { class: 'btn small primary', onclick: async () => {
      if (!pick.value) return ctx.toast('请先选择要绑定的网格', 'error')
      try {
        await ctx.api('PATCH', `/rooms/${r.id}`, { areaCode: pick.value })
        ctx.toast(`“${r.topic}”已绑定到 ${byCode.get(pick.value)?.name}`)
        ctx.go('#/registry?tab=rooms')
      } catch (e) { ctx.toast(e.message, 'error') }
    } }, r.areaCode ? '改绑' : '绑定')
    return h('tr', { 'data-room': r.topic },
      h('td', { 'data-label': '群' }, r.topic),
      h('td', { 'data-label': '绑定' }, r.areaCode ? pathOf(r.areaCode) : h('span', { class: 'tag red' }, '未绑定')),
      h('td', { 'data-label': '机器人' }, botName.get(r.botId) ?? '—'),
      h('td', { 'data-label': '最近消息' }, when(r.lastSeenAt)),
      h('td', { 'data-label': '操作' }, targets.length && (!r.areaCode || adminOver(r.areaCode)) ? h('div', { class: 'row' }, pick, save) : h('span', { class: 'muted' }, '仅本辖区管理员可绑定')))
  }
  const unbound = rooms.filter((r) => !r.areaCode)
  const table = (list) => stackTable(h, ['群', '绑定到', '机器人', '最近消息', '操作'], list.map(row))
  return h('div', null,
    h('div', { class: 'card' }, h('h2', null, `机器人所在但未绑定的群（${unbound.length}）`),
      h('p', { class: 'muted' }, '机器人被拉进新群后，群会出现在这里。绑定到网格后，群里的诉求按该网格派给网格员。也可以由管理员在群里说“@小微 绑定网格 <网格编码>”。'),
      unbound.length ? table(unbound) : h('p', { class: 'empty' }, '没有未绑定的群')),
    h('div', { class: 'card' }, h('h2', null, `已绑定的群（${rooms.length - unbound.length}）`), table(rooms.filter((r) => r.areaCode))))
}

function areasPane(ctx, areas, byCode, people) {
  const { h } = ctx
  const kids = (code) => areas.filter((a) => a.parentCode === code)
  const heads = (code) => people.filter((p) => p.roles.some((g) => g.areaCode === code && ['gridWorker', 'gridHead'].includes(g.role)))
    .map((p) => `${p.name}（${p.roles.filter((g) => g.areaCode === code).map((g) => roleLabels[g.role]).join('、')}）`)
  const node = (a) => h('li', null,
    h('span', { class: 'tag blue' }, areaKindLabels[a.kind]), ' ', h('b', null, a.name), ' ', h('code', { class: 'muted' }, a.code),
    a.kind === 'grid' ? h('span', { class: 'muted' }, '　', heads(a.code).join('，') || '未配网格员') : null,
    a.places.length && a.kind === 'grid' ? h('div', { class: 'muted small' }, `地名：${a.places.join('、')}`) : null,
    kids(a.code).length ? h('ul', null, kids(a.code).map(node)) : null)
  return h('div', { class: 'card' }, h('h2', null, '区域（县区 → 乡镇 → 村（社区）→ 网格）'), h('ul', { class: 'tree' }, areas.filter((a) => !a.parentCode).map(node)))
}

/**
 * People and their roles. An admin adds people, changes their name, phone, WeChat contact, roles (each role is held in
 * an area), active/inactive and passwords for people who serve only inside their own area; the server decides, and
 * its refusal is shown as is.
 */
function peoplePane(ctx, people, areas, byCode, pathOf, deptName, departments, adminOver, countyAdmin) {
  const { h } = ctx
  const search = h('input', { type: 'search', placeholder: '按姓名、角色或区域筛选', style: 'max-width:320px;width:100%' })
  const body = h('tbody')
  const roleText = (g) => `${byCode.get(g.areaCode)?.name ?? g.areaCode}${roleLabels[g.role]}${g.unit ? `（${deptName.get(g.unit) ?? moduleLabels[g.unit] ?? g.unit}）` : ''}`
  const mine = areas.filter((a) => adminOver(a.code))
  const canManage = (p) => (p.roles.length ? p.roles.every((g) => adminOver(g.areaCode)) : countyAdmin)
  const reload = () => ctx.go('#/registry?tab=people')
  const fail = (e) => ctx.toast(e.message, 'error')
  const field = (label, el) => h('label', { class: 'field' }, h('span', null, label), el)

  /** Role, area and (for module leads and department officers) unit: one grant. */
  const grantPicker = () => {
    const role = h('select', { name: 'role', 'aria-label': '角色' }, Object.entries(roleLabels).map(([v, l]) => h('option', { value: v }, l)))
    const area = h('select', { name: 'area', 'aria-label': '服务区域' }, mine.map((a) => h('option', { value: a.code }, `${pathOf(a.code)}（${areaKindLabels[a.kind]}）`)))
    const unit = h('select', { name: 'unit', 'aria-label': '所属模块或部门' }, h('option', { value: '' }, '无（仅模块分管领导、县区部门人员需选）'),
      h('optgroup', { label: '乡镇模块' }, Object.entries(moduleLabels).map(([v, l]) => h('option', { value: v }, l))),
      h('optgroup', { label: '县区部门' }, departments.map((d) => h('option', { value: d.code }, d.name))))
    return { el: h('div', { class: 'row' }, role, area, unit), value: () => ({ role: role.value, areaCode: area.value, unit: unit.value || null }) }
  }

  const editor = (p) => {
    let roles = p.roles.map((g) => ({ role: g.role, areaCode: g.areaCode, unit: g.unit ?? null }))
    const list = h('div', { class: 'row' })
    const drawRoles = () => list.replaceChildren(...(roles.length ? roles.map((g, i) => h('span', { class: 'tag' }, roleText(g), ' ',
      h('button', { type: 'button', class: 'btn small', 'aria-label': `移除 ${roleText(g)}`, onclick: () => { roles = roles.filter((_, j) => j !== i); drawRoles() } }, '×'))) : [h('span', { class: 'muted' }, '没有角色')]))
    drawRoles()
    const pick = grantPicker()
    const name = h('input', { name: 'name', value: p.name, required: true, maxlength: 60 })
    const phone = h('input', { name: 'phone', type: 'tel', value: p.phone ?? '' })
    const contactId = h('input', { name: 'contactId', value: p.contactId ?? '', placeholder: '如 wxid_xxx' })
    const active = h('input', { type: 'checkbox', name: 'active', checked: p.active })
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password', placeholder: '至少 8 位' })
    const save = async () => {
      try {
        await ctx.api('PATCH', `/people/${p.id}`, {
          name: name.value, phone: phone.value.trim() || null, contactId: contactId.value.trim() || null, roles, active: active.checked,
        })
        ctx.toast(`${name.value.trim() || p.name}的资料、角色和状态已保存`)
        reload()
      } catch (e) { fail(e) }
    }
    const setPassword = async () => {
      try {
        await ctx.api('PUT', `/people/${p.id}/password`, { password: password.value })
        password.value = ''
        ctx.toast(`${p.name}的密码已设置，原有登录已失效`)
      } catch (e) { fail(e) }
    }
    return h('tr', { class: 'person-edit', 'data-edit': p.id }, h('td', { colspan: 6 },
      h('div', { class: 'grid' }, field('姓名（也是登录名）', name), field('电话', phone), field('微信联系人 ID（清空即解除关联）', contactId)),
      h('div', { class: 'field' }, h('span', null, '角色（每个角色对应一个服务区域）'), list),
      h('div', { class: 'field' }, h('span', null, '增加角色'), h('div', { class: 'row' }, pick.el,
        h('button', { type: 'button', class: 'btn small', 'data-action': 'add-role', onclick: () => { roles = [...roles, pick.value()]; drawRoles() } }, '增加'))),
      h('label', { class: 'row' }, active, '在岗（取消即停用，停用后不能登录、不再派单）'),
      h('div', { class: 'row' }, h('button', { class: 'btn primary small', 'data-action': 'save-person', onclick: save }, '保存资料、角色和状态')),
      h('div', { class: 'field', style: 'margin-top:10px' }, h('span', null, '设置登录密码'),
        h('div', { class: 'row' }, password, h('button', { class: 'btn small', 'data-action': 'set-password', onclick: setPassword }, '设置密码')))))
  }

  const rows = people.map((p) => ({ p, text: `${p.name} ${p.id} ${p.roles.map(roleText).join(' ')}` }))
  let open = null
  const draw = () => body.replaceChildren(...rows.filter((r) => r.text.includes(search.value.trim())).flatMap(({ p }) => [h('tr', { 'data-person': p.id },
    h('td', { 'data-label': '姓名' }, p.name, p.active ? null : h('span', { class: 'tag' }, '已停用')),
    h('td', { 'data-label': '编号' }, h('code', null, p.id)),
    h('td', { 'data-label': '角色' }, p.roles.map((g) => h('span', { class: 'tag' }, roleText(g)))),
    h('td', { 'data-label': '电话' }, p.phone ?? '—'),
    h('td', { 'data-label': '微信' }, p.contactId ? '已关联' : '未关联'),
    h('td', { 'data-label': '操作' }, canManage(p)
      ? h('button', { class: 'btn small', 'data-action': 'edit-person', onclick: () => { open = open === p.id ? null : p.id; draw() } }, open === p.id ? '收起' : '管理')
      : null)),
  open === p.id ? editor(p) : null].filter(Boolean)))
  search.addEventListener('input', draw)
  draw()

  const addForm = () => {
    const name = h('input', { name: 'name', required: true, maxlength: 60 })
    const id = h('input', { name: 'id', placeholder: '不填则自动生成', pattern: '[A-Za-z0-9_-]{1,40}' })
    const contactId = h('input', { name: 'contactId', placeholder: '如 wxid_xxx，可稍后补' })
    const phone = h('input', { name: 'phone', type: 'tel' })
    const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', placeholder: '至少 8 位，可稍后设置' })
    const pick = grantPicker()
    const submit = async (ev) => {
      ev.preventDefault()
      const personId = id.value.trim() || `p-${Date.now().toString(36)}`
      try {
        await ctx.api('POST', '/people', { id: personId, name: name.value, contactId: contactId.value.trim() || null, phone: phone.value.trim() || null, roles: [pick.value()] })
      } catch (e) { return fail(e) }
      if (password.value) {
        try { await ctx.api('PUT', `/people/${personId}/password`, { password: password.value }) } catch (e) { return ctx.toast(`已添加${name.value}，但密码未设置：${e.message}`, 'error') }
      }
      ctx.toast(`已添加${name.value}${password.value ? '，并设置了登录密码' : ''}`)
      reload()
    }
    return h('form', { class: 'card', 'data-form': 'add-person', onsubmit: submit }, h('h2', null, '添加人员'),
      h('div', { class: 'grid' }, field('姓名', name), field('编号', id), field('微信联系人 ID', contactId), field('电话', phone), field('登录密码', password)),
      h('div', { class: 'field' }, h('span', null, '角色和服务区域（网格、村（社区）等）'), pick.el),
      h('button', { type: 'submit', class: 'btn primary' }, '添加'))
  }

  return h('div', null, mine.length ? addForm() : null,
    h('div', { class: 'card' }, h('h2', null, `人员（${people.length}）`), search,
      mine.length ? null : h('p', { class: 'muted' }, '只有管理员可以添加人员、修改角色和设置密码。'),
      h('table', { class: 'table stack' }, h('thead', null, h('tr', null, ['姓名', '编号', '角色', '电话', '微信', '操作'].map((x) => h('th', null, x)))), body)))
}

function routingPane(ctx, routing, departments, canEdit) {
  const { h } = ctx
  const villagePosts = ['villageSecretary', 'villageDiscipline', 'villagePublicity', 'villageSecurity', 'villageEnvironment', 'villageProperty', 'villageGridAffairs']
  const sel = (options, value) => h('select', { disabled: !canEdit }, options.map(([v, l]) => h('option', { value: v, selected: v === (value ?? '') }, l)))
  const row = (r) => {
    const post = sel(villagePosts.map((p) => [p, roleLabels[p]]), r.villagePost)
    const mod = sel([['', '社会治理室'], ...Object.entries(moduleLabels)], r.townshipModule)
    const dept = sel([['', '县社会治理中心'], ...departments.map((d) => [d.code, d.name])], r.countyDepartment)
    const std = sel([['true', '标准事项'], ['false', '非标准事项']], String(r.standard))
    const save = canEdit ? h('button', { class: 'btn small', onclick: async () => {
      try {
        await ctx.api('PUT', `/routing/${r.category}`, { villagePost: post.value, townshipModule: mod.value || null, countyDepartment: dept.value || null, standard: std.value === 'true' })
        ctx.toast(`“${categoryLabels[r.category]}”的分拨规则已保存`)
      } catch (e) { ctx.toast(e.message, 'error') }
    } }, '保存') : null
    return h('tr', null, h('td', { 'data-label': '分类' }, categoryLabels[r.category]), h('td', { 'data-label': '村级岗位' }, post), h('td', { 'data-label': '乡镇模块' }, mod),
      h('td', { 'data-label': '县区部门' }, dept), h('td', { 'data-label': '事项' }, std), h('td', null, save))
  }
  return h('div', { class: 'card' }, h('h2', null, '分拨规则：每类诉求在各层级由谁办'),
    canEdit ? null : h('p', { class: 'muted' }, '只有县区管理员可以修改分拨规则。'),
    h('div', { class: 'scroll-x' }, stackTable(h, ['分类', '村级岗位', '乡镇模块', '县区部门', '事项类型', ''], routing.map(row))))
}

function deadlinesPane(ctx, d, canEdit) {
  const { h } = ctx
  const num = (key, value, step = 1) => h('input', { type: 'number', name: key, value, step, min: 0, disabled: !canEdit, style: 'width:90px' })
  const fields = {
    acceptWorkingHours: num('acceptWorkingHours', d.acceptWorkingHours, 0.5),
    emergencyAcceptMinutes: num('emergencyAcceptMinutes', d.emergencyAcceptMinutes),
    emergencyResolveHours: num('emergencyResolveHours', d.emergencyResolveHours, 0.5),
    grid: num('grid', d.resolveDays.grid, 0.5), village: num('village', d.resolveDays.village, 0.5),
    township: num('township', d.resolveDays.township, 0.5), county: num('county', d.resolveDays.county, 0.5),
    townshipMaxDays: num('townshipMaxDays', d.townshipMaxDays), countyProgressDays: num('countyProgressDays', d.countyProgressDays),
    countyComplexDays: num('countyComplexDays', d.countyComplexDays),
  }
  const line = (label, el, unit) => h('tr', null, h('th', null, label), h('td', null, el, ' ', unit))
  const save = async () => {
    const v = (k) => Number(fields[k].value)
    try {
      await ctx.api('PUT', '/settings/deadlines', {
        ...d, acceptWorkingHours: v('acceptWorkingHours'), emergencyAcceptMinutes: v('emergencyAcceptMinutes'), emergencyResolveHours: v('emergencyResolveHours'),
        resolveDays: { grid: v('grid'), village: v('village'), township: v('township'), county: v('county') },
        townshipMaxDays: v('townshipMaxDays'), countyProgressDays: v('countyProgressDays'), countyComplexDays: v('countyComplexDays'),
      })
      ctx.toast('办理时限已保存，新工单按新时限计算')
    } catch (e) { ctx.toast(e.message, 'error') }
  }
  return h('div', { class: 'card' }, h('h2', null, '办理时限'),
    h('table', { class: 'table' }, h('tbody', null,
      line('一般诉求受理', fields.acceptWorkingHours, '个工作小时'), line('紧急诉求受理', fields.emergencyAcceptMinutes, '分钟'),
      line('紧急诉求办结', fields.emergencyResolveHours, '小时'), line('网格层级办结', fields.grid, '天'), line('村（社区）层级办结', fields.village, '天'),
      line('乡镇层级办结', fields.township, '天'), line('乡镇最长（含延期）', fields.townshipMaxDays, '天'), line('县区层级办结', fields.county, '天'),
      line('县区进展反馈', fields.countyProgressDays, '天'), line('县区复杂事项', fields.countyComplexDays, '天'),
      h('tr', null, h('th', null, '工作时间'), h('td', null, d.workHours.map((w) => w.join('–')).join('，'), '；每周', d.workDays.map((x) => '日一二三四五六'[x]).join('、'))))),
    canEdit ? h('button', { class: 'btn primary', onclick: save }, '保存时限') : h('p', { class: 'muted' }, '只有县区管理员可以修改办理时限。'))
}

const STYLE = `
.page-registry .tabs { margin-bottom: 12px; }
.page-registry .tree, .page-registry .tree ul { list-style: none; padding-left: 18px; margin: 4px 0; }
.page-registry .tree > li { padding-left: 0; }
.page-registry .tree li { margin: 4px 0; }
.page-registry .small { font-size: 12px; }
.page-registry td select { max-width: 100%; }
`
