import { Injectable } from '@nestjs/common';
import type { SchedulingTx } from '../database/scheduling.database';
import { CaseFileRepository, type CaseFileRecord } from '../case-files/case-file.repository';
import { DeadlineRepository, type DeadlineRecord } from './deadline.repository';

/** Thrown while scheduling has not seen the case open yet; the inbox retries the event with backoff. */
export class CaseFileNotYetKnown extends Error {}

/**
 * What a handler reading the case's pause or state takes first: its case file, locked, so that a pause,
 * a clock starting, a date change, a closure or a reopening of one case apply one after the other.
 * The case file is always locked before the case's clocks, so two handlers never wait on each other.
 */
@Injectable()
export class CaseLock {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly deadlines: DeadlineRepository,
  ) {}

  /** The case file, locked until the transaction ends. */
  async file(tx: SchedulingTx, organisationId: string, caseId: string): Promise<CaseFileRecord> {
    const file = await this.files.lock(tx, organisationId, caseId);
    if (!file) throw new CaseFileNotYetKnown(`case ${caseId} has not been opened in scheduling yet`);
    return file;
  }

  /** The case file and then every clock of the case, locked until the transaction ends. */
  async fileAndClocks(tx: SchedulingTx, organisationId: string, caseId: string): Promise<{ file: CaseFileRecord; clocks: DeadlineRecord[] }> {
    const file = await this.file(tx, organisationId, caseId);
    return { file, clocks: await this.deadlines.lockForCase(tx, organisationId, caseId) };
  }
}
