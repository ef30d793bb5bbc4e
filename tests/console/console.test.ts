import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BROWSER_FLOW_MS, login, newPage, PHONE, openRoute, screenshot } from '../helpers/browser.ts'
import type { TestBot } from '../helpers/bot.ts'
import { appealInGroup, startConsoleWorld, stopConsoleWorld } from '../helpers/console.ts'
import { T, type TestServer } from '../helpers/server.ts'

let server: TestServer
let bot: TestBot
let browser: Browser

beforeAll(async () => { ({ server, bot, browser } = await startConsoleWorld()) })
afterAll(() => stopConsoleWorld({ server, bot, browser }))

/** Waits until the bot has said, in the group, a line containing all of the parts (the outbox is polled). */
async function groupLine(room: string, ...parts: string[]) {
  for (let i = 0; i < 100; i++) {
    const line = bot.simulator.transcript().find((l) => l.room === room && l.from === '小微' && parts.every((p) => l.text.includes(p)))
    if (line) return line
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`nothing in ${room} with ${parts.join(', ')}:\n${bot.simulator.transcript().filter((l) => l.room === room).map((l) => `${l.from}: ${l.text}`).join('\n')}`)
}

async function open(name: string, viewport?: typeof PHONE): Promise<Page> {
  const { page } = await newPage(browser, viewport)
  await login(page, server.url, name)
  return page
}

