import type { LookupAddress } from 'node:dns';
import { checkOutboundUrl, guardedLookup, OutboundAddressError, refusedAddressClass } from './outbound-address';

describe('addresses the platform may fetch a URL from', () => {
  it.each([
    ['loopback', ['127.0.0.1', '127.8.9.10', '::1']],
    ['private', ['10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.1.1', 'fec0::1']],
    ['unique-local', ['fc00::1', 'fd12:3456::1']],
    ['link-local', ['169.254.1.1', 'fe80::1']],
    ['carrier-grade-nat', ['100.64.0.1', '100.127.255.254']],
    ['unspecified', ['0.0.0.0', '0.1.2.3', '::']],
    ['cloud-metadata', ['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192']],
    ['multicast', ['224.0.0.1', 'ff02::1']],
    ['reserved', ['240.0.0.1', '255.255.255.255', '192.0.2.1', '2001:db8::1']],
  ])('%s addresses are refused', (kind, addresses) => {
    expect(addresses.map((address) => [address, refusedAddressClass(address)])).toEqual(addresses.map((address) => [address, kind]));
  });

  it('an IPv4 address dressed as IPv6 (mapped, compatible, NAT64, hex) is judged as the IPv4 address it carries', () => {
    for (const address of [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::ffff:a9fe:a9fe',
      '64:ff9b::10.0.0.1',
      '::10.0.0.1',
      '[::ffff:192.168.0.1]',
    ]) {
      expect({ address, refused: refusedAddressClass(address) !== undefined }).toEqual({ address, refused: true });
    }
    expect(refusedAddressClass('::ffff:8.8.8.8')).toBeUndefined();
  });

  it('public addresses are allowed', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4009:81f::200e'])
      expect({ address, refused: refusedAddressClass(address) }).toEqual({ address, refused: undefined });
  });

  it('something that is not an address at all is refused', () => {
    expect(refusedAddressClass('not-an-ip')).toBe('reserved');
  });
});

describe('checking a URL before storing it', () => {
  const resolvesTo =
    (...addresses: string[]) =>
    async (): Promise<LookupAddress[]> =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const refusal = (url: string, ...rest: Parameters<typeof checkOutboundUrl> extends [unknown, ...infer R] ? R : never) =>
    checkOutboundUrl(url, ...rest).then(
      () => 'allowed',
      (error: Error) => (error instanceof OutboundAddressError ? error.message : `unexpected: ${error.message}`),
    );

  it('https to a host that resolves only to public addresses is allowed', async () => {
    expect(await refusal('https://login.example.org/jwks', {}, resolvesTo('93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'))).toBe('allowed');
  });

  it('plain http is refused, and so is a user name in the URL', async () => {
    expect(await refusal('http://login.example.org/jwks', {}, resolvesTo('93.184.216.34'))).toBe('must be an https URL');
    expect(await refusal('https://me:secret@login.example.org/jwks', {}, resolvesTo('93.184.216.34'))).toMatch(/user name/);
  });

  it('a host name that resolves to a private or metadata address, even one of several, is refused', async () => {
    expect(await refusal('https://idp.internal.example/jwks', {}, resolvesTo('10.1.2.3'))).toBe('idp.internal.example is at 10.1.2.3, a private address');
    expect(await refusal('https://metadata.example/latest', {}, resolvesTo('93.184.216.34', '169.254.169.254'))).toMatch(
      /169\.254\.169\.254, a cloud-metadata address/,
    );
    expect(await refusal('https://nowhere.example/jwks', {}, async () => Promise.reject(new Error('ENOTFOUND')))).toBe(
      'nowhere.example does not resolve to an address',
    );
  });

  it('literal addresses are judged without a lookup, written any way the URL parser accepts', async () => {
    const never = async (): Promise<LookupAddress[]> => Promise.reject(new Error('looked up'));
    for (const url of [
      'https://127.0.0.1/jwks',
      'https://2130706433/jwks',
      'https://0x7f.1/jwks',
      'https://[::1]/jwks',
      'https://[::ffff:169.254.169.254]/',
      'https://[fd00:ec2::254]/',
    ]) {
      expect({ url, refused: (await refusal(url, {}, never)) !== 'allowed' }).toEqual({ url, refused: true });
    }
  });

  it('the development flag allows this machine, over http too, and nothing else', async () => {
    const dev = { allowLoopback: true };
    expect(await refusal('http://127.0.0.1:4321/jwks', dev)).toBe('allowed');
    expect(await refusal('http://localhost:4321/jwks', dev, resolvesTo('127.0.0.1'))).toBe('allowed');
    expect(await refusal('http://127.0.0.1:4321/jwks')).toBe('must be an https URL');
    expect(await refusal('https://127.0.0.1:4321/jwks')).toBe('127.0.0.1 is a loopback address');
    expect(await refusal('http://10.0.0.1/jwks', dev)).toBe('must be an https URL');
    expect(await refusal('https://10.0.0.1/jwks', dev)).toBe('10.0.0.1 is a private address');
  });
});

describe('checking again when connecting', () => {
  const lookupWith = (addresses: string[], options = {}) =>
    new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(options, async () => addresses.map((address) => ({ address, family: 4 })))('idp.example', { all: false }, (error, address) =>
        resolve({ error, address }),
      ),
    );

  it('a host that now resolves to a private address is refused at fetch time; a public one is connected to as checked', async () => {
    expect((await lookupWith(['192.168.0.10'])).error).toBeInstanceOf(OutboundAddressError);
    expect(await lookupWith(['93.184.216.34'])).toEqual({ error: null, address: '93.184.216.34' });
  });
});
