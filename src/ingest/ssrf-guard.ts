import { isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

/** Why an address is refused; undefined for public addresses. */
export type BlockedRange =
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unspecified'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'documentation'
  | 'benchmarking'
  | 'protocol assignment'
  | 'reserved'
  | 'localhost name';

/**
 * IPv4 ranges refused: every entry of the IANA IPv4 Special-Purpose Address Registry, plus multicast; data.
 * Each is [CIDR, kind, registry name].
 */
const BLOCKED_V4: ReadonlyArray<[string, BlockedRange, string]> = [
  ['0.0.0.0/8', 'unspecified', '"this network"'], // 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0/8', 'private', 'private-use'],
  ['100.64.0.0/10', 'carrier-grade NAT', 'shared address space'],
  ['127.0.0.0/8', 'loopback', 'loopback'],
  ['169.254.0.0/16', 'link-local', 'link-local'], // includes cloud metadata 169.254.169.254
  ['172.16.0.0/12', 'private', 'private-use'],
  ['192.0.0.0/24', 'protocol assignment', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation', 'documentation (TEST-NET-1)'],
  ['192.31.196.0/24', 'protocol assignment', 'AS112-v4'],
  ['192.52.193.0/24', 'protocol assignment', 'AMT'],
  ['192.88.99.0/24', 'reserved', 'deprecated 6to4 relay anycast'],
  ['192.168.0.0/16', 'private', 'private-use'],
  ['192.175.48.0/24', 'protocol assignment', 'direct delegation AS112 service'],
  ['198.18.0.0/15', 'benchmarking', 'benchmarking'], // used inside some cloud networks
  ['198.51.100.0/24', 'documentation', 'documentation (TEST-NET-2)'],
  ['203.0.113.0/24', 'documentation', 'documentation (TEST-NET-3)'],
  ['224.0.0.0/4', 'multicast', 'multicast'],
  ['240.0.0.0/4', 'reserved', 'reserved'], // includes limited broadcast 255.255.255.255
];

/**
 * IPv6 ranges refused: the IANA IPv6 Special-Purpose Address Registry (embedded-IPv4 forms are judged by their
 * IPv4 address instead), plus multicast and deprecated site-local; data, as [CIDR, kind, registry name].
 */
const BLOCKED_V6: ReadonlyArray<[string, BlockedRange, string]> = [
  ['64:ff9b:1::/48', 'private', 'local-use IPv4/IPv6 translation'],
  ['100::/64', 'reserved', 'discard-only'],
  ['100:0:0:1::/64', 'reserved', 'dummy prefix'],
  ['2001::/23', 'protocol assignment', 'IETF protocol assignments (Teredo, benchmarking, ORCHID, AMT, AS112)'],
  ['2001:db8::/32', 'documentation', 'documentation'],
  ['2620:4f:8000::/48', 'protocol assignment', 'direct delegation AS112 service'],
  ['3fff::/20', 'documentation', 'documentation'],
  ['5f00::/16', 'reserved', 'segment routing SIDs'],
  ['fc00::/7', 'private', 'unique-local'],
  ['fe80::/10', 'link-local', 'link-local unicast'],
  ['fec0::/10', 'private', 'deprecated site-local'],
  ['ff00::/8', 'multicast', 'multicast'],
];

/** A refused range: its kind, its CIDR and its name in the IANA registry. */
export interface RangeMatch {
  range: BlockedRange;
  cidr: string;
  name: string;
}

/**
 * Parses an IPv4 address in any spelling `inet_aton` accepts (dotted, decimal `2130706433`,
 * hex `0x7f.1`, octal `0177.0.0.1`, 1–4 parts) to an unsigned 32-bit number.
 */
export function parseIPv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // trailing dot
  if (parts.length < 1 || parts.length > 4) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = parseInt(part, 8);
    else if (/^(?:0|[1-9]\d*)$/.test(part)) value = parseInt(part, 10);
    else return undefined;
    if (!Number.isFinite(value)) return undefined;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255)) return undefined;
  if (last >= 2 ** (8 * (4 - values.length))) return undefined;
  let result = 0;
  values.forEach((v, i) => (result += v * 2 ** (8 * (3 - i))));
  return result + last;
}

const V4_TABLE = BLOCKED_V4.map(([cidr, range, name]) => {
  const [base, bits] = cidr.split('/');
  return { start: parseIPv4(base)!, size: 2 ** (32 - Number(bits)), match: { range, cidr, name } };
});

/** The refused range a 32-bit IPv4 address falls in, or undefined when it is public. */
function matchV4(value: number): RangeMatch | undefined {
  return V4_TABLE.find((r) => value >= r.start && value < r.start + r.size)?.match;
}

