import { Injectable } from '@nestjs/common';
import { CasePausedV1, CaseResumedV1, type RpcMeta } from '@mediation/protocol';
import { CaseRecordEvents } from '../cases/case-record-events';
import type { CaseRecord } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';
import type { CasePauseRecord } from './case-pause.repository';

/** The pause's events carry ids and times only: the reason and who agreed it are free text and stay on the case. */
@Injectable()
export class CasePauseEvents {
  constructor(private readonly recordEvents: CaseRecordEvents) {}

  paused(tx: CaseworkTx, meta: RpcMeta, c: CaseRecord, pause: CasePauseRecord): Promise<void> {
    return this.recordEvents.append(tx, meta, c, CasePausedV1, {
      pauseId: pause.id,
      pausedAt: pause.pausedAt.toISOString(),
      recordedAt: pause.createdAt.toISOString(),
    });
  }

  resumed(tx: CaseworkTx, meta: RpcMeta, c: CaseRecord, pause: CasePauseRecord & { resumedAt: Date }): Promise<void> {
    return this.recordEvents.append(tx, meta, c, CaseResumedV1, {
      pauseId: pause.id,
      pausedAt: pause.pausedAt.toISOString(),
      resumedAt: pause.resumedAt.toISOString(),
    });
  }
}
