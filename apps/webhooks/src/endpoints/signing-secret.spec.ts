import { Webhook } from 'standardwebhooks';
import { newSigningSecret, signatureHeader } from './signing-secret';

describe('signing per Standard Webhooks, checked with the standardwebhooks package', () => {
  const body = JSON.stringify({ type: 'casework.case.closed.v1', data: { caseId: 'c' } });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = (signature: string) => ({ 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature });

  it('a new secret is whsec_ and 24 random bytes, different each time', () => {
    const [a, b] = [newSigningSecret(), newSigningSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(24);
    expect(a).not.toBe(b);
  });

  it('verifies with the secret, and not with another', () => {
    const secret = newSigningSecret();
    const signature = signatureHeader([secret], 'msg_1', timestamp, body);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers(signature))).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSigningSecret()).verify(body, headers(signature))).toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, headers(signature))).toThrow();
  });

  it('during a rotation carries both signatures, so either secret verifies', () => {
    const [current, previous] = [newSigningSecret(), newSigningSecret()];
    const signature = signatureHeader([current, previous], 'msg_1', timestamp, body);
    expect(signature.split(' ')).toHaveLength(2);
    for (const secret of [current, previous]) expect(new Webhook(secret).verify(body, headers(signature))).toEqual(JSON.parse(body));
  });
});
