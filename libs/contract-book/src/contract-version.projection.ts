import { Inject, Injectable } from '@nestjs/common';
import { quoteIdent, type SqlTx } from '@mediation/messaging';
import { CONTRACT_BOOK_OPTIONS, type ContractBookOptions } from './contract-book.options';

/** A row of the projection, its definition still the JSON text stored. */
export interface ProjectedVersion {
  contractId: string;
  version: number;
  template: string | null;
  definition: string;
}

export interface PublishedVersion {
  organisationId: string;
  contractId: string;
  version: number;
  status: string;
  template: string | null;
  definition: unknown;
}

interface Row {
  contract_id: string;
  version: number;
  template: string | null;
  definition: string;
}

const COLUMNS = 'contract_id, version, template, definition::text AS definition';

/**
 * The `contract_version` table in the service's own schema (the same DDL in each: see README), read and
 * written with plain SQL on the caller's transaction, so any service's Prisma client (or none) will do.
 */
@Injectable()
export class ContractVersionProjection {
  private readonly table: string;

  constructor(@Inject(CONTRACT_BOOK_OPTIONS) options: Pick<ContractBookOptions, 'schema'>) {
    this.table = `${quoteIdent(options.schema)}.contract_version`;
  }

  async find(tx: SqlTx, organisationId: string, contractId: string, version: number): Promise<ProjectedVersion | null> {
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE organisation_id = $1::uuid AND contract_id = $2::uuid AND version = $3`,
      organisationId,
      contractId,
      version,
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  async newest(tx: SqlTx, organisationId: string, contractId: string): Promise<ProjectedVersion | null> {
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE organisation_id = $1::uuid AND contract_id = $2::uuid ORDER BY version DESC LIMIT 1`,
      organisationId,
      contractId,
    );
    return rows.length ? toVersion(rows[0]) : null;
  }

  /** Keeps the first copy of a version (its definition never changes) and the newest status. */
  async save(tx: SqlTx, v: PublishedVersion): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.table} (organisation_id, contract_id, version, status, template, definition) VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb)
       ON CONFLICT (contract_id, version) DO UPDATE SET status = EXCLUDED.status`,
      v.organisationId,
      v.contractId,
      v.version,
      v.status,
      v.template,
      JSON.stringify(v.definition),
    );
  }
}

function toVersion(row: Row): ProjectedVersion {
  return { contractId: row.contract_id, version: Number(row.version), template: row.template, definition: row.definition };
}
