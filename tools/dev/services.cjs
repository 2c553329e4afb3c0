// Starts the nine services as child processes and waits until each says it is ready.
// Used by `npm start`, the end-to-end tests and the benchmark, so all three run the same way.
// A service may run as several replicas: replica r (0-based) listens on its port + 10 * r, and the
// replicas share the work through NATS (one queue group for RPC, one durable consumer per service).
const { spawn } = require('node:child_process');
const os = require('node:os');
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
/**
 * A host's (apps/host, several services in one process): its services share one young generation, so it gets V8's
 * default 16 MB semi-spaces. Measured (README, twelfth pass): 26.0 ms of CPU a referral instead of 31 at 200/s offered,
 * and the same memory after a minute idle (122 and 153 MB); a service alone with 16 MB held 150-161 MB idle.
 */
const HOST_NODE_FLAGS = ['--liftoff-only', '--max-semi-space-size=16'];
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
  const proc = spawnNode(
    path.join(ROOT, 'dist/apps', service.name, 'src/main.js'),
    serviceEnv(env, basePort, service, { PORT: String(port), METRICS_PORT: String(metricsPort) }),
    {
      label,
      colour: COLOURS[index % COLOURS.length],
      output,
    },
  );
  return { name: service.name, label, process: label, replica, port, metricsPort, ...proc };
}

/**
 * Starts services that share one Node process (apps/host, `SERVICES=...`), each on its own ports: one handle per
 * service, all holding the same child. A group holding the gateway runs at a lower CPU priority (nice 10) than the
 * rest: under overload the machine then goes to the work already accepted before more is accepted, so the queues
 * behind the gateway cannot grow (one process gets one thread's share of the cores, where each of the services it
 * holds had had one).
 */
function startGroup(services, env, { output = 'pretty', basePort = 0 } = {}) {
  const label = services.map((s) => s.name).join('+');
  const ports = services.map((service) => ({ service, ...portsOf(service, { basePort }) }));
  const own = Object.fromEntries(
    ports.flatMap(({ service, port, metricsPort }) => [
      [`${service.name.toUpperCase()}_PORT`, String(port)],
      [`${service.name.toUpperCase()}_METRICS_PORT`, String(metricsPort)],
    ]),
  );
  const groupEnv = {
    ...serviceEnv(env, basePort, services.find((s) => s.name === 'console') ?? services[0], {}),
    ...own,
    SERVICES: services.map((s) => s.name).join(','),
  };
  delete groupEnv.PORT;
  delete groupEnv.METRICS_PORT;
  const index = SERVICES.findIndex((s) => s.name === services[0].name);
  const proc = spawnNode(path.join(ROOT, 'dist/apps/host/src/main.js'), groupEnv, {
    label,
    colour: COLOURS[index % COLOURS.length],
    output,
    flags: HOST_NODE_FLAGS,
  });
  if (services.some((s) => s.name === 'gateway')) {
    try {
      os.setPriority(proc.child.pid, ACCEPTING_GROUP_NICE);
    } catch {
      // Not allowed here: the group runs at the usual priority.
    }
  }
  return ports.map(({ service, port, metricsPort }) => ({ name: service.name, label: service.name, process: label, replica: 0, port, metricsPort, ...proc }));
}

/** The CPU priority of a group holding the gateway (see startGroup): higher is lower, 0 the usual. */
const ACCEPTING_GROUP_NICE = 10;

/** A service's environment: the evidence service's URL for the gateway, the caller's, the console's gateway, its own. */
function serviceEnv(env, basePort, service, own) {
  return {
    ...SERVICE_ENV,
    // The gateway streams evidence files to the evidence service's own port (first replica), wherever the ports start.
    EVIDENCE_URL: `http://127.0.0.1:${
      portsOf(
        SERVICES.find((s) => s.name === 'evidence'),
        { basePort },
      ).port
    }`,
    ...process.env,
    ...env,
    ...consoleEnv(service, basePort),
    ...own,
  };
}

