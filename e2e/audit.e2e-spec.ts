import type { AuditPage } from '@mediation/protocol';
import { PlatformUnderTest } from '@mediation/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

jest.setTimeout(180_000);

const CLI = path.resolve(__dirname, '../dist/apps/gateway/src/ops/cli.js');

describe('the audit trail and the ops CLI, against the running platform', () => {
  let platform: PlatformUnderTest;
  let slug: string;

  /**
   * The ops CLI as an operator runs it, against the platform's database and namespace. Asynchronous,
   * so the test's own HTTP connections see the server's keep-alive closes while it runs.
   */
  function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...platform.env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
  }

  async function issueKey(name: string, scopes: string): Promise<{ id: string; token: string }> {
    const run = await cli('api-key', 'create', '--org', slug, '--name', name, '--scopes', scopes, '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(run.stdout);
  }

  const as = (key: { token: string }) => ({ authorization: `Bearer ${key.token}`, 'user-agent': 'council-cms/2.1' });

  function referral() {
    return {
      contractId: platform.contractId,
      referrer: { name: 'Pat Officer', email: `officer-${randomUUID().slice(0, 8)}@council.example` },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Sam Resident' }],
      summary: 'Shouting and door slamming late at night.',
      consent: [{ givenBy: 'Sam Resident', relationship: 'tenant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Pat Officer' }],
    };
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    [{ slug }] = await platform.sql<{ slug: string }>('SELECT slug FROM identity.organisation WHERE id = $1', [platform.organisationId]);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it("a referral submitted by a council's system is in the trail, readable with audit:read and not with referral scopes", async () => {
    const council = await issueKey('council case system', 'referrals:write,referrals:read');
    const auditor = await issueKey('audit export', 'audit:read');

    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', referral(), as(council));
    expect(submitted.status).toBe(201);

    const trail = await platform.request<AuditPage>('GET', `/v1/audit?resourceId=${submitted.body.id}`, undefined, as(auditor));
    expect(trail.status).toBe(200);
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        actorId: `api-key:${council.id}`,
        actorType: 'api-key',
        action: 'POST /v1/referrals',
        resourceType: 'referral',
        resourceId: submitted.body.id,
        outcome: 201,
        clientIp: '127.0.0.1',
        userAgent: 'council-cms/2.1',
        correlationId: submitted.headers.get('x-correlation-id'),
      }),
    ]);

    const refused = await platform.request<{ detail: string }>('GET', '/v1/audit', undefined, as(council));
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('audit:read');
  });

  it('a write that fails is recorded with its outcome, and the trail filters and pages newest first', async () => {
    const council = await issueKey('second council system', 'referrals:write');
    const auditor = await issueKey('audit export 2', 'audit:read');
    expect((await platform.request('POST', '/v1/referrals', referral(), as(council))).status).toBe(201);
    expect((await platform.request('POST', '/v1/referrals', { ...referral(), summary: undefined }, as(council))).status).toBe(400);

    const filter = `actorId=api-key:${council.id}&action=${encodeURIComponent('POST /v1/referrals')}`;
    const first = await platform.request<AuditPage>('GET', `/v1/audit?${filter}&limit=1`, undefined, as(auditor));
    expect(first.body.items.map((e) => e.outcome)).toEqual([400]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await platform.request<AuditPage>('GET', `/v1/audit?${filter}&limit=1&cursor=${first.body.nextCursor}`, undefined, as(auditor));
    expect(second.body.items.map((e) => e.outcome)).toEqual([201]);
    expect(second.body.items[0].sequence).toBeLessThan(first.body.items[0].sequence);
    expect(second.body.nextCursor).toBeNull();

    const bad = await platform.request<{ errors: { field: string }[] }>('GET', '/v1/audit?limit=0&colour=blue', undefined, as(auditor));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['colour', 'limit']);
  });

  it('an API key revoked with the CLI stops working at once, and the revocation is in the trail', async () => {
    const council = await issueKey('to be revoked', 'referrals:read');
    const auditor = await issueKey('audit export 3', 'audit:read');
    expect(await cli('api-key', 'revoke', '--id', council.id)).toMatchObject({ code: 0, stdout: expect.stringContaining(`revoked API key ${council.id}`) });
    expect((await platform.request('GET', `/v1/referrals/${randomUUID()}`, undefined, as(council))).status).toBe(401);

    const trail = await platform.request<AuditPage>('GET', `/v1/audit?resourceId=${council.id}`, undefined, as(auditor));
    expect(trail.body.items.map((e) => [e.action, e.actorType, e.outcome])).toEqual([
      ['cli api-key revoke', 'system', 200],
      ['cli api-key create', 'system', 201],
    ]);
  });

  it('a person made an auditor with the CLI reads the trail; a case manager may not', async () => {
    const password = `pw-${randomUUID()}`;
    for (const [email, roles] of [
      ['audrey@provider.example', 'auditor'],
      ['casey@provider.example', 'case-manager'],
    ]) {
      expect(
        await cli('user', 'create', '--org', slug, '--email', email, '--name', email.split('@')[0], '--roles', roles, '--password', password),
      ).toMatchObject({ code: 0, stderr: '' });
    }
    const signIn = async (email: string) =>
      (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation: slug, email, password }, { authorization: '' })).body.token;
    const auditor = { authorization: `Bearer ${await signIn('audrey@provider.example')}` };
    const caseManager = { authorization: `Bearer ${await signIn('casey@provider.example')}` };

    const trail = await platform.request<AuditPage>('GET', `/v1/audit?action=${encodeURIComponent('cli user create')}`, undefined, auditor);
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((e) => [e.resourceType, e.outcome])).toEqual([
      ['user', 201],
      ['user', 201],
    ]);
    expect((await platform.request('GET', '/v1/audit', undefined, caseManager)).status).toBe(403);
  });

  it('the CLI creates and lists contracts through intake', async () => {
    const created = await cli(
      'contract',
      'create',
      '--org',
      slug,
      '--template',
      'possession',
      '--reference',
      'POSS-2026-01',
      '--title',
      'Possession mediation',
      '--buyer',
      'County Court',
      '--json',
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const contract = JSON.parse(created.stdout) as { id: string };
    const listed = await cli('contract', 'list', '--org', slug);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(contract.id);
    expect(listed.stdout).toContain(platform.contractId);
  });

  it('the CLI imports a published notice with its OCDS release, and importing it again updates the same contract', async () => {
    const ocid = `ocds-e2e-${randomUUID().slice(0, 8)}`;
    const release = {
      ocid,
      id: '1',
      date: '2025-11-27T15:48:17Z',
      buyer: { name: 'Office of the Police and Crime Commissioner' },
      tender: {
        id: 'OOCR-2026',
        title: 'Out of Court Resolution',
        description: 'Interventions for adults subject to an out of court resolution.',
        value: { amount: 120000, currency: 'GBP' },
      },
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'notice-'));
    const file = path.join(dir, 'notice.txt');
    writeFileSync(file, `Notice Information\nNotice Title\nOut of Court Resolution\n${JSON.stringify(release, null, 1)}\n`);
    try {
      const first = await cli('contract', 'import-ocds', '--org', slug, '--file', file, '--template', 'oocr', '--json');
      expect(first).toMatchObject({ code: 0, stderr: '' });
      const created = JSON.parse(first.stdout) as { outcome: string; contract: { id: string; ocid: string } };
      expect(created).toMatchObject({ outcome: 'created', contract: { ocid } });
      const again = JSON.parse((await cli('contract', 'import-ocds', '--org', slug, '--file', file, '--json')).stdout) as typeof created;
      expect(again).toMatchObject({ outcome: 'updated', contract: { id: created.contract.id } });
      expect((await cli('contract', 'list', '--org', slug)).stdout.split(created.contract.id)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CLI mistakes exit 1 with one line saying what to fix', async () => {
    for (const [args, says] of [
      [['org', 'create', '--name', 'North Mediation'], '--slug is required'],
      [['api-key', 'create', '--org', 'no-such-provider', '--name', 'x'], 'no organisation has the slug "no-such-provider"'],
      [['api-key', 'create', '--org', slug, '--name', 'x', '--scopes', 'referrals:write,everything'], 'unknown scope everything'],
      [['api-key', 'create', '--org', slug, '--name', 'x', '--expires', '2020-01-01'], '--expires must be in the future'],
      [['contract', 'create', '--org', slug, '--template', 'no-such-template', '--reference', 'R-1'], '--template'],
      [['org', 'rename'], 'unknown command "org rename"'],
    ] as const) {
      const run = await cli(...args);
      expect({ args, code: run.code, lines: run.stderr.trim().split('\n').length }).toEqual({ args, code: 1, lines: 1 });
      expect(run.stderr).toContain(says);
    }
  });

  it('audit verify finds every chain intact and exits 0', async () => {
    const everyone = await cli('audit', 'verify');
    expect(everyone).toMatchObject({ code: 0, stdout: expect.stringContaining('audit trail intact') });
    expect(await cli('audit', 'verify', '--org', slug)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`intact +${platform.organisationId}: \\d+ entries`)),
    });
  });
});
