import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt with N = 2^15: about 50 ms and 32 MB per guess, so a stolen table is slow to attack.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_LEN = 32

const derive = (password: string, salt: Buffer, o: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LEN, o, (err, key) => (err ? reject(err) : resolve(key))))

/** `scrypt$N$r$p$salt$key`, salt and key in base64url; the parameters travel with the hash so they can grow. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const key = scryptSync(password.normalize('NFKC'), salt, KEY_LEN, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const got = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem })
  return got.length === expected.length && timingSafeEqual(got, expected)
}

let decoy: string | null = null
/** A hash of a random secret: checking an unknown name against it costs as much as checking a known one. */
export const decoyHash = (): string => (decoy ??= hashPassword(randomBytes(12).toString('base64url')))
