import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes with scrypt from node:crypto (no native add-on to install). Parameters follow OWASP's
 * scrypt equivalents (N=2^15, r=8, p=3: 32 MiB, ~0.2 s) and are stored in the hash itself, so they can be
 * raised later without invalidating existing hashes. Format: `scrypt$<N>$<r>$<p>$<salt b64>$<key b64>`.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Upper bounds for parameters read back from a stored hash (a corrupt hash must not exhaust memory). */
const MAX_N = 2 ** 20;
const MAX_MEMORY = 256 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  readonly options: { N: number; r: number; p: number };
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): ParsedHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return undefined;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  const valid = Object.values(options).every((v) => Number.isInteger(v) && v > 0) && options.N <= MAX_N && (options.N & (options.N - 1)) === 0;
  return valid ? { options, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') } : undefined;
}

/** Constant-time comparison; a malformed stored hash never matches (and is not an exception). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const candidate = await derive(password, parsed.salt, parsed.options, parsed.key.length);
  return timingSafeEqual(candidate, parsed.key);
}
