import type { IncomingHttpHeaders, Server } from 'node:http';
import { listenWithBodies } from './body-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A partner's webhook receiver started by a test: records every request, and answers each path from a
 * script of statuses (the last one repeats), with `thanks` on success and `no (<status>)` otherwise.
 */
export class PartnerReceiver {
  readonly received: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server!: Server;

  async start(): Promise<this> {
    this.server = await listenWithBodies((req, body, res) => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body });
      const script = this.scripts.get(path) ?? [200];
      const status = script.length > 1 ? script.shift()! : script[0];
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : `no (${status})`);
    });
    return this;
  }

  /** The URL of a path on this receiver, answering the statuses given in turn. */
  url(path: string, statuses: number[] = [200]): string {
    this.scripts.set(path, [...statuses]);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): ReceivedRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
