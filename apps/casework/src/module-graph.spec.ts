import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Casework's folders form layers: `cases/` (the case record) at the bottom, features above it, the
 * composed reads (timeline, case life) on top. This reads every import under src/ and fails when a
 * folder reaches back up. Left out: generated/ (Prisma's client), testing/ (the harness wires every
 * folder by hand, as app.module.ts does) and the files at the root of src/.
 */
const SRC = __dirname;
const OUTSIDE_THE_GRAPH = new Set(['generated', 'testing']);

/** The base the others build on, and the folders it may use. */
const BASE = 'cases';
const BELOW_THE_BASE = new Set(['database', 'generated']);

type Edges = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return OUTSIDE_THE_GRAPH.has(entry.name) ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const folderOf = (file: string): string | null => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 ? parts[0] : null;
};

/** Folder -> folder it imports -> the files that do. */
function folderImports(): Edges {
  const edges: Edges = new Map();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)'(\.[^']*)'/g)].map((m) => m[1]);
    for (const specifier of specifiers) {
      const to = folderOf(path.resolve(path.dirname(file), specifier));
      if (!to || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string[]>();
      targets.set(to, [...(targets.get(to) ?? []), path.relative(SRC, file)]);
      edges.set(from, targets);
    }
  }
  return edges;
}

/** A path of folders that comes back to where it started, or null. */
function findCycle(edges: Edges): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (folder: string, trail: string[]): string[] | null => {
    if (state.get(folder) === 'visiting') return [...trail.slice(trail.indexOf(folder)), folder];
    if (state.get(folder) === 'done') return null;
    state.set(folder, 'visiting');
    for (const next of edges.get(folder)?.keys() ?? []) {
      const cycle = visit(next, [...trail, folder]);
      if (cycle) return cycle;
    }
    state.set(folder, 'done');
    return null;
  };
  for (const folder of edges.keys()) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return null;
}

describe("casework's folders", () => {
  const edges = folderImports();

  it('read the imports of every folder', () => {
    expect(edges.get('case-life')?.has(BASE)).toBe(true);
    expect(edges.size).toBeGreaterThan(15);
  });

  it('never import each other both ways', () => {
    const pairs = [...edges].flatMap(([from, targets]) =>
      [...targets.keys()]
        .filter((to) => from < to && edges.get(to)?.has(from))
        .map((to) => `${from} <-> ${to} (${targets.get(to)![0]}; ${edges.get(to)!.get(from)![0]})`),
    );
    expect(pairs).toEqual([]);
  });

  it('form layers: no import path comes back to the folder it left', () => {
    expect(findCycle(edges)).toBeNull();
  });

  it(`keep ${BASE}/ at the bottom: it imports no feature folder`, () => {
    expect([...(edges.get(BASE)?.keys() ?? [])].filter((to) => !BELOW_THE_BASE.has(to))).toEqual([]);
  });
});
