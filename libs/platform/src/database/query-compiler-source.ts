/** Prisma 7 ships its WebAssembly query compiler as a base64 module it requires the first time a client queries. */
const QUERY_COMPILER_SOURCE = /query_compiler[^/\\]*\.wasm-base64\.js$/;

/**
 * Drops that module from Node's module cache once the compiler is built: its 4.6 MB string otherwise stays
 * on every service's heap for the life of the process. A client made later simply reads the file again.
 */
export function releaseQueryCompilerSource(cache: NodeJS.Dict<NodeJS.Module> = require.cache): number {
  let released = 0;
  for (const [file, module] of Object.entries(cache)) {
    if (!module || !QUERY_COMPILER_SOURCE.test(file)) continue;
    delete cache[file];
    // The module that required it keeps it among its children too.
    for (const parent of Object.values(cache)) {
      const i = parent?.children.indexOf(module) ?? -1;
      if (i >= 0) parent!.children.splice(i, 1);
    }
    released++;
  }
  return released;
}
