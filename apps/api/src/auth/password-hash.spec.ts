import { hashPassword, verifyPassword } from './password-hash.js';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hashPassword('trialflow-demo');
    expect(stored).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('trialflow-demo', stored)).toBe(true);
    expect(await verifyPassword('trialflow-demo ', stored)).toBe(false);
    expect(await verifyPassword('Trialflow-demo', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same', first)).toBe(true);
    expect(await verifyPassword('same', second)).toBe(true);
  });

  it('reads the parameters from the stored hash (they can be raised later)', async () => {
    const stored = await hashPassword('p');
    const weaker = stored.replace('scrypt$32768$8$3$', 'scrypt$1024$8$1$');
    // Same salt, other parameters: a different key, so the stored key no longer matches.
    expect(await verifyPassword('p', weaker)).toBe(false);
  });

  it('treats a malformed or absurd stored hash as no match, never as an error', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x', 'scrypt$3$8$1$c2FsdA==$a2V5', 'scrypt$2147483648$8$1$c2FsdA==$a2V5', 'scrypt$1024$8$1$c2FsdA==$']) {
      expect(await verifyPassword('p', stored)).toBe(false);
    }
  });
});
