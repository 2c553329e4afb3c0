import { UuidSchema } from './ids.schema';
import { uuidv7 } from './uuid-v7';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The 48-bit Unix millisecond timestamp in the first 12 hex digits. */
const timestampOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('uuidv7', () => {
  it('is a lower-case 8-4-4-4-12 hex UUID', () => {
    expect(uuidv7()).toMatch(UUID);
  });

  it('carries version 7 in the version nibble', () => {
    for (let i = 0; i < 200; i++) expect(uuidv7()[14]).toBe('7');
  });

  it('carries the RFC 9562 variant (binary 10xx: 8, 9, a or b)', () => {
    for (let i = 0; i < 200; i++) expect(['8', '9', 'a', 'b']).toContain(uuidv7()[19]);
  });

  it('starts with the creation time in milliseconds', () => {
    const now = Date.UTC(2026, 10, 22, 9, 30, 0, 123);
    const id = uuidv7(now);
    expect(timestampOf(id)).toBe(now);
  });

  it('sorts by creation time, as a string, across milliseconds and years', () => {
    const times = [0, 1, 999, Date.UTC(2001, 0, 1), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2100, 0, 1)];
    const ids = times.map((t) => uuidv7(t));
    expect([...ids].reverse().sort()).toEqual(ids);
  });

  it('is unique even within one millisecond', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 1_000 }, () => uuidv7(now)));
    expect(ids.size).toBe(1_000);
  });

  it('is accepted by the UUID schema used throughout the protocol', () => {
    expect(UuidSchema.safeParse(uuidv7()).success).toBe(true);
  });
});
