import IORedis from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { waitUntil } from './wait-until';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

/**
 * A redis-server of the test's own on a loopback port, run as many run Redis in production: without
 * persistence, so a kill -9 and a restart bring it back empty.
 */
export class RedisServer {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.launch();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async kill(): Promise<void> {
    const exited = new Promise((resolve) => this.child?.once('exit', resolve));
    this.child?.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  /** Starts it again on the same port, empty; resolves once it answers PING. */
  async launch(): Promise<void> {
    this.child = spawn(
      REDIS_SERVER,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
      {
        stdio: 'ignore',
      },
    );
    await waitUntil(
      async () => {
        const client = new IORedis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      { what: `redis-server on :${this.port} to answer`, timeoutMs: 10_000, intervalMs: 100 },
    );
  }

  /** A client of this server (the caller disconnects it). */
  client(): IORedis {
    return new IORedis(this.url);
  }

  async stop(): Promise<void> {
    if (this.child) await this.kill();
  }
}
