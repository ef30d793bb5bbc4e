import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { BROWSER_FLOW_MS, login, newPage, openRoute, screenshot } from '../helpers/browser.ts'
import type { TestBot } from '../helpers/bot.ts'
import { startConsoleWorld, stopConsoleWorld } from '../helpers/console.ts'
import { type TestServer } from '../helpers/server.ts'

// The knowledge page over the real server and bot: an admin adds a FAQ entry in the console, tries it in the
// question box, and a resident asking in the group gets that answer from the bot.

let server: TestServer
let bot: TestBot
let browser: Browser
beforeAll(async () => { ({ server, bot, browser } = await startConsoleWorld()) })
afterAll(() => stopConsoleWorld({ server, bot, browser }))

describe('the knowledge page', { timeout: BROWSER_FLOW_MS }, () => {
  it('an admin adds a FAQ entry, sees it answer in the try box, and the bot answers the group with it', async () => {
    const { page, context } = await newPage(browser)
    await login(page, server.url, '郑晓雯') // the county's admin
    await openRoute(page, server.url, '#/knowledge')
    await page.waitForSelector('text=本地适用的政策文件（信阳市）')
    expect(await page.textContent('.kb-page')).toContain('《濮阳市“五星”支部创建应知应会》')
    await page.fill('input[name=faq-question]', '饺子宴在哪里办？')
    await page.fill('textarea[name=faq-answer]', '柳树村的饺子宴在村文化广场办，每月第一个周六中午。')
    await page.fill('input[name=faq-source]', '柳树村村委会通知')
    await page.click('button:has-text("加入问答库")')
    await page.waitForSelector('[data-faq]')
    await page.fill('input[name=question]', '饺子宴在啥地方办')
    await page.click('button:has-text("提问")')
    await expect.poll(() => page.textContent('[data-test=kb-result]')).toContain('来自问答库')
    expect(await page.textContent('[data-test=kb-answer]')).toBe('柳树村的饺子宴在村文化广场办，每月第一个周六中午。\n来源：柳树村村委会通知')
    await screenshot(page, 'knowledge')
    await context.close()

    const r = await bot.say('刘姐', '饺子宴在啥地方办呀', '柳树村一网格群', true)
    expect(r).toHaveLength(1)
    expect(r[0]!.text).toMatch(/^@刘姐\s柳树村的饺子宴在村文化广场办，每月第一个周六中午。\n来源：柳树村村委会通知$/)
  })
})
