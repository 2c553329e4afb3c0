import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { ActivityFormBody, ActivityFormView, RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { ActivityRepository } from './activity.repository';
import { ActivityTypeCheck, type ActivityTypeRef } from '@mediation/contract-book';

/**
 * Sets the form an activity type asks. Per-contract data kept by scheduling, not the contract's definition:
 * that rides in the pinned `intake.contract.published.v2`, and a field there needs a v3 with every consumer moved.
 */
@Injectable()
export class SetActivityFormUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly activities: ActivityRepository,
    private readonly types: ActivityTypeCheck,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, ref: ActivityTypeRef, body: ActivityFormBody): Promise<ActivityFormView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.types.assertKnown(tx, meta, ref);
      const row = await this.activities.setForm(tx, { ...ref, organisationId: meta.organisationId, fields: body.fields, updatedAt: this.clock.now() });
      return { ...ref, fields: body.fields, updatedAt: row.updatedAt.toISOString() };
    });
  }
}
