// `npm run bench`: runs every benchmark section in order and prints, as the last line of stdout, one JSON object
// with all their figures. Progress goes to stderr. A section is a module exporting
// `async function run(): Promise<Record<string, number>>`; add new ones to `sections`.
import * as ask from './ask.ts'
import * as classify from './classify.ts'
import * as dashboard from './dashboard.ts'
import * as pipeline from './pipeline.ts'
import * as tickets from './tickets.ts'

type Section = { name: string; run: () => Promise<Record<string, number>> }

const sections: Section[] = [
  { name: 'tickets', run: tickets.run },
  { name: 'pipeline', run: pipeline.run },
  { name: 'classify', run: classify.run },
  { name: 'dashboard', run: dashboard.run },
  { name: 'ask', run: ask.run },
]

/** Rounds by the figure's unit, read from its name: rates to integers, ms to 2 decimals, MB to 1 decimal. */
function roundFigure(key: string, value: number): number {
  const to = (digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
  if (/PerSec$/.test(key)) return Math.round(value)
  if (/Ms$/.test(key)) return to(2)
  if (/Mb$/.test(key)) return to(1)
  return to(3)
}

async function main() {
  const figures: Record<string, number> = {}
  for (const section of sections) {
    const started = Date.now()
    process.stderr.write(`== ${section.name}\n`)
    const out = await section.run()
    for (const [key, value] of Object.entries(out)) {
      if (key in figures) throw new Error(`figure ${key} reported twice (again by section ${section.name})`)
      if (!Number.isFinite(value)) throw new Error(`section ${section.name}: figure ${key} is not a finite number (${value})`)
      figures[key] = roundFigure(key, value)
    }
    process.stderr.write(`== ${section.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exitCode = 1
})
