import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's chromium by default (CI installs it); CHROMIUM_PATH points elsewhere. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const screenshotDir = join(import.meta.dirname, '../../docs/screenshots')
export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }
/** Every demo person's console password (data/demo/county.json, demoPassword). */
export const DEMO_PASSWORD = 'demo1234'
/**
 * A whole console flow (several logins with a slow password hash, pages, the bot's round trips) may take a while on a
 * loaded two-core machine: a ceiling for it to finish, not a performance target.
 */
export const BROWSER_FLOW_MS = 60_000

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage', '--font-render-hinting=none'] })
}

/** A fresh browser context (its own cookies) at a fixed viewport, Chinese locale, Beijing time. */
export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 })
  const page = await context.newPage()
  return { context, page }
}

/** Opens the console and logs in through the login form as a demo person (by name or person id). */
export async function login(page: Page, baseUrl: string, name: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/console/`)
  await page.fill('#login-name', name)
  await page.fill('#login-password', password)
  await page.click('form button[type=submit]')
  await page.waitForSelector('.shell .side')
}

/**
 * Opens a console page by its address ('#/registry?tab=people'). On a console already loaded the fragment is set in the
 * page, as a link does: a same-document page.goto is not sure to fire hashchange, and the page would stay where it was.
 * The same address again is opened afresh, as the console's own links do.
 */
export async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  if (!page.url().startsWith(`${baseUrl}/console/`)) return void await page.goto(`${baseUrl}/console/${route}`)
  await page.evaluate((hash) => {
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'))
    else location.hash = hash
  }, route)
}

/** Saves docs/screenshots/<name>.png of what the page shows at its viewport. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  await page.evaluate(() => document.fonts.ready)
  // Transitions (the phone menu sliding away after a resize) are run to their end, not caught halfway.
  await page.screenshot({ path, fullPage: false, animations: 'disabled' })
  return path
}
