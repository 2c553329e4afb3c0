import { Inject, Injectable } from '@nestjs/common';
import type { Transactions } from './transactions';

export const DATABASE = Symbol('DATABASE');
export const DATABASE_SCHEMA = Symbol('DATABASE_SCHEMA');

export type ServiceDatabase = Transactions & {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
};

/**
 * The organisations a service holds rows for, from its `<schema>.tenant` list (organisation ids only,
 * readable before a tenant is set, kept by triggers on the tables it covers). Jobs that cover every
 * tenant take them one at a time inside `db.run(…, { organisationId })`, so no code path bypasses the wall.
 */
@Injectable()
export class TenantDirectory {
  constructor(
    @Inject(DATABASE) private readonly db: ServiceDatabase,
    @Inject(DATABASE_SCHEMA) private readonly schema: string,
  ) {}

  async organisationIds(): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(`SELECT organisation_id::text AS id FROM "${this.schema}"."tenant" ORDER BY 1`);
    return rows.map((r) => r.id);
  }
}
