// Starts the nine services as child processes and waits until each says it is ready.
// Used by `npm start`, the end-to-end tests and the benchmark, so all three run the same way.
// A service may run as several replicas: replica r (0-based) listens on its port + 10 * r, and the
// replicas share the work through NATS (one queue group for RPC, one durable consumer per service).
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

const SERVICES = [
  { name: 'gateway', port: 3000 },
  { name: 'intake', port: 3001 },
  { name: 'casework', port: 3002 },
  { name: 'scheduling', port: 3003 },
  { name: 'evidence', port: 3004 },
  { name: 'billing', port: 3005 },
  { name: 'reporting', port: 3006 },
  { name: 'notify', port: 3007 },
  // Partners' webhooks and the pull feed: its own app, so slow partners and their retries scale apart from email.
  { name: 'webhooks', port: 3008 },
  // The web console for staff: pages over the gateway's public API, with no database of its own.
  { name: 'console', port: 3009 },
];

/** The services `--replicas N` multiplies: those on the referral path that hold no port clients must know. */
const REPLICATED = ['intake', 'casework', 'scheduling', 'notify'];
/** Ports between a service's replicas: the ten apps of one platform fit in between (an eleventh needs a larger step). */
const REPLICA_PORT_STEP = 10;

const COLOURS = [36, 32, 33, 35, 34, 96, 92, 93, 95];
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Pretty one-line logs: `casework   | info  consuming ...`. */
function prettyLine(name, colour, line) {
  let text = line;
  try {
    const entry = JSON.parse(line);
    text = `${(LEVELS[entry.level] ?? 'info').padEnd(5)} ${entry.context ? `[${entry.context}] ` : ''}${entry.msg ?? ''}${entry.err ? ` ${entry.err.message ?? ''}` : ''}`;
  } catch {
    // not JSON: print as it is
  }
  return `\x1b[${colour}m${name.padEnd(12)}\x1b[0m| ${text}\n`;
}

/**
 * Each service's metrics are on a port of their own (METRICS_PORT), 6400 above its API port:
 * 9400-9408 by default. Tests keep their base ports below 26000 so both stay under the ephemeral range.
 */
const METRICS_PORT_OFFSET = 6400;

/**
 * Replicas per service from `--replicas`: a number (that many of each of REPLICATED) or a list such
 * as `casework=3,notify=2`. Services not named run once.
 */
function parseReplicas(text) {
  if (!text) return {};
  if (/^\d+$/.test(text)) return Object.fromEntries(REPLICATED.map((name) => [name, Number(text)]));
  const replicas = {};
  for (const part of text.split(',')) {
    const [name, count] = part.split('=');
    if (!SERVICES.some((s) => s.name === name) || !/^\d+$/.test(count ?? '') || Number(count) < 1) {
      throw new Error(`--replicas: "${part}" is not <service>=<count> with one of ${SERVICES.map((s) => s.name).join(', ')} and a count of 1 or more`);
    }
    replicas[name] = Number(count);
  }
  return replicas;
}

/**
 * How every service's node runs (the Dockerfile's CMD uses the same): what keeps an idle service small.
 * --liftoff-only: Prisma's query compiler is WebAssembly, and V8's optimising tier kept ~60 MB of
 * compiled code per service for it; its query plans are cached, so it runs rarely once warm.
 * --max-semi-space-size=2 (MB): a young generation of 2 x 2 MB instead of up to 2 x 16 MB.
 * Not --optimize-for-size: measured twice (third and fifth passes in the README), it shrinks the heap
 * sooner after boot but costs about 10% of the services' CPU and makes the end-to-end p99 several times longer.
 * No --enable-source-maps (15 MB, and every error's stack mapped): set NODE_OPTIONS=--enable-source-maps to debug.
 * SERVICE_ENV sets glibc's mmap threshold: allocations of 128 KB or more (WebAssembly bytes, Prisma's
 * compile buffers) then come from mmap and go back to the system when freed, instead of staying in the
 * heap's middle (about 8 MB less resident per service).
 */
const SERVICE_NODE_FLAGS = ['--liftoff-only', '--max-semi-space-size=2'];
const SERVICE_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };
/** More flags for every service from SERVICE_NODE_FLAGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a bench run (not allowed in NODE_OPTIONS). */
const extraNodeFlags = () => (process.env.SERVICE_NODE_FLAGS ?? '').split(' ').filter(Boolean);

