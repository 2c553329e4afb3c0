import { z } from 'zod';

/**
 * JSON Schema for a protocol schema. What we publish (responses, events) must let readers tolerate
 * fields added later, so `additionalProperties: false` is removed from output schemas; request
 * bodies keep it, because unknown fields there are refused. OpenAPI 3.0 documents take its dialect;
 * AsyncAPI 3 payloads are draft-07 (where `exclusiveMinimum` is a number, not a flag).
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output', target: 'openapi-3.0' | 'draft-7' = 'openapi-3.0'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target, io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return io === 'output' ? (stripClosedObjects(json) as Record<string, unknown>) : json;
}

function stripClosedObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripClosedObjects);
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    copy[key] = stripClosedObjects(value);
  }
  return copy;
}
