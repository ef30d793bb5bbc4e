// The real server (as `npm start` runs it) on a free loopback port with a throw-away data directory and the
// demo county, for benchmarks. The directory is removed when the server stops or this process exits.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServerProcess, type ServerProcess } from '../helpers/process.ts'

export { repoRoot } from '../helpers/process.ts'

export type BenchServer = Omit<ServerProcess, 'stop'> & { dataDir: string; stop: () => Promise<void> }

export async function startServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'weifuwu-bench-'))
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true })
  process.on('exit', removeDir)
  try {
    const server = await startServerProcess({ DATA_DIR: dataDir, SEED: 'demo', EMBEDDED_BOT: 'none', ADMIN_TOKEN: randomBytes(18).toString('base64url'), ...env })
    return {
      ...server, dataDir,
      async stop() {
        await server.stop('SIGTERM')
        removeDir()
        process.off('exit', removeDir)
      },
    }
  } catch (err) {
    removeDir()
    throw err
  }
}
