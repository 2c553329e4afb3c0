import { SubjectNames } from '@mediation/protocol';
import type { NatsConnectionService } from '../nats/nats.connection';
import type { EventHandler } from './event-handler';
import type { InboxRoute } from './inbox-batch';
import { consumerPlan, differs, filtersManySubjects } from './service-consumer';

const natsAt = (version: string) => ({ nc: { info: { version } }, names: new SubjectNames('') }) as unknown as NatsConnectionService;
const route = (consumer: string): InboxRoute => ({ consumer, handler: {} as EventHandler });
const routes = new Map([
  ['intake.referral.received.v2', [route('casework__intake_referral_received_v2')]],
  ['casework.case.closed.v1', [route('casework__survey'), route('casework__kpi-casework.case.closed.v1')]],
]);

/** The group's per-handler durables of earlier versions and its per-type ones of NATS 2.9. */
const EVERY_EARLIER_DURABLE = [
  'casework__survey',
  'casework__kpi-casework.case.closed.v1',
  'casework__events-casework_case_closed_v1',
  'casework__intake_referral_received_v2',
  'casework__events-intake_referral_received_v2',
];

describe("a service's durable consumers", () => {
  it('NATS 2.10 and later filter several subjects per consumer; 2.9 does not', () => {
    expect([filtersManySubjects('2.9.10'), filtersManySubjects('2.10.0'), filtersManySubjects('2.11.3'), filtersManySubjects('3.0.0')]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it('on NATS 2.10 one consumer delivers every type of the group and replaces the per-handler and per-type durables', () => {
    expect(consumerPlan(natsAt('2.10.22'), 'casework__events', routes)).toEqual([
      {
        durable: 'casework__events',
        types: ['casework.case.closed.v1', 'intake.referral.received.v2'],
        wholeStream: false,
        replaces: EVERY_EARLIER_DURABLE,
      },
    ]);
  });

  it('on NATS 2.9 one consumer per type feeds the same batches, each replacing its handlers’ earlier durables', () => {
    expect(consumerPlan(natsAt('2.9.10'), 'casework__events', routes)).toEqual([
      {
        durable: 'casework__events-casework_case_closed_v1',
        types: ['casework.case.closed.v1'],
        wholeStream: false,
        replaces: ['casework__survey', 'casework__kpi-casework.case.closed.v1'],
      },
      {
        durable: 'casework__events-intake_referral_received_v2',
        types: ['intake.referral.received.v2'],
        wholeStream: false,
        replaces: ['casework__intake_referral_received_v2'],
      },
    ]);
  });

  it('on NATS 2.9 a group that needs order across types reads the whole stream through one consumer, replacing every earlier shape', () => {
    const feed = new Map(
      [...routes].map(([type, group]) => [type, group.map((r) => ({ ...r, handler: { needsOrderAcrossTypes: true } as EventHandler }))] as const),
    );
    expect(consumerPlan(natsAt('2.9.10'), 'casework__events', feed)).toEqual([
      {
        durable: 'casework__events',
        types: ['casework.case.closed.v1', 'intake.referral.received.v2'],
        wholeStream: true,
        replaces: EVERY_EARLIER_DURABLE,
      },
    ]);
    // NATS 2.10 keeps the order with its usual consumer of the group's types.
    expect(consumerPlan(natsAt('2.10.22'), 'casework__events', feed)[0].wholeStream).toBe(false);
  });

  it('a consumer is updated at boot only when its stored settings differ from the planned ones', () => {
    const planned = { ack_wait: 10_000_000_000, max_ack_pending: 1_000, filter_subject: 'events.*.casework.case.opened.v2', filter_subjects: undefined };
    expect(differs({ ...planned }, planned)).toBe(false);
    // The server may keep one subject in either field.
    expect(differs({ ...planned, filter_subject: undefined, filter_subjects: ['events.*.casework.case.opened.v2'] }, planned)).toBe(false);
    expect(differs({ ...planned, ack_wait: 30_000_000_000 }, planned)).toBe(true);
    expect(differs({ ...planned, max_ack_pending: 500 }, planned)).toBe(true);
    expect(differs({ ...planned, filter_subject: 'events.*.casework.case.opened.v1' }, planned)).toBe(true);
  });
});
