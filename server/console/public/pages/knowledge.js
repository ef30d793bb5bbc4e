import { stackTable } from '../util.js'

// 知识库: try a question (answer, source, score), the FAQ (admins add, edit, delete; it comes before the documents),
// the questions handed to grid workers, and the policy documents in force in this deployment's region.

const STYLE = `
.kb-page .kb-answer { white-space: pre-wrap; margin: .5rem 0; }
.kb-page textarea { width: 100%; min-height: 4rem; box-sizing: border-box; }
.kb-page input[type=text] { width: 100%; box-sizing: border-box; }
.kb-page .kb-form { display: grid; gap: .5rem; }
.kb-page td.kb-text { white-space: pre-wrap; max-width: 28rem; }
`

export default {
  title: '知识库',
  async render(root, ctx) {
    const { h } = ctx
    const [docs, { items: faq }, { items: questions }] = await Promise.all(
      ['/knowledge/documents', '/knowledge/faq', '/knowledge/questions'].map((p) => ctx.api('GET', p)))
    const editor = Boolean(ctx.user.isAdmin) || (ctx.user.grants ?? []).some((g) => g.role === 'admin')
    const reload = () => { root.replaceChildren(); return this.render(root, ctx) }
    root.append(h('style', null, STYLE), h('div', { class: 'kb-page' },
      h('div', { class: 'page-title' }, h('h1', null, '知识库')),
      tryBox(ctx), faqCard(ctx, faq, editor, reload), questionsCard(ctx, questions), docsCard(ctx, docs)))
  },
}

function tryBox(ctx) {
  const { h } = ctx
  const input = h('input', { type: 'text', name: 'question', placeholder: '像居民那样问，例如：饺子宴谁能参加？', 'aria-label': '试问一个问题' })
  const out = h('div', { 'data-test': 'kb-result' })
  const ask = async (e) => {
    e.preventDefault()
    if (!input.value.trim()) return ctx.toast('请输入问题', 'error')
    try {
      const r = await ctx.api('POST', '/knowledge/ask', { question: input.value })
      out.replaceChildren(r.abstained
        ? h('p', null, h('span', { class: 'tag red' }, '不回答'), ' 证据不足，机器人会转给网格员。')
        : h('div', null,
          h('p', null, h('span', { class: 'tag' }, r.via === 'faq' ? '来自问答库' : '来自文件'), ' ', h('span', { class: 'muted' }, `得分 ${r.score.toFixed(2)} · 覆盖 ${Math.round(r.coverage * 100)}%`)),
          h('div', { class: 'kb-answer', 'data-test': 'kb-answer' }, r.answer),
          h('p', { class: 'muted' }, `出处：${r.sources.map((s) => `${s.id}${s.clause ? `（${s.clause}）` : ''} ${s.title}`).join('；')}`)))
    } catch (err) { ctx.toast(err.message, 'error') }
  }
  return h('form', { class: 'card', onsubmit: ask }, h('h2', null, '试一试'), h('div', { class: 'row' }, input, h('button', { class: 'btn primary', type: 'submit' }, '提问')), out)
}

function faqForm(ctx, entry, done) {
  const { h } = ctx
  const q = h('input', { type: 'text', name: 'faq-question', value: entry?.question ?? '', placeholder: '问题，例如：饺子宴在哪里办？' })
  const a = h('textarea', { name: 'faq-answer', placeholder: '回答（最多 250 字）' }, entry?.answer ?? '')
  const s = h('input', { type: 'text', name: 'faq-source', value: entry?.source ?? '', placeholder: '来源，例如：《党建引领基层治理工作规范》6.3.2.2 或 村委会通知' })
  const save = async (e) => {
    e.preventDefault()
    const body = { question: q.value, answer: a.value, source: s.value }
    try {
      if (entry) await ctx.api('PATCH', `/knowledge/faq/${entry.id}`, body)
      else await ctx.api('POST', '/knowledge/faq', body)
      ctx.toast(entry ? '已修改' : '已加入问答库')
      await done()
    } catch (err) { ctx.toast(err.message, 'error') }
  }
  return h('form', { class: 'kb-form', onsubmit: save }, q, a, s, h('div', { class: 'row' }, h('button', { class: 'btn primary', type: 'submit' }, entry ? '保存修改' : '加入问答库')))
}

function faqCard(ctx, faq, editor, reload) {
  const { h } = ctx
  const slot = h('div')
  const rows = faq.map((f) => h('tr', { 'data-faq': f.id },
    h('td', { 'data-label': '问题' }, f.question), h('td', { class: 'kb-text', 'data-label': '回答' }, f.answer),
    h('td', { 'data-label': '来源' }, f.source), h('td', { 'data-label': '添加' }, f.createdBy ?? '—'),
    h('td', { 'data-label': '操作' }, editor ? h('div', { class: 'row' },
      h('button', { class: 'btn small', onclick: () => slot.replaceChildren(faqForm(ctx, f, reload)) }, '修改'),
      h('button', { class: 'btn small danger', onclick: async () => {
        if (!confirm(`删除“${f.question}”？`)) return
        try { await ctx.api('DELETE', `/knowledge/faq/${f.id}`); ctx.toast('已删除'); await reload() } catch (err) { ctx.toast(err.message, 'error') }
      } }, '删除')) : '—')))
  return h('div', { class: 'card' }, h('h2', null, `问答库（${faq.length}）`),
    h('p', { class: 'muted' }, '问答库优先于文件：居民的问题和某条问答足够相近时，机器人直接用这条回答。'),
    faq.length ? stackTable(h, ['问题', '回答', '来源', '添加', '操作'], rows) : h('p', { class: 'muted' }, '还没有问答。'),
    editor ? h('div', null, h('h3', null, '新增 / 修改'), slot) : h('p', { class: 'muted' }, '只有管理员可以修改问答库。'),
    editor ? (slot.replaceChildren(faqForm(ctx, null, reload)), null) : null)
}

function questionsCard(ctx, questions) {
  const { h } = ctx
  return h('div', { class: 'card' }, h('h2', null, '转给网格员的咨询'),
    h('p', { class: 'muted' }, '机器人答不了的问题转给网格员；网格员私聊回复“入库 Q编号 回答”，答复会发到群里并存入问答库。'),
    questions.length ? stackTable(h, ['编号', '群', '居民', '问题', '答复'], questions.slice(0, 30).map((q) => h('tr', null,
      h('td', { 'data-label': '编号' }, `Q${q.id}`), h('td', { 'data-label': '群' }, q.roomTopic ?? '—'), h('td', { 'data-label': '居民' }, q.name),
      h('td', { 'data-label': '问题' }, q.question),
      h('td', { 'data-label': '答复' }, q.answer ? `${q.answeredBy}：${q.answer}` : h('span', { class: 'tag red' }, '待答复')))))
      : h('p', { class: 'muted' }, '暂无。'))
}

function docsCard(ctx, docs) {
  const { h } = ctx
  const list = (items) => h('ul', null, items.map((d) => h('li', null, `${d.docTitle}（${d.regionLabel}${d.passages ? `，${d.passages} 条` : ''}）`)))
  return h('div', { class: 'card' }, h('h2', null, `本地适用的政策文件（${docs.regionLabel}）`), list(docs.inForce),
    docs.notInForce.length ? h('div', null, h('p', { class: 'muted' }, '以下文件不适用于本地，机器人不会据此回答：'), list(docs.notInForce)) : null)
}
