import type { Db } from '../db/open.ts'
import type { CreateFaq, FaqEntry, OpenQuestion } from '../contract/index.ts'

type FaqRow = { id: number; question: string; answer: string; source: string; created_by: string | null; created_at: string; updated_at: string }
const toFaq = (r: FaqRow): FaqEntry => ({
  id: r.id, question: r.question, answer: r.answer, source: r.source, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
})
type QuestionRow = {
  id: number; question: string; wechat_room_id: string | null; room_topic: string | null; contact_id: string | null; name: string
  asked_at: string; answer: string | null; answered_by: string | null; answered_at: string | null; faq_id: number | null
}
const toQuestion = (r: QuestionRow): OpenQuestion => ({
  id: r.id, question: r.question, wechatRoomId: r.wechat_room_id, roomTopic: r.room_topic, contactId: r.contact_id, name: r.name,
  askedAt: r.asked_at, answer: r.answer, answeredBy: r.answered_by, answeredAt: r.answered_at, faqId: r.faq_id,
})

/** The FAQ and the handed-off questions, in SQLite. The FAQ is small and read on every question: kept in memory. */
export function createFaq(db: Db) {
  const all = db.prepare<[], FaqRow>('SELECT * FROM faq ORDER BY id')
  const one = db.prepare<[number], FaqRow>('SELECT * FROM faq WHERE id = ?')
  const insert = db.prepare('INSERT INTO faq (question, answer, source, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE faq SET question = ?, answer = ?, source = ?, updated_at = ? WHERE id = ?')
  const remove = db.prepare('DELETE FROM faq WHERE id = ?')
  const qInsert = db.prepare('INSERT INTO knowledge_questions (question, wechat_room_id, room_topic, contact_id, name, asked_at) VALUES (?, ?, ?, ?, ?, ?)')
  const qOne = db.prepare<[number], QuestionRow>('SELECT * FROM knowledge_questions WHERE id = ?')
  const qList = db.prepare<[number], QuestionRow>('SELECT * FROM knowledge_questions ORDER BY answered_at IS NOT NULL, id DESC LIMIT ?')
  const qAnswer = db.prepare('UPDATE knowledge_questions SET answer = ?, answered_by = ?, answered_at = ?, faq_id = ? WHERE id = ?')
  let cache: FaqEntry[] | null = null

  const faq = {
    list: (): FaqEntry[] => (cache ??= all.all().map(toFaq)),
    get: (id: number): FaqEntry | null => { const r = one.get(id); return r ? toFaq(r) : null },
    create(e: CreateFaq, by: string | null, at: string): FaqEntry {
      const id = Number(insert.run(e.question, e.answer, e.source, by, at, at).lastInsertRowid)
      cache = null
      return faq.get(id)!
    },
    update(id: number, patch: Partial<CreateFaq>, at: string): FaqEntry | null {
      const current = faq.get(id)
      if (!current) return null
      update.run(patch.question ?? current.question, patch.answer ?? current.answer, patch.source ?? current.source, at, id)
      cache = null
      return faq.get(id)
    },
    remove(id: number): boolean {
      cache = null
      return remove.run(id).changes > 0
    },
    ask(q: Omit<OpenQuestion, 'id' | 'askedAt' | 'answer' | 'answeredBy' | 'answeredAt' | 'faqId'>, at: string): OpenQuestion {
      const id = Number(qInsert.run(q.question, q.wechatRoomId, q.roomTopic, q.contactId, q.name, at).lastInsertRowid)
      return toQuestion(qOne.get(id)!)
    },
    question: (id: number): OpenQuestion | null => { const r = qOne.get(id); return r ? toQuestion(r) : null },
    questions: (limit = 100): OpenQuestion[] => qList.all(limit).map(toQuestion),
    /** The grid worker's answer: kept with the question and added to the FAQ, in one transaction. */
    answer: db.transaction((id: number, answer: string, by: string, source: string, at: string): OpenQuestion => {
      const q = toQuestion(qOne.get(id)!)
      const entry = faq.create({ question: q.question, answer, source }, by, at)
      qAnswer.run(answer, by, at, entry.id, id)
      return toQuestion(qOne.get(id)!)
    }),
  }
  return faq
}
export type Faq = ReturnType<typeof createFaq>
