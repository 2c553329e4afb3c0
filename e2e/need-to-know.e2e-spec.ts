import { PlatformUnderTest, waitUntil, type SeededOrganisation } from '@mediation/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

jest.setTimeout(240_000);

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; code?: string }[];
}
interface User {
  id: string;
  staffId: string | null;
}

const REASON = { 'x-access-reason': 'Preparing the joint mediation session' };
const CLI = path.resolve(__dirname, '../dist/apps/gateway/src/ops/cli.js');

/**
 * Need-to-know (UK GDPR art. 5(1)(c), art. 9): a mediator reads a case's special-category and
 * criminal-offence data only while their own staff profile is assigned to the case; the people who
 * manage the caseload read any case's.
 */
describe('need-to-know: a mediator reads the sensitive data of their own cases only', () => {
  let platform: PlatformUnderTest;
  let organisation: string;
  let caseId: string;
  let referralId: string;
  let assignedStaffId: string;
  let otherStaffId: string;
  const tag = randomUUID().slice(0, 8);
  const tokens: Record<'assigned' | 'notAssigned' | 'unlinked' | 'caseManager', string> = { assigned: '', notAssigned: '', unlinked: '', caseManager: '' };
  const users: Record<string, User> = {};

  const as = (token: string, headers: Record<string, string> = REASON) => ({ authorization: `Bearer ${token}`, ...headers });
  const staff = async (name: string) =>
    (
      await platform.request<{ id: string }>('POST', '/v1/staff', {
        name,
        email: `${name.split(' ')[0].toLowerCase()}-${tag}@provider.example`,
        payRatePence: 1480,
        maxCaseload: 20,
        serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
      })
    ).body.id;
  const person = async (key: keyof typeof tokens, roles: string[], staffId?: string) => {
    const email = `${key}-${tag}@provider.example`;
    const password = `a-long-password-${randomUUID()}`;
    const created = await platform.request<User>('POST', '/v1/users', { email, name: `Someone (${key})`, roles, password, ...(staffId ? { staffId } : {}) });
    expect({ key, status: created.status }).toEqual({ key, status: 201 });
    users[key] = created.body;
    const session = await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password }, { authorization: '' });
    tokens[key] = session.body.token;
  };
  const sensitiveRoutes = () => [
    `/v1/cases/${caseId}/notes/sensitive`,
    `/v1/cases/${caseId}/parties/sensitive`,
    `/v1/referrals/${referralId}/sensitive-answers`,
  ];
  const sensitiveReadsBy = (userId: string) =>
    platform.sql<{ action: string; outcome: number }>(
      `SELECT action, outcome FROM identity.audit_entry WHERE actor_id = $1 AND cardinality(data_categories) > 0 ORDER BY sequence`,
      [`user:${userId}`],
    );

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: `pat-${tag}@council.example` },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Rae Resident', email: `rae-${tag}@home.example` }],
      summary: 'Banging from next door at night.',
      answers: { vulnerabilities: 'Diabetic', disturbance: 'banging' },
      consent: [
        { givenBy: 'Rae Resident', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'email', recordedBy: 'Pat Officer' },
      ],
    });
    expect(submitted.status).toBe(201);
    referralId = submitted.body.id;
    caseId = await waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${referralId}`)).body.caseId ?? undefined, {
      what: 'the case',
    });
    expect((await platform.request('POST', `/v1/cases/${caseId}/notes`, { body: 'Rae disclosed a mental-health crisis.', sensitive: true })).status).toBe(201);
    expect(
      (await platform.request('POST', `/v1/cases/${caseId}/parties`, { role: 'respondent', name: 'Alex Neighbour', accessibilityNeeds: 'Uses a wheelchair' }))
        .status,
    ).toBe(201);
    assignedStaffId = await staff('Mo Mediator');
    otherStaffId = await staff('Nat Mediator');
    expect((await platform.request('POST', `/v1/cases/${caseId}/assignments`, { staffId: assignedStaffId, role: 'mediator' })).status).toBe(201);
    await person('assigned', ['mediator'], assignedStaffId);
    await person('notAssigned', ['mediator'], otherStaffId);
    await person('unlinked', ['mediator']);
    await person('caseManager', ['case-manager']);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('a user is linked to a staff profile of their own organisation, one user per profile, and the view shows it', async () => {
    expect(users.assigned.staffId).toBe(assignedStaffId);
    expect(users.unlinked.staffId).toBeNull();
    expect((await platform.request<User>('GET', `/v1/users/${users.assigned.id}`)).body.staffId).toBe(assignedStaffId);
    const me = await platform.request<{ user: User }>('GET', '/v1/me', undefined, as(tokens.assigned, {}));
    expect(me.body.user.staffId).toBe(assignedStaffId);

    const unknown = await platform.request<Problem>('POST', '/v1/users', {
      email: `ghost-${tag}@provider.example`,
      name: 'Ghost',
      roles: ['mediator'],
      staffId: randomUUID(),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'staffId', code: 'unknown-staff' })]);

    const taken = await platform.request<Problem>('PATCH', `/v1/users/${users.unlinked.id}`, { staffId: assignedStaffId });
    expect(taken.status).toBe(422);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'staffId', code: 'staff-already-linked' })]);

    // Scheduling's own record of whose profile it is must agree.
    const someoneElses = await platform.request<{ id: string }>('POST', '/v1/staff', {
      name: 'Cas Manager',
      email: `cas-${tag}@provider.example`,
      payRatePence: 1480,
      maxCaseload: 20,
      serviceLines: [],
      userId: users.caseManager.id,
    });
    const theirs = await platform.request<Problem>('PATCH', `/v1/users/${users.unlinked.id}`, { staffId: someoneElses.body.id });
    expect(theirs.status).toBe(422);
    expect(theirs.body.errors).toEqual([expect.objectContaining({ field: 'staffId', code: 'staff-of-another-user' })]);

    const malformed = await platform.request<Problem>('PATCH', `/v1/users/${users.unlinked.id}`, { staffId: 'mo' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0].field).toBe('staffId');
  });

  it("another provider's staff profile cannot be linked: it does not exist in this organisation", async () => {
    const providerB: SeededOrganisation = await platform.addOrganisation();
    const theirs = await platform.request<{ id: string }>(
      'POST',
      '/v1/staff',
      { name: 'Bea Elsewhere', email: `bea-${tag}@other.example`, payRatePence: 1480, maxCaseload: 5, serviceLines: [] },
      { authorization: `Bearer ${providerB.apiKey}` },
    );
    expect(theirs.status).toBe(201);
    const res = await platform.request<Problem>('PATCH', `/v1/users/${users.unlinked.id}`, { staffId: theirs.body.id });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'staffId', code: 'unknown-staff' })]);
  });

  it('the ops CLI links a staff profile on user create and changes or removes it on user update', async () => {
    const cli = (...args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...platform.env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const profile = await staff('Cleo Cli');
    const email = `cleo-${tag}@provider.example`;
    const created = await cli('user', 'create', '--org', organisation, '--email', email, '--name', 'Cleo', '--roles', 'mediator', '--staff', profile, '--json');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const { id } = JSON.parse(created.stdout) as { id: string };
    expect((await platform.request<User>('GET', `/v1/users/${id}`)).body.staffId).toBe(profile);

    const taken = await cli('user', 'update', '--org', organisation, '--email', email, '--staff', assignedStaffId);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('staffId is already linked to');
    expect(await cli('user', 'update', '--org', organisation, '--email', email, '--staff', 'none')).toMatchObject({ code: 0, stderr: '' });
    expect((await platform.request<User>('GET', `/v1/users/${id}`)).body.staffId).toBeNull();
  });

  it('a mediator linked and assigned to the case reads its sensitive notes, parties and referral answers, and each read is audited', async () => {
    const notes = await platform.request<{ items: { body: string; sensitive: boolean }[] }>(
      'GET',
      `/v1/cases/${caseId}/notes/sensitive`,
      undefined,
      as(tokens.assigned),
    );
    expect(notes.status).toBe(200);
    expect(notes.body.items.filter((n) => n.sensitive).map((n) => n.body)).toEqual(['Rae disclosed a mental-health crisis.']);
    const parties = await platform.request<{ items: { name: string; accessibilityNeeds?: string | null }[] }>(
      'GET',
      `/v1/cases/${caseId}/parties/sensitive`,
      undefined,
      as(tokens.assigned),
    );
    expect(parties.status).toBe(200);
    expect(parties.body.items.find((p) => p.name === 'Alex Neighbour')?.accessibilityNeeds).toBe('Uses a wheelchair');
    const answers = await platform.request<{ answers: Record<string, unknown> }>(
      'GET',
      `/v1/referrals/${referralId}/sensitive-answers`,
      undefined,
      as(tokens.assigned),
    );
    expect(answers.status).toBe(200);
    expect(answers.body.answers).toMatchObject({ vulnerabilities: 'Diabetic' });
    expect(await sensitiveReadsBy(users.assigned.id)).toEqual([
      { action: 'GET /v1/cases/:id/notes/sensitive', outcome: 200 },
      { action: 'GET /v1/cases/:id/parties/sensitive', outcome: 200 },
      { action: 'GET /v1/referrals/:id/sensitive-answers', outcome: 200 },
    ]);
  });

  it('a mediator linked to a profile not on the case is refused with 403 "not assigned", and nothing is recorded as read', async () => {
    for (const route of sensitiveRoutes()) {
      const res = await platform.request<Problem>('GET', route, undefined, as(tokens.notAssigned));
      expect({ route, status: res.status }).toEqual({ route, status: 403 });
      expect(res.body.detail).toMatch(/you are not assigned to this case/i);
    }
    // Their ordinary view of the case is untouched.
    expect((await platform.request('GET', `/v1/cases/${caseId}/notes`, undefined, as(tokens.notAssigned, {}))).status).toBe(200);
    expect(await sensitiveReadsBy(users.notAssigned.id)).toEqual([]);
  });

  it('a mediator whose account is not linked is refused with a 403 that says how to fix it', async () => {
    for (const route of sensitiveRoutes()) {
      const res = await platform.request<Problem>('GET', route, undefined, as(tokens.unlinked));
      expect({ route, status: res.status }).toEqual({ route, status: 403 });
      expect(res.body.detail).toMatch(/not linked to a staff profile: ask an administrator to link it/);
    }
    expect(await sensitiveReadsBy(users.unlinked.id)).toEqual([]);
  });

  it('a case manager reads any case’s sensitive data without being assigned; an API key with the scope still reads it', async () => {
    for (const route of sensitiveRoutes()) {
      expect({ route, status: (await platform.request('GET', route, undefined, as(tokens.caseManager))).status }).toEqual({ route, status: 200 });
      expect({ route, status: (await platform.request('GET', route, undefined, REASON)).status }).toEqual({ route, status: 200 });
    }
  });

  it('taken off the case, the mediator loses the sensitive read at once; linking a profile that is on it gives it back', async () => {
    const { items } = (await platform.request<{ items: { id: string; staffId: string }[] }>('GET', `/v1/cases/${caseId}/assignments`)).body;
    const assignment = items.find((a) => a.staffId === assignedStaffId)!;
    expect((await platform.request('DELETE', `/v1/cases/${caseId}/assignments/${assignment.id}`)).status).toBe(200);
    const after = await platform.request<Problem>('GET', `/v1/cases/${caseId}/notes/sensitive`, undefined, as(tokens.assigned));
    expect(after.status).toBe(403);
    expect(after.body.detail).toMatch(/not assigned to this case/);

    expect((await platform.request('POST', `/v1/cases/${caseId}/assignments`, { staffId: otherStaffId, role: 'mediator' })).status).toBe(201);
    expect((await platform.request('GET', `/v1/cases/${caseId}/notes/sensitive`, undefined, as(tokens.notAssigned))).status).toBe(200);

    const unlinked = await platform.request<User>('PATCH', `/v1/users/${users.notAssigned.id}`, { staffId: null });
    expect(unlinked.body.staffId).toBeNull();
    const refused = await platform.request<Problem>('GET', `/v1/cases/${caseId}/notes/sensitive`, undefined, as(tokens.notAssigned));
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/not linked to a staff profile/);
  });
});
