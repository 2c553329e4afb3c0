export interface ContractBookOptions {
  /** The service keeping the book: it asks intake as `service:<name>`. */
  service: string;
  /** The service's own PostgreSQL schema, which holds its `contract_version` table. */
  schema: string;
}

export const CONTRACT_BOOK_OPTIONS = Symbol('CONTRACT_BOOK_OPTIONS');

/** One timeout for every question to intake: well inside the 15 s a handler's transaction may take. */
export const INTAKE_TIMEOUT_MS = 5_000;

/** Parsed versions kept in memory per process; a version's definition never changes, so they never go stale. */
export const CACHED_VERSIONS = 200;
