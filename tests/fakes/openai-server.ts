import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the fake does with the next chat completion: answer with arguments or content, fail, or hang. */
export type Behaviour =
  | { kind: 'tool'; args: unknown }
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'embed'; vectors: (text: string) => number[] }

export type Seen = { path: string; body: Record<string, any> }

/**
 * An OpenAI-compatible server on 127.0.0.1 for tests, speaking the real HTTP protocol to the real client
 * libraries: POST /v1/chat/completions (function calling or JSON content) and POST /v1/embeddings.
 */
export async function startFakeOpenAI() {
  let next: Behaviour | ((body: Record<string, any>) => Behaviour) = { kind: 'status', status: 500 }
  const seen: Seen[] = []
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let data = ''
    req.on('data', (c: Buffer) => { data += c.toString() })
    req.on('end', () => resolve(data))
  })
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await read(req)) || '{}') as Record<string, any>
    seen.push({ path: req.url ?? '', body })
    const b = typeof next === 'function' ? next(body) : next
    const json = (status: number, value: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)) }
    if (b.kind === 'hang') { setTimeout(() => json(200, {}), b.ms); return }
    if (b.kind === 'status') { json(b.status, { error: { message: 'fake failure', type: 'server_error' } }); return }
    if (req.url?.endsWith('/embeddings') && b.kind === 'embed') {
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input]
      json(200, { object: 'list', model: body.model, data: input.map((t, index) => ({ object: 'embedding', index, embedding: b.vectors(t) })), usage: { prompt_tokens: 1, total_tokens: 1 } })
      return
    }
    const message = b.kind === 'tool'
      ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: body.tools?.[0]?.function?.name ?? 'understanding', arguments: JSON.stringify(b.args) } }] }
      : { role: 'assistant', content: b.kind === 'content' ? b.content : '' }
    json(200, {
      id: 'chatcmpl-fake', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
      choices: [{ index: 0, message, finish_reason: b.kind === 'tool' ? 'tool_calls' : 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    seen,
    answer(b: Behaviour | ((body: Record<string, any>) => Behaviour)) { next = b },
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() }),
  }
}
export type FakeOpenAI = Awaited<ReturnType<typeof startFakeOpenAI>>
