import { describe, expect, it } from 'vitest';
import { classifyAddress, createGuardedLookup, matchAddress, parseIPv4, type LookupFunction } from './ssrf-guard.js';

describe('ssrf-guard: classifyAddress', () => {
  const blocked: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'], // 6to4 wrapping 192.168.1.1
    ['2130706433', 'loopback'], // decimal 127.0.0.1
    ['0x7f000001', 'loopback'], // hex
    ['0x7f.1', 'loopback'],
    ['0177.0.0.1', 'loopback'], // octal
    ['127.1', 'loopback'],
    ['017700000001', 'loopback'],
    ['0xa9.0xfe.0xa9.0xfe', 'link-local'],
    ['localhost', 'localhost name'],
    ['LOCALHOST.', 'localhost name'],
    ['api.localhost', 'localhost name'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    // Issue 9 row 11: the rest of the IANA special-purpose registries.
    ['192.0.2.2', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.255', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.0.0.170', 'protocol assignment'],
    ['192.31.196.1', 'protocol assignment'],
    ['192.52.193.1', 'protocol assignment'],
    ['192.175.48.6', 'protocol assignment'],
    ['192.88.99.1', 'reserved'],
    ['0xc0.0.2.2', 'documentation'], // other spellings of the same address
    ['3221225986', 'documentation'],
    ['::ffff:192.0.2.2', 'documentation'],
    ['64:ff9b::198.51.100.1', 'documentation'],
    ['2002:cb00:7101::1', 'documentation'], // 6to4 wrapping 203.0.113.1
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'protocol assignment'], // Teredo
    ['2001:2::1', 'protocol assignment'], // benchmarking
    ['2001:1ff::1', 'protocol assignment'],
    ['2620:4f:8000::1', 'protocol assignment'],
    ['64:ff9b:1::1', 'private'],
    ['100::1', 'reserved'],
    ['5f00::1', 'reserved'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
  ];
  it.each(blocked)('refuses %s as %s', (host, range) => {
    expect(classifyAddress(host)).toBe(range);
  });

  const allowed: string[] = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.15.255.255', // just below 172.16/12
    '172.32.0.1', // just above it
    '100.63.255.255', // just below CGNAT
    '100.128.0.1', // just above it
    '192.169.0.1',
    '169.253.1.1',
    '11.0.0.1',
    '2606:4700:4700::1111',
    '192.0.3.1', // just past TEST-NET-1
    '198.51.101.1',
    '203.0.112.255',
    '198.20.0.1', // just past benchmarking
    '2001:200::1', // just past 2001::/23
    '2620:4f:8001::1',
    '::ffff:8.8.8.8',
    'example.com',
    'localhost.example.com',
    'my-localhost.org',
    '127.example.com',
    '10.example.org',
  ];
  it.each(allowed)('lets public %s pass', (host) => {
    expect(classifyAddress(host)).toBeUndefined();
  });

  it('names the range an address falls in, with its CIDR and registry name', () => {
    expect(matchAddress('192.0.2.2')).toEqual({ range: 'documentation', cidr: '192.0.2.0/24', name: 'documentation (TEST-NET-1)' });
    expect(matchAddress('100.64.1.1')).toMatchObject({ cidr: '100.64.0.0/10', name: 'shared address space' });
    expect(matchAddress('[2001:db8::5]')).toMatchObject({ cidr: '2001:db8::/32' });
    expect(matchAddress('8.8.8.8')).toBeUndefined();
  });

  it('parses inet_aton spellings to the same number', () => {
    const dotted = parseIPv4('127.0.0.1');
    for (const s of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '127.0.1', '0x7f.0.0.0x1']) expect(parseIPv4(s)).toBe(dotted);
    for (const s of ['256.0.0.1', '1.2.3.4.5', '08.0.0.1', 'abc', '', '4294967296']) expect(parseIPv4(s)).toBeUndefined();
  });
});

describe('ssrf-guard: createGuardedLookup', () => {
  const fakeResolver =
    (addresses: Array<{ address: string; family: number }>): LookupFunction =>
    (_host, _opts, cb) =>
      cb(null, addresses);
  const run = (lookup: LookupFunction, options: object) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
      lookup('news.example', options, (err, address) => resolve({ err, address })),
    );

  it('refuses a public-looking name that resolves to a private address', async () => {
    const { err } = await run(createGuardedLookup(fakeResolver([{ address: '10.0.0.5', family: 4 }])), {});
    expect(err?.code).toBe('EBLOCKED');
    expect(err?.message).toBe('news.example resolves to 10.0.0.5, in 10.0.0.0/8, private-use');
  });

  it('refuses when any of several resolved addresses is private', async () => {
    const lookup = createGuardedLookup(fakeResolver([{ address: '93.184.216.34', family: 4 }, { address: '::1', family: 6 }]));
    expect((await run(lookup, { all: true })).err?.code).toBe('EBLOCKED');
  });

  it('passes public addresses through in both callback shapes', async () => {
    const lookup = createGuardedLookup(fakeResolver([{ address: '93.184.216.34', family: 4 }]));
    expect(await run(lookup, {})).toEqual({ err: null, address: '93.184.216.34' });
    expect(await run(lookup, { all: true })).toEqual({ err: null, address: [{ address: '93.184.216.34', family: 4 }] });
  });
});
