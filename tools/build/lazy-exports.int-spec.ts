import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's CommonJS helper, as build.mjs loads it
const { makeExportsLazy } = require('./lazy-exports.cjs') as { makeExportsLazy: (file: string) => void };

/** A module as SWC compiles `export const <name> = ...`, noting in `globalThis.loaded` that it ran. */
const compiledModule = (id: string, names: string[]) =>
  [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    `(globalThis.loaded ??= []).push(${JSON.stringify(id)});`,
    ...names.map((name) => `exports.${name} = ${JSON.stringify(`${name} from ${id}`)};`),
  ].join('\n');

/** A barrel as SWC compiles `export * from ...` lines. */
const compiledBarrel = (sources: string[]) =>
  ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });', ...sources.map((s) => `_export_star(require("${s}"), exports);`)].join(
    '\n',
  );

describe('a barrel made lazy', () => {
  let dir: string;
  let barrel: Record<string, string>;
  const loaded = () => (globalThis as { loaded?: string[] }).loaded ?? [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lazy-exports-'));
    mkdirSync(path.join(dir, 'contracts'));
    writeFileSync(path.join(dir, 'ids.js'), compiledModule('ids', ['UuidSchema', 'Shared']));
    writeFileSync(path.join(dir, 'cases.js'), compiledModule('cases', ['CaseSchema', 'Shared']));
    writeFileSync(path.join(dir, 'contracts/form.js'), compiledModule('form', ['FormSchema']));
    writeFileSync(path.join(dir, 'contracts/index.js'), compiledBarrel(['./form']));
    writeFileSync(path.join(dir, 'index.js'), compiledBarrel(['./ids', './cases', './contracts']));
    makeExportsLazy(path.join(dir, 'index.js'));
    // The build loaded each module to learn its names: start again from none loaded, as a service does.
    jest.resetModules();
    delete (globalThis as { loaded?: string[] }).loaded;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the file the build rewrote
    barrel = require(path.join(dir, 'index.js'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads no module until one of its names is used, then only that one', () => {
    expect(loaded()).toEqual([]);
    expect(barrel.CaseSchema).toBe('CaseSchema from cases');
    expect(loaded()).toEqual(['cases']);
  });

  it('re-exports every name, those of nested barrels too', () => {
    expect(Object.keys(barrel).sort()).toEqual(['CaseSchema', 'FormSchema', 'Shared', 'UuidSchema']);
    expect(barrel.FormSchema).toBe('FormSchema from form');
  });

  it('gives a name exported twice to the first module, as export * does', () => {
    expect(barrel.Shared).toBe('Shared from ids');
  });
});
