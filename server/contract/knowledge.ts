import { z } from 'zod'
import { Region } from '../knowledge/passage.ts'
import { OnBehalfOf } from './tickets.ts'

export { Region, regionLabels } from '../knowledge/passage.ts'

/** Where an answer comes from: a passage (`xy-std-6.3.2.2.3`) or a FAQ entry (`faq-12`). */
export const KnowledgeSource = z.object({ id: z.string(), title: z.string(), clause: z.string().nullable() })
export type KnowledgeSource = z.infer<typeof KnowledgeSource>

/** A passage retrieved for a question: what an LLM may ground its answer in. */
export const Evidence = z.object({ id: z.string(), docTitle: z.string(), clause: z.string().nullable(), title: z.string(), text: z.string() })
export type Evidence = z.infer<typeof Evidence>

export const AskQuestion = z.object({ question: z.string().trim().min(1, '问题不能为空').max(500, '问题最多 500 字') })

/** The answer to a resident's question, or an honest "I don't know" (`abstained`, answer null). */
export const AskResult = z.object({
  answer: z.string().nullable(),
  sources: z.array(KnowledgeSource),
  abstained: z.boolean(),
  via: z.enum(['faq', 'documents', 'none']),
  /** BM25 of the best passage (documents) or the match of the FAQ question (faq), for the console and the logs. */
  score: z.number(),
  coverage: z.number(),
  engine: z.enum(['local', 'llm']),
  evidence: z.array(Evidence),
})
export type AskResult = z.infer<typeof AskResult>

const text = (label: string, min: number, max: number) => z.string().trim().min(min, `${label}至少 ${min} 个字`).max(max, `${label}最多 ${max} 个字`)

export const FaqEntry = z.object({
  id: z.number().int(), question: z.string(), answer: z.string(), source: z.string(),
  createdBy: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
})
export type FaqEntry = z.infer<typeof FaqEntry>
export const CreateFaq = z.object({ question: text('问题', 2, 200), answer: text('回答', 2, 250), source: text('来源', 2, 80) })
export type CreateFaq = z.infer<typeof CreateFaq>
export const UpdateFaq = CreateFaq.partial()

/** A question the bot could not answer and handed to a grid worker; their answer can go into the FAQ. */
export const OpenQuestion = z.object({
  id: z.number().int(), question: z.string(), wechatRoomId: z.string().nullable(), roomTopic: z.string().nullable(),
  contactId: z.string().nullable(), name: z.string(), askedAt: z.string(),
  answer: z.string().nullable(), answeredBy: z.string().nullable(), answeredAt: z.string().nullable(), faqId: z.number().int().nullable(),
})
export type OpenQuestion = z.infer<typeof OpenQuestion>
export const CreateOpenQuestion = z.object({
  question: text('问题', 1, 500), wechatRoomId: z.string().trim().min(1).max(200).nullable().default(null),
  roomTopic: z.string().trim().max(200).nullable().default(null), contactId: z.string().trim().min(1).max(200).nullable().default(null),
  name: z.string().trim().min(1).max(60).default('居民'),
})
export const AnswerOpenQuestion = z.object({
  answer: text('回答', 2, 250), onBehalfOf: OnBehalfOf.optional(),
})

export const KnowledgeDocument = z.object({ file: z.string(), docTitle: z.string(), region: Region, regionLabel: z.string(), passages: z.number().int() })
export const KnowledgeDocuments = z.object({ region: Region, regionLabel: z.string(), inForce: z.array(KnowledgeDocument), notInForce: z.array(KnowledgeDocument) })
