import { ProblemSchema, toJsonSchema } from '@mediation/protocol';
import type { z } from 'zod';
import type { ApiOperationSpec } from '../http/api-operation.decorator';
import type { DiscoveredRoute } from './discover-routes';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

/** One OpenAPI query parameter per property of the route's query schema, described as the schema describes it. */
function queryParameters(query: ApiOperationSpec['query']): unknown[] {
  if (!query) return [];
  const json = toJsonSchema(query, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    ...(schema.description ? { description: schema.description } : {}),
    schema,
  }));
}

/** A multipart form: its text fields from the schema, plus the file itself in `file`. */
function multipartSchema(fields: z.ZodType) {
  const json = toJsonSchema(fields, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return {
    type: 'object',
    properties: { ...json.properties, file: { type: 'string', format: 'binary', description: 'The file, sent after the fields.' } },
    required: [...(json.required ?? []), 'file'],
  };
}

/** OpenAPI 3.0 for /v1, from the routes as served and the zod schemas that validate them. */
export function buildOpenApiDocument(version: string, routes: DiscoveredRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const op = route.operation!;
    const parameters: unknown[] = Object.entries(op.params ?? {}).map(([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: /(^id|Id)$/.test(name) ? { type: 'string', format: 'uuid' } : { type: 'string' },
    }));
    parameters.push(...queryParameters(op.query));
    if (op.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Retry safely: the same key and body return the first answer instead of creating twice.',
        schema: { type: 'string', minLength: 8, maxLength: 200 },
      });
    }
    const access = route.access;
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      operationId: route.operationId,
      summary: op.summary,
      description: route.isPublic
        ? 'Open to anyone.'
        : `People with role(s): ${access!.roles.join(', ')}. API keys with scope(s): ${access!.scopes.join(', ') || 'none (closed to keys)'}.`,
      ...(route.isPublic ? { security: [] } : { security: [{ bearer: [] }], 'x-access': access }),
      // Which case a mediator must be assigned to, so clients and the authorization suite know the role alone is not enough.
      ...(route.needToKnow ? { 'x-need-to-know': route.needToKnow } : {}),
      parameters,
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(op.body, 'input') } } } } : {}),
      ...(op.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: multipartSchema(op.multipart) } } } } : {}),
      responses: {
        ...(op.alsoSucceeds
          ? {
              [op.alsoSucceeds.status]: op.alsoSucceeds.schema
                ? { description: op.alsoSucceeds.description, content: { 'application/json': { schema: toJsonSchema(op.alsoSucceeds.schema, 'output') } } }
                : { description: op.alsoSucceeds.description },
            }
          : {}),
        [op.response.status]: op.response.binary
          ? { description: 'Success: the file', content: { [op.response.binary]: { schema: { type: 'string', format: 'binary' } } } }
          : op.response.schema
            ? { description: 'Success', content: { 'application/json': { schema: toJsonSchema(op.response.schema, 'output') } } }
            : { description: 'Success, no content' },
        400: problem('Invalid input: `errors` names each field (also a body nested more than 32 levels deep)'),
        ...(op.body ? { 415: problem('The body is not sent as Content-Type: application/json') } : {}),
        ...(op.multipart
          ? {
              413: problem('The file is larger than the limit'),
              415: problem('The body is not multipart/form-data, or the file’s bytes are not an accepted type'),
            }
          : {}),
        ...(route.isPublic
          ? {}
          : { 401: problem('Missing, unknown, revoked or expired credentials'), 403: problem('Your role or scopes do not allow this route') }),
        ...(op.params ? { 404: problem('Not found in your organisation') } : {}),
        ...(op.idempotent ? { 409: problem('Idempotency-Key reused with another body, or still in progress') } : {}),
        ...(op.body ? { 413: problem('The body is larger than the route accepts') } : {}),
        429: problem('Too many requests (or failed sign-ins) from this client or key: wait the seconds `Retry-After` says'),
        ...Object.fromEntries(Object.entries(op.problems ?? {}).map(([status, when]) => [status, problem(when)])),
        503: problem(
          'Busy: refused unstarted, nothing done (the gateway at capacity or a service with too long a line), or a service that is not running or did not answer in time (its detail says whether it may have been processed); wait the seconds `Retry-After` says',
        ),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Mediation platform API',
      version,
      description: 'Referrals, cases, deadlines and reports across your contracts. Every error is RFC 9457 problem JSON.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key (`mk_…`) or a sign-in token.' } },
      schemas: { Problem: toJsonSchema(ProblemSchema, 'output') },
    },
  };
}
