import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Clock, ProblemError } from '@mediation/platform';
import { type CreateWitnessStatementBodySchema, type EvidenceItemView, type RpcMeta } from '@mediation/protocol';
import type { z } from 'zod';
import { EvidenceDatabase } from '../database/evidence.database';
import { currentVersionOf, EvidenceRepository } from '../items/evidence.repository';
import { StoreIncomingFile } from '../items/store-incoming-file';
import { UploadEvidenceUseCase } from '../items/upload-evidence.use-case';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { renderWitnessStatement } from './witness-statement.renderer';

type Body = z.output<typeof CreateWitnessStatementBodySchema>;

const sameName = (a: string, b: string) =>
  a.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase() === b.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A professional witness's statement made on the platform: rendered as a PDF with its statement of
 * truth and typed signature, stored and recorded as an exhibit of the case like any upload (`JS/3`),
 * referring to the case's exhibits. A signed scan later becomes its next version.
 */
@Injectable()
export class MakeWitnessStatementUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
    private readonly profiles: OrganisationProfileRepository,
    private readonly files: StoreIncomingFile,
    private readonly upload: UploadEvidenceUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: Body): Promise<EvidenceItemView> {
    const now = this.clock.now();
    const signedAt = new Date(body.signature.signedAt);
    const errors = [
      ...(sameName(body.signature.typedName, body.witnessName)
        ? []
        : [{ field: 'signature.typedName', message: 'must be the witness’s own name', code: 'not_the_witness' }]),
      ...(signedAt.getTime() > now.getTime() + 60_000 ? [{ field: 'signature.signedAt', message: 'is in the future', code: 'future' }] : []),
      ...body.exhibits.flatMap((id, i) =>
        body.exhibits.indexOf(id) !== i ? [{ field: `exhibits.${i}`, message: 'is referred to twice', code: 'duplicate' }] : [],
      ),
    ];
    if (errors.length > 0) throw ProblemError.validation(errors);
    const { referred, organisation } = await this.db.forTenant(meta, async (tx) => ({
      referred: await this.items.listForCase(tx, meta.organisationId, caseId),
      organisation: await this.profiles.find(tx, meta.organisationId),
    }));
    const byId = new Map(referred.map((item) => [item.id, item]));
    const missing = body.exhibits.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw ProblemError.unknownReference(`exhibits.${missing}`, 'is not an exhibit of this case', 'unknown-evidence');
    if (!organisation) throw ProblemError.unavailable('The organisation’s name and address have not reached the evidence service yet; try again in a moment.');

    const pdf = await renderWitnessStatement({
      organisation,
      caseId,
      witnessName: body.witnessName,
      witnessRole: body.witnessRole,
      paragraphs: body.paragraphs,
      exhibits: body.exhibits.map((id) => {
        const item = byId.get(id)!;
        return { exhibitRef: item.exhibitRef, description: item.description, sha256: currentVersionOf(item).sha256 };
      }),
      signature: { typedName: body.signature.typedName, signedAt },
      place: body.place,
      madeAt: now,
    });
    const file = await this.files.store(meta.organisationId, caseId, Readable.from([pdf]), `witness-statement-${body.witnessName}.pdf`);
    return this.upload.record(
      meta,
      caseId,
      {
        kind: 'witness-statement',
        description: `Witness statement of ${body.witnessName}`,
        producedBy: body.witnessName,
        capturedAt: signedAt.toISOString(),
        capturedWhere: body.place,
        source: 'Made on the platform and signed by the witness with a typed signature',
      },
      file,
      { refersTo: body.exhibits },
    );
  }
}
