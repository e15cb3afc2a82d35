import { describe, expect, it } from 'vitest';
import { Blake2b, blake2b256Hex } from '../../../src/sandbox/index-server/blake2b';

// Expected digests from CPython: hashlib.blake2b(data, digest_size=32).hexdigest().
describe('blake2b256Hex', () => {
  it.each([
    ['empty', Buffer.alloc(0), '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8'],
    ['abc', Buffer.from('abc'), 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319'],
    ['exactly one block', Buffer.alloc(128), '378d0caaaa3855f1b38693c1d6ef004fd118691c95c959d4efa950d6d6fcf7c1'],
    ['one block and a byte', Buffer.alloc(129), 'baadfb64c3bd2cd187b54accc5e61a0720ed86bf48c28017873536cf9015d1b8'],
    ['1000 x', Buffer.alloc(1000, 'x'), 'ab75119ede14ef06ebf31f745fb655ed006cccfe8054c635308a557f7c9beaba'],
    [
      '0..255 four times',
      Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256)),
      'f1551feeb252c7e60bb362205bd1ac2f70b145260a91d41e8c5d0a187549a5f2',
    ],
  ])('matches CPython for %s', (_label, data, expected) => {
    expect(blake2b256Hex(data)).toBe(expected);
  });

  it('gives the same digest however the input is split', () => {
    const data = Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256));
    const hash = new Blake2b(32);
    for (const size of [1, 127, 128, 129, 300]) hash.update(data.subarray(0, size)).update(Buffer.alloc(0));
    const whole = Buffer.concat([1, 127, 128, 129, 300].map((size) => data.subarray(0, size)));
    expect(hash.digest().toString('hex')).toBe(blake2b256Hex(whole));
  });
});
