import { when, whenFull } from '../util.js'

const MINUTE = 60_000

export default {
  title: '机器人状态',
  async render(root, ctx) {
    const { h } = ctx
    const { bots, now } = await ctx.api('GET', '/bots/health')
    const ago = (iso) => (iso ? Math.round((new Date(now).getTime() - new Date(iso).getTime()) / MINUTE) : null)
    const card = (b) => {
      const silent = ago(b.lastSeenAt)
      const healthy = b.loggedIn && silent !== null && silent <= 5 && !b.lastError
      const stale = ago(b.oldestPendingAt)
      return h('div', { class: 'card bot', 'data-bot': b.id },
        h('div', { class: 'row' }, h('h2', { style: 'margin:0' }, b.name), h('span', { class: `tag ${healthy ? 'green' : 'red'}` }, healthy ? '正常' : '需要关注')),
        h('table', { class: 'table' }, h('tbody', null,
          h('tr', null, h('th', null, '微信登录'), h('td', null, b.loggedIn ? h('span', { class: 'tag green' }, '已登录') : h('span', { class: 'tag red' }, '未登录'))),
          h('tr', null, h('th', null, '最近联系'), h('td', null, b.lastSeenAt ? `${whenFull(b.lastSeenAt)}（${silent} 分钟前）` : '从未联系')),
          h('tr', null, h('th', null, '待发消息'), h('td', null, `${b.backlog} 条`, b.backlog ? h('span', { class: 'muted' }, `，最早一条 ${when(b.oldestPendingAt)}（等了 ${stale} 分钟）`) : null)),
          h('tr', null, h('th', null, '重试中'), h('td', null, `${b.retrying} 条`)),
          h('tr', null, h('th', null, '最近送达'), h('td', null, whenFull(b.lastDeliveredAt))),
          h('tr', null, h('th', null, '所在的群'), h('td', null, `${b.rooms} 个`, b.unboundRooms ? h('a', { href: '#/registry?tab=rooms' }, `（${b.unboundRooms} 个未绑定）`) : null)),
          h('tr', null, h('th', null, '最近错误'), h('td', { class: b.lastError ? 'error' : 'muted' }, b.lastError ?? '无')))))
    }
    root.append(h('div', { class: 'page-title' }, h('h1', null, '机器人状态'), h('button', { class: 'btn', onclick: () => ctx.go('#/bots') }, '刷新')),
      h('p', { class: 'muted' }, '每个机器人微信号定时向服务器报到；服务器要说的话先进待发队列，机器人取走并发出后才算送达。'),
      bots.length ? h('div', { class: 'grid' }, bots.map(card)) : h('div', { class: 'card empty' }, '还没有机器人账号'))
  },
}
