import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { jwtVerify } from 'jose';

/** One request the fake accepted, as GOV.UK Notify would read it. */
export interface FakeNotifyRequest {
  method: string;
  path: string;
  userAgent: string;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for GOV.UK Notify's API, for tests (no network): POST /v2/notifications/sms as
 * Notify answers it (201 with the notification's id), GET /v2/notifications/{id} with its status, refusing what Notify refuses: a request without
 * a valid JWT for the service (HS256 signed with the key's secret, `iss` the service id, `iat` within
 * 30 seconds), and a body without template_id or phone_number.
 */
export async function startFakeGovUkNotify(key: { serviceId: string; secret: string }) {
  const requests: FakeNotifyRequest[] = [];
  /** What GET /v2/notifications/{id} reports of each text: the status the fake was told to give texts sent since. */
  const statuses = new Map<string, string>();
  let nextStatus = 'delivered';
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      void (async () => {
        const answer = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const refuse = (status: number, error: string, message: string) => answer(status, { status_code: status, errors: [{ error, message }] });
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (!token) return refuse(401, 'AuthError', 'Unauthorized: authentication token must be provided');
        try {
          const { payload } = await jwtVerify(token, new TextEncoder().encode(key.secret), { algorithms: ['HS256'], issuer: key.serviceId });
          if (typeof payload.iat !== 'number' || Math.abs(Date.now() / 1000 - payload.iat) > 30)
            return refuse(403, 'AuthError', 'Error: Your system clock must be accurate to within 30 seconds');
        } catch {
          return refuse(403, 'AuthError', 'Invalid token: API key not found');
        }
        const read = /^\/v2\/notifications\/([0-9a-f-]{36})$/.exec(req.url ?? '');
        if (req.method === 'GET' && read) {
          const sent = statuses.get(read[1]);
          return sent ? answer(200, { id: read[1], type: 'sms', status: sent }) : refuse(404, 'NoResultFound', 'No result found');
        }
        if (req.method !== 'POST' || req.url !== '/v2/notifications/sms') return refuse(404, 'NotFound', 'Not found');
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        if (typeof body.template_id !== 'string') return refuse(400, 'ValidationError', 'template_id is a required property');
        if (typeof body.phone_number !== 'string') return refuse(400, 'ValidationError', 'phone_number is a required property');
        requests.push({ method: req.method, path: req.url, userAgent: String(req.headers['user-agent'] ?? ''), body });
        const id = randomUUID();
        statuses.set(id, nextStatus);
        return answer(201, {
          id,
          reference: body.reference ?? null,
          content: { body: 'rendered by the template', from_number: 'GOVUK' },
          uri: `${baseUrl}/v2/notifications/${id}`,
          template: { id: body.template_id, version: 1, uri: `${baseUrl}/v2/template/${body.template_id}` },
        });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    baseUrl,
    /** An API key in Notify's format: `<name>-<service id>-<secret>`. */
    apiKey: `test_key-${key.serviceId}-${key.secret}`,
    requests: () => requests.slice(),
    /** Texts sent from now on report this status (e.g. `permanent-failure`). */
    reportStatus: (status: string) => {
      nextStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
