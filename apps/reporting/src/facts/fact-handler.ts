import { Injectable } from '@nestjs/common';
import type { EventHandler } from '@mediation/messaging';
import type { EventData, EventDefinition, EventEnvelope } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';

export type FactEnvelope<D extends EventDefinition> = EventEnvelope<EventData<D>>;

/**
 * A handler turning one event type into one fact of a read model, its inbox rows named `kpi-<type>` so they
 * never mix with the summary counters'. `F` is the facts it states; `record` writes one of them.
 */
@Injectable()
export abstract class EventFactHandler<D extends EventDefinition, F> implements EventHandler<D, ReportingTx> {
  abstract readonly consumes: D;
  get purpose(): string {
    return `kpi-${this.consumes.type}`;
  }
  constructor(private readonly record: { execute(tx: ReportingTx, fact: F): Promise<void> }) {}
  handle(event: FactEnvelope<D>, tx: ReportingTx): Promise<void> {
    return this.record.execute(tx, this.fact(event));
  }
  /** The fact an event states (also what a rebuild replays). */
  abstract fact(event: FactEnvelope<D>): F;
}
