import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appeal, T } from '../helpers/server.ts'
import { startServerProcess, type ServerProcess } from '../helpers/process.ts'

const dir = mkdtempSync(join(tmpdir(), 'wf-durable-'))
const env = { DATA_DIR: dir, ADMIN_TOKEN: 'durability-admin-token', SEED: 'demo', DEMO_HISTORY: 'off' }
let server: ServerProcess | null = null
afterAll(async () => {
  await server?.stop('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(server!.url + path, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: await res.json() }
}

describe('a real server process', () => {
  it('lets exactly one of two concurrent accepts win; the other gets a conflict', async () => {
    server = await startServerProcess(env)
    const t = (await call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    const [a, b] = await Promise.all([
      call(T.wangqiang, 'POST', `/api/tickets/${t.id}/accept`, {}),
      call(T.wangxiulan, 'POST', `/api/tickets/${t.id}/accept`, {}),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const events = (await call(T.admin, 'GET', `/api/tickets/${t.id}`)).body.events
    expect(events.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1)
  })

  it('loses nothing when killed between steps, and numbers on without gaps or repeats', async () => {
    const body = appeal({ text: '五组的机井坏了，浇不了地' })
    const first = (await call(T.bot, 'POST', '/api/tickets', body)).body.ticket
    await call(T.wangqiang, 'POST', `/api/tickets/${first.id}/accept`, {})

    // A crash, not a clean stop: no chance to flush anything.
    expect(await server!.stop('SIGKILL')).toBeNull()
    server = await startServerProcess(env)

    const after = (await call(T.admin, 'GET', `/api/tickets/${first.id}`)).body
    expect(after).toMatchObject({ status: 'accepted', no: first.no })
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(['create', 'accept'])
    // The retried create after the crash is the same ticket.
    const retried = await call(T.bot, 'POST', '/api/tickets', body)
    expect(retried).toMatchObject({ status: 200, body: { created: false, ticket: { id: first.id } } })
    // What the server wanted said before the crash is still waiting for the bot.
    const waiting = (await call(T.bot, 'GET', '/api/outbox?limit=200')).body.messages.map((m: { text: string }) => m.text)
    expect(waiting.some((m: string) => m.startsWith(`【新工单 ${first.no}】`))).toBe(true)
    expect(waiting.some((m: string) => m.includes(`工单${first.no}）已由网格员王强受理`))).toBe(true)
    const count = (await call(T.admin, 'GET', '/api/tickets?limit=200')).body.items.length
    const next = (await call(T.bot, 'POST', '/api/tickets', appeal())).body.ticket
    expect(Number(next.no.slice(1))).toBe(1000 + count + 1)
    const resolved = await call(T.wangqiang, 'POST', `/api/tickets/${first.id}/resolve`, { result: '已修好机井' })
    expect(resolved.body.ticket.status).toBe('resolved')
  })

  it('stops cleanly on SIGTERM and starts again on the same data without reloading the demo', async () => {
    expect(await server!.stop('SIGTERM')).toBe(0)
    server = await startServerProcess(env)
    const people = (await call(T.admin, 'GET', '/api/people')).body.people
    expect(people.filter((p: { id: string }) => p.id === 'p-wangqiang')).toHaveLength(1)
    expect(server.output()).not.toContain('demo county loaded')
  })
})
