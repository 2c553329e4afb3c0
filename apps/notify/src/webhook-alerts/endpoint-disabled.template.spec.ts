import { endpointDisabled } from './endpoint-disabled.template';

const disabled = {
  endpointId: '0190a000-0000-7000-8000-0000000000e1',
  url: 'https://cms.council.example/hooks',
  description: 'Council case system',
  disabledAt: '2026-12-11T10:00:00.000Z',
  failingSince: '2026-12-06T09:30:00.000Z',
  lastStatusCode: 503,
};

describe('the email telling an admin that a webhook endpoint was disabled', () => {
  it('after five days of failures says since when every delivery failed and the last answer', () => {
    const email = endpointDisabled({ ...disabled, reason: 'failing' } as Parameters<typeof endpointDisabled>[0], 'Ada Admin');
    expect(email.subjectLine).toBe('Webhook endpoint disabled: Council case system');
    expect(email.body).toContain('Dear Ada Admin,');
    expect(email.body).toContain('Every delivery to it has failed since Sunday 6 December 2026, 09:30');
    expect(email.body).toContain('(the last answer was HTTP 503)');
    expect(email.body).toContain(`PATCH /v1/webhooks/${disabled.endpointId} {"enabled": true}`);
    expect(email.body).toContain(`POST /v1/webhooks/${disabled.endpointId}/replay`);
  });

  it('after a 410 says the address is no longer in use', () => {
    const email = endpointDisabled(
      { ...disabled, reason: 'gone', failingSince: null, lastStatusCode: 410 } as Parameters<typeof endpointDisabled>[0],
      'Ada Admin',
    );
    expect(email.body).toContain('It answered 410 Gone');
    expect(email.body).not.toContain('has failed since');
  });

  it('after failures with no answer at all says so', () => {
    const email = endpointDisabled({ ...disabled, reason: 'failing', lastStatusCode: null } as Parameters<typeof endpointDisabled>[0], 'Ada Admin');
    expect(email.body).toContain('(the last attempt got no answer)');
  });
});
