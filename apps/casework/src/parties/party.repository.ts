import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@mediation/platform';
import type { Party, Prisma } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type PartyRecord = Party;

/** What callers give and get: access needs in the clear; the table only ever holds them sealed. */
export interface PartyFields {
  role: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  contactPreferences?: { channels: string[]; times?: string } | null;
  accessibilityNeeds?: string | null;
  interpreterLanguage?: string | null;
}

/** The FieldCipher context its sealed text is bound to: every reader and re-sealer must use this one. */
export const partyContext = (partyId: string) => `casework.party:${partyId}`;

@Injectable()
export class PartyRepository {
  constructor(private readonly cipher: FieldCipher) {}

  create(
    tx: CaseworkTx,
    ids: { id: string; organisationId: string; caseId: string; source: 'referral' | 'manual'; at: Date },
    fields: PartyFields,
  ): Promise<PartyRecord> {
    return tx.party.create({
      data: {
        id: ids.id,
        organisationId: ids.organisationId,
        caseId: ids.caseId,
        source: ids.source,
        createdAt: ids.at,
        updatedAt: ids.at,
        ...this.columns(ids.id, fields),
      } as Prisma.PartyUncheckedCreateInput,
    });
  }

  /** Several parties of one case in one statement (a referral's parties when its case opens). */
  async createAll(
    tx: CaseworkTx,
    ids: { organisationId: string; caseId: string; source: 'referral' | 'manual'; at: Date },
    parties: { id: string; fields: PartyFields }[],
  ): Promise<void> {
    if (parties.length === 0) return;
    await tx.party.createMany({
      data: parties.map(
        ({ id, fields }) =>
          ({
            id,
            organisationId: ids.organisationId,
            caseId: ids.caseId,
            source: ids.source,
            createdAt: ids.at,
            updatedAt: ids.at,
            ...this.columns(id, fields),
          }) as Prisma.PartyCreateManyInput,
      ),
    });
  }

  update(tx: CaseworkTx, id: string, fields: Partial<PartyFields>, at: Date): Promise<PartyRecord> {
    return tx.party.update({ where: { id }, data: { ...this.columns(id, fields), updatedAt: at } as Prisma.PartyUncheckedUpdateInput });
  }

  findById(tx: CaseworkTx, caseId: string, id: string): Promise<PartyRecord | null> {
    return tx.party.findFirst({ where: { caseId, id } });
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<PartyRecord[]> {
    return tx.party.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  }

  /** Opens a party's access needs; the caller has had the read audited. */
  accessibilityNeeds(row: PartyRecord): string | null {
    return row.accessibilityNeedsSealed ? this.cipher.decrypt(row.accessibilityNeedsSealed, partyContext(row.id)) : null;
  }

  private columns(id: string, fields: Partial<PartyFields>) {
    const { accessibilityNeeds, contactPreferences, ...plain } = fields;
    return {
      ...plain,
      ...(contactPreferences !== undefined ? { contactPreferences: contactPreferences ?? undefined } : {}),
      ...(accessibilityNeeds !== undefined
        ? { accessibilityNeedsSealed: accessibilityNeeds ? this.cipher.encrypt(accessibilityNeeds, partyContext(id)) : null }
        : {}),
    };
  }
}