describe('the console over the real server, bot and simulator', { timeout: BROWSER_FLOW_MS }, () => {
  it('shows the login page and refuses a wrong password in Chinese', async () => {
    const { page, context } = await newPage(browser)
    await page.goto(`${server.url}/console/`)
    await page.waitForSelector('#login-name')
    await screenshot(page, 'login')
    await page.fill('#login-name', '王强')
    await page.fill('#login-password', 'wrong-password')
    await page.click('form button[type=submit]')
    await expect.poll(() => page.textContent('.login .error')).toContain('姓名或密码不正确')
    await context.close()
  })

  it('a page still loading does not pull the address back from where the user went meanwhile', async () => {
    const { page, context } = await newPage(browser)
    // The inbox's areas are held back, so that it is still loading when the address changes.
    let release = () => {}
    const held = new Promise<void>((r) => { release = r })
    await page.route('**/api/areas*', async (route) => { await held; await route.continue() })
    await login(page, server.url, '王强')
    // The address changes before its hashchange is handled (a link followed while the inbox loads).
    await page.evaluate(() => history.replaceState(null, '', '#/knowledge'))
    release()
    await page.waitForSelector('.page-tickets tbody tr')
    expect(await page.evaluate(() => location.hash)).toBe('#/knowledge')
    await context.close()
  })

  it('a new appeal from the group reaches the inbox; it climbs to the township, is whistled to a department, and the resident is told', async () => {
    const no = await appealInGroup(bot, '李阿姨', '柳树村一网格群', '老槐树那边的桥栏杆断了一截，小孩上学走那里太危险了')

    const worker = await open('王强')
    await worker.waitForSelector(`tr[data-ticket="${no}"]`)
    await screenshot(worker, 'inbox')
    await worker.click(`tr[data-ticket="${no}"]`)
    await worker.waitForSelector('.page-ticket .actions')
    await screenshot(worker, 'ticket')
    await worker.click('button[data-action=escalate]')
    await worker.fill('form[data-form=escalate] textarea[name=reason]', '桥梁维修超出网格能力')
    await worker.click('form[data-form=escalate] button[type=submit]')
    await worker.waitForSelector('.page-ticket .tag.blue >> text=村（社区）层级')
    await worker.close()

    const village = await server.call(T.lichanghe, 'POST', `/api/tickets/${no}/escalate`, { reason: '村里没有维修资金' })
    expect(village.body.ticket.level).toBe('township')

    const township = await open('宋佳怡')
    await openRoute(township, server.url, `#/ticket/${no}`)
    await township.click('button[data-action=escalate] >> text=吹哨')
    await township.selectOption('form[data-form=escalate] select[name=standard]', 'true')
    await expect.poll(() => township.locator('form[data-form=escalate] select[name=department] option').count()).toBeGreaterThan(1)
    await township.selectOption('form[data-form=escalate] select[name=department]', 'housing')
    await township.fill('form[data-form=escalate] textarea[name=reason]', '桥梁安全隐患，请住建局处置')
    await township.click('form[data-form=escalate] button[type=submit]')
    await township.waitForSelector('.page-ticket .tag.blue >> text=县区层级')
    await township.close()

    const after = await server.call(T.admin, 'GET', `/api/tickets/${no}`)
    expect(after.body).toMatchObject({ level: 'county', standard: true, assignee: { unit: 'housing', name: '冯建军' } })

    const department = await open('冯建军')
    await openRoute(department, server.url, `#/ticket/${no}`)
    await department.click('button[data-action=accept]')
    await department.click('form[data-form=accept] button[type=submit]')
    await department.waitForSelector('.page-ticket .page-title .tag >> text=办理中')
    await department.close()

    const told = await groupLine('柳树村一网格群', no, '已由')
    expect(told.text).toContain('@李阿姨')
    expect(told.text).toContain('已由县区相关部门受理')
  })

  it('a grid worker cannot see another grid\'s tickets, in the inbox or by address, and the API agrees', async () => {
    const no = await appealInGroup(bot, '陈师傅', '柳树村二网格群', '二网格这边的自来水管爆了，水流了一地')
    const mine = await appealInGroup(bot, '王大爷', '柳树村一网格群', '一组那边的垃圾三天没人收了，臭得很')
    const other = await open('王强')
    await other.waitForSelector(`tr[data-ticket="${mine}"]`)
    expect(await other.locator(`tr[data-ticket="${no}"]`).count()).toBe(0)
    await openRoute(other, server.url, `#/ticket/${no}`)
    await expect.poll(() => other.textContent('.page-ticket')).toContain('不存在')
    const api = await other.request.get(`${server.url}/api/tickets/${no}`)
    expect(api.status()).toBe(404)
    const list = await other.request.get(`${server.url}/api/tickets?area=HS010102`)
    expect((await list.json()).items).toEqual([])

    const owner = await open('赵静')
    await owner.waitForSelector(`tr[data-ticket="${no}"]`)
    await owner.setViewportSize(PHONE)
    await openRoute(owner, server.url, '#/tickets')
    await owner.waitForSelector(`tr[data-ticket="${no}"]`)
    await screenshot(owner, 'inbox-phone')
    await owner.close()
    await other.close()
  })

  it('a community admin binds a room the bot sits in but nobody bound', async () => {
    const seen = await server.call(T.bot, 'POST', '/api/rooms/resolve', { wechatRoomId: 'heping-new@chatroom', topic: '和平社区三号楼住户群' })
    expect(seen.body.areaCode).toBeNull()
    const admin = await open('文佳')
    await openRoute(admin, server.url, '#/registry?tab=rooms')
    const row = admin.locator('tr[data-room="和平社区三号楼住户群"]').first()
    await row.locator('select').selectOption('HS020201')
    await screenshot(admin, 'registry')
    await row.locator('button').click()
    await expect.poll(async () => (await server.call(T.admin, 'GET', '/api/rooms')).body.rooms.find((r: any) => r.id === seen.body.id)?.areaCode).toBe('HS020201')
    await admin.waitForSelector('text=没有未绑定的群')
    expect(await admin.locator('tr[data-room="柳树村一网格群"] select').count()).toBe(0)
    await openRoute(admin, server.url, '#/bots')
    await admin.waitForSelector('.bot[data-bot=demo-bot]')
    await screenshot(admin, 'bots')
    await admin.close()
  })
})
