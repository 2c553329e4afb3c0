import { releaseQueryCompilerSource } from './query-compiler-source';

const moduleAt = (filename: string, children: NodeJS.Module[] = []) => ({ filename, children }) as unknown as NodeJS.Module;

describe('releasing the query compiler source', () => {
  it('forgets the base64 compiler module and its place among its parent’s children, and nothing else', () => {
    const compiler = moduleAt('/app/node_modules/@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.js');
    const other = moduleAt('/app/node_modules/pg/lib/index.js');
    const client = moduleAt('/app/dist/apps/casework/src/generated/prisma/internal/class.js', [compiler, other]);
    const cache: NodeJS.Dict<NodeJS.Module> = { [compiler.filename]: compiler, [other.filename]: other, [client.filename]: client };

    expect(releaseQueryCompilerSource(cache)).toBe(1);
    expect(Object.keys(cache).sort()).toEqual([client.filename, other.filename].sort());
    expect(client.children).toEqual([other]);
  });

  it('has nothing to do when no client has queried yet', () => {
    const cache: NodeJS.Dict<NodeJS.Module> = { '/app/a.js': moduleAt('/app/a.js') };
    expect(releaseQueryCompilerSource(cache)).toBe(0);
    expect(Object.keys(cache)).toEqual(['/app/a.js']);
  });
});
