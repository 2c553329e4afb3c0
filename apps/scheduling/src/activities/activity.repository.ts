import { Injectable } from '@nestjs/common';
import type { ActivityTypeForm, Prisma, ProgrammeActivity } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type ActivityRecord = ProgrammeActivity;

@Injectable()
export class ActivityRepository {
  create(tx: SchedulingTx, data: Prisma.ProgrammeActivityUncheckedCreateInput): Promise<ActivityRecord> {
    return tx.programmeActivity.create({ data });
  }

  findForm(tx: SchedulingTx, contractId: string, serviceLine: string, activityType: string): Promise<ActivityTypeForm | null> {
    return tx.activityTypeForm.findUnique({ where: { contractId_serviceLine_activityType: { contractId, serviceLine, activityType } } });
  }

  setForm(tx: SchedulingTx, data: Prisma.ActivityTypeFormUncheckedCreateInput): Promise<ActivityTypeForm> {
    const { contractId, serviceLine, activityType } = data;
    return tx.activityTypeForm.upsert({
      where: { contractId_serviceLine_activityType: { contractId, serviceLine, activityType } },
      create: data,
      update: { fields: data.fields, updatedAt: data.updatedAt },
    });
  }
}
