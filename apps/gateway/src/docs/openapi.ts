import { ProblemSchema, toJsonSchema } from '@mediation/protocol';
import { API_ROUTES } from './api-routes';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

/** OpenAPI 3.0 for /v1, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const parameters: unknown[] = Object.entries(route.pathParams ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } }));
    if (route.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Retry safely: the same key and body return the first answer instead of creating twice.', schema: { type: 'string', minLength: 8, maxLength: 200 } });
    }
    paths[route.path] ??= {};
    paths[route.path][route.method] = {
      summary: route.summary,
      description: `Needs an API key with scope(s): ${route.scopes.join(', ')}.`,
      security: [{ apiKey: [] }],
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } } } } : {}),
      responses: {
        [route.response.status]: { description: 'Success', content: { 'application/json': { schema: toJsonSchema(route.response.schema, 'output') } } },
        400: problem('Invalid input: `errors` names each field'),
        401: problem('Missing, unknown, revoked or expired API key'),
        403: problem('The key lacks a scope the route needs'),
        ...(route.pathParams ? { 404: problem('Not found in your organisation') } : {}),
        ...(route.idempotent ? { 409: problem('Idempotency-Key reused with another body, or still in progress') } : {}),
        503: problem('A service behind the gateway did not answer in time'),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Mediation platform API', version, description: 'Referrals, cases, deadlines and reports across your contracts. Every error is RFC 9457 problem JSON.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer mk_…`' } },
      schemas: { Problem: toJsonSchema(ProblemSchema, 'output') },
    },
  };
}
