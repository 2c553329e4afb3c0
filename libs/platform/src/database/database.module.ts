import { DynamicModule, Global, Inject, Injectable, Module, OnModuleInit, type Type } from '@nestjs/common';
import { HealthRegistry } from '../health/health.registry';
import { assertApplicationLogin } from './application-login';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { registerDatabase } from './prisma-lifecycle';
import { releaseQueryCompilerSource } from './query-compiler-source';
import { Transactions } from './transactions';

import { DATABASE, DATABASE_SCHEMA, TenantDirectory, type ServiceDatabase } from './tenant-directory';

@Injectable()
class DatabaseLifecycle implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly database: ServiceDatabase,
    @Inject(DATABASE_SCHEMA) private readonly schema: string,
    private readonly health: HealthRegistry,
    private readonly lifecycle: LifecycleService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Its first query built the query compiler, so the compiler's source can go.
    await assertApplicationLogin(this.database, this.schema);
    releaseQueryCompilerSource();
    registerDatabase(this.database, this.schema, this.health, this.lifecycle);
  }
}

/** The service's Prisma client, also bound as its `Transactions`, with readiness and shutdown wired, and its tenant list. */
@Global()
@Module({})
export class DatabaseModule {
  static forService<T extends ServiceDatabase>(database: Type<T>, schema: string, create: () => T): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: database, useFactory: create },
        { provide: DATABASE, useExisting: database },
        { provide: Transactions, useExisting: database },
        { provide: DATABASE_SCHEMA, useValue: schema },
        DatabaseLifecycle,
        TenantDirectory,
      ],
      exports: [database, Transactions, TenantDirectory],
    };
  }
}
