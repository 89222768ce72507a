/**
 * Which hosts may be fetched from: only public unicast addresses, unless private ones are allowed.
 * The check is on addresses, never on names alone: a host name is resolved and every address it gives is
 * checked, and the connection is then made to one of those checked addresses (see `lookupFrom`).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Resolves a host name to all its addresses, as `dns.promises.lookup(host, { all: true })` does. */
export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

/** What resolving a URL's host gave: the addresses to connect to, or why none may be used. */
export type Resolution = { ok: true; addresses: LookupAddress[] } | { ok: false; reason: string };

/** How each special-purpose range reads in a refusal; any range not named here is "special-purpose". */
const rangeNames: Record<string, string> = {
  loopback: 'loopback',
  private: 'private',
  uniqueLocal: 'private (unique local)',
  linkLocal: 'link-local',
  carrierGradeNat: 'shared (carrier-grade NAT)',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
  ipv4Compatible: 'IPv4-compatible',
};

const PRIVATE_HINT = 'pass --allow-private to fetch from private or loopback addresses';

/** True for loopback, private, link-local, multicast, broadcast, reserved … addresses and localhost names. */
export function isPrivateAddress(address: string): boolean {
  return describePrivateAddress(address) !== undefined;
}

/**
 * "loopback address 127.0.0.1" when `address` (an IP in any spelling URLs accept, with or without IPv6
 * brackets, or a host name) is not a public one; undefined for public addresses and other host names.
 */
export function describePrivateAddress(address: string): string | undefined {
  const host = address.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  // RFC 6761: localhost and every name under it are loopback, whatever a resolver says.
  if (host === 'localhost' || host.endsWith('.localhost')) return `loopback host name ${address}`;
  const ip = parseIp(host);
  if (ip === undefined) return undefined;
  const range = rangeOf(ip);
  if (range === 'unicast') return undefined;
  const shown = ip.toString();
  const embedded = ip.kind() === 'ipv6' ? embeddedIpv4(ip as ipaddr.IPv6) : undefined;
  return `${rangeNames[range] ?? 'special-purpose'} address ${shown}${embedded ? ` (${embedded.toString()})` : ''}`;
}

/** "refused: loopback address 127.0.0.1 (pass --allow-private …)" when a host is private by its text alone. */
export function privateHostRefusal(host: string): string | undefined {
  const why = describePrivateAddress(host);
  return why === undefined ? undefined : `refused: ${why} (${PRIVATE_HINT})`;
}

/**
 * The addresses `url`'s host may be reached at: an IP literal as it is, a name through `lookupAll`. Refused
 * when any of them is private (unless `allowPrivate`), so a name cannot mix a public and a private answer.
 */
export async function resolveHost(url: URL, allowPrivate: boolean, lookupAll: LookupAll = systemLookupAll): Promise<Resolution> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = parseIp(host);
  const byName = allowPrivate ? undefined : privateHostRefusal(host);
  if (byName !== undefined) return { ok: false, reason: byName };
  if (literal !== undefined) return { ok: true, addresses: [{ address: host, family: literal.kind() === 'ipv6' ? 6 : 4 }] };
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `host ${host} not found${code ? ` (${code})` : ''}` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} has no address` };
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const why = describePrivateAddress(address);
      if (why !== undefined) return { ok: false, reason: `refused: ${host} resolves to ${why} (${PRIVATE_HINT})` };
    }
  }
  return { ok: true, addresses };
}

/**
 * A `lookup` for http.request that answers only with addresses already checked, so the socket connects
 * to what was checked and a second DNS answer (rebinding) is never asked for.
 */
export function lookupFrom(addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = family === undefined ? addresses : addresses.filter((a) => a.family === family);
    const first = usable[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error(`no IPv${family} address among the checked ones`);
      error.code = 'ENOTFOUND';
      callback(error, '');
    } else if (options.all) callback(null, usable);
    else callback(null, first.address, first.family);
  };
}

function systemLookupAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
}

/**
 * An IP address in any spelling a URL host accepts ("127.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1",
 * "::ffff:7f00:1"), or undefined for a host name. The WHATWG URL parser decides first, so this reads a
 * host exactly as the request will; ipaddr.js then reads what it leaves (zone ids from DNS, "fe80::1%eth0").
 */
function parseIp(host: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  let canonical = host;
  try {
    canonical = new URL(`http://${host.includes(':') ? `[${host}]` : host}/`).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    // Not a URL host (a zone id, a stray character): let ipaddr.js judge the text as it is.
  }
  if (!ipaddr.isValid(canonical)) return undefined;
  try {
    return ipaddr.parse(canonical);
  } catch {
    return undefined;
  }
}

/** ipaddr.js's range name, looking through IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms. */
function rangeOf(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (ip.kind() === 'ipv4') return (ip as ipaddr.IPv4).range();
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded === undefined) return v6.range();
  const inner = embedded.range();
  // ::/96 is deprecated and unrouted; ipaddr.js calls it unicast, so a public-looking one is still refused.
  return inner === 'unicast' && !v6.isIPv4MappedAddress() ? 'ipv4Compatible' : inner;
}

/** The IPv4 address inside ::ffff:a.b.c.d or ::a.b.c.d (not :: and ::1, which are IPv6's own). */
function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  if (ip.isIPv4MappedAddress()) return ip.toIPv4Address();
  const [a, b, c, d, e, f, high = 0, low = 0] = ip.parts;
  if ([a, b, c, d, e, f].some((part) => part !== 0) || (high === 0 && low <= 1)) return undefined;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
