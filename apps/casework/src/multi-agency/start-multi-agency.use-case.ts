import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { MultiAgencyRecordedV1, uuidv7, type MultiAgencyView, type RpcMeta, type StartMultiAgencyBody } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { MultiAgencyRepository } from './multi-agency.repository';
import { toMultiAgencyView } from './multi-agency.view';

/** Dated, so the housing KPI can ask whether a case still needs other agencies three months after opening (spec §10.5). */
@Injectable()
export class StartMultiAgencyUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly involvements: MultiAgencyRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: StartMultiAgencyBody): Promise<MultiAgencyView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const row = await this.involvements.create(tx, {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        agencies: body.agencies,
        fromDate: new Date(`${body.from}T00:00:00Z`),
        toDate: body.to ? new Date(`${body.to}T00:00:00Z`) : null,
        recordedBy: meta.actorId,
        recordedAt: this.clock.now(),
      });
      const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
      await this.recordEvents.append(tx, meta, c, MultiAgencyRecordedV1, {
        involvementId: row.id,
        agencyCount: body.agencies.length,
        from: body.from,
        to: day(row.toDate),
        recordedAt: row.recordedAt.toISOString(),
      });
      return toMultiAgencyView(row);
    });
  }
}
