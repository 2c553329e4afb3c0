import { ForbiddenException, Logger, UnauthorizedException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { ProblemError } from './problem.error';
import { ProblemFilter } from './problem.filter';

/** An HTTP request and response as Express would hand them to the filter, recording what was sent. */
function http(path: string, requestHeaders: Record<string, string> = {}) {
  const sent: { status?: number; body?: unknown } = {};
  const headers: Record<string, string> = {};
  const res = {
    headersSent: false,
    getHeader: (name: string) => headers[name],
    setHeader: (name: string, value: string) => (headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const req = { id: 'corr-1', method: 'GET', originalUrl: path, ip: '203.0.113.9', headers: requestHeaders };
  const host = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
  return { host, sent, headers };
}

describe('refused requests are logged, since the audit trail records only what was done', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('a 403 is answered as a problem and logged with the path, the client address and the correlation id', () => {
    const { host, sent } = http('/v1/cases/1/notes/sensitive');
    new ProblemFilter().catch(new ForbiddenException('You are not assigned to this case'), host);
    expect(sent.status).toBe(403);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'GET', path: '/v1/cases/1/notes/sensitive', status: 403, ip: '203.0.113.9', correlationId: 'corr-1' }),
      'request refused',
    );
  });

  it('a 401 is logged too', () => {
    const { host } = http('/v1/referrals');
    new ProblemFilter().catch(new UnauthorizedException(), host);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ status: 401 }), 'request refused');
  });

  it('an ordinary 404 is not a refusal and is not logged as one', () => {
    const { host, sent } = http('/v1/cases/2');
    new ProblemFilter().catch(ProblemError.notFound('case', '2'), host);
    expect(sent.status).toBe(404);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('every 401 says how to authenticate (RFC 6750)', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('without credentials: a Bearer challenge with no error code', () => {
    const { host, headers } = http('/v1/referrals');
    new ProblemFilter().catch(ProblemError.unauthenticated('Send an API key'), host);
    expect(headers['WWW-Authenticate']).toBe('Bearer realm="mediation"');
  });

  it('with a token that was refused: invalid_token', () => {
    const { host, headers } = http('/v1/referrals', { authorization: 'Bearer mk_nonsense' });
    new ProblemFilter().catch(ProblemError.unauthenticated('The API key is not valid.'), host);
    expect(headers['WWW-Authenticate']).toBe('Bearer realm="mediation", error="invalid_token"');
  });

  it('other problems carry no challenge', () => {
    const { host, headers } = http('/v1/referrals', { authorization: 'Bearer x' });
    new ProblemFilter().catch(new ForbiddenException(), host);
    expect(headers['WWW-Authenticate']).toBeUndefined();
  });
});

describe('headers a problem asks for', () => {
  it('a 409 that says when to retry is answered with Retry-After', () => {
    const { host, sent, headers } = http('/v1/referrals');
    new ProblemFilter().catch(ProblemError.conflict('Still being processed; retry shortly.').withHeaders({ 'Retry-After': '5' }), host);
    expect({ status: sent.status, retryAfter: headers['Retry-After'] }).toEqual({ status: 409, retryAfter: '5' });
  });
});