/** The API and metrics ports of one replica of a service: 3000-3008 (or from `basePort`), 10 more per replica. */
function portsOf(service, { basePort = 0, replica = 0 } = {}) {
  const index = SERVICES.findIndex((s) => s.name === service.name);
  const port = (basePort ? basePort + index : service.port) + replica * REPLICA_PORT_STEP;
  return { port, metricsPort: port + METRICS_PORT_OFFSET };
}

/** Every port, API and metrics, a platform with these replicas listens on. */
function allPorts(basePort, replicas = {}) {
  return SERVICES.flatMap((s) => Array.from({ length: replicas[s.name] ?? 1 }, (_, replica) => Object.values(portsOf(s, { basePort, replica }))).flat());
}

/** The console calls the gateway (its first replica) over HTTP, like any client of the public API. */
function consoleEnv(service, basePort) {
  if (service.name !== 'console') return {};
  return { GATEWAY_URL: `http://127.0.0.1:${portsOf(SERVICES[0], { basePort }).port}` };
}

/**
 * Starts one service (or one more replica of it). `output` is 'pretty' (to this terminal), 'file'
 * (collected for a test to show on failure) or 'silent'. The handle's `label` names the replica:
 * `casework` for the first, `casework#2` for the second.
 */
function startService(service, env, { output = 'pretty', basePort = 0, replica = 0 } = {}) {
  const index = SERVICES.findIndex((s) => s.name === service.name);
  const { port, metricsPort } = portsOf(service, { basePort, replica });
  const label = replica ? `${service.name}#${replica + 1}` : service.name;
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...extraNodeFlags(), path.join(ROOT, 'dist/apps', service.name, 'src/main.js')], {
    cwd: ROOT,
    // The gateway streams evidence files to the evidence service's own port (first replica), wherever the ports start.
    env: {
      ...SERVICE_ENV,
      EVIDENCE_URL: `http://127.0.0.1:${
        portsOf(
          SERVICES.find((s) => s.name === 'evidence'),
          { basePort },
        ).port
      }`,
      ...process.env,
      ...env,
      ...consoleEnv(service, basePort),
      PORT: String(port),
      METRICS_PORT: String(metricsPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = {
    name: service.name,
    label,
    replica,
    port,
    metricsPort,
    child,
    logs: [],
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  let buffer = '';
  const onData = (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (output === 'pretty') process.stdout.write(prettyLine(label, COLOURS[index % COLOURS.length], line));
      else if (output === 'file') {
        handle.logs.push(line);
        if (handle.logs.length > 2000) handle.logs.shift();
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return handle;
}

async function waitReady(handle, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (handle.child.exitCode !== null)
      throw new Error(`${handle.name} exited with code ${handle.child.exitCode} before it was ready:\n${handle.logs.slice(-20).join('\n')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${handle.port}/health/ready`);
      if (res.ok) return;
      last = await res.text();
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${handle.name} was not ready within ${timeoutMs} ms: ${last}`);
}

/**
 * Starts every service (or `options.only`), each `options.replicas[name]` times (default once): the
 * first of each, then, once they are ready, the other replicas, so the boots do not all compete.
 */
async function startAll(env, options = {}) {
  const only = options.only ?? SERVICES.map((s) => s.name);
  const wanted = SERVICES.filter((s) => only.includes(s.name));
  const handles = [];
  try {
    for (let replica = 0; replica < Math.max(1, ...Object.values(options.replicas ?? {})); replica += 1) {
      const wave = wanted.filter((s) => replica < (options.replicas?.[s.name] ?? 1)).map((s) => startService(s, env, { ...options, replica }));
      handles.push(...wave);
      await Promise.all(wave.map((h) => waitReady(h, options.readyTimeoutMs)));
    }
  } catch (error) {
    // One failed to start: stop the others rather than leave them running unowned.
    await Promise.all(handles.map((h) => stopService(h, 5_000)));
    throw error;
  }
  return handles;
}

/** SIGTERM, then SIGKILL for whatever has not stopped in time. */
async function stopService(handle, timeoutMs = 25_000) {
  if (handle.child.exitCode !== null || handle.child.signalCode !== null) return handle.exited;
  handle.child.kill('SIGTERM');
  const timer = setTimeout(() => handle.child.kill('SIGKILL'), timeoutMs);
  const result = await handle.exited;
  clearTimeout(timer);
  return result;
}

module.exports = { SERVICES, REPLICATED, parseReplicas, portsOf, allPorts, startService, startAll, stopService, waitReady };
