import { z } from 'zod';
import { EVENT_CATALOG, findEventDefinition } from './catalog';
import { defineEvent } from './define-event';

const schema = z.object({ id: z.string() });

describe('defineEvent', () => {
  it('reads the service and the aggregate from <service>.<aggregate>.<event>.v<N>', () => {
    const event = defineEvent({ type: 'intake.referral.case-linked.v2', visibility: 'public', description: 'x', schema });
    expect(event).toMatchObject({
      type: 'intake.referral.case-linked.v2',
      service: 'intake',
      aggregate: 'referral',
      visibility: 'public',
      description: 'x',
      schema,
    });
  });

  it.each([
    ['no version', 'intake.referral.received'],
    ['a version without a number', 'intake.referral.received.v'],
    ['a version without the v', 'intake.referral.received.1'],
    ['upper-case letters', 'Intake.referral.received.v1'],
    ['an aggregate but no event', 'intake.referral.v1'],
    ['an extra segment', 'intake.referral.case.opened.v1'],
    ['an underscore', 'intake.referral.case_linked.v1'],
    ['a hyphen in the service', 'in-take.referral.received.v1'],
    ['a NATS wildcard', 'intake.*.received.v1'],
    ['a space', 'intake.referral.received .v1'],
    ['nothing at all', ''],
  ])('refuses a type with %s (%j)', (_why, type) => {
    expect(() => defineEvent({ type, visibility: 'internal', description: 'x', schema })).toThrow(/must look like <service>\.<aggregate>\.<event>\.v<N>/);
  });
});

describe('EVENT_CATALOG', () => {
  it('is not empty', () => {
    expect(EVENT_CATALOG.length).toBeGreaterThan(0);
  });

  it('lists every event type exactly once', () => {
    const types = EVENT_CATALOG.map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('lists every definition object exactly once', () => {
    expect(new Set(EVENT_CATALOG).size).toBe(EVENT_CATALOG.length);
  });

  describe.each(EVENT_CATALOG.map((event) => [event.type, event] as const))('%s', (type, event) => {
    it('has a well-formed type whose service and aggregate match it', () => {
      expect(type).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(type.startsWith(`${event.service}.${event.aggregate}.`)).toBe(true);
    });

    it('has a description', () => {
      expect(event.description.trim()).not.toBe('');
    });

    it('is found by its type', () => {
      expect(findEventDefinition(type)).toBe(event);
    });

    it('rejects an empty object as its data', () => {
      expect(event.schema.safeParse({}).success).toBe(false);
    });
  });

  it('finds nothing for a type that is not catalogued', () => {
    expect(findEventDefinition('intake.referral.unknown.v1')).toBeUndefined();
  });
});
