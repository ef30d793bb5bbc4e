import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { BROWSER_FLOW_MS, login, newPage, openRoute, screenshot } from '../helpers/browser.ts'
import type { TestBot } from '../helpers/bot.ts'
import { appealInGroup, startConsoleWorld, stopConsoleWorld } from '../helpers/console.ts'
import { T, type TestServer } from '../helpers/server.ts'

let server: TestServer
let bot: TestBot
let browser: Browser

beforeAll(async () => { ({ server, bot, browser } = await startConsoleWorld()) })
afterAll(() => stopConsoleWorld({ server, bot, browser }))

async function open(name: string, password?: string): Promise<Page> {
  const { page } = await newPage(browser)
  await login(page, server.url, name, password)
  return page
}

const person = async (id: string) => (await server.call(T.admin, 'GET', `/api/people/${id}`)).body

describe('people and roles in the console', { timeout: BROWSER_FLOW_MS }, () => {
  it('a community admin adds a part-time grid worker with a password; they log in and see only their grid', async () => {
    const admin = await open('文佳')
    await openRoute(admin, server.url, '#/registry?tab=people')
    const form = admin.locator('form[data-form=add-person]')
    await form.locator('input[name=name]').fill('刘小梅')
    await form.locator('input[name=id]').fill('p-liuxiaomei')
    await form.locator('input[name=contactId]').fill('wxid_liuxiaomei')
    await form.locator('input[name=phone]').fill('13900000123')
    await form.locator('input[name=password]').fill('heping-2026')
    await form.locator('select[name=role]').selectOption('gridWorkerPartTime')
    // Only the areas this admin may grant roles in are offered.
    const offered = await form.locator('select[name=area] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
    expect(offered.sort()).toEqual(['HS0202', 'HS020201', 'HS020202'])
    await form.locator('select[name=area]').selectOption('HS020201')
    await expect.poll(() => admin.locator('select[name=role] option[value=gridWorkerPartTime]').first().textContent()).toBe('兼职网格员')
    await screenshot(admin, 'people-add')
    await form.locator('button[type=submit]').click()
    await admin.waitForSelector('tr[data-person=p-liuxiaomei]')
    expect(await person('p-liuxiaomei')).toMatchObject({
      name: '刘小梅', contactId: 'wxid_liuxiaomei', phone: '13900000123', active: true, roles: [{ role: 'gridWorkerPartTime', areaCode: 'HS020201', unit: null }],
    })

    // 文佳 manages people of 和平社区 only: no controls for a 柳树村 worker, and the server says no if asked anyway.
    expect(await admin.locator('tr[data-person=p-liuxiaomei] button[data-action=edit-person]').count()).toBe(1)
    expect(await admin.locator('tr[data-person=p-wangqiang] button[data-action=edit-person]').count()).toBe(0)
    const refused = await server.call(T.hepingAdmin, 'PUT', '/api/people/p-wangqiang/password', { password: 'something-else' })
    expect(refused.status).toBe(403)

    const mine = await appealInGroup(bot, '林晓', '和平社区一网格群', '和平小区2号楼楼道的灯坏了一个礼拜了，晚上黑漆漆的')
    const theirs = await appealInGroup(bot, '赵雪', '和平社区二网格群', '幸福家园A栋门口的井盖松了，踩上去直晃')

    const worker = await open('刘小梅', 'heping-2026')
    await worker.waitForSelector(`tr[data-ticket="${mine}"]`)
    expect(await worker.locator(`tr[data-ticket="${theirs}"]`).count()).toBe(0)
    await worker.close()

    // Her grid changes: the admin edits her role's area, then stops her; a stopped person cannot log in.
    await openRoute(admin, server.url, '#/registry?tab=people')
    await admin.click('tr[data-person=p-liuxiaomei] button[data-action=edit-person]')
    const edit = admin.locator('tr[data-edit=p-liuxiaomei]')
    await edit.locator('button[aria-label^="移除"]').click()
    await edit.locator('select[name=role]').selectOption('gridWorkerPartTime')
    await edit.locator('select[name=area]').selectOption('HS020202')
    await edit.locator('button[data-action=add-role]').click()
    // She has a new phone and a new WeChat account that is not linked yet.
    expect(await edit.locator('input[name=phone]').inputValue()).toBe('13900000123')
    await edit.locator('input[name=phone]').fill('13900000456')
    await edit.locator('input[name=contactId]').fill('')
    await screenshot(admin, 'people-edit')
    await edit.locator('button[data-action=save-person]').click()
    await expect.poll(async () => (await person('p-liuxiaomei')).roles).toEqual([{ role: 'gridWorkerPartTime', areaCode: 'HS020202', unit: null }])
    expect(await person('p-liuxiaomei')).toMatchObject({ name: '刘小梅', phone: '13900000456', contactId: null })

    // A name left empty is refused with the field named, and nothing changes.
    await admin.click('tr[data-person=p-liuxiaomei] button[data-action=edit-person]')
    await admin.locator('tr[data-edit=p-liuxiaomei] input[name=name]').fill('  ')
    await admin.locator('tr[data-edit=p-liuxiaomei] input[name=phone]').fill('13900000789')
    await admin.locator('tr[data-edit=p-liuxiaomei] button[data-action=save-person]').click()
    await expect.poll(() => admin.locator('.toast').last().textContent()).toContain('输入有误：name')
    expect(await person('p-liuxiaomei')).toMatchObject({ name: '刘小梅', phone: '13900000456' })

    await openRoute(admin, server.url, '#/registry?tab=people')
    await admin.click('tr[data-person=p-liuxiaomei] button[data-action=edit-person]')
    await admin.locator('tr[data-edit=p-liuxiaomei] input[name=active]').uncheck()
    await admin.locator('tr[data-edit=p-liuxiaomei] button[data-action=save-person]').click()
    await expect.poll(async () => (await person('p-liuxiaomei')).active).toBe(false)

    // What the server refuses is shown in its own Chinese words.
    await admin.click('tr[data-person=p-liuxiaomei] button[data-action=edit-person]')
    await admin.locator('tr[data-edit=p-liuxiaomei] input[name=password]').fill('short')
    await admin.locator('tr[data-edit=p-liuxiaomei] button[data-action=set-password]').click()
    await expect.poll(() => admin.locator('.toast').last().textContent()).toContain('密码至少 8 位')
    await admin.close()

    const { page } = await newPage(browser)
    await page.goto(`${server.url}/console/`)
    await page.fill('#login-name', '刘小梅')
    await page.fill('#login-password', 'heping-2026')
    await page.click('form button[type=submit]')
    await expect.poll(() => page.textContent('.login .error')).toContain('姓名或密码不正确')
    await page.close()
  })

  it('a grid worker sees the people list without any controls', async () => {
    const worker = await open('王强')
    await openRoute(worker, server.url, '#/registry?tab=people')
    await worker.waitForSelector('tr[data-person=p-wangqiang]')
    expect(await worker.locator('form[data-form=add-person]').count()).toBe(0)
    expect(await worker.locator('button[data-action=edit-person]').count()).toBe(0)
    await worker.close()
  })
})