/** Parses an IPv6 address (brackets and zone id allowed) to eight 16-bit groups. */
export function parseIPv6(host: string): number[] | undefined {
  let h = host.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(h) !== 6) return undefined;
  // Expand an embedded dotted IPv4 tail into two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    const n = parseIPv4(v4[1])!;
    h = h.slice(0, -v4[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [left, right] = h.includes('::') ? h.split('::') : [h, undefined];
  const l = left ? left.split(':') : [];
  const r = right ? right.split(':') : [];
  const fill = right === undefined ? [] : new Array(8 - l.length - r.length).fill('0');
  const groups = [...l, ...fill, ...r].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : undefined;
}

const V6_TABLE = BLOCKED_V6.map(([cidr, range, name]) => {
  const [base, bits] = cidr.split('/');
  return { base: toBigInt(parseIPv6(base)!), bits: BigInt(Number(bits)), match: { range, cidr, name } };
});

function toBigInt(groups: number[]): bigint {
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** The refused range of an IPv6 address, judging embedded IPv4 forms (mapped, compatible, NAT64, 6to4) by their IPv4 address. */
function matchV6(g: number[]): RangeMatch | undefined {
  const allZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4At = (hi: number) => g[hi] * 65536 + g[hi + 1];
  if (allZero(0, 8)) return { range: 'unspecified', cidr: '::/128', name: 'unspecified' };
  if (allZero(0, 7) && g[7] === 1) return { range: 'loopback', cidr: '::1/128', name: 'loopback' };
  if (allZero(0, 5) && g[5] === 0xffff) return matchV4(v4At(6)); // ::ffff:a.b.c.d
  if (allZero(0, 4) && g[4] === 0xffff && g[5] === 0) return matchV4(v4At(6)); // ::ffff:0:a.b.c.d (SIIT)
  if (allZero(0, 6)) return matchV4(v4At(6)) ?? { range: 'reserved', cidr: '::/96', name: 'deprecated IPv4-compatible' };
  if (g[0] === 0x64 && g[1] === 0xff9b && allZero(2, 6)) return matchV4(v4At(6)); // NAT64 64:ff9b::/96
  if (g[0] === 0x2002) return matchV4(v4At(1)); // 6to4 2002:a.b.c.d::/48
  const value = toBigInt(g);
  return V6_TABLE.find((r) => value >> (128n - r.bits) === r.base >> (128n - r.bits))?.match;
}

/** True for names that always mean this machine (`localhost`, `*.localhost`). */
export function isLocalhostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === 'ip6-localhost' || h === 'ip6-loopback';
}

/**
 * Classifies an address or literal host: the refused range it falls in, or undefined when it is
 * public (or a DNS name that must be resolved first).
 * @example classifyAddress('0x7f.1') // 'loopback'
 */
export function classifyAddress(host: string): BlockedRange | undefined {
  return matchAddress(host)?.range;
}

/**
 * The refused range of an address or literal host with its CIDR and registry name, for messages; undefined when
 * it is public or a DNS name.
 * @example matchAddress('192.0.2.2') // { range: 'documentation', cidr: '192.0.2.0/24', name: 'documentation (TEST-NET-1)' }
 */
export function matchAddress(host: string): RangeMatch | undefined {
  const h = host.trim().replace(/^\[|\]$/g, '');
  if (isLocalhostName(h)) return { range: 'localhost name', cidr: h, name: 'localhost name' };
  const v6 = h.includes(':') ? parseIPv6(h) : undefined;
  if (v6) return matchV6(v6);
  const v4 = parseIPv4(h);
  if (v4 !== undefined) return matchV4(v4);
  return undefined;
}

/** "in 192.0.2.0/24, documentation (TEST-NET-1)": where an address sits, for messages. */
export function describeRange(host: string, range: BlockedRange): string {
  const match = matchAddress(host);
  return match && match.range === range ? `in ${match.cidr}, ${match.name}` : `a ${range} address`;
}

/** True when `host` is an IP literal in any spelling (so no DNS lookup happens for it). */
export function isIpLiteral(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return (h.includes(':') && parseIPv6(h) !== undefined) || parseIPv4(h) !== undefined;
}

/** Error raised by the guarded lookup when a name resolves to a refused address. */
export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKED';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: BlockedRange,
  ) {
    super(`${hostname} resolves to ${address}, ${describeRange(address, range)}`);
    this.name = 'BlockedAddressError';
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
/** The `dns.lookup` shape accepted by `http.request({ lookup })`. */
export type LookupFunction = (hostname: string, options: object, callback: LookupCallback) => void;

/**
 * A `lookup` for `http.request` that resolves the name, then refuses it when any resolved address is
 * private, loopback, link-local, unspecified or CGNAT — so the check applies to the address actually
 * connected to, on every request including redirects.
 */
export function createGuardedLookup(
  resolve: LookupFunction = dnsLookup as unknown as LookupFunction,
  classify: (address: string) => BlockedRange | undefined = classifyAddress,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      for (const a of list) {
        const range = classify(a.address);
        if (range) return callback(new BlockedAddressError(hostname, a.address, range) as NodeJS.ErrnoException, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
