import { z } from 'zod';
import { toJsonSchema } from '../docs/json-schema';
import { EVENT_CATALOG } from './catalog';
import { defineEvent, EVENT_VISIBILITIES, type EventDefinition } from './define-event';

/** Field names that say the field holds an address, a name or words someone wrote. */
const PERSONAL_FIELD = /email|name|address|phone|recipient|contact|summary|text|reason|note|comment|description|title|label|message|subject|link|url|^to$/i;

/**
 * Fields of public events that match the names above but hold none of it. Each says why; a field
 * joins only when it is written by the platform or the contract, the same whoever the case is about.
 */
const NOT_PERSONAL: Record<string, Record<string, string>> = {
  // The rule's label comes from the contract definition ("Initial contact"), the same on every case of the line.
  'scheduling.deadline.set.v1': { label: 'the rule’s label from the contract' },
  // Written by scheduling, never by a person: the keys of the dates that moved, or that the case resumed.
  'scheduling.deadline.rescheduled.v1': { reason: 'the changed date keys, or a fixed sentence' },
};

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** A string nothing narrows to a code, a time or an id: anyone could have written anything in it. */
function holdsFreeText(node: JsonSchema): boolean {
  if ([...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].some(holdsFreeText)) return true;
  if (node.items) return holdsFreeText(node.items);
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.includes('string') && node.enum === undefined && node.const === undefined && node.format === undefined && node.pattern === undefined;
}

/** The paths of the fields in an event's data that can hold an address, a name or free text. */
function personalFields(node: JsonSchema, path = ''): string[] {
  const found: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const at = path ? `${path}.${key}` : key;
    if (child.format === 'email' || (PERSONAL_FIELD.test(key) && holdsFreeText(child))) found.push(at);
    found.push(...personalFields(child, at));
  }
  for (const child of [node.items, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) if (child) found.push(...personalFields(child, path));
  if (typeof node.additionalProperties === 'object') found.push(...personalFields(node.additionalProperties, `${path}.*`));
  return found;
}

const personalFieldsOf = (event: EventDefinition) =>
  personalFields(toJsonSchema(event.schema, 'output') as JsonSchema).filter((field) => !NOT_PERSONAL[event.type]?.[field]);

describe('public and internal events', () => {
  it('every event in the catalogue is marked public or internal', () => {
    for (const event of EVENT_CATALOG) expect(EVENT_VISIBILITIES).toContain(event.visibility);
  });

  describe.each(EVENT_CATALOG.filter((event) => event.visibility === 'public').map((event) => [event.type, event] as const))('%s (public)', (_type, event) => {
    it('carries no field that can hold an address, a name or free text', () => {
      expect(personalFieldsOf(event)).toEqual([]);
    });
  });

  it('every exception names a field of a public event that would otherwise be refused', () => {
    for (const [type, fields] of Object.entries(NOT_PERSONAL)) {
      const event = EVENT_CATALOG.find((e) => e.type === type);
      expect(event?.visibility).toBe('public');
      expect(personalFields(toJsonSchema(event!.schema, 'output') as JsonSchema)).toEqual(expect.arrayContaining(Object.keys(fields)));
    }
  });

  it('finds an address, a name or free text however deep, and lets codes, times and ids through', () => {
    const suspect = defineEvent({
      type: 'casework.case.suspect.v1',
      visibility: 'public',
      description: 'x',
      schema: z.object({
        caseId: z.uuid(),
        reason: z.string(),
        code: z.enum(['a', 'b']),
        outcome: z.string(),
        to: z.email(),
        at: z.iso.datetime({ offset: true }),
        milestone: z.string().regex(/^[a-z.]+$/),
        refusal: z.object({ reason: z.enum(['x', 'y']), note: z.string().optional() }),
        people: z.array(z.object({ role: z.string(), fullName: z.string() })),
        answers: z.record(z.string(), z.object({ summary: z.string().nullable() })),
        contact: z.object({ name: z.string(), email: z.email() }).nullable(),
      }),
    });
    expect(personalFieldsOf(suspect).sort()).toEqual(
      ['answers.*.summary', 'contact.email', 'contact.name', 'people.fullName', 'reason', 'refusal.note', 'to'].sort(),
    );
  });
});
