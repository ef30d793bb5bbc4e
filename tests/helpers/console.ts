import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser.ts'
import { startTestBot, type TestBot } from './bot.ts'
import { startTestServer, type TestServer } from './server.ts'

export type ConsoleWorld = { server: TestServer; bot: TestBot; browser: Browser }

/** What a console test drives: the real server, the real bot on a mock WeChat, and Debian's chromium. */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const server = await startTestServer()
  const bot = await startTestBot(server)
  const browser = await launchBrowser()
  return { server, bot, browser }
}

/** Closes whatever of a console world was started, browser first. */
export async function stopConsoleWorld(w: Partial<ConsoleWorld>): Promise<void> {
  await w.browser?.close()
  await w.bot?.stop()
  await w.server?.close()
}
