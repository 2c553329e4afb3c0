import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { EvidenceBundleCreatedV1, uuidv7, type BundleView, type InternalCreateBundleBody, type RpcMeta } from '@mediation/protocol';
import { CustodyRepository } from '../custody/custody.repository';
import { EvidenceDatabase } from '../database/evidence.database';
import { currentVersionOf, type EvidenceRecord } from '../items/evidence.repository';
import { VerifiedReader } from '../items/verified-reader';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { OBJECT_STORE, type ObjectStore } from '../storage/object-store';
import { indexDate, type BundleHeading } from './bundle-front-matter';
import { layOutBundle, type BundleExhibit } from './bundle-layout';
import { assembleBundle, pageCountOf } from './bundle-pdf';
import { BundleRepository } from './bundle.repository';
import { toBundleView } from './bundle.view';

const NOT_PRINTABLE =
  'This exhibit is not a document that prints (a recording, a photograph or a file of another kind): this page stands for it in the bundle. The original is produced on request, and its SHA-256 above identifies it exactly.';
const NOT_READABLE =
  'This file says it is a PDF but could not be read as one (it may be damaged or encrypted), so its pages are not reproduced here. The original is produced on request, and its SHA-256 above identifies it exactly.';

/**
 * Makes a court bundle: the chosen exhibits of the case, each verified against the hash it was received
 * with, laid out after a front sheet and an index, every page numbered, one bookmark per exhibit; the PDF
 * stored once with its own hash, each exhibit's custody log told it was exported, and
 * `evidence.bundle.created.v1` published.
 */
@Injectable()
export class CreateBundleUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly bundles: BundleRepository,
    private readonly custody: CustodyRepository,
    private readonly profiles: OrganisationProfileRepository,
    private readonly reader: VerifiedReader,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: InternalCreateBundleBody): Promise<BundleView> {
    const duplicate = body.items.findIndex((id, i) => body.items.indexOf(id) !== i);
    if (duplicate >= 0) throw ProblemError.validation([{ field: `items.${duplicate}`, message: 'is chosen twice', code: 'duplicate' }]);
    const { rows, organisation } = await this.db.forTenant(meta, async (tx) => ({
      rows: await this.bundles.itemsOfCase(tx, meta.organisationId, caseId, body.items),
      organisation: await this.profiles.find(tx, meta.organisationId),
    }));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = body.items.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw ProblemError.unknownReference(`items.${missing}`, 'is not an exhibit of this case', 'unknown-evidence');
    if (!organisation) throw ProblemError.unavailable('The organisation’s name and address have not reached the evidence service yet; try again in a moment.');
    const items = body.items.map((id) => byId.get(id)!);
    const gone = items.find((item) => item.objectsDeletedAt);
    if (gone) throw ProblemError.conflict(`The files of ${gone.exhibitRef} were deleted at retention; it cannot be bundled.`);

    const now = this.clock.now();
    const bundleId = uuidv7();
    const heading: BundleHeading = {
      organisation,
      title: body.title,
      preparedFor: body.preparedFor,
      caseId,
      caseReference: body.caseReference,
      bundleId,
      preparedBy: body.preparedBy,
      issuedAt: now,
    };
    const exhibits: BundleExhibit[] = [];
    for (const item of items) exhibits.push(await this.exhibitOf(meta, item));
    const { parts, index, total } = await layOutBundle(heading, exhibits);
    const { pdf, pageCount, firstPages } = await assembleBundle(parts, body.title);
    if (pageCount !== total || index.some((entry, i) => entry.firstPage !== firstPages[i + 1])) throw new Error('the bundle does not match its own index');

    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const storageKey = `${meta.organisationId}/${caseId}/bundles/${bundleId}.pdf`;
    await this.store.put(storageKey, Readable.from([pdf]));
    try {
      return await this.db.forTenant(meta, async (tx) => {
        const row = await this.bundles.create(tx, {
          id: bundleId,
          organisationId: meta.organisationId,
          caseId,
          title: body.title,
          itemIds: body.items,
          index,
          pageCount,
          storageKey,
          sha256,
          sizeBytes: pdf.length,
          createdBy: meta.actorId,
          createdAt: now,
        });
        for (const entry of index)
          await this.custody.append(
            tx,
            meta,
            {
              itemId: entry.evidenceId,
              action: 'exported',
              version: entry.version,
              sha256: entry.sha256,
              detail: { bundleId, firstPage: entry.firstPage, lastPage: entry.lastPage },
            },
            now,
          );
        await this.events.append(tx, {
          definition: EvidenceBundleCreatedV1,
          data: {
            bundleId,
            caseId,
            sha256,
            pageCount,
            items: index.map((e) => ({ evidenceId: e.evidenceId, sha256: e.sha256 })),
            createdAt: now.toISOString(),
          },
          subject: bundleId,
          organisationId: meta.organisationId,
          sequence: 1,
          correlationId: meta.correlationId,
        });
        return toBundleView(row);
      });
    } catch (error) {
      await this.store.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /** The exhibit's current version, verified: a PDF's own pages, anything else a page describing it. */
  private async exhibitOf(meta: RpcMeta, item: EvidenceRecord): Promise<BundleExhibit> {
    const version = currentVersionOf(item);
    const entry = {
      evidenceId: item.id,
      exhibitRef: item.exhibitRef,
      kind: item.kind as BundleExhibit['entry']['kind'],
      description: item.description,
      date: indexDate(item.capturedAt),
      producedBy: item.producedBy,
      version: version.version,
      sha256: version.sha256,
      mediaType: version.mediaType,
    };
    const describe = (why: string) => ({
      entry,
      description: {
        exhibitRef: item.exhibitRef,
        kind: item.kind,
        description: item.description,
        producedBy: item.producedBy,
        capturedAt: item.capturedAt,
        capturedWhere: item.capturedWhere,
        source: item.source,
        fileName: version.fileName,
        mediaType: version.mediaType,
        sizeBytes: Number(version.sizeBytes),
        sha256: version.sha256,
        why,
      },
    });
    if (version.mediaType !== 'application/pdf') {
      await this.reader.verify(meta, item, version);
      return describe(NOT_PRINTABLE);
    }
    const bytes = await this.reader.readAll(meta, item, version);
    const pages = await pageCountOf(bytes);
    return pages ? { entry, pdf: { bytes, pages } } : describe(NOT_READABLE);
  }
}
