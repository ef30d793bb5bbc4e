import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { createApp } from '../../server/app.ts'
import { openDb } from '../../server/db/open.ts'
import type { Embedding } from '../../server/knowledge/embeddings.ts'
import { readCountyFile, seedCounty } from '../../server/registry/seed.ts'
import { createServices, type Services } from '../../server/services.ts'

export const ADMIN = 'test-root-admin-token'
/** Demo tokens from data/demo/county.json, by who holds them. */
export const T = {
  admin: 'demo-admin', hepingAdmin: 'demo-heping-admin', bot: 'demo-bot-token', hotline: 'demo-hotline',
  wangqiang: 'demo-wangqiang', // 专职网格员, 柳树村一网格 HS010101
  wangxiulan: 'demo-wangxiulan', // 网格长 of HS010101, also 纪检(组织)委员 of 柳树村
  zhaojing: 'demo-zhaojing', // 专职网格员, 柳树村二网格 HS010102
  renhaiyan: 'demo-renhaiyan', // 网格指导员 of 柳树村
  lichanghe: 'demo-lichanghe', // 党支部书记 of 柳树村
  liudayong: 'demo-liudayong', // 综治主任 of 柳树村
  songjiayi: 'demo-songjiayi', // 柳河镇社会治理室
  tangweidong: 'demo-tangweidong', // 柳河镇 平安建设/乡村振兴 module lead
  yaojunfeng: 'demo-yaojunfeng', // 柳河镇 城乡建设 module lead
  sunlihua: 'demo-sunlihua', // 县社会治理中心
  fengjianjun: 'demo-fengjianjun', // 县住建局
  gaozhenyu: 'demo-gaozhenyu', // 县公安局
} as const

/** A clock the test moves by hand: Monday 2026-11-23 09:00 Beijing time unless told otherwise. */
export function testClock(start = '2026-11-23T01:00:00Z') {
  let now = new Date(start).getTime()
  return {
    now: () => new Date(now),
    set: (iso: string) => { now = new Date(iso).getTime() },
    advance: (ms: number) => { now += ms },
  }
}
export type TestClock = ReturnType<typeof testClock>

export type TestServer = {
  url: string
  dir: string
  services: Services
  clock: TestClock
  call: <T = any>(token: string | null, method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>
  close: () => Promise<void>
}

/** The real app over real HTTP on a real SQLite file, with the demo county loaded. */
export async function startTestServer(opts: { clock?: TestClock; dir?: string; port?: number; embedding?: Embedding } = {}): Promise<TestServer> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'wf-test-'))
  const clock = opts.clock ?? testClock()
  const db = openDb(join(dir, 'weifuwu.sqlite'))
  const services = createServices({ db, log: pino({ level: 'silent' }), clock: clock.now, adminToken: ADMIN, filesDir: join(dir, 'files'), embedding: opts.embedding })
  seedCounty(services, readCountyFile(join(import.meta.dirname, '../../data/demo/county.json')), clock.now().toISOString())
  const app = createApp(services, { bodyLimit: '64kb' })
  const server = app.listen(opts.port ?? 0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url, dir, services, clock,
    async call(token, method, path, body) {
      const headers: Record<string, string> = {}
      if (token) headers.authorization = `Bearer ${token}`
      if (body !== undefined) headers['content-type'] = 'application/json'
      const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null }
    },
    async close() {
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() })
      db.close()
      if (!opts.dir) rmSync(dir, { recursive: true, force: true })
    },
  }
}

let seq = 0
/** A resident's appeal as the bot files it, in 柳树村一网格 unless told otherwise. */
export function appeal(over: Record<string, unknown> = {}) {
  seq += 1
  return {
    clientKey: `test-${process.pid}-${seq}`,
    text: `二组村口的路灯坏了第${seq}回了，晚上黑咕隆咚的看不见路`,
    category: 'infrastructure',
    gridCode: 'HS010101',
    reporter: { name: '李阿姨', contactId: 'wxid_res_liayi' },
    linkDuplicates: false,
    ...over,
  }
}
export const asResident = (contactId = 'wxid_res_liayi', name = '李阿姨') => ({ onBehalfOf: { contactId, name } })
