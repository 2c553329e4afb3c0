import { assertJobId, jobId } from './job-id';

/** BullMQ's own test (Job.validateOptions): a custom id that reads back as an integer is refused. */
const bullmqReadsAsInteger = (id: string) => `${parseInt(id, 10)}` === id;

describe('jobId', () => {
  it('joins the kind and the id as <kind>-<id>', () => {
    expect(jobId('deadline', '0190f3a2-7c1e-7a3b-9c4d-1234567890ab')).toBe('deadline-0190f3a2-7c1e-7a3b-9c4d-1234567890ab');
  });

  it('is deterministic, so enqueuing the same job twice is deduplicated by BullMQ', () => {
    expect(jobId('report', 'r-1')).toBe(jobId('report', 'r-1'));
  });

  it.each([
    ['in the id', 'report', 'org:1'],
    ['in the kind', 'report:monthly', '1'],
  ])("refuses ':' %s, which BullMQ uses as a Redis key separator", (_where, kind, id) => {
    expect(() => jobId(kind, id)).toThrow(/':'|kind/);
  });

  it('accepts an all-digit id behind a kind, because the job id as a whole is then not a number', () => {
    const value = jobId('invoice', '42');
    expect(value).toBe('invoice-42');
    expect(bullmqReadsAsInteger(value)).toBe(false);
  });

  it.each([[''], ['42'], ['-report'], ['Report']])('refuses a kind that is not a lower-case word (%j), so no id can come out as a number', (kind) => {
    expect(() => jobId(kind, '42')).toThrow(/kind/);
  });

  it('refuses an empty id', () => {
    expect(() => jobId('delivery', '')).toThrow(/needs an id/);
  });
});

describe('assertJobId: what BullMQ itself refuses', () => {
  it.each([['42'], ['-42'], ['0']])('refuses %j, which BullMQ reads as an integer', (id) => {
    expect(bullmqReadsAsInteger(id)).toBe(true);
    expect(() => assertJobId(id)).toThrow(/must not read as an integer/);
  });

  it('refuses a colon anywhere, even the three-part form BullMQ keeps for old repeat jobs', () => {
    expect(() => assertJobId('repeat:abc:123')).toThrow(/must not contain ':'/);
  });

  it('lets through ids that only start with digits, which BullMQ accepts', () => {
    expect(bullmqReadsAsInteger('42abc')).toBe(false);
    expect(assertJobId('42abc')).toBe('42abc');
    expect(assertJobId('delivery-0190f3a2')).toBe('delivery-0190f3a2');
  });

  it('refuses an empty id', () => {
    expect(() => assertJobId('')).toThrow(/empty/);
  });
});
