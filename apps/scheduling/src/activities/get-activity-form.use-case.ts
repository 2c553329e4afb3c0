import { Injectable } from '@nestjs/common';
import { ReferralFormSchema, type ActivityFormView, type RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { ActivityRepository } from './activity.repository';
import { ActivityTypeCheck, type ActivityTypeRef } from '@mediation/contract-book';

/** The form an activity type asks; no fields when none was set. */
@Injectable()
export class GetActivityFormUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly activities: ActivityRepository,
    private readonly types: ActivityTypeCheck,
  ) {}

  execute(meta: RpcMeta, ref: ActivityTypeRef): Promise<ActivityFormView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.types.assertKnown(tx, meta, ref);
      const row = await this.activities.findForm(tx, ref.contractId, ref.serviceLine, ref.activityType);
      return { ...ref, fields: row ? ReferralFormSchema.parse({ fields: row.fields }).fields : [], updatedAt: row?.updatedAt.toISOString() ?? null };
    });
  }
}
