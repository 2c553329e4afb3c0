import { DynamicModule, Global, Module } from '@nestjs/common';
import type { EvidenceConfig } from '../config/evidence.config';
import { LocalObjectStore } from './local-object-store';
import { OBJECT_STORE, type ObjectStore } from './object-store';
import { S3ObjectStore } from './s3-object-store';

/** Builds the store configuration names: EVIDENCE_STORE=local (default) or s3. */
export async function objectStoreFor(config: EvidenceConfig): Promise<ObjectStore> {
  if (config.EVIDENCE_STORE === 'local') return new LocalObjectStore(config.EVIDENCE_LOCAL_DIR);
  const store = new S3ObjectStore({
    bucket: config.S3_BUCKET,
    client: {
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
        : {}),
    },
  });
  await store.ensureBucket();
  return store;
}

@Global()
@Module({})
export class StorageModule {
  static register(config: EvidenceConfig): DynamicModule {
    return { module: StorageModule, providers: [{ provide: OBJECT_STORE, useFactory: () => objectStoreFor(config) }], exports: [OBJECT_STORE] };
  }
}
