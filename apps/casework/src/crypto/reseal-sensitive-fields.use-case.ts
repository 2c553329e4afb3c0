import { Injectable, Logger } from '@nestjs/common';
import { FieldCipher } from '@mediation/platform';
import { CaseworkDatabase } from '../database/casework.database';
import { noteContext } from '../notes/note.repository';
import { partyContext } from '../parties/party.repository';
import { ResealingRepository, type SealedField } from './resealing.repository';

const BATCH = 200;

export interface ResealingResult {
  resealed: number;
  failed: number;
  /** Rows still naming an old key after the pass (the failed ones, and any written meanwhile by a replica with the old ring). */
  remaining: number;
}

/** The AAD each sealed field was bound to; it must match the repositories that seal them. */
const contextOf = (field: SealedField) => (field.table === 'note' ? noteContext(field.id) : partyContext(field.id));

/**
 * Re-encrypts, under the current key, every sensitive note and party's access needs sealed under an older
 * key (after a rotation), one tenant at a time, so the old key can be dropped once nothing names it.
 */
@Injectable()
export class ResealSensitiveFieldsUseCase {
  private readonly logger = new Logger(ResealSensitiveFieldsUseCase.name);

  constructor(
    private readonly db: CaseworkDatabase,
    private readonly rows: ResealingRepository,
    private readonly cipher: FieldCipher,
  ) {}

  async execute(): Promise<ResealingResult> {
    const result: ResealingResult = { resealed: 0, failed: 0, remaining: 0 };
    // One tenant at a time: row-level security hides every note and party from a transaction without one.
    for (const organisationId of await this.rows.organisationIds()) await this.resealTenant(organisationId, result);
    return result;
  }

  private async resealTenant(organisationId: string, result: ResealingResult): Promise<void> {
    const current = this.cipher.currentKeyId;
    let after: SealedField | undefined;
    for (;;) {
      const page = await this.db.forTenant(organisationId, (tx) => this.rows.findUnderOtherKeys(tx, organisationId, current, after, BATCH));
      for (const field of page) await this.resealOne(organisationId, field, result);
      if (page.length < BATCH) break;
      after = page[page.length - 1];
    }
    result.remaining += await this.db.forTenant(organisationId, (tx) => this.rows.countUnderOtherKeys(tx, organisationId, current));
  }

  private async resealOne(organisationId: string, field: SealedField, result: ResealingResult): Promise<void> {
    try {
      const context = contextOf(field);
      const resealed = this.cipher.encrypt(this.cipher.decrypt(field.sealed, context), context);
      if (await this.db.forTenant(organisationId, (tx) => this.rows.replace(tx, organisationId, field, resealed))) result.resealed += 1;
    } catch (error) {
      // One unreadable row (its key already removed from the ring, or tampered) must not stop the rest.
      result.failed += 1;
      this.logger.error({ organisationId, table: field.table, id: field.id, err: error }, 'could not re-seal a sensitive field');
    }
  }
}
