#!/usr/bin/env node
// `npm start`: installs what is missing, finds or starts PostgreSQL, Redis and NATS, migrates,
// builds, starts the services (and the web console) with a local mail catcher and demo data, and prints the URLs.
// Plain Node with no dependencies until `npm install` has run, so it works on a fresh clone.
// `npm start -- --replicas 2` runs two of each of intake, casework, scheduling and notify
// (`--replicas casework=3,notify=2` for other counts); see README "Running replicas".
// `npm start -- --together 2` runs the gateway with intake in one process and every other service but the console in
// another (apps/host); see README "Running services together".
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const step = (text) => console.log(`\n\x1b[1m▸ ${text}\x1b[0m`);

function installIfNeeded() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  step('installing dependencies (npm install)');
  execSync('npm install --no-audit --no-fund', { cwd: ROOT, stdio: 'inherit' });
}

async function main() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) throw new Error(`Node.js ${process.versions.node} is too old: install Node 20.19+ or 22.12+`);
  installIfNeeded();

  step('finding PostgreSQL, Redis and NATS');
  const { ensureInfrastructure } = require('../infra/infra.cjs');
  const urls = await ensureInfrastructure();
  Object.assign(process.env, urls);

  step('generating Prisma clients, building, migrating');
  execFileSync(process.execPath, ['tools/db/generate.cjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['tools/build/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  await require('../db/migrate.cjs').migrate(process.env.MIGRATION_DATABASE_URL);

  let mailUrl;
  if (!process.env.SMTP_URL) {
    step('starting the development mail catcher');
    const { startMailCatcher } = require('../mailcatcher/mailcatcher.cjs');
    const catcher = await startMailCatcher({
      smtpPort: Number(process.env.MAILCATCHER_SMTP_PORT ?? 1025),
      httpPort: Number(process.env.MAILCATCHER_HTTP_PORT ?? 1080),
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
    mailUrl = `http://localhost:${catcher.httpPort}/messages`;
    // Texts go to the same catcher (notify's generic HTTP SMS provider), shown at /texts.
    if (!process.env.SMS_PROVIDER && !process.env.SMS_HTTP_URL) process.env.SMS_HTTP_URL = `http://127.0.0.1:${catcher.httpPort}/texts`;
  }

  step('starting the services');
  const { startAll, stopService, parseReplicas, parseTogether } = require('./services.cjs');
  const { values: flags } = parseArgs({ options: { replicas: { type: 'string' }, together: { type: 'string' } } });
  const handles = await startAll(
    { NODE_ENV: process.env.NODE_ENV ?? 'development' },
    { replicas: parseReplicas(flags.replicas), together: parseTogether(flags.together) },
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the services…');
    await Promise.all(handles.map((h) => stopService(h)));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const h of handles)
    h.exited.then(({ code, signal }) => !stopping && console.error(`\n${h.label} stopped unexpectedly (code ${code}, signal ${signal})`));

  step('demo organisation, API key and contract');
  const apiUrl = `http://localhost:${handles.find((h) => h.name === 'gateway').port}`;
  const metricsPorts = handles.map((h) => h.metricsPort);
  const seedArgs = [
    'dist/apps/gateway/src/ops/dev-seed.js',
    '--out',
    '.data/dev-credentials.json',
    '--api-url',
    apiUrl,
    ...(mailUrl ? ['--mail-url', mailUrl] : []),
  ];
  execFileSync(process.execPath, seedArgs, { cwd: ROOT, stdio: 'inherit', env: process.env });
  const credentials = JSON.parse(readFileSync(path.join(ROOT, '.data/dev-credentials.json'), 'utf8'));

  console.log(`
\x1b[1mEverything is up.\x1b[0m
  API        ${apiUrl}/v1
  Console    http://localhost:${handles.find((h) => h.name === 'console').port}   ${credentials.adminEmail ? `(sign in: organisation ${credentials.organisationSlug}, ${credentials.adminEmail}, adminPassword in .data/dev-credentials.json)` : '(delete .data/dev-credentials.json and start again for a demo admin to sign in with)'}
  API docs   ${apiUrl}/docs        (OpenAPI JSON: ${apiUrl}/docs/openapi.json, events: ${apiUrl}/docs/asyncapi.json)
  Mail       ${mailUrl ?? process.env.SMTP_URL}
  Texts      ${mailUrl ? mailUrl.replace(/\/messages$/, '/texts') : (process.env.SMS_HTTP_URL ?? process.env.SMS_PROVIDER)}
  Metrics    http://localhost:${metricsPorts[0]}/metrics   (ports ${metricsPorts[0]}-${metricsPorts.at(-1)}, one per service, never on the API port)
  Credentials .data/dev-credentials.json (organisation ${credentials.organisationId}, contract ${credentials.contractId})

Try it:
  KEY=$(node -p "require('./.data/dev-credentials.json').apiKey")
  curl -s -X POST ${apiUrl}/v1/referrals -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \\
    -d '{"contractId":"${credentials.contractId}","referrer":{"name":"A. Officer","email":"officer@council.example"},"referrerType":"council","parties":[{"role":"complainant","name":"Sam Resident"}],"summary":"Noise from the flat above at night","consent":[{"givenBy":"Sam Resident","relationship":"tenant","givenAt":"2026-11-20T10:00:00Z","method":"verbal","recordedBy":"A. Officer"}]}'

Ctrl-C stops everything.`);
}

main().catch((error) => {
  console.error(`\n\x1b[31mnpm start failed:\x1b[0m ${error.message}\n`);
  process.exit(1);
});
