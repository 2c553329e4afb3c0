import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where the platform fetches from a URL someone else gave it (an OIDC provider's JWKS, a partner's
 * webhook), the address must be on the public internet: never this machine, the private network, a
 * cloud's metadata service or anything else only reachable from inside (server-side request forgery).
 */
export type RefusedAddressClass =
  'unspecified' | 'loopback' | 'private' | 'unique-local' | 'link-local' | 'carrier-grade-nat' | 'cloud-metadata' | 'multicast' | 'reserved';

/** Each refused range with its class; the most specific first, so 169.254.169.254 is metadata rather than link-local. */
const RANGES: [RefusedAddressClass, string, number, 'ipv4' | 'ipv6'][] = [
  ['cloud-metadata', '169.254.169.254', 32, 'ipv4'], // AWS, GCP, Azure, OpenStack
  ['cloud-metadata', '169.254.170.2', 32, 'ipv4'], // AWS ECS task metadata
  ['cloud-metadata', '100.100.100.200', 32, 'ipv4'], // Alibaba Cloud
  ['cloud-metadata', '192.0.0.192', 32, 'ipv4'], // Oracle Cloud
  ['cloud-metadata', 'fd00:ec2::254', 128, 'ipv6'], // AWS over IPv6
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['carrier-grade-nat', '100.64.0.0', 10, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['reserved', '192.0.2.0', 24, 'ipv4'], // documentation
  ['reserved', '198.18.0.0', 15, 'ipv4'], // benchmarking
  ['reserved', '198.51.100.0', 24, 'ipv4'],
  ['reserved', '203.0.113.0', 24, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'], // and 255.255.255.255
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['private', 'fec0::', 10, 'ipv6'], // site-local, deprecated but still routed inside some networks
  ['multicast', 'ff00::', 8, 'ipv6'],
  ['reserved', '100::', 64, 'ipv6'], // discard
  ['reserved', '2001:db8::', 32, 'ipv6'], // documentation
];

const LISTS = RANGES.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list, family };
});

/** IPv6 forms that carry an IPv4 address: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d). */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return undefined;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Why an IP address may not be fetched from, or undefined for a public one. */
export function refusedAddressClass(address: string): RefusedAddressClass | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'reserved';
  const inner = family === 6 ? embeddedIpv4(bare) : undefined;
  if (inner) return refusedAddressClass(inner);
  return LISTS.find(({ list, family: f }) => (f === 'ipv4') === (family === 4) && list.check(bare, f))?.kind;
}

export interface OutboundAddressOptions {
  /** Development only: allow this machine (loopback), e.g. an identity provider started by a test. */
  allowLoopback?: boolean;
}

export class OutboundAddressError extends Error {
  readonly code = 'ERR_OUTBOUND_ADDRESS_REFUSED';
}

function assertAllowed(host: string, address: string, options: OutboundAddressOptions): void {
  const kind = refusedAddressClass(address);
  if (kind && !(kind === 'loopback' && options.allowLoopback))
    throw new OutboundAddressError(`${host} is ${address === host ? 'a' : `at ${address}, a`} ${kind} address`);
}

type Resolve = (host: string) => Promise<LookupAddress[]>;
const resolveAll: Resolve = (host) => promisify(dnsLookup)(host, { all: true, verbatim: true }) as Promise<LookupAddress[]>;

/**
 * Checks a URL before it is stored: https (plain http only to this machine, when loopback is
 * allowed), and every address its host resolves to public. Throws OutboundAddressError saying why.
 */
export async function checkOutboundUrl(raw: string, options: OutboundAddressOptions = {}, resolve: Resolve = resolveAll): Promise<URL> {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowLoopback && isLoopbackHost(host)))
    throw new OutboundAddressError('must be an https URL');
  if (url.username || url.password) throw new OutboundAddressError('must not carry a user name or password');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await resolve(host).catch(() => {
        throw new OutboundAddressError(`${host} does not resolve to an address`);
      });
  if (addresses.length === 0) throw new OutboundAddressError(`${host} does not resolve to an address`);
  for (const { address } of addresses) assertAllowed(host, address, options);
  return url;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || refusedAddressClass(host) === 'loopback';
}

/**
 * A `lookup` for an http(s) Agent: the check again at fetch time (DNS can change after the URL was
 * stored), and the connection goes to the very address that was checked, so nothing can swap it in
 * between. A literal IP host skips lookup in Node, so callers check the URL with checkOutboundUrl too.
 */
export function guardedLookup(options: OutboundAddressOptions = {}, resolve: Resolve = resolveAll): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new OutboundAddressError(`${hostname} does not resolve to an address`);
        for (const { address } of addresses) assertAllowed(hostname, address, options);
        if (lookupOptions.all) return callback(null, addresses);
        const [first] = addresses;
        callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}
