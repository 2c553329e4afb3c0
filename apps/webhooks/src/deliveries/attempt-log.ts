import { Injectable } from '@nestjs/common';
import { DeliveryRepository, type AttemptOutcome, type AttemptRecord } from './delivery.repository';

/** Attempts written together at most: one transaction of two statements each. */
const MAX_BATCH = 200;

interface Pending {
  organisationId: string;
  id: string;
  attempt: AttemptRecord;
  outcome: AttemptOutcome;
  done: { resolve: () => void; reject: (error: unknown) => void };
}

/**
 * The delivery log's writer: the attempts finished within the same turn of the event loop (up to MAX_BATCH) are
 * written in one transaction per organisation instead of one each, which is what a busy dispatcher spends most of
 * its database time on. Each caller still waits for its own write, so a job completes only once its attempt is
 * recorded (a crash before that resends it: at least once, as before).
 */
@Injectable()
export class AttemptLog {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly deliveries: DeliveryRepository) {}

  record(organisationId: string, id: string, attempt: AttemptRecord, outcome: AttemptOutcome): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ organisationId, id, attempt, outcome, done: { resolve, reject } });
      if (this.queue.length >= MAX_BATCH) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const byOrganisation = new Map<string, Pending[]>();
    for (const item of batch) byOrganisation.set(item.organisationId, [...(byOrganisation.get(item.organisationId) ?? []), item]);
    await Promise.all(
      [...byOrganisation].map(async ([organisationId, items]) => {
        try {
          await this.deliveries.recordAttempts(organisationId, items);
          for (const item of items) item.done.resolve();
        } catch (error) {
          for (const item of items) item.done.reject(error);
        }
      }),
    );
  }
}
