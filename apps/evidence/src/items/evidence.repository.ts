import { Injectable } from '@nestjs/common';
import type { EvidenceItem, EvidenceVersion, Prisma } from '../generated/prisma/client';
import type { EvidenceTx } from '../database/evidence.database';

export type EvidenceRecord = EvidenceItem & { versions: EvidenceVersion[] };

@Injectable()
export class EvidenceRepository {
  /** The next exhibit number for these initials in this case: one statement, safe under concurrent uploads. */
  async nextExhibitNumber(tx: EvidenceTx, organisationId: string, caseId: string, initials: string): Promise<number> {
    const [row] = await tx.$queryRaw<{ last: number }[]>`
      INSERT INTO "evidence"."exhibit_counter" ("organisation_id", "case_id", "initials", "last")
      VALUES (${organisationId}::uuid, ${caseId}::uuid, ${initials}, 1)
      ON CONFLICT ("organisation_id", "case_id", "initials") DO UPDATE SET "last" = "evidence"."exhibit_counter"."last" + 1
      RETURNING "last"`;
    return row.last;
  }

  async create(
    tx: EvidenceTx,
    item: Prisma.EvidenceItemUncheckedCreateInput,
    version: Omit<Prisma.EvidenceVersionUncheckedCreateInput, 'itemId'>,
  ): Promise<EvidenceRecord> {
    await tx.evidenceItem.create({ data: item });
    await tx.evidenceVersion.create({ data: { ...version, itemId: item.id } });
    return (await this.find(tx, item.organisationId, item.id))!;
  }

  find(tx: EvidenceTx, organisationId: string, id: string): Promise<EvidenceRecord | null> {
    return tx.evidenceItem.findFirst({ where: { organisationId, id }, include: { versions: { orderBy: { version: 'asc' } } } });
  }

  listForCase(tx: EvidenceTx, organisationId: string, caseId: string): Promise<EvidenceRecord[]> {
    return tx.evidenceItem.findMany({
      where: { organisationId, caseId },
      include: { versions: { orderBy: { version: 'asc' } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Every exhibit of these cases, case by case, each in upload order (the subject-access export). */
  listForCases(tx: EvidenceTx, organisationId: string, caseIds: string[]): Promise<EvidenceRecord[]> {
    return tx.evidenceItem.findMany({
      where: { organisationId, caseId: { in: caseIds } },
      include: { versions: { orderBy: { version: 'asc' } } },
      orderBy: [{ caseId: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Whether casework has the case under a legal hold (its exhibits, new ones too, are kept past retention). */
  async isCaseHeld(tx: EvidenceTx, organisationId: string, caseId: string): Promise<boolean> {
    return (await tx.caseHold.findUnique({ where: { organisationId_caseId: { organisationId, caseId } } }))?.legalHold ?? false;
  }

  countRedactionsOf(tx: EvidenceTx, organisationId: string, itemId: string): Promise<number> {
    return tx.evidenceItem.count({ where: { organisationId, redactedFromId: itemId } });
  }

  /** A new stored file for the item; the earlier versions and their objects are kept. */
  async addVersion(
    tx: EvidenceTx,
    item: EvidenceRecord,
    version: Omit<Prisma.EvidenceVersionUncheckedCreateInput, 'itemId' | 'version'>,
  ): Promise<EvidenceRecord> {
    const next = item.currentVersion + 1;
    await tx.evidenceVersion.create({ data: { ...version, itemId: item.id, version: next } });
    await tx.evidenceItem.update({ where: { id: item.id }, data: { currentVersion: next } });
    return (await this.find(tx, item.organisationId, item.id))!;
  }
}

/** The version reads and bundles use. */
export function currentVersionOf(item: EvidenceRecord): EvidenceVersion {
  const version = item.versions.find((v) => v.version === item.currentVersion);
  if (!version) throw new Error(`evidence ${item.id} has no version ${item.currentVersion}`);
  return version;
}
