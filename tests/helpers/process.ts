import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'

export const repoRoot = join(import.meta.dirname, '../..')
export const HOST = '127.0.0.1'

const nluCliArgs = (command: 'classify' | 'ask') => ['--import', 'tsx', 'bot/nlu/cli.ts', command]
const nluCliEnv = (env: Record<string, string>) => ({ ...process.env, NLU_ENGINE: 'local', ...env })

/** `npm run -s nlu -- <command>` with the given stdin, as anyone checks the engines from outside (local engine by default). */
export const runNluCli = (command: 'classify' | 'ask', input: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, nluCliArgs(command), { cwd: repoRoot, input, encoding: 'utf8', env: nluCliEnv(env) })

/** The same, leaving the event loop free: for a run that talks to a fake server in this process. */
export function runNluCliAsync(command: 'classify' | 'ask', input: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nluCliArgs(command), { cwd: repoRoot, env: nluCliEnv(env) })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString() })
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString() })
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
    child.stdin.end(input)
  })
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, HOST, () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    }).on('error', reject)
  })
}

export type ServerProcess = {
  url: string
  pid: number
  /** The last lines the server wrote, for error messages. */
  output: () => string
  /** Peak resident set size so far (VmHWM), in MB; null where /proc is unavailable. */
  peakRssMb: () => number | null
  /** CPU time (user + system) used so far, in ms; null where /proc is unavailable. */
  cpuMs: () => number | null
  /** Sends the signal (SIGKILL after 10 s) and resolves with the exit code; safe to call twice. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/**
 * Runs the server as its own process, as `npm start` does, and waits until /healthz answers. If this process
 * ends first, the server goes with it.
 */
export async function startServerProcess(env: Record<string, string>, entry = 'server/main.ts'): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const keep = (d: Buffer) => { out = (out + d.toString()).slice(-8000) }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const orphanGuard = () => child.kill('SIGKILL')
  process.on('exit', orphanGuard)
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    const code = await exited
    clearTimeout(timer)
    process.off('exit', orphanGuard)
    return code
  }

  const url = `http://${HOST}:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (code ${child.exitCode}):\n${out}`)
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop('SIGKILL'); throw new Error(`server did not answer /healthz within 30 s:\n${out}`) }
    await new Promise((r) => setTimeout(r, 100))
  }

  const proc = (file: string) => { try { return readFileSync(`/proc/${child.pid}/${file}`, 'utf8') } catch { return null } }
  return {
    url, pid: child.pid!, output: () => out, stop,
    peakRssMb() {
      const kb = proc('status')?.match(/^VmHWM:\s+(\d+)\s+kB/m)?.[1]
      return kb ? Number(kb) / 1024 : null
    },
    cpuMs() {
      // After the parenthesised command name, utime and stime are the 12th and 13th fields, in 100 Hz ticks.
      const fields = proc('stat')?.replace(/^.*\)\s*/s, '').split(' ')
      return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : null
    },
  }
}
