import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from './test-database';
import { createTestNamespace, type TestNamespace } from './test-namespace';
import { waitUntil } from './wait-until';

/* eslint-disable @typescript-eslint/no-require-imports */
const ROOT = path.resolve(__dirname, '../../..');
const services = require(path.join(ROOT, 'tools/dev/services.cjs')) as ServicesModule;
const mailcatcher = require(path.join(ROOT, 'tools/mailcatcher/mailcatcher.cjs')) as {
  startMailCatcher(o: { smtpPort: number; httpPort: number }): Promise<MailCatcher>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface ServiceHandle {
  name: string;
  /** `casework`, or `casework#2` for its second replica. */
  label: string;
  replica: number;
  /** The process it runs in: its label, or for services sharing one (apps/host) the group's, `gateway+intake`. */
  process: string;
  port: number;
  metricsPort: number;
  logs: string[];
  child: { pid?: number; exitCode: number | null; kill(signal: string): void };
  exited: Promise<{ code: number | null; signal: string | null }>;
}
interface ServicesModule {
  SERVICES: { name: string; port: number }[];
  startService(service: { name: string; port: number }, env: Record<string, string>, options: object): ServiceHandle;
  startUnit(unit: { services: { name: string; port: number }[]; replica: number }, env: Record<string, string>, options: object): ServiceHandle[];
  parseTogether(text: string): string[][];
  startAll(env: Record<string, string>, options: object): Promise<ServiceHandle[]>;
  allPorts(basePort: number, replicas: Record<string, number>): number[];
  stopService(handle: ServiceHandle): Promise<unknown>;
  waitReady(handle: ServiceHandle, timeoutMs?: number): Promise<void>;
}
export interface MailMessage {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}
interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  messages(): MailMessage[];
  clear(): void;
  close(): Promise<void>;
}

export interface SeededOrganisation {
  organisationId: string;
  apiKey: string;
  contractId: string;
  [more: string]: unknown;
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** All nine services, built from dist/, on a database, namespace and mail catcher of their own. */
export class PlatformUnderTest {
  private handles = new Map<string, ServiceHandle>();
  private pool?: Pool;
  apiKey = '';
  contractId = '';
  organisationId = '';
  /** What the development seed wrote, e.g. its provider-admin's `organisationSlug`, `adminEmail` and `adminPassword`. */
  seeded: SeededOrganisation = { organisationId: '', apiKey: '', contractId: '' };

  private constructor(
    readonly db: TestDatabase,
    readonly ns: TestNamespace,
    readonly mail: MailCatcher,
    private readonly basePort: number,
  ) {}

  /**
   * `env` overrides the services' environment, e.g. a tight sign-in limit for the test that proves it;
   * `replicas` runs some services several times, e.g. `{ casework: 2 }` adds `casework#2`; `together` runs groups of
   * services in one process each (apps/host), as `npm start -- --together` does, e.g. `'2'` or `'gateway,intake'`.
   */
  static async start(options: { env?: Record<string, string>; replicas?: Record<string, number>; together?: string } = {}): Promise<PlatformUnderTest> {
    const replicas = options.replicas ?? {};
    const together = services.parseTogether(options.together ?? '');
    const [db, mail, basePort] = await Promise.all([
      createTestDatabase('e2e'),
      mailcatcher.startMailCatcher({ smtpPort: 0, httpPort: 0 }),
      freeBasePort(replicas),
    ]);
    const platform = new PlatformUnderTest(db, createTestNamespace('e'), mail, basePort);
    platform.overrides = options.env ?? {};
    try {
      for (const handle of await services.startAll(platform.env, { output: 'file', basePort: platform.basePort, replicas, together, readyTimeoutMs: 120_000 }))
        platform.handles.set(handle.label, handle);
      await platform.seed();
    } catch (error) {
      await platform.shutdown();
      throw error;
    }
    return platform;
  }

  private overrides: Record<string, string> = {};

