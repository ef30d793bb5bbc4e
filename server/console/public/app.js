// The console shell: login, navigation, hash router and the helpers every page receives as ctx.
const app = document.getElementById('app')
const toasts = document.getElementById('toasts')

const NAV = [
  ['tickets', '工单'],
  ['dashboard', '数据看板'],
  ['registry', '网格与人员'],
  ['knowledge', '知识库'],
  ['notices', '通知'],
  ['bots', '机器人状态'],
]
// Pages reached from another page, not from the menu: they light up their parent's menu entry.
const PARENT = { ticket: 'tickets' }

let session = null // { user, csrfToken }

/** Tiny element builder: h('a', { href, onclick, class, style }, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v)
    else if (k === 'class') el.className = v
    else if (k === 'style') el.style.cssText = v
    else if (k === 'value' && 'value' in el) el.value = v
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = Boolean(v)
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  const add = (c) => {
    if (c === null || c === undefined || c === false) return
    if (Array.isArray(c)) c.forEach(add)
    else el.append(c instanceof Node ? c : String(c))
  }
  children.forEach(add)
  return el
}

function toast(message, kind = 'ok') {
  const el = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message)
  toasts.append(el)
  setTimeout(() => el.remove(), kind === 'error' ? 6000 : 3000)
}

async function request(method, url, body) {
  const headers = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let data = null
  try { data = text ? JSON.parse(text) : null } catch { data = null }
  if (!res.ok) {
    const e = data?.error ?? {}
    const err = new Error(e.message ?? `请求失败（${res.status}）`)
    Object.assign(err, { status: res.status, code: e.code ?? 'http_error', field: e.field ?? null })
    if (res.status === 401 && url.startsWith('/api/')) { session = null; showLogin('登录已过期，请重新登录') }
    throw err
  }
  return data
}

async function download(path, filename) {
  const res = await fetch('/api' + path, { credentials: 'same-origin' })
  if (!res.ok) {
    let message = `下载失败（${res.status}）`
    try { message = (await res.json()).error.message } catch { /* not JSON */ }
    toast(message, 'error')
    return
  }
  const url = URL.createObjectURL(await res.blob())
  const a = h('a', { href: url, download: filename })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

const ctx = {
  api: (method, path, body) => request(method, '/api' + path, body),
  h, toast, download,
  go: (hash) => { if (location.hash === hash) route(); else location.hash = hash },
  get user() { return session?.user ?? null },
}

function showLogin(message = '') {
  const name = h('input', { name: 'name', id: 'login-name', autocomplete: 'username', placeholder: '如：文佳', required: true })
  const password = h('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true })
  const error = h('p', { class: 'error', role: 'alert' }, message)
  const submit = h('button', { class: 'btn primary', type: 'submit' }, '登录')
  const form = h('form', { onsubmit: async (ev) => {
    ev.preventDefault()
    submit.disabled = true
    error.textContent = ''
    try {
      session = await request('POST', '/console/login', { name: name.value.trim(), password: password.value })
      if (!location.hash || location.hash === '#/' || location.hash === '#/login') location.hash = '#/tickets'
      renderShell()
    } catch (err) {
      error.textContent = err.message
      password.value = ''
      password.focus()
    } finally {
      submit.disabled = false
    }
  } },
  h('h1', null, '智能网格员 · 管理后台'),
  h('p', { class: 'sub' }, '网格员、村（社区）、乡镇、县区工作人员和管理员登录'),
  h('label', { class: 'field' }, h('span', null, '姓名（或人员编号）'), name),
  h('label', { class: 'field' }, h('span', null, '密码'), password),
  submit, error,
  h('p', { class: 'hint' }, '演示环境：每位演示人员的密码都是 demo1234，如社区管理员“文佳”、网格员“王强”。'))
  app.replaceChildren(h('div', { class: 'login' }, form))
  name.focus()
}

function renderShell() {
  const u = session.user
  const roles = [...new Set(u.grants.map((g) => `${g.areaName}${g.roleLabel}`))].join('、')
  const nav = h('nav', { 'aria-label': '主菜单' }, NAV.map(([name, label]) => h('a', { href: `#/${name}`, 'data-nav': name }, label)))
  const logout = h('button', { class: 'btn small', onclick: async () => {
    try { await request('POST', '/console/logout') } catch { /* the session may be gone already */ }
    session = null
    showLogin('已退出登录')
  } }, '退出登录')
  const side = h('aside', { class: 'side' },
    h('div', { class: 'brand' }, '智能网格员', h('small', null, '微服务 · 管理后台')),
    nav,
    h('div', { class: 'me' }, h('b', null, u.name), h('div', null, roles || '（未分配角色）'), logout))
  const shell = h('div', { class: 'shell' })
  const menu = h('button', { class: 'btn small', 'aria-label': '菜单', onclick: () => shell.classList.toggle('menu-open') }, '☰ 菜单')
  const topTitle = h('span', { class: 'title' }, '管理后台')
  const main = h('main', { class: 'main', id: 'page' })
  side.addEventListener('click', (ev) => { if (ev.target.closest('a')) shell.classList.remove('menu-open') })
  shell.append(side, h('div', null, h('header', { class: 'topbar' }, menu, topTitle, h('span', null, u.name)), main))
  app.replaceChildren(shell)
  route()
}

let renderSeq = 0
async function route() {
  if (!session) return
  const main = document.getElementById('page')
  if (!main) return
  // '#/name/param?query': the query belongs to the page (filters), the path picks it.
  const parts = (location.hash.replace(/^#\/?/, '').split('?')[0] || 'tickets').split('/').map(decodeURIComponent)
  const [name, ...params] = parts
  if (!/^[a-z]+$/.test(name)) { location.hash = '#/tickets'; return }
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === (PARENT[name] ?? name))
  const seq = ++renderSeq
  // Each render gets the route's query as it was when the route was taken, and may rewrite the address only while
  // it is still the page on screen and the address is still its own: a page left mid-load, or one whose address was
  // changed by a link whose hashchange has not come yet, must not pull the address back to itself.
  let own = location.hash
  const pageCtx = Object.create(ctx, {
    query: { value: new URLSearchParams(location.hash.split('?')[1] ?? '') },
    replaceHash: { value: (hash) => {
      if (seq !== renderSeq || location.hash !== own || location.hash === hash) return
      history.replaceState(null, '', hash)
      own = location.hash
    } },
  })
  const root = h('div', { class: `page page-${name}` })
  main.replaceChildren(root)
  let page
  try {
    page = (await import(`./pages/${name}.js`)).default
  } catch {
    if (seq === renderSeq) root.replaceChildren(h('div', { class: 'card empty' }, '这个页面还没有上线。'))
    return
  }
  if (seq !== renderSeq) return
  document.title = `${page.title} · 管理后台`
  const top = document.querySelector('.topbar .title')
  if (top) top.textContent = page.title
  try {
    await page.render(root, pageCtx, params)
  } catch (err) {
    if (seq !== renderSeq || err.status === 401) return
    root.append(h('div', { class: 'card error', role: 'alert' }, `页面加载失败：${err.message}`))
  }
}

window.addEventListener('hashchange', () => route())

async function start() {
  try {
    session = await request('GET', '/console/session')
    renderShell()
  } catch {
    showLogin()
  }
}
start()
