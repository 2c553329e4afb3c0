import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemError } from '@mediation/platform';
import { lastValueFrom, of, throwError } from 'rxjs';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
import { AuditInterceptor } from './audit.interceptor';
import type { AuditRecord } from './audit-record';
import { AuditWriter } from './audit-writer';
import type { RecordAuditEntryUseCase } from './record-audit-entry.use-case';
import { SensitiveRead } from './sensitive-read';
import { SensitiveReadRecorder } from './sensitive-read.recorder';

const CASE_MANAGER: Principal = {
  organisationId: '0190a000-0000-7000-8000-000000000001',
  actorId: 'user-1',
  actorType: 'user',
  roles: ['case-manager'],
  scopes: [],
};

class ReferralsRoutes {
  submit() {}
  @SensitiveRead({ resourceType: 'referral', categories: ['special-category', 'criminal-offence'] })
  readWithProtectedFields() {}
  readPlain() {}
}

function request(method: string, route: string, overrides: Partial<AuthenticatedRequest> = {}): AuthenticatedRequest {
  const path = route.replace(':id', '0190a000-0000-7000-8000-0000000000ff');
  return {
    method,
    path,
    baseUrl: '',
    route: { path: route },
    params: route.includes(':id') ? { id: '0190a000-0000-7000-8000-0000000000ff' } : {},
    headers: { 'user-agent': 'council-cms/2.1' },
    ip: '::ffff:203.0.113.7',
    id: 'corr-1',
    principal: CASE_MANAGER,
    ...overrides,
  } as unknown as AuthenticatedRequest;
}

function contextFor(req: AuthenticatedRequest, handler: keyof ReferralsRoutes, statusCode = 200): ExecutionContext {
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({ statusCode }), getNext: () => undefined }),
    getHandler: () => ReferralsRoutes.prototype[handler],
    getClass: () => ReferralsRoutes,
  } as unknown as ExecutionContext;
}

describe('the audit interceptor', () => {
  let recorded: AuditRecord[];
  let failing: boolean;
  let interceptor: AuditInterceptor;
  let handled: number;

  beforeEach(() => {
    recorded = [];
    failing = false;
    handled = 0;
    const trail = {
      execute: async (record: AuditRecord) => (failing ? Promise.reject(new Error('database down')) : recorded.push(record)),
    } as unknown as RecordAuditEntryUseCase;
    interceptor = new AuditInterceptor(new Reflector(), new AuditWriter(trail));
  });

  const answer = (value: unknown): CallHandler => ({ handle: () => ((handled += 1), of(value)) });
  const fail = (error: unknown): CallHandler => ({ handle: () => ((handled += 1), throwError(() => error)) });
  const run = async (req: AuthenticatedRequest, handler: keyof ReferralsRoutes, next: CallHandler, status?: number) =>
    lastValueFrom(interceptor.intercept(contextFor(req, handler, status), next));

  it('records a referral submitted through the API: who, what, which referral, the outcome, from where', async () => {
    await run(request('POST', '/v1/referrals'), 'submit', answer({ id: '0190a000-0000-7000-8000-0000000000aa' }), 201);
    expect(recorded).toEqual([
      {
        organisationId: CASE_MANAGER.organisationId,
        actorId: 'user-1',
        actorType: 'user',
        actorRoles: ['case-manager'],
        action: 'POST /v1/referrals',
        resourceType: 'referral',
        resourceId: '0190a000-0000-7000-8000-0000000000aa',
        outcome: 201,
        clientIp: '203.0.113.7',
        userAgent: 'council-cms/2.1',
        correlationId: 'corr-1',
        accessReason: null,
        dataCategories: [],
      },
    ]);
  });

  it('records a write that ended in a problem with its status, and the caller still gets that problem', async () => {
    const invalid = ProblemError.validation([{ field: 'summary', message: 'is required' }]);
    await expect(run(request('POST', '/v1/referrals'), 'submit', fail(invalid))).rejects.toBe(invalid);
    expect(recorded).toMatchObject([{ action: 'POST /v1/referrals', outcome: 400, resourceId: null }]);
  });

  it('records a refused path id holding a NUL without the id, since the trail could not store it', async () => {
    const invalid = ProblemError.validation([{ field: 'id', message: 'must not contain a NUL character' }]);
    await expect(
      run(request('PUT', '/v1/referrals/:id/legal-hold', { params: { id: 'a\u0000' } } as Partial<AuthenticatedRequest>), 'submit', fail(invalid)),
    ).rejects.toBe(invalid);
    expect(recorded).toMatchObject([{ action: 'PUT /v1/referrals/:id/legal-hold', outcome: 400, resourceId: null }]);
  });

  it('does not record plain reads, nor anything outside /v1', async () => {
    await run(request('GET', '/v1/referrals/:id'), 'readPlain', answer({}));
    await run(request('POST', '/health/live', { principal: undefined }), 'submit', answer({}));
    expect(recorded).toEqual([]);
    expect(handled).toBe(2);
  });

  it('answers 503 instead of the result when the entry cannot be written: a lost entry is worse than a retry', async () => {
    failing = true;
    await expect(run(request('POST', '/v1/referrals'), 'submit', answer({ id: 'x' }), 201)).rejects.toMatchObject({ problem: { status: 503 } });
  });

  describe('reads of special-category or criminal-offence data', () => {
    it('without X-Access-Reason are refused with a 400 naming the header, before anything is read', async () => {
      const refused = run(request('GET', '/v1/referrals/:id'), 'readWithProtectedFields', answer({ id: 'r' }));
      await expect(refused).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'X-Access-Reason', message: 'is required' }] } });
      expect(handled).toBe(0);
      expect(recorded).toEqual([]);
    });

    it('with a reason that says nothing ("x") are refused too', async () => {
      const req = request('GET', '/v1/referrals/:id', { headers: { 'x-access-reason': 'x' } });
      await expect(run(req, 'readWithProtectedFields', answer({}))).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'X-Access-Reason' }] } });
    });

    it('with a reason are answered and recorded with the reason and the kinds of data read', async () => {
      const req = request('GET', '/v1/referrals/:id', { headers: { 'x-access-reason': 'Preparing the joint session for case M-2041' } });
      await run(req, 'readWithProtectedFields', answer({ id: '0190a000-0000-7000-8000-0000000000ff' }));
      expect(recorded).toMatchObject([
        {
          action: 'GET /v1/referrals/:id',
          resourceType: 'referral',
          resourceId: '0190a000-0000-7000-8000-0000000000ff',
          outcome: 200,
          accessReason: 'Preparing the joint session for case M-2041',
          dataCategories: ['special-category', 'criminal-offence'],
        },
      ]);
    });

    it('that a route discovers at run time are recorded through the recorder, which also insists on a reason', async () => {
      const recorder = new SensitiveReadRecorder(
        new AuditWriter({ execute: async (r: AuditRecord) => recorded.push(r) } as unknown as RecordAuditEntryUseCase),
      );
      const read = { resourceType: 'case', resourceId: '0190a000-0000-7000-8000-0000000000cc', categories: ['criminal-offence' as const] };
      await expect(recorder.record(request('GET', '/v1/cases/:id'), read)).rejects.toMatchObject({ problem: { status: 400 } });
      await recorder.record(request('GET', '/v1/cases/:id', { headers: { 'x-access-reason': 'Checking the conditions of the OOCR' } }), read);
      expect(recorded).toMatchObject([
        { resourceType: 'case', resourceId: read.resourceId, accessReason: 'Checking the conditions of the OOCR', dataCategories: ['criminal-offence'] },
      ]);
    });
  });
});
