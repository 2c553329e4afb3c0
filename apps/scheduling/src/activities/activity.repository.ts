import { Injectable } from '@nestjs/common';
import type { Prisma, ProgrammeActivity } from '../generated/prisma/client';
import type { SchedulingTx } from '../database/scheduling.database';

export type ActivityRecord = ProgrammeActivity;

@Injectable()
export class ActivityRepository {
  create(tx: SchedulingTx, data: Prisma.ProgrammeActivityUncheckedCreateInput): Promise<ActivityRecord> {
    return tx.programmeActivity.create({ data });
  }
}
