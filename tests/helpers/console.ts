import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser.ts'
import { startServerWithBot, stopServerWithBot, type TestBot } from './bot.ts'
import type { TestServer } from './server.ts'

export type ConsoleWorld = { server: TestServer; bot: TestBot; browser: Browser }

/** What a console test drives: the real server, the real bot on a mock WeChat, and Debian's chromium. */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const { server, bot } = await startServerWithBot()
  const browser = await launchBrowser()
  return { server, bot, browser }
}

/** Closes whatever of a console world was started, browser first. */
export async function stopConsoleWorld(w: Partial<ConsoleWorld>): Promise<void> {
  await w.browser?.close()
  await stopServerWithBot(w)
}

/** A resident's appeal said in a group through the real bot; the ticket number comes from the bot's receipt. */
export async function appealInGroup(bot: TestBot, from: string, room: string, text: string): Promise<string> {
  const replies = await bot.say(from, text, room)
  const no = replies.map((r) => /W\d+/.exec(r.text)?.[0]).find(Boolean)
  if (!no) throw new Error(`no receipt: ${JSON.stringify(replies)}`)
  return no
}
