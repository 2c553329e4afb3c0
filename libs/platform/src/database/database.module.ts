import { DynamicModule, Global, Inject, Injectable, Module, OnModuleInit, type Type } from '@nestjs/common';
import { HealthRegistry } from '../health/health.registry';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { registerDatabase } from './prisma-lifecycle';
import { Transactions } from './transactions';

const DATABASE = Symbol('DATABASE');
const DATABASE_SCHEMA = Symbol('DATABASE_SCHEMA');

type ServiceDatabase = Transactions & {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
};

@Injectable()
class DatabaseLifecycle implements OnModuleInit {
  constructor(
    @Inject(DATABASE) private readonly database: ServiceDatabase,
    @Inject(DATABASE_SCHEMA) private readonly schema: string,
    private readonly health: HealthRegistry,
    private readonly lifecycle: LifecycleService,
  ) {}

  onModuleInit(): void {
    registerDatabase(this.database, this.schema, this.health, this.lifecycle);
  }
}

/** The service's Prisma client, also bound as its `Transactions`, with readiness and shutdown wired. */
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
      ],
      exports: [database, Transactions],
    };
  }
}
