import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RpcClient, rpcTransport } from '@mediation/messaging';
import { LifecycleService, ProblemFilter } from '@mediation/platform';
import { EVIDENCE_GRANT_TTL_MS, signEvidenceGrant, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, createTestNamespace, type TestDatabase, type TestNamespace } from '@mediation/testing';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadEvidenceConfig, type EvidenceConfig } from '../config/evidence.config';

export type StoreKind = 'local' | 's3';

export const GRANT_KEY = 'evidence-integration-test-grant-key-0000';
const BUCKET = 'evidence-test';
const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** The evidence service listening on a loopback port, on its own database, namespace and store. */
export interface EvidenceService {
  app: INestApplication;
  url: string;
  config: EvidenceConfig;
  db: TestDatabase;
  ns: TestNamespace;
  sql: Client;
  /** A signed grant, as the gateway would forward it, for one request of `meta`. */
  grant(meta: RpcMeta, method: 'GET' | 'HEAD' | 'POST', path: string, reason?: string): string;
  /** Starts answering RPCs over the test's NATS namespace (as `main.ts` does) and gives a client that asks them, as the gateway would. */
  serveRpc(): Promise<RpcClient>;
  /** Every object key in the store. */
  storedKeys(): Promise<string[]>;
  /** Replaces a stored object's bytes behind the service's back, as an intruder or a failing disk would. */
  tamper(key: string, bytes: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** Boots the service the way `main.ts` does (HTTP with the problem filter), against a local directory or an s3rver started here. */
export async function startEvidenceService(store: StoreKind): Promise<EvidenceService> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'evidence-'));
  let s3rver: ChildProcess | undefined;
  let s3: S3Client | undefined;
  const [db, ns] = [await createTestDatabase('evidence'), createTestNamespace('evidence')];
  process.env.DATABASE_URL = db.url;
  process.env.NATS_NAMESPACE = ns.namespace;
  process.env.EVIDENCE_GRANT_KEY = GRANT_KEY;
  process.env.EVIDENCE_STORE = store;
  process.env.EVIDENCE_LOCAL_DIR = path.join(scratch, 'objects');
  if (store === 's3') {
    // Its own process, so the memory the upload test measures is the evidence service's alone.
    s3rver = fork(path.join(__dirname, 's3rver.cjs'), [path.join(scratch, 's3rver')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const [{ port }] = (await once(s3rver, 'message')) as [{ port: number }];
    process.env.S3_ENDPOINT = `http://127.0.0.1:${port}`;
    process.env.S3_BUCKET = BUCKET;
    process.env.S3_ACCESS_KEY_ID = S3_CREDENTIALS.accessKeyId;
    process.env.S3_SECRET_ACCESS_KEY = S3_CREDENTIALS.secretAccessKey;
    s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT, region: 'eu-west-2', forcePathStyle: true, credentials: S3_CREDENTIALS });
  }
  const config = loadEvidenceConfig();
  const app = await NestFactory.create(AppModule.register(config), { logger: process.env.TEST_LOG ? ['error', 'warn'] : false });
  app.useGlobalFilters(new ProblemFilter());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sql = new Client({ connectionString: db.ownerUrl });
  await sql.connect();
  const localRoot = process.env.EVIDENCE_LOCAL_DIR;

  return {
    app,
    url,
    config,
    db,
    ns,
    sql,
    grant: (meta, method, p, reason) => signEvidenceGrant(GRANT_KEY, { meta, method, path: p, reason, expiresAt: Date.now() + EVIDENCE_GRANT_TTL_MS }),
    async serveRpc() {
      app.connectMicroservice({ strategy: rpcTransport('evidence')(app) }, { inheritAppConfig: true });
      await app.startAllMicroservices();
      return app.get(RpcClient);
    },
    async storedKeys() {
      if (s3) return ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!).sort();
      const files = await readdir(localRoot, { recursive: true, withFileTypes: true }).catch(() => []);
      return files
        .filter((f) => f.isFile())
        .map((f) => path.relative(localRoot, path.join(f.parentPath, f.name)))
        .sort();
    },
    async tamper(key, bytes) {
      if (s3) await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
      else await writeFile(path.join(localRoot, key), bytes);
    },
    async close() {
      await app
        .get(LifecycleService)
        .shutdown(10_000)
        .catch(() => undefined);
      await app.close().catch(() => undefined);
      await sql.end();
      s3?.destroy();
      if (s3rver) {
        s3rver.kill();
        await once(s3rver, 'exit');
      }
      await ns.cleanup();
      await db.drop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
