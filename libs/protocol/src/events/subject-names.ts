/**
 * Every subject and stream name in one place. A namespace (empty in production) prefixes subjects
 * and suffixes streams, so test runs and environments sharing one NATS server never see each other.
 */
export class SubjectNames {
  constructor(readonly namespace: string) {}

  get eventsStream(): string {
    return this.namespace ? `EVENTS_${this.namespace.toUpperCase()}` : 'EVENTS';
  }

  get dlqStream(): string {
    return this.namespace ? `DLQ_${this.namespace.toUpperCase()}` : 'DLQ';
  }

  /** `events.<organisationId>.<service>.<aggregate>.<event>.v<N>` */
  event(organisationId: string, type: string): string {
    return this.prefixed(`events.${organisationId}.${type}`);
  }

  /** Matches one event type for every organisation. */
  eventFilter(type: string): string {
    return this.prefixed(`events.*.${type}`);
  }

  /** The event type an event subject carries (`…events.<organisationId>.<type>` -> `<type>`). */
  typeOfEvent(subject: string): string {
    const rest = subject.slice(this.prefixed('events.').length);
    return rest.slice(rest.indexOf('.') + 1);
  }

  allEvents(): string {
    return this.prefixed('events.>');
  }

  dlq(service: string, consumer: string): string {
    return this.prefixed(`dlq.${service}.${consumer}`);
  }

  allDlq(): string {
    return this.prefixed('dlq.>');
  }

  rpc(subject: string): string {
    return this.prefixed(subject);
  }

  /** A durable consumer name: one per (service, purpose), shared by replicas. */
  durable(service: string, purpose: string): string {
    return `${service}__${purpose.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  }

  private prefixed(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }
}
