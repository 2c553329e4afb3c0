import { SubjectNames } from './subject-names';

describe('SubjectNames', () => {
  describe('in production (no namespace)', () => {
    const names = new SubjectNames('');

    it('uses the bare stream names EVENTS and DLQ', () => {
      expect(names.eventsStream).toBe('EVENTS');
      expect(names.dlqStream).toBe('DLQ');
    });

    it('publishes an event on events.<organisation>.<type>', () => {
      expect(names.event('org-1', 'intake.referral.received.v1')).toBe('events.org-1.intake.referral.received.v1');
    });

    it('filters one event type across every organisation', () => {
      expect(names.eventFilter('casework.case.opened.v1')).toBe('events.*.casework.case.opened.v1');
    });

    it('covers every event and every dead letter with a wildcard', () => {
      expect(names.allEvents()).toBe('events.>');
      expect(names.allDlq()).toBe('dlq.>');
    });

    it('dead-letters a consumer on dlq.<service>.<consumer>', () => {
      expect(names.dlq('casework', 'casework__open-case')).toBe('dlq.casework.casework__open-case');
    });

    it('leaves RPC subjects as they are', () => {
      expect(names.rpc('rpc.intake.referral.get')).toBe('rpc.intake.referral.get');
    });
  });

  describe('in a namespace (a test run or a shared environment)', () => {
    const names = new SubjectNames('run_42');

    it('suffixes both streams with the upper-cased namespace', () => {
      expect(names.eventsStream).toBe('EVENTS_RUN_42');
      expect(names.dlqStream).toBe('DLQ_RUN_42');
    });

    it('prefixes every subject with the namespace', () => {
      expect(names.event('org-1', 'intake.referral.received.v1')).toBe('run_42.events.org-1.intake.referral.received.v1');
      expect(names.eventFilter('casework.case.opened.v1')).toBe('run_42.events.*.casework.case.opened.v1');
      expect(names.allEvents()).toBe('run_42.events.>');
      expect(names.typeOfEvent(names.event('org-1', 'casework.case.opened.v1'))).toBe('casework.case.opened.v1');
      expect(names.dlq('casework', 'casework__x')).toBe('run_42.dlq.casework.casework__x');
      expect(names.allDlq()).toBe('run_42.dlq.>');
      expect(names.rpc('rpc.intake.referral.get')).toBe('run_42.rpc.intake.referral.get');
    });

    it('never lets a namespaced subject match the production wildcards or another namespace', () => {
      const other = new SubjectNames('run_43');
      const subject = names.event('org-1', 'intake.referral.received.v1');
      expect(subject.startsWith('events.')).toBe(false);
      expect(subject.startsWith(`${other.namespace}.`)).toBe(false);
      expect(names.eventsStream).not.toBe(other.eventsStream);
      expect(names.dlqStream).not.toBe(other.dlqStream);
    });
  });

  describe('durable consumer names', () => {
    it('are <service>__<purpose>, the same for every replica and every namespace (the stream is already namespaced)', () => {
      expect(new SubjectNames('').durable('casework', 'open-case')).toBe('casework__open-case');
      expect(new SubjectNames('run_42').durable('casework', 'open-case')).toBe('casework__open-case');
    });

    it('replace the dots of an event type, which NATS does not allow in a durable name', () => {
      expect(new SubjectNames('').durable('casework', 'intake.referral.received.v1')).toBe('casework__intake_referral_received_v1');
    });

    it('replace wildcards, spaces and other characters outside [A-Za-z0-9_-]', () => {
      expect(new SubjectNames('').durable('notify', 'a*b>c d/e')).toBe('notify__a_b_c_d_e');
    });

    it('differ by purpose, so two handlers of one service get separate consumers', () => {
      const names = new SubjectNames('');
      expect(names.durable('notify', 'acknowledge')).not.toBe(names.durable('notify', 'log'));
    });
  });
});
