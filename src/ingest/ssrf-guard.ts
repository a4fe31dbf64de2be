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
  | 'reserved'
  | 'localhost name';

/** IPv4 ranges refused by the guard, as [first octets as a 32-bit base, prefix length, name]; data. */
const BLOCKED_V4: ReadonlyArray<[string, number, BlockedRange]> = [
  ['0.0.0.0', 8, 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // includes cloud metadata 169.254.169.254
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking, used inside some cloud networks
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // includes broadcast 255.255.255.255
];

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

function v4Base(dotted: string): number {
  return parseIPv4(dotted)!;
}

/** Range name of a 32-bit IPv4 address, or undefined when it is public. */
function classifyV4(value: number): BlockedRange | undefined {
  for (const [base, prefix, name] of BLOCKED_V4) {
    const size = 2 ** (32 - prefix);
    const start = v4Base(base);
    if (value >= start && value < start + size) return name;
  }
  return undefined;
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

/** Range name of an IPv6 address, checking embedded IPv4 forms (mapped, compatible, NAT64, 6to4). */
function classifyV6(g: number[]): BlockedRange | undefined {
  const allZero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4At = (hi: number) => g[hi] * 65536 + g[hi + 1];
  if (allZero(0, 8)) return 'unspecified';
  if (allZero(0, 7) && g[7] === 1) return 'loopback';
  if (allZero(0, 5) && g[5] === 0xffff) return classifyV4(v4At(6)) ?? undefined; // ::ffff:a.b.c.d
  if (allZero(0, 4) && g[4] === 0xffff && g[5] === 0) return classifyV4(v4At(6)); // ::ffff:0:a.b.c.d (SIIT)
  if (allZero(0, 6)) return classifyV4(v4At(6)) ?? 'reserved'; // deprecated ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && allZero(2, 6)) return classifyV4(v4At(6)); // NAT64 64:ff9b::/96
  if (g[0] === 0x2002) return classifyV4(v4At(1)); // 6to4 2002:a.b.c.d::/48
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 deprecated site-local
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  return undefined;
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
  const h = host.trim().replace(/^\[|\]$/g, '');
  if (isLocalhostName(h)) return 'localhost name';
  const v6 = h.includes(':') ? parseIPv6(h) : undefined;
  if (v6) return classifyV6(v6);
  const v4 = parseIPv4(h);
  if (v4 !== undefined) return classifyV4(v4);
  return undefined;
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
    super(`${hostname} resolves to ${address}, a ${range} address`);
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
