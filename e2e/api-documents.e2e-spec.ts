import SwaggerParser from '@apidevtools/swagger-parser';
import { Parser } from '@asyncapi/parser';
import { PlatformUnderTest } from '@mediation/testing';

jest.setTimeout(240_000);

type Operation = { operationId?: string; parameters?: { name: string; in: string }[] };

describe('the documents partners build against, as the gateway serves them', () => {
  let platform: PlatformUnderTest;
  let openapi: { paths: Record<string, Record<string, Operation>> };
  let asyncapi: unknown;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    openapi = (await (await fetch(`${platform.apiUrl}/docs/openapi.json`)).json()) as typeof openapi;
    asyncapi = await (await fetch(`${platform.apiUrl}/docs/asyncapi.json`)).json();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the OpenAPI document validates against the OpenAPI 3.0 schema with no error', async () => {
    await expect(SwaggerParser.validate(structuredClone(openapi) as never)).resolves.toBeDefined();
  });

  it('every operation has its own operationId, so a generated SDK names each method', () => {
    const ids = Object.values(openapi.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the routes that page declare their limit and cursor query parameters', () => {
    const cases = openapi.paths['/v1/cases'].get.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
    expect(cases).toEqual(expect.arrayContaining(['limit', 'cursor']));
  });

  it('the AsyncAPI document has no error in the AsyncAPI parser', async () => {
    const { diagnostics } = await new Parser().parse(JSON.stringify(asyncapi));
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
  });
});
