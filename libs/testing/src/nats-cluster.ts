import { connect } from '@nats-io/transport-node';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { waitUntil } from './wait-until';

const NATS_SERVER = process.env.NATS_SERVER_PATH ?? 'nats-server';

interface ClusterNode {
  name: string;
  clientPort: number;
  routePort: number;
  storeDir: string;
  process?: ChildProcess;
}

/**
 * A JetStream cluster of `nats-server` processes on loopback ports, started and stopped by the test:
 * each node keeps its store in a directory of its own, so a node killed with -9 and restarted comes
 * back with what it had and catches up from the others.
 */
export class NatsCluster {
  private constructor(
    private readonly nodes: ClusterNode[],
    private readonly root: string,
  ) {}

  static async start(size = 3): Promise<NatsCluster> {
    const root = mkdtempSync(path.join(tmpdir(), 'nats-cluster-'));
    const nodes: ClusterNode[] = [];
    for (let i = 0; i < size; i += 1)
      nodes.push({ name: `n${i + 1}`, clientPort: await freePort(), routePort: await freePort(), storeDir: path.join(root, `n${i + 1}`) });
    const cluster = new NatsCluster(nodes, root);
    for (const node of nodes) cluster.launch(node);
    await cluster.waitForJetStream();
    return cluster;
  }

  /** The seed list clients connect with: they fail over between nodes on their own. */
  get url(): string {
    return this.nodes.map((n) => `nats://127.0.0.1:${n.clientPort}`).join(',');
  }

  nodeUrl(index: number): string {
    return `nats://127.0.0.1:${this.nodes[index].clientPort}`;
  }

  /** Kills one node with SIGKILL: no goodbye to its peers or its clients. */
  async kill(index: number): Promise<void> {
    const node = this.nodes[index];
    const exited = new Promise((resolve) => node.process?.once('exit', resolve));
    node.process?.kill('SIGKILL');
    await exited;
    node.process = undefined;
  }

  async restart(index: number): Promise<void> {
    this.launch(this.nodes[index]);
    await this.waitForJetStream();
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((_, i) => (this.nodes[i].process ? this.kill(i) : undefined)));
    rmSync(this.root, { recursive: true, force: true });
  }

  private launch(node: ClusterNode): void {
    const routes = this.nodes.filter((n) => n !== node).map((n) => `nats://127.0.0.1:${n.routePort}`);
    node.process = spawn(
      NATS_SERVER,
      [
        '-a', '127.0.0.1', '-p', String(node.clientPort), '-n', node.name, '-js', '-sd', node.storeDir,
        '--cluster_name', 'mediation-test', '--cluster', `nats://127.0.0.1:${node.routePort}`, '--routes', routes.join(','),
      ], // prettier-ignore
      { stdio: 'ignore' },
    );
  }

  /** Until every running node answers and the cluster's JetStream has a meta leader (it can place replicated streams). */
  private async waitForJetStream(timeoutMs = 30_000): Promise<void> {
    await waitUntil(
      async () => {
        for (const node of this.nodes.filter((n) => n.process)) {
          const nc = await connect({ servers: `nats://127.0.0.1:${node.clientPort}`, timeout: 1_000 });
          try {
            const info = (await nc.request('$JS.API.INFO', '', { timeout: 1_000 })).json<{ error?: { description: string } }>();
            if (info.error) throw new Error(info.error.description);
          } finally {
            await nc.close();
          }
        }
        return true;
      },
      { what: 'the NATS cluster to get ready', timeoutMs, intervalMs: 250 },
    );
  }
}
