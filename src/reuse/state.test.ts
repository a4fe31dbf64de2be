import { describe, expect, it } from 'vitest';
import { decodeFeatures, encodeFeatures, type StoredFeatures } from './state.js';

describe('stored reuse features', () => {
  const features: StoredFeatures = {
    digest: 'd1',
    signature: Uint32Array.from([0, 1, 0xffffffff, 123456789]),
    sampled: Uint32Array.from([8, 16, 0x80000000]),
    anchors: new Uint32Array(0),
    contentTokens: 42,
    wires: ['Reuters'],
  };

  it('read back as written, every 32-bit hash intact', () => {
    const { digest, json } = encodeFeatures(features);
    expect(digest).toBe('d1');
    expect(decodeFeatures(digest, json)).toEqual(features);
  });

  it('reads rows written before as arrays of numbers', () => {
    const old = JSON.stringify({ signature: [0, 1, 4294967295, 123456789], sampled: [8, 16, 2147483648], anchors: [], contentTokens: 42, wires: ['Reuters'] });
    expect(decodeFeatures('d1', old)).toEqual(features);
  });
});