/** Spawns node on a script with the services' flags, its output to this terminal ('pretty'), kept ('file') or dropped. */
function spawnNode(script, env, { label, colour, output, flags = SERVICE_NODE_FLAGS }) {
  const child = spawn(process.execPath, [...flags, ...extraNodeFlags(), script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = { child, logs: [], exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))) };
  let buffer = '';
  const onData = (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (output === 'pretty') process.stdout.write(prettyLine(label, colour, line));
      else if (output === 'file') {
        proc.logs.push(line);
        if (proc.logs.length > 2000) proc.logs.shift();
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return proc;
}

/**
 * `--together`: groups of services that share a process, `+` between groups and `,` within one, e.g.
 * `gateway,intake+casework,scheduling,notify`; `2` is the two groups measured in the README (the gateway with intake,
 * and every other service but the console). Each group's services are kept in the platform's order.
 */
function parseTogether(text) {
  if (!text) return [];
  const groups = (text === '2' ? TOGETHER_PRESET.map((g) => g.join(',')) : text.split('+')).map((group) =>
    group
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  const named = groups.flat();
  const unknown = named.filter((name) => !SERVICES.some((s) => s.name === name));
  if (unknown.length) throw new Error(`--together: ${unknown.join(', ')} is not one of ${SERVICES.map((s) => s.name).join(', ')}`);
  const twice = named.filter((name, i) => named.indexOf(name) !== i);
  if (twice.length) throw new Error(`--together: ${[...new Set(twice)].join(', ')} is in more than one group`);
  return groups.filter((g) => g.length > 1).map((g) => SERVICES.map((s) => s.name).filter((name) => g.includes(name)));
}

const TOGETHER_PRESET = [
  ['gateway', 'intake'],
  ['casework', 'scheduling', 'evidence', 'billing', 'reporting', 'notify', 'webhooks'],
];

/**
 * The processes a platform runs, in start order: a group of `together` as one (apps/host), every other service once per
 * replica. Replicas and groups do not mix: a group is one process, a replica is a process of its own.
 */
function launchUnits(replicas = {}, together = []) {
  if (together.length > 0 && Object.values(replicas).some((n) => n > 1))
    throw new Error('--together and --replicas do not mix: a group is one process, a replica one of its own');
  const units = [];
  for (const service of SERVICES) {
    const group = together.find((g) => g.includes(service.name));
    if (group) {
      if (group[0] === service.name) units.push({ services: group.map((name) => SERVICES.find((s) => s.name === name)), replica: 0 });
      continue;
    }
    for (let replica = 0; replica < (replicas[service.name] ?? 1); replica += 1) units.push({ services: [service], replica });
  }
  return units;
}

/** Starts one launch unit (see launchUnits): its handles, one per service. */
function startUnit(unit, env, options = {}) {
  return unit.services.length > 1 ? startGroup(unit.services, env, options) : [startService(unit.services[0], env, { ...options, replica: unit.replica })];
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
    const units = launchUnits(options.replicas, options.together).filter((unit) => unit.services.some((s) => wanted.includes(s)));
    for (let replica = 0; replica < Math.max(1, ...units.map((u) => u.replica + 1)); replica += 1) {
      const wave = units.filter((u) => u.replica === replica).flatMap((u) => startUnit(u, env, options));
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

/** Processes being stopped: the services of a group share one, which is sent one SIGTERM however many ask. */
const stopping = new WeakMap();

/** SIGTERM, then SIGKILL for whatever has not stopped in time. */
function stopService(handle, timeoutMs = 25_000) {
  if (handle.child.exitCode !== null || handle.child.signalCode !== null) return handle.exited;
  if (!stopping.has(handle.child)) {
    handle.child.kill('SIGTERM');
    const timer = setTimeout(() => handle.child.kill('SIGKILL'), timeoutMs);
    stopping.set(
      handle.child,
      handle.exited.finally(() => clearTimeout(timer)),
    );
  }
  return stopping.get(handle.child);
}

module.exports = {
  SERVICES,
  REPLICATED,
  parseReplicas,
  parseTogether,
  launchUnits,
  portsOf,
  allPorts,
  startService,
  startUnit,
  startAll,
  stopService,
  waitReady,
};
