import { Pool } from 'undici'
import { z } from 'zod'
import {
  ApiError, Area, AskResult, Bot, OpenQuestion, CreateTicketResult, OutboxBatch, PersonRecord, Room, TicketDetail, TicketPage, TicketResult,
  type ActionName, type CreateTicket,
} from '../../server/contract/index.ts'

/** A refusal from the server (4xx): an expected outcome, returned as a value. */
export type Refusal = { ok: false; status: number; code: string; message: string; field: string | null }
export type Result<T> = ({ ok: true } & T) | Refusal

/** The server did not answer, or failed (network, 5xx): the caller retries later. */
export class ServerUnavailable extends Error {
  override name = 'ServerUnavailable'
}

/**
 * The bot's HTTP client to the ticket service. It parses every answer with the same zod schema the server
 * used, so a contract drift fails loudly here rather than somewhere in a reply.
 */
export function createServerClient(baseUrl: string, token: string, timeoutMs = 10_000) {
  // undici's own request API on a keep-alive pool: a fraction of fetch's cost per call, which matters at
  // hundreds of messages a second.
  const url = new URL(baseUrl)
  const pool = new Pool(url.origin, { connections: 16, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  const prefix = url.pathname.replace(/\/$/, '')
  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, raw?: { mime: string; data: Buffer }): Promise<Result<{ value: z.infer<S> }>> {
    let status: number
    let json: unknown
    try {
      const res = await pool.request({
        path: prefix + path,
        method: method as 'GET' | 'POST',
        headers: { authorization: `Bearer ${token}`, ...(raw ? { 'content-type': raw.mime } : body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: raw ? raw.data : body !== undefined ? JSON.stringify(body) : undefined,
      })
      status = res.statusCode
      json = await res.body.json().catch(() => null)
    } catch (err) {
      throw new ServerUnavailable(`${method} ${path}: ${(err as Error).message}`, { cause: err })
    }
    if (status >= 500) throw new ServerUnavailable(`${method} ${path}: HTTP ${status}`)
    if (status >= 400) {
      const e = ApiError.safeParse(json)
      if (!e.success) throw new ServerUnavailable(`${method} ${path}: HTTP ${status} without an error body`)
      return { ok: false, status, code: e.data.error.code, message: e.data.error.message, field: e.data.error.field }
    }
    return { ok: true, value: schema.parse(json) }
  }
  const q = (params: Record<string, string | number | undefined>) =>
    new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)])).toString()

  return {
    createTicket: (body: z.input<typeof CreateTicket>) => call('POST', '/api/tickets', CreateTicketResult, body),
    act: (ref: string, action: ActionName, body: Record<string, unknown>) => call('POST', `/api/tickets/${encodeURIComponent(ref)}/${action}`, TicketResult, body),
    ticket: (ref: string) => call('GET', `/api/tickets/${encodeURIComponent(ref)}`, TicketDetail),
    tickets: (params: Record<string, string | number | undefined>) => call('GET', `/api/tickets?${q(params)}`, TicketPage),
    attach: (ref: string, mime: string, data: Buffer) => call('POST', `/api/tickets/${encodeURIComponent(ref)}/attachments`, z.object({ id: z.number() }), undefined, { mime, data }),
    resolveRoom: (wechatRoomId: string, topic: string) => call('POST', '/api/rooms/resolve', Room, { wechatRoomId, topic }),
    bindRoom: (body: { wechatRoomId: string; topic: string; areaCode: string; onBehalfOf: { contactId: string } }) => call('POST', '/api/rooms/bind', Room, body),
    people: () => call('GET', '/api/people', z.object({ people: z.array(PersonRecord) })),
    rooms: () => call('GET', '/api/rooms', z.object({ rooms: z.array(Room) })),
    areas: () => call('GET', '/api/areas', z.object({ areas: z.array(Area) })),
    feedback: (body: { kind: 'thanks' | 'suggestion'; text: string; contactId: string; name: string; wechatRoomId: string | null }) =>
      call('POST', '/api/feedback', z.object({ id: z.number() }), body),
    outbox: (limit: number, leaseSeconds: number) => call('GET', `/api/outbox?${q({ limit, leaseSeconds })}`, OutboxBatch),
    ack: (ids: number[]) => call('POST', '/api/outbox/ack', z.object({ acked: z.number() }), { ids }),
    heartbeat: (body: { loggedIn: boolean; error: string | null; contactId?: string }) => call('POST', '/api/bots/heartbeat', Bot, body),
    ask: (question: string) => call('POST', '/api/knowledge/ask', AskResult, { question }),
    handOffQuestion: (body: { question: string; wechatRoomId: string | null; roomTopic: string | null; contactId: string; name: string }) =>
      call('POST', '/api/knowledge/questions', OpenQuestion, body),
    answerQuestion: (id: number, body: { answer: string; onBehalfOf: { contactId: string } }) => call('POST', `/api/knowledge/questions/${id}/answer`, OpenQuestion, body),
    close: () => pool.close(),
  }
}
export type ServerClient = ReturnType<typeof createServerClient>
