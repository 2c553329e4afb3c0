#!/usr/bin/env node
// The ops CLI: `node tools/cli/mediation.mjs <command>` (or `npm run cli -- <command>`). The commands
// live in the gateway (apps/gateway/src/ops/cli.ts) and run from its build, so build first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// `reporting ...` commands belong to reporting (its own schema and the event stream), not the gateway.
const REPORTING = process.argv[2] === 'reporting';
const CLI = REPORTING ? path.join(ROOT, 'dist/apps/reporting/src/ops/reporting-cli.js') : path.join(ROOT, 'dist/apps/gateway/src/ops/cli.js');

if (!existsSync(CLI)) {
  console.error('error: the CLI is not built yet; run `npm run build` first');
  process.exit(1);
}
const result = spawnSync(process.execPath, [CLI, ...process.argv.slice(REPORTING ? 3 : 2)], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
