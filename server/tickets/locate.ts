import type { Area } from '../contract/index.ts'
import type { AreaChain, Areas } from '../registry/areas.ts'

const specificity: Record<Area['kind'], number> = { grid: 3, village: 2, township: 1, county: 0 }

/**
 * Finds the area a free-text address points at (12345 orders): the most specific area whose name or
 * place words appear in the text, preferring longer matches; the county when nothing matches.
 */
export function locateByPlace(text: string, areas: Areas, countyCode: string): AreaChain {
  let best: { area: Area; score: number } | null = null
  for (const area of areas.list()) {
    for (const word of [area.name, ...area.places]) {
      if (word.length < 2 || !text.includes(word)) continue
      const score = specificity[area.kind] * 100 + word.length
      if (!best || score > best.score) best = { area, score }
    }
  }
  // A grid word inside a village the text also names beats a stray match elsewhere: keep it simple and specific.
  return areas.chain(best?.area.code ?? countyCode)!
}
