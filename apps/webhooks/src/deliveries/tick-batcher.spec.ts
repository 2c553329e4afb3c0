import { TickBatcher } from './tick-batcher';

describe('TickBatcher: what is asked within one turn of the event loop is done together, per organisation', () => {
  it('makes one call per organisation, and each caller gets its own result', async () => {
    const calls: [string, number[]][] = [];
    const batcher = new TickBatcher<{ organisationId: string; n: number }, number>(async (organisationId, items) => {
      calls.push([organisationId, items.map((i) => i.n)]);
      return items.map((i) => i.n * 10);
    });
    const results = await Promise.all([
      batcher.add({ organisationId: 'a', n: 1 }),
      batcher.add({ organisationId: 'b', n: 2 }),
      batcher.add({ organisationId: 'a', n: 3 }),
    ]);
    expect(results).toEqual([10, 20, 30]);
    expect(calls.sort()).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('a failed call fails only its own organisation’s callers, and a full batch goes at once', async () => {
    const sizes: number[] = [];
    const batcher = new TickBatcher<{ organisationId: string }, string>(async (organisationId, items) => {
      sizes.push(items.length);
      if (organisationId === 'bad') throw new Error('database gone');
      return items.map(() => 'ok');
    }, 2);
    const [good, bad] = await Promise.allSettled([batcher.add({ organisationId: 'good' }), batcher.add({ organisationId: 'bad' })]);
    expect(good).toEqual({ status: 'fulfilled', value: 'ok' });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('database gone') });
    expect(sizes).toEqual([1, 1]);
  });
});
