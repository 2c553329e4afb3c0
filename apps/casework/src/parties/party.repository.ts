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

/** A party row by its column names, as a statement inserting it from JSON takes it. */
export interface PartyRow {
  id: string;
  organisation_id: string;
  case_id: string;
  role: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  contact_preferences: PartyFields['contactPreferences'];
  accessibility_needs_sealed: string | null;
  interpreter_language: string | null;
  source: string;
  created_at: Date;
  updated_at: Date;
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

  /**
   * A new case's parties as their table holds them (column names, access needs sealed), for the statement
   * that opens the case to insert with it (CaseOpeningRepository.openForReferral).
   */
  rowsOf(ids: { organisationId: string; caseId: string; source: 'referral' | 'manual'; at: Date }, parties: { id: string; fields: PartyFields }[]): PartyRow[] {
    return parties.map(({ id, fields }) => ({
      id,
      organisation_id: ids.organisationId,
      case_id: ids.caseId,
      role: fields.role,
      name: fields.name,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      address: fields.address ?? null,
      contact_preferences: fields.contactPreferences ?? null,
      accessibility_needs_sealed: fields.accessibilityNeeds ? this.cipher.encrypt(fields.accessibilityNeeds, partyContext(id)) : null,
      interpreter_language: fields.interpreterLanguage ?? null,
      source: ids.source,
      created_at: ids.at,
      updated_at: ids.at,
    }));
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
