// Starts the eight services as child processes and waits until each says it is ready.
// Used by `npm start`, the end-to-end tests and the benchmark, so all three run the same way.
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
];

const COLOURS = [36, 32, 33, 35, 34, 96, 92, 93];
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
  return `\x1b[${colour}m${name.padEnd(10)}\x1b[0m| ${text}\n`;
}

/** Each service's metrics are on a port of their own (METRICS_PORT): 9400-9407 by default. */
const METRICS_PORT_OFFSET = 6400;

/**
 * The ports of one service: from `basePort` a slot of 20, the API on base+0..7 and metrics on
 * base+10..17 (tests and benches run several platforms side by side); else 3000-3007 and 9400-9407.
 */
function portsOf(service, basePort = 0) {
  const index = SERVICES.findIndex((s) => s.name === service.name);
  return basePort ? { port: basePort + index, metricsPort: basePort + 10 + index } : { port: SERVICES[index].port, metricsPort: SERVICES[index].port + METRICS_PORT_OFFSET };
}

/**
 * Starts one service. `output` is 'pretty' (to this terminal), 'file' (collected for a test to show
 * on failure) or 'silent'.
 */
function startService(service, env, { output = 'pretty', basePort = 0 } = {}) {
  const index = SERVICES.findIndex((s) => s.name === service.name);
  const { port, metricsPort } = portsOf(service, basePort);
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(ROOT, 'dist/apps', service.name, 'src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), METRICS_PORT: String(metricsPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = { name: service.name, port, metricsPort, child, logs: [], exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))) };
  let buffer = '';
  const onData = (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (output === 'pretty') process.stdout.write(prettyLine(service.name, COLOURS[index % COLOURS.length], line));
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
    if (handle.child.exitCode !== null) throw new Error(`${handle.name} exited with code ${handle.child.exitCode} before it was ready:\n${handle.logs.slice(-20).join('\n')}`);
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

async function startAll(env, options = {}) {
  const only = options.only ?? SERVICES.map((s) => s.name);
  const handles = SERVICES.filter((s) => only.includes(s.name)).map((s) => startService(s, env, options));
  try {
    await Promise.all(handles.map((h) => waitReady(h, options.readyTimeoutMs)));
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

module.exports = { SERVICES, portsOf, startService, startAll, stopService, waitReady };
