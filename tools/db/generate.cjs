#!/usr/bin/env node
// Generates each service's Prisma client. The schema engine is not needed for this, and cannot be
// downloaded here, so it is pointed at a binary that is never run.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const prismaCli = require.resolve('prisma/build/index.js');
const apps = readdirSync(path.join(ROOT, 'apps')).filter((app) => existsSync(path.join(ROOT, 'apps', app, 'prisma.config.ts')));
for (const app of apps) {
  execFileSync(process.execPath, [prismaCli, 'generate', '--config', `apps/${app}/prisma.config.ts`], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log(`prisma: generated ${apps.length} clients (${apps.join(', ')})`);
