import { z } from 'zod';

/**
 * JSON Schema for a protocol schema. What we publish (responses, events) must let readers tolerate
 * fields added later, so `additionalProperties: false` is removed from output schemas; request
 * bodies keep it, because unknown fields there are refused.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
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
