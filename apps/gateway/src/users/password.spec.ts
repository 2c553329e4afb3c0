import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password';

describe('local passwords', () => {
  it('the right password matches its stored hash, and the hash says how it was made', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
  });

  it('never stores the password, and the same password hashes differently each time (a fresh salt)', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery staple'), hashPassword('correct horse battery staple')]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
  });

  it('a wrong password, a password differing only in case, or a damaged hash does not match', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', stored.replace(/^scrypt/, 'bcrypt'))).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'scrypt$32768$8$1$AAAA')).toBe(false);
  });

  it('a hash made with other stored parameters still verifies, so the cost can be raised later', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const [, , , , salt] = stored.split('$');
    const { scryptSync } = await import('node:crypto');
    const cheaper = `scrypt$16384$8$1$${salt}$${scryptSync('correct horse battery staple', Buffer.from(salt, 'base64url'), 32, { N: 16384, r: 8, p: 1 }).toString('base64url')}`;
    expect(await verifyPassword('correct horse battery staple', cheaper)).toBe(true);
  });

  it('checking an unknown account costs a real hash and always fails', async () => {
    const started = process.hrtime.bigint();
    expect(await verifyAgainstDecoy('whatever they typed')).toBe(false);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThan(5);
  });
});
