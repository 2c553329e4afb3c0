import { Injectable } from '@nestjs/common';
import { NOTIFY_NOT_SEARCHED_BY_NAME, NotifyPersonExportSchema, type NotifyPersonExport, type RpcMeta, type SubjectAccessQuery } from '@mediation/protocol';
import { PersonDeliveriesRepository } from './person-deliveries.repository';

/**
 * Notify's part of a subject-access export: the messages sent to the person's email address, with their
 * subject lines and times but not their bodies (a survey email's body holds a working link). Asked by
 * name and postcode, it says it was not searched: notify keeps an address per message and nothing else.
 */
@Injectable()
export class ExportPersonUseCase {
  constructor(private readonly deliveries: PersonDeliveriesRepository) {}

  async execute(meta: RpcMeta, query: SubjectAccessQuery): Promise<NotifyPersonExport> {
    if (query.email === undefined) return { notSearched: NOTIFY_NOT_SEARCHED_BY_NAME };
    const rows = await this.deliveries.sentTo(meta.organisationId, query.email);
    return NotifyPersonExportSchema.parse({
      deliveries: rows.map((d) => ({
        deliveryId: d.id,
        kind: d.kind,
        channel: d.channel,
        status: d.status,
        to: d.toAddress,
        subjectLine: d.subjectLine,
        createdAt: d.createdAt.toISOString(),
        sentAt: d.sentAt?.toISOString() ?? null,
        failedAt: d.failedAt?.toISOString() ?? null,
        referralId: d.referralId,
        caseId: d.caseId,
      })),
    });
  }
}
