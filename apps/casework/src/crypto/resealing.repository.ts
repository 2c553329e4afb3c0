import { Injectable } from '@nestjs/common';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';

/** A sealed field of one row: where it lives and its sealed text (`v1.<keyId>.…`). */
export interface SealedField {
  table: 'note' | 'party';
  id: string;
  sealed: string;
}

/** A sealed value names its key in its second dot-separated part; key ids cannot hold a dot. */
const KEY_OF_NOTE = `split_part(body, '.', 2)`;
const KEY_OF_PARTY = `split_part(accessibility_needs_sealed, '.', 2)`;

/** The rows whose sensitive fields are sealed under a key other than the current one: sensitive notes and parties' access needs. */
@Injectable()
export class ResealingRepository {
  constructor(private readonly db: CaseworkDatabase) {}

  /** The organisations with cases (casework.tenant holds only their ids, so any transaction may read it). */
  async organisationIds(): Promise<string[]> {
    const rows = await this.db.tenant.findMany({ select: { organisationId: true }, orderBy: { organisationId: 'asc' } });
    return rows.map((r) => r.organisationId);
  }

  /** A page of one tenant's sealed fields under another key than `currentKeyId`, notes first, by id. */
  async findUnderOtherKeys(
    tx: CaseworkTx,
    organisationId: string,
    currentKeyId: string,
    after: SealedField | undefined,
    limit: number,
  ): Promise<SealedField[]> {
    const notes =
      after?.table === 'party'
        ? []
        : await tx.$queryRawUnsafe<{ id: string; sealed: string }[]>(
            `SELECT id, body AS sealed FROM casework.note WHERE organisation_id = $1::uuid AND sensitive AND ${KEY_OF_NOTE} <> $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
            organisationId,
            currentKeyId,
            after?.table === 'note' ? after.id : null,
            limit,
          );
    if (notes.length === limit) return notes.map((n) => ({ table: 'note', ...n }));
    const parties = await tx.$queryRawUnsafe<{ id: string; sealed: string }[]>(
      `SELECT id, accessibility_needs_sealed AS sealed FROM casework.party WHERE organisation_id = $1::uuid AND accessibility_needs_sealed IS NOT NULL AND ${KEY_OF_PARTY} <> $2 AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      organisationId,
      currentKeyId,
      after?.table === 'party' ? after.id : null,
      limit - notes.length,
    );
    return [...notes.map((n) => ({ table: 'note' as const, ...n })), ...parties.map((p) => ({ table: 'party' as const, ...p }))];
  }

  /** Replaces a sealed value only if it is still the one read, so a concurrent edit is never overwritten; false when it changed. */
  async replace(tx: CaseworkTx, organisationId: string, field: SealedField, resealed: string): Promise<boolean> {
    const { count } =
      field.table === 'note'
        ? await tx.note.updateMany({ where: { organisationId, id: field.id, sensitive: true, body: field.sealed }, data: { body: resealed } })
        : await tx.party.updateMany({
            where: { organisationId, id: field.id, accessibilityNeedsSealed: field.sealed },
            data: { accessibilityNeedsSealed: resealed },
          });
    return count === 1;
  }

  /** How many of one tenant's sealed fields still name a key other than `currentKeyId`. */
  async countUnderOtherKeys(tx: CaseworkTx, organisationId: string, currentKeyId: string): Promise<number> {
    const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
      `SELECT ((SELECT count(*) FROM casework.note WHERE organisation_id = $1::uuid AND sensitive AND ${KEY_OF_NOTE} <> $2)
             + (SELECT count(*) FROM casework.party WHERE organisation_id = $1::uuid AND accessibility_needs_sealed IS NOT NULL AND ${KEY_OF_PARTY} <> $2))::int AS n`,
      organisationId,
      currentKeyId,
    );
    return row.n;
  }
}
