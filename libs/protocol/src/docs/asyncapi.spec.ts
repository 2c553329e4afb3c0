import { EVENT_CATALOG } from '../events/catalog';
import { buildAsyncApiDocument } from './asyncapi';

type Message = { name: string; 'x-visibility'?: string; tags?: { name: string }[] };

describe('the AsyncAPI document', () => {
  const messages = Object.values((buildAsyncApiDocument('test').components as { messages: Record<string, Message> }).messages);

  it('has one message per catalogued event, each saying whether it is public or internal, as x-visibility and as a tag', () => {
    expect(messages.map((m) => m.name).sort()).toEqual(EVENT_CATALOG.map((e) => e.type).sort());
    for (const event of EVENT_CATALOG) {
      const message = messages.find((m) => m.name === event.type)!;
      expect(message['x-visibility']).toBe(event.visibility);
      expect(message.tags).toEqual([{ name: event.visibility }]);
    }
  });

  it('marks a closed case public and a received referral, which names its parties, internal', () => {
    expect(messages.find((m) => m.name === 'casework.case.closed.v1')?.['x-visibility']).toBe('public');
    expect(messages.find((m) => m.name === 'intake.referral.received.v2')?.['x-visibility']).toBe('internal');
  });
});

describe('the AsyncAPI document, read by the AsyncAPI initiative’s own parser', () => {
  it('has no error, so every AsyncAPI tool can load the catalogue', async () => {
    const { Parser } = await import('@asyncapi/parser');
    const { diagnostics } = await new Parser().parse(JSON.stringify(buildAsyncApiDocument('1')));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
  });
});

describe('the AsyncAPI document, for partners', () => {
  const doc = buildAsyncApiDocument('test') as Record<string, unknown> & { components: { messages: Record<string, Record<string, unknown>> } };

  it('lists the types partners may subscribe to, a received referral among them as its projection with no names', () => {
    expect(doc['x-partner-types']).toEqual(expect.arrayContaining(['casework.case.closed.v1', 'intake.referral.received.v2']));
    expect(doc['x-partner-types']).not.toContain('casework.case.reopened.v1');
    const referral = doc.components.messages['intake_referral_received_v2'];
    expect(referral['x-partner']).toBe(true);
    const data = referral['x-partner-data'] as { properties: Record<string, unknown> };
    expect(Object.keys(data.properties).sort()).toEqual([
      'clockStartsAt',
      'contractId',
      'contractVersion',
      'overCap',
      'receivedAt',
      'reference',
      'referralId',
      'serviceLine',
    ]);
  });

  it('documents the Standard Webhooks headers', () => {
    expect(Object.keys(doc['x-webhook-headers'] as object)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
  });
});
