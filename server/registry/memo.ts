/**
 * The registry changes a few times a day and is read on every request: lookups are remembered until the next
 * write to the same store, which forgets them all.
 */
export function memo<A extends unknown[], V>(lookup: (...args: A) => V): ((...args: A) => V) & { clear: () => void } {
  const cache = new Map<string, V>()
  const fn = (...args: A): V => {
    const key = args.length === 1 ? String(args[0]) : JSON.stringify(args)
    if (cache.has(key)) return cache.get(key)!
    const value = lookup(...args)
    cache.set(key, value)
    return value
  }
  return Object.assign(fn, { clear: () => cache.clear() })
}
