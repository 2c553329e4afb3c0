import { EVENT_CATALOG } from '../events/catalog';
import { toJsonSchema } from './json-schema';

/**
 * Partners code against these JSON Schemas (the AsyncAPI document), and consumers parse events
 * published long ago: a published event's schema changes only by a new version beside it, so a change
 * to how the zod code is written (shared bases, helpers) must leave every one exactly as it was.
 */
describe.each(EVENT_CATALOG.map((event) => [event.type, event] as const))('%s', (_type, event) => {
  it('generates the JSON Schema it always did, as published and as consumed', () => {
    expect({ published: toJsonSchema(event.schema, 'output'), consumed: toJsonSchema(event.schema, 'input') }).toMatchSnapshot();
  });
});
