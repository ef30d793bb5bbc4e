import { Router, type Request } from 'express'
import { AnswerOpenQuestion, AskQuestion, type AskResult, CreateFaq, CreateOpenQuestion, UpdateFaq } from '../contract/index.ts'
import { callerOf, type Caller } from '../auth/actor.ts'
import { HttpError, notFound } from '../http/errors.ts'
import type { People } from '../registry/people.ts'
import type { Knowledge } from './answer.ts'
import type { Faq } from './faq.ts'
import { documents, regionLabels, regionsInForce, type Region } from './passage.ts'

type Deps = { knowledge: () => Knowledge; ask: (question: string) => Promise<AskResult>; faq: Faq; people: People; clock: () => Date; region: Region }

const nameOf = (c: Caller) => (c.kind === 'person' ? c.person.name : c.kind === 'bot' ? c.bot.name : c.kind === 'admin' ? '系统管理员' : '12345热线')
const idOf = (req: Request) => {
  const id = Number(req.params.id)
  if (!Number.isInteger(id) || id < 1) throw new HttpError(400, 'invalid_input', '编号须为正整数', 'id')
  return id
}

/** Policy questions, the FAQ (admins edit it; it comes before the documents) and the questions handed to grid workers. */
export function knowledgeRoutes(k: Deps): Router {
  const r = Router()
  const now = () => k.clock().toISOString()
  const requireFaqEditor = (req: Request) => {
    const c = callerOf(req)
    if (c.kind === 'admin' || (c.kind === 'person' && c.person.roles.some((g) => g.role === 'admin'))) return c
    throw new HttpError(403, 'forbidden', '只有管理员可以修改问答库', null)
  }
  const requireNotHotline = (req: Request) => {
    if (callerOf(req).kind === 'hotline') throw new HttpError(403, 'forbidden', '热线接口账号不能使用知识库', null)
  }

  r.post('/knowledge/ask', async (req, res) => {
    requireNotHotline(req)
    const { question } = AskQuestion.parse(req.body)
    res.json(await k.ask(question))
  })

  r.get('/knowledge/documents', (req, res) => {
    requireNotHotline(req)
    const inForce = regionsInForce[k.region]
    const passages = k.knowledge().passages
    const all = documents.map((d) => ({
      file: d.file, docTitle: d.docTitle, region: d.region, regionLabel: regionLabels[d.region], passages: passages.filter((p) => p.doc === d.file).length,
    }))
    res.json({ region: k.region, regionLabel: regionLabels[k.region], inForce: all.filter((d) => inForce.includes(d.region)), notInForce: all.filter((d) => !inForce.includes(d.region)) })
  })

  r.get('/knowledge/faq', (req, res) => { requireNotHotline(req); res.json({ items: k.faq.list() }) })
  r.post('/knowledge/faq', (req, res) => {
    const body = CreateFaq.parse(req.body)
    const c = requireFaqEditor(req)
    res.status(201).json(k.faq.create(body, nameOf(c), now()))
  })
  r.patch('/knowledge/faq/:id', (req, res) => {
    const id = idOf(req)
    const patch = UpdateFaq.parse(req.body)
    requireFaqEditor(req)
    const updated = k.faq.update(id, patch, now())
    if (!updated) throw notFound(`问答 ${id}`, 'id')
    res.json(updated)
  })
  r.delete('/knowledge/faq/:id', (req, res) => {
    const id = idOf(req)
    requireFaqEditor(req)
    if (!k.faq.remove(id)) throw notFound(`问答 ${id}`, 'id')
    res.status(204).end()
  })

  r.get('/knowledge/questions', (req, res) => { requireNotHotline(req); res.json({ items: k.faq.questions() }) })
  r.post('/knowledge/questions', (req, res) => {
    const c = callerOf(req)
    if (c.kind !== 'bot' && c.kind !== 'admin') throw new HttpError(403, 'forbidden', '只有机器人账号可以登记转交的咨询', null)
    const body = CreateOpenQuestion.parse(req.body)
    res.status(201).json(k.faq.ask(body, now()))
  })
  r.post('/knowledge/questions/:id/answer', (req, res) => {
    const id = idOf(req)
    const body = AnswerOpenQuestion.parse(req.body)
    const c = callerOf(req)
    let by: string
    if (body.onBehalfOf) {
      if (c.kind !== 'bot') throw new HttpError(403, 'forbidden', '只有机器人账号可以代他人操作', 'onBehalfOf')
      const person = k.people.byContactId(body.onBehalfOf.contactId)
      if (!person?.active) throw new HttpError(403, 'forbidden', '只有登记的工作人员可以答复咨询', 'onBehalfOf')
      by = person.name
    } else if (c.kind === 'person' || c.kind === 'admin') by = nameOf(c)
    else throw new HttpError(403, 'forbidden', '只有工作人员可以答复咨询', null)
    const q = k.faq.question(id)
    if (!q) throw notFound(`咨询 Q${id}`, 'id')
    if (q.answeredAt) throw new HttpError(409, 'already_answered', `咨询 Q${id} 已由${q.answeredBy}答复`, 'id')
    res.json(k.faq.answer(id, body.answer, by, `${by}答复（${now().slice(0, 10)}）`, now()))
  })
  return r
}
