// Finds PostgreSQL, Redis and NATS (JetStream): URLs from the environment, else servers already on
// the standard local ports, else `docker compose up -d` where a Docker engine answers. Otherwise it
// stops and says exactly what to install.
const { execFileSync, spawnSync } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const { DEFAULT_MIGRATION_URL, serviceDatabaseUrl } = require('../db/database-urls.cjs');

const ROOT = path.resolve(__dirname, '../..');

// PostgreSQL is found by the owner's URL (migrations); the services' login URL follows from it.
const SERVERS = [
  {
    name: 'PostgreSQL',
    env: 'MIGRATION_DATABASE_URL',
    url: DEFAULT_MIGRATION_URL,
    compose: 'postgres',
    install: 'apt-get install postgresql (trust auth on 127.0.0.1), or set MIGRATION_DATABASE_URL and DATABASE_URL',
  },
  { name: 'Redis', env: 'REDIS_URL', url: 'redis://127.0.0.1:6379', compose: 'redis', install: 'apt-get install redis-server, or set REDIS_URL' },
  {
    name: 'NATS with JetStream',
    env: 'NATS_URL',
    url: 'nats://127.0.0.1:4222',
    compose: 'nats',
    install: 'apt-get install nats-server and run `nats-server -js`, or set NATS_URL',
  },
];

function reachable(url, timeoutMs = 1500) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function dockerEngineAnswers() {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 2; i += 1) {
    if (await reachable(url)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/**
 * Returns the URLs to use (the services' DATABASE_URL is the application login on the migration
 * URL's server unless set); starts containers only for what is missing, and only if it can.
 */
async function ensureInfrastructure({ log = console.log } = {}) {
  const urls = await findServers(log);
  return { ...urls, DATABASE_URL: serviceDatabaseUrl({ ...process.env, ...urls }) };
}

async function findServers(log) {
  const urls = {};
  const missing = [];
  for (const server of SERVERS) {
    const url = process.env[server.env] || server.url;
    urls[server.env] = url;
    if (await reachable(url)) log(`  ${server.name}: ${redact(url)}`);
    else missing.push(server);
  }
  if (missing.length === 0) return urls;
  if (dockerEngineAnswers()) {
    log(`  starting ${missing.map((s) => s.compose).join(', ')} with docker compose`);
    execFileSync('docker', ['compose', 'up', '-d', ...missing.map((s) => s.compose)], { cwd: ROOT, stdio: 'inherit' });
    for (const server of missing) {
      if (!(await waitFor(urls[server.env], 60))) throw new Error(`${server.name} did not come up at ${redact(urls[server.env])}`);
      log(`  ${server.name}: ${redact(urls[server.env])} (docker compose)`);
    }
    return urls;
  }
  throw new Error(
    `these servers do not answer and no Docker engine is available to start them:\n${missing
      .map((s) => `  - ${s.name} at ${redact(urls[s.env])}: ${s.install}`)
      .join('\n')}`,
  );
}

function redact(url) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

module.exports = { ensureInfrastructure, reachable };
