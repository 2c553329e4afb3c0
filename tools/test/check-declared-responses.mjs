#!/usr/bin/env node
// After the end-to-end suites: every status the gateway answered on a route, and every query parameter it
// accepted, must be declared by the OpenAPI document it serves (clients and generated SDKs trust that document).
// Usage: node tools/test/check-declared-responses.mjs <directory written under RECORD_RESPONSES_TO>
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const directory = process.argv[2];
const documentFile = path.join(directory ?? '', 'openapi.json');
if (!directory || !existsSync(documentFile)) {
  console.error(`no ${documentFile}: e2e/api-documents.e2e-spec.ts writes the served document there when RECORD_RESPONSES_TO is set`);
  process.exit(1);
}
const document = JSON.parse(readFileSync(documentFile, 'utf8'));
const answered = new Map();
for (const file of readdirSync(directory).filter((name) => name.endsWith('.jsonl'))) {
  for (const line of readFileSync(path.join(directory, file), 'utf8').split('\n').filter(Boolean)) answered.set(line, JSON.parse(line));
}
const undeclared = [];
for (const { method, path: route, status, query } of answered.values()) {
  const operation = document.paths?.[route]?.[method];
  const where = `${method.toUpperCase()} ${route}`;
  if (!operation) {
    undeclared.push(`${where}: answered but not in the document`);
    continue;
  }
  if (!operation.responses?.[String(status)] && !operation.responses?.default) undeclared.push(`${where}: answered ${status}, not declared`);
  const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
  if (status < 400) for (const name of query.filter((q) => !declared.has(q))) undeclared.push(`${where}: accepted query parameter ${name}, not declared`);
}
const routes = new Set([...answered.values()].map((a) => `${a.method} ${a.path}`));
console.log(`${answered.size} distinct answers on ${routes.size} routes compared with the served OpenAPI document`);
if (answered.size === 0) {
  console.error('nothing was recorded: is RECORD_RESPONSES_TO reaching the gateway?');
  process.exit(1);
}
for (const line of undeclared.sort()) console.error(`  ✗ ${line}`);
process.exit(undeclared.length === 0 ? 0 : 1);
