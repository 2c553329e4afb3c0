#!/usr/bin/env node
// `npm test`: lint, type-check, unit, integration and end-to-end tests against the real servers.
// Each integration and end-to-end suite makes its own database and NATS/Redis namespace, so runs
// never disturb each other or the development data. Ends with one line: `tests: N passed, N failed`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPromtool } from './promtool.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const only = process.argv[2]; // undefined (everything), 'unit', 'integration' or 'e2e'
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
const step = (text) => console.log(`\n\x1b[1m▸ ${text}\x1b[0m`);
const totals = { passed: 0, failed: 0 };
let failures = 0;

function run(label, command, args) {
  step(label);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    failures += 1;
    console.error(`\x1b[31m✗ ${label} failed\x1b[0m`);
  }
  return result.status === 0;
}

function jest(project, extra = []) {
  const out = path.join(ROOT, 'tmp', `jest-${project}.json`);
  rmSync(out, { force: true });
  run(`${project} tests`, bin('jest'), ['--selectProjects', project, '--json', `--outputFile=${out}`, ...extra]);
  if (!existsSync(out)) {
    failures += 1;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  if (report.numTotalTests === 0) {
    failures += 1;
    console.error(`\x1b[31m✗ ${project}: no test ran\x1b[0m`);
  }
}

/**
 * Debian tools the suites need, installed here when missing so a fresh CI machine passes: Chromium for the
 * console's browser suite (no browser download reaches these machines; CHROMIUM_PATH points elsewhere) and
 * poppler-utils' pdftoppm, with which evidence redacts PDF pages.
 */
function ensureDebianTool(binary, pkg, why) {
  if (existsSync(binary)) return;
  step(`installing ${pkg} for ${why} (${binary} is missing)`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = (args) =>
    spawnSync(root ? 'apt-get' : 'sudo', root ? args : ['apt-get', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt(['install', '-y', pkg]).status !== 0) apt(['update']) && apt(['install', '-y', pkg]);
  if (!existsSync(binary)) console.error(`\x1b[31m✗ ${pkg} could not be installed: ${why} will fail\x1b[0m`);
}

/** kubectl renders deploy/k8s offline for the unit project's manifest checks: Debian's kubernetes-client when none is on PATH ($KUBECTL names another). */
function ensureKubectl() {
  const kubectl = process.env.KUBECTL ?? 'kubectl';
  if (spawnSync(kubectl, ['version', '--client'], { stdio: 'ignore' }).status === 0) return;
  ensureDebianTool('/usr/bin/kubectl', 'kubernetes-client', 'rendering deploy/k8s (kubectl kustomize)');
}

function ensureDebianTools() {
  ensureDebianTool(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', 'chromium', "the console's browser tests");
  ensureDebianTool('/usr/bin/pdftoppm', 'poppler-utils', 'evidence redaction');
}

async function main() {
  mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  if (!existsSync(path.join(ROOT, 'node_modules/.package-lock.json'))) {
    step('installing dependencies (npm install)');
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  }
  process.env.NX_NO_CLOUD = 'true';
  process.env.NX_DAEMON = process.env.NX_DAEMON ?? 'false';

  step('generating Prisma clients');
  execFileSync(process.execPath, ['tools/db/generate.cjs'], { cwd: ROOT, stdio: 'inherit' });

  if (!only) {
    run('lint', bin('eslint'), ['apps', 'libs', 'tools', 'e2e']);
    run('format', bin('prettier'), [
      '--check',
      '--log-level',
      'warn',
      'apps/**/*.{ts,js,mjs,cjs}',
      'libs/**/*.{ts,js,mjs,cjs}',
      'tools/**/*.{ts,js,mjs,cjs}',
      'e2e/**/*.{ts,js,mjs,cjs}',
      '*.{mjs,cjs}',
    ]);
    run('type-check', bin('tsc'), ['-p', 'tsconfig.json']);
    // The alert rules are code an on-call person depends on: checked, and each alert unit-tested on series that should and should not raise it.
    const promtool = findPromtool(ROOT);
    run('alert rules', promtool, ['check', 'rules', 'deploy/prometheus/alerts.rules.yml']);
    run('alert rule tests', promtool, ['test', 'rules', 'deploy/prometheus/alerts.test.yml']);
  }
  if (!only || only === 'unit') {
    ensureKubectl();
    jest('unit');
  }
  if (!only || only === 'integration' || only === 'e2e') {
    step('finding PostgreSQL, Redis and NATS');
    const { ensureInfrastructure } = require('../infra/infra.cjs');
    Object.assign(process.env, await ensureInfrastructure());
    step('building');
    execFileSync(process.execPath, ['tools/build/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    ensureDebianTools();
    // Suites start services and servers of their own; one at a time keeps two cores honest.
    if (!only || only === 'integration') jest('integration', ['--runInBand']);
    if (!only || only === 'e2e') {
      // The gateway notes what it answered; afterwards the OpenAPI document must declare every status and query parameter.
      const responses = path.join(ROOT, 'tmp', 'e2e-responses');
      rmSync(responses, { recursive: true, force: true });
      process.env.RECORD_RESPONSES_TO = responses;
      jest('e2e', ['--runInBand']);
      delete process.env.RECORD_RESPONSES_TO;
      run('statuses and query parameters the API answered are declared', process.execPath, ['tools/test/check-declared-responses.mjs', responses]);
    }
  }
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(failures === 0 && totals.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`\nnpm test could not run: ${error.message}`);
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
