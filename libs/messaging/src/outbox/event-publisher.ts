import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { uuidv7, type EventData, type EventDefinition, type EventEnvelope } from '@mediation/protocol';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../nats/nats.options';
import { SubjectNames } from '@mediation/protocol';
import { outboxChannel, quoteIdent, type SqlTx } from './sql-tx';

export interface NewEvent<D extends EventDefinition> {
  definition: D;
  data: EventData<D>;
  /** The aggregate id the event is about. */
  subject: string;
  organisationId: string;
  contractId?: string;
  /** The aggregate's version after this change. */
  sequence: number;
  correlationId: string;
  causationId?: string;
}

/**
 * Writes events to the service's outbox inside the caller's transaction: the state change and the
 * event commit together or not at all. The relay publishes them afterwards.
 */
@Injectable()
export class EventPublisher {
  private readonly names: SubjectNames;
  private readonly table: string;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly clock: Clock,
  ) {
    this.names = new SubjectNames(options.namespace);
    this.table = `${quoteIdent(options.schema)}.outbox`;
  }

  async append<D extends EventDefinition>(tx: SqlTx, event: NewEvent<D>): Promise<EventEnvelope<EventData<D>>> {
    if (event.definition.service !== this.options.service) {
      throw new Error(`${this.options.service} cannot publish ${event.definition.type}: a service publishes only its own events`);
    }
    const data = event.definition.schema.parse(event.data) as EventData<D>;
    const envelope: EventEnvelope<EventData<D>> = {
      specversion: '1.0',
      id: uuidv7(),
      source: `/services/${this.options.service}`,
      type: event.definition.type,
      subject: event.subject,
      time: this.clock.now().toISOString(),
      datacontenttype: 'application/json',
      data,
      organisationid: event.organisationId,
      ...(event.contractId ? { contractid: event.contractId } : {}),
      sequence: event.sequence,
      correlationid: event.correlationId,
      ...(event.causationId ? { causationid: event.causationId } : {}),
    };
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.table} (id, subject, envelope) VALUES ($1::uuid, $2, $3::jsonb)`,
      envelope.id,
      this.names.event(event.organisationId, event.definition.type),
      JSON.stringify(envelope),
    );
    // Delivered on commit only, so the relay wakes exactly when there is something to send.
    await tx.$executeRawUnsafe(`SELECT pg_notify('${outboxChannel(this.options.schema)}', '')`);
    return envelope;
  }
}
