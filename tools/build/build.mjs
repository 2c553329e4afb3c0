#!/usr/bin/env node
// Compiles every app, lib and tool to dist/ with SWC: fast on two cores, keeps Nest's decorator
// metadata, and rewrites the @mediation/* aliases to relative paths so `node dist/...` runs alone.
import { createRequire } from 'node:module';
import { mkdir, readdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const { swcOptions, root } = require('./swc-options.cjs');
const { makeExportsLazy } = require('./lazy-exports.cjs');

// Barrels whose modules load at the first use of one of their names (see lazy-exports.cjs).
const LAZY_BARRELS = ['libs/protocol/src/index.ts'];

// `node tools/build/build.mjs apps/casework` compiles one project (Nx's per-project build target);
// with no argument, everything.
const SOURCE_DIRS = process.argv.length > 2 ? process.argv.slice(2) : ['apps', 'libs', 'tools'];
const SKIP = /\.(spec|int-spec|e2e-spec)\.ts$|\.d\.ts$/;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const isAsset = (file) => path.relative(root, file).split(path.sep)[2] === 'assets';

async function compile(file) {
  const rel = path.relative(root, file);
  const out = path.join(root, 'dist', rel);
  await mkdir(path.dirname(out), { recursive: true });
  if (!file.endsWith('.ts')) return copyFile(file, out);
  const js = out.replace(/\.ts$/, '.js');
  const result = await swc.transformFile(file, { ...swcOptions(), filename: file, sourceFileName: path.relative(path.dirname(js), file) });
  await writeFile(js, `${result.code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
  if (result.map) await writeFile(`${js}.map`, result.map);
}

const started = Date.now();
const files = [];
for (const dir of SOURCE_DIRS) {
  for await (const file of walk(path.join(root, dir))) {
    // Data beside the code is copied as it is: JSON under src/, and a library's assets/ (the documents' fonts).
    if ((file.endsWith('.ts') && !SKIP.test(file)) || (file.endsWith('.json') && file.includes(`${path.sep}src${path.sep}`)) || isAsset(file)) files.push(file);
  }
}
const BATCH = 32;
for (let i = 0; i < files.length; i += BATCH) await Promise.all(files.slice(i, i + BATCH).map(compile));
for (const barrel of LAZY_BARRELS) {
  if (files.includes(path.join(root, barrel))) makeExportsLazy(path.join(root, 'dist', barrel.replace(/\.ts$/, '.js')));
}
console.log(`build: ${files.length} files of ${SOURCE_DIRS.join(', ')} compiled to dist/ in ${Date.now() - started} ms`);