  get env(): Record<string, string> {
    // Every suite signs in (and probes without credentials) from 127.0.0.1 many times a minute; the suite about limits sets its own.
    return {
      DATABASE_URL: this.db.url,
      NATS_NAMESPACE: this.ns.namespace,
      SMTP_URL: `smtp://127.0.0.1:${this.mail.smtpPort}`,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '10000',
      SIGN_IN_PER_MINUTE: '10000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '10000',
      AUTH_FAILURES_PER_MINUTE: '10000',
      ...this.overrides,
    };
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.basePort}`;
  }

  private async seed(): Promise<void> {
    const credentials = await this.addOrganisation();
    this.seeded = credentials;
    Object.assign(this, { apiKey: credentials.apiKey, contractId: credentials.contractId, organisationId: credentials.organisationId });
  }

  /**
   * Another provider organisation with its own key and contract, made by the development seed.
   * Asynchronous, so this process keeps serving its sockets while the seed runs.
   */
  async addOrganisation(): Promise<SeededOrganisation> {
    const dir = mkdtempSync(path.join(tmpdir(), 'mediation-seed-'));
    const out = path.join(dir, 'credentials.json');
    try {
      await promisify(execFile)(process.execPath, [path.join(ROOT, 'dist/apps/gateway/src/ops/dev-seed.js'), '--out', out, '--api-url', this.apiUrl], {
        env: { ...process.env, ...this.env },
      });
      return JSON.parse(readFileSync(out, 'utf8')) as SeededOrganisation;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async request<T = Record<string, unknown>>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.apiUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  /** A request that must succeed: anything but a 2xx fails the test, naming the route and the problem answered. */
  async ok<T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, url, body);
    if (res.status >= 300) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Makes a referral and waits for the case casework opens from it. */
  async refer(body: Record<string, unknown>): Promise<{ caseId: string; reference: string }> {
    const referral = await this.ok<{ id: string; reference: string }>('POST', '/v1/referrals', body);
    const caseId = await waitUntil(
      async () => (await this.request<{ caseId: string | null }>('GET', `/v1/referrals/${referral.id}`)).body.caseId ?? undefined,
      { what: `the case of ${referral.reference}` },
    );
    return { caseId, reference: referral.reference };
  }

  /** Read-only SQL for assertions, as the owner (every tenant), across every service's schema in the test database. */
  async sql<T extends object = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    this.pool ??= new Pool({ connectionString: this.db.ownerUrl, max: 2 });
    return (await this.pool.query<T>(query, params)).rows;
  }

  /** SIGTERM: the service stops in order; resolves with how it exited. */
  async stop(name: string): Promise<{ code: number | null; signal: string | null }> {
    return (await services.stopService(this.handle(name))) as { code: number | null; signal: string | null };
  }

  /** SIGKILL: the service (or one replica, by its label) dies mid-work, as in a crash. */
  async kill(name: string): Promise<void> {
    const handle = this.handle(name);
    handle.child.kill('SIGKILL');
    await handle.exited;
  }

  /** Starts a stopped or killed service again: with the services it shares a process with, if it does. */
  async restart(name: string): Promise<void> {
    const old = this.handle(name);
    const sharing = [...this.handles.values()].filter((h) => h.process === old.process);
    const definitions = sharing.map((h) => services.SERVICES.find((s) => s.name === h.name)!);
    const started = services.startUnit({ services: definitions, replica: old.replica }, this.env, { output: 'file', basePort: this.basePort });
    for (const handle of started) this.handles.set(handle.label, handle);
    await Promise.all(started.map((handle) => services.waitReady(handle)));
  }

  /** The labels of a service's running replicas: `casework`, `casework#2`, … */
  replicas(name: string): string[] {
    return [...this.handles.values()].filter((h) => h.name === name).map((h) => h.label);
  }

  /** The process id of a service or replica, e.g. to find which one leads its outbox relay. */
  pid(label: string): number | undefined {
    return this.handle(label).child.pid;
  }

  /** The service's Prometheus metrics, as text, from its metrics port (never the API port). */
  async metrics(name: string): Promise<string> {
    return (await fetch(this.metricsUrl(name))).text();
  }

  /** Where a service's HTTP port answers, e.g. the console's pages. */
  serviceUrl(name: string): string {
    return `http://127.0.0.1:${this.handle(name).port}`;
  }

  metricsUrl(name: string): string {
    return `http://127.0.0.1:${this.handle(name).metricsPort}/metrics`;
  }

  logs(name: string): string[] {
    return this.handle(name).logs;
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.handles.values()].map((h) => services.stopService(h)));
    await this.pool?.end();
    await this.mail.close();
    await this.ns.cleanup().catch(() => undefined);
    await this.db.drop().catch(() => undefined);
  }

  private handle(name: string): ServiceHandle {
    const handle = this.handles.get(name);
    if (!handle) throw new Error(`no service ${name}`);
    return handle;
  }
}

/**
 * A base port whose every service and replica port is free. Ports stay below 32768, where Linux picks
 * ephemeral ports for outgoing connections, so none is taken by a client meanwhile.
 */
async function freeBasePort(replicas: Record<string, number>): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    // Metrics ports sit 6400 above the API ports, so bases stay below 26000.
    const base = 20_000 + Math.floor(Math.random() * 600) * 10;
    const ports = services.allPorts(base, replicas).filter((port) => port < 32_768);
    if (ports.length === services.allPorts(base, replicas).length && (await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free ports for the platform under test after 20 tries');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
