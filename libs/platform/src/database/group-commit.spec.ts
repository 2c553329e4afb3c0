import { GroupCommit } from './group-commit';

describe('group commit', () => {
  it('runs the first item at once, and what arrives while a batch runs as the next batch, one key at a time', async () => {
    const batches: string[][] = [];
    const releases: (() => void)[] = [];
    const commits = new GroupCommit<string, string>(
      (key, items) =>
        new Promise((resolve) => {
          batches.push(items.map((item) => `${key}:${item}`));
          releases.push(() => resolve(items.map((item) => item.toUpperCase())));
        }),
    );
    const answers = [commits.submit('org-1', 'a'), commits.submit('org-1', 'b'), commits.submit('org-1', 'c'), commits.submit('org-2', 'x')];
    expect(batches).toEqual([['org-1:a'], ['org-2:x']]);
    releases.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['org-1:a'], ['org-2:x'], ['org-1:b', 'org-1:c']]);
    while (releases.length > 0) releases.shift()!();
    expect(await Promise.all(answers)).toEqual(['A', 'B', 'C', 'X']);
  });

  it('fails every item of a batch whose flush failed, and goes on with the next', async () => {
    let calls = 0;
    const commits = new GroupCommit<string, string>(async (_key, items) => {
      calls += 1;
      if (calls === 1) throw new Error('deadlock detected');
      return items;
    });
    const first = commits.submit('org-1', 'a');
    const second = commits.submit('org-1', 'b');
    await expect(first).rejects.toThrow('deadlock detected');
    await expect(second).resolves.toBe('b');
  });
});
