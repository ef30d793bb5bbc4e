import type { ErrorRequestHandler } from 'express'
import { ZodError } from 'zod'
import type { Logger } from '../log.ts'

/** The one error class: an HTTP status, a machine-readable code, a Chinese message, the field at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message)
  }
}

export const notFound = (what: string, field: string | null = null) => new HttpError(404, 'not_found', `${what}不存在`, field)
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message)

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.') || '(body)'

/** Last middleware of the app: ZodError → 400 with fields, HttpError → its status, the rest → 500 and a log line. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }))
      const first = issues[0]
      res.status(400).json({ error: { code: 'invalid_input', message: `输入有误：${first?.field} ${first?.message}`, field: first?.field ?? null, issues } })
      return
    }
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, field: err.field } })
      return
    }
    // body-parser marks its own failures with a type and a status.
    const type = (err as { type?: string }).type
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'malformed_json', message: '请求体不是合法的 JSON', field: '(body)' } })
      return
    }
    if (type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'payload_too_large', message: '请求体过大', field: '(body)' } })
      return
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      res.status(415).json({ error: { code: 'unsupported_media_type', message: '不支持的编码', field: '(body)' } })
      return
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'request failed')
    res.status(500).json({ error: { code: 'internal', message: '服务器内部错误，请稍后再试', field: null } })
  }
}
