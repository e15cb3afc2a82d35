/*
 * BLAKE2b with a chosen digest length (RFC 7693), for PyPI's `blake2_256` digest
 * (`hashlib.blake2b(digest_size=32)` in warehouse's forklift).
 *
 * Why our own: Node's OpenSSL offers only `blake2b512`, rejects `outputLength` for it ("not XOF"),
 * and BLAKE2b-256 is not a truncation of BLAKE2b-512 (the digest length is part of the parameter
 * block). 64-bit words are kept as (low, high) pairs of 32-bit ints, as in the RFC's reference
 * implementations, so hashing a wheel costs microseconds, not BigInt milliseconds.
 */

// The SHA-512 IV as little-endian (low, high) 32-bit pairs.
const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a, 0xade682d1,
  0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

// RFC 7693 §2.7 message schedule; rounds 10 and 11 repeat rounds 0 and 1. Pre-doubled: word pairs.
const SIGMA = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3, 11, 8, 12,
  0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4, 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8, 9, 0, 5, 7, 2, 4, 10,
  15, 14, 1, 11, 12, 6, 8, 3, 13, 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9, 12, 5, 1, 15, 14, 13, 4, 10, 0,
  7, 6, 3, 9, 2, 8, 11, 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10, 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7,
  1, 4, 10, 5, 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
  15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
].map((index) => index * 2);

const BLOCK = 128;

/** One BLAKE2b computation. `update` as often as needed, then `digest` once. */
export class Blake2b {
  private readonly h = new Uint32Array(16);
  private readonly v = new Uint32Array(32);
  private readonly m = new Uint32Array(32);
  private readonly buffer = new Uint8Array(BLOCK);
  private filled = 0;
  private counter = 0;

  constructor(private readonly outputLength = 32) {
    if (outputLength < 1 || outputLength > 64) throw new RangeError('BLAKE2b digest length must be 1..64 bytes');
    this.h.set(IV);
    // Parameter block word 0: digest length, key length 0, fanout 1, depth 1.
    this.h[0] = (this.h[0] ?? 0) ^ 0x01010000 ^ outputLength;
  }

  update(data: Uint8Array): this {
    for (const byte of data) {
      // A full buffer is compressed only once more data arrives: the last block is special.
      if (this.filled === BLOCK) {
        this.counter += BLOCK;
        this.compress(false);
        this.filled = 0;
      }
      this.buffer[this.filled++] = byte;
    }
    return this;
  }

  digest(): Buffer {
    this.counter += this.filled;
    this.buffer.fill(0, this.filled);
    this.compress(true);
    const out = Buffer.alloc(64);
    for (let i = 0; i < 16; i++) out.writeUInt32LE(this.h[i] ?? 0, i * 4);
    return out.subarray(0, this.outputLength);
  }

  private compress(last: boolean): void {
    const { v, m, h } = this;
    for (let i = 0; i < 16; i++) {
      v[i] = h[i] ?? 0;
      v[i + 16] = IV[i] ?? 0;
    }
    // The byte counter's low 64 bits (files stay far below 2^53 bytes).
    v[24] = (v[24] ?? 0) ^ this.counter;
    v[25] = (v[25] ?? 0) ^ Math.floor(this.counter / 0x100000000);
    if (last) {
      v[28] = ~(v[28] ?? 0);
      v[29] = ~(v[29] ?? 0);
    }
    const block = this.buffer;
    for (let i = 0; i < 32; i++) {
      m[i] =
        ((block[i * 4] ?? 0) |
          ((block[i * 4 + 1] ?? 0) << 8) |
          ((block[i * 4 + 2] ?? 0) << 16) |
          ((block[i * 4 + 3] ?? 0) << 24)) >>>
        0;
    }
    for (let round = 0; round < 12; round++) {
      const s = round * 16;
      this.mix(0, 8, 16, 24, s + 0, s + 1);
      this.mix(2, 10, 18, 26, s + 2, s + 3);
      this.mix(4, 12, 20, 28, s + 4, s + 5);
      this.mix(6, 14, 22, 30, s + 6, s + 7);
      this.mix(0, 10, 20, 30, s + 8, s + 9);
      this.mix(2, 12, 22, 24, s + 10, s + 11);
      this.mix(4, 14, 16, 26, s + 12, s + 13);
      this.mix(6, 8, 18, 28, s + 14, s + 15);
    }
    for (let i = 0; i < 16; i++) h[i] = (h[i] ?? 0) ^ (v[i] ?? 0) ^ (v[i + 16] ?? 0);
  }

  /** The G function on word pairs a, b, c, d with message words SIGMA[x], SIGMA[y]. */
  private mix(a: number, b: number, c: number, d: number, x: number, y: number): void {
    const { v, m } = this;
    const xi = SIGMA[x] ?? 0;
    const yi = SIGMA[y] ?? 0;
    add(v, a, v[b] ?? 0, v[b + 1] ?? 0);
    add(v, a, m[xi] ?? 0, m[xi + 1] ?? 0);
    rotate(v, d, a, 32);
    add(v, c, v[d] ?? 0, v[d + 1] ?? 0);
    rotate(v, b, c, 24);
    add(v, a, v[b] ?? 0, v[b + 1] ?? 0);
    add(v, a, m[yi] ?? 0, m[yi + 1] ?? 0);
    rotate(v, d, a, 16);
    add(v, c, v[d] ?? 0, v[d + 1] ?? 0);
    rotate(v, b, c, 63);
  }
}

/** v[i] += (high:low), modulo 2^64. */
function add(v: Uint32Array, i: number, low: number, high: number): void {
  const sumLow = (v[i] ?? 0) + low;
  v[i] = sumLow;
  v[i + 1] = (v[i + 1] ?? 0) + high + (sumLow >= 0x100000000 ? 1 : 0);
}

/** v[i] = rotr64(v[i] ^ v[j], bits) for bits in 16, 24, 32, 63. */
function rotate(v: Uint32Array, i: number, j: number, bits: number): void {
  const low = (v[i] ?? 0) ^ (v[j] ?? 0);
  const high = (v[i + 1] ?? 0) ^ (v[j + 1] ?? 0);
  if (bits === 32) {
    v[i] = high;
    v[i + 1] = low;
  } else if (bits === 63) {
    // Right by 63 is left by 1.
    v[i] = (low << 1) | (high >>> 31);
    v[i + 1] = (high << 1) | (low >>> 31);
  } else {
    v[i] = (low >>> bits) | (high << (32 - bits));
    v[i + 1] = (high >>> bits) | (low << (32 - bits));
  }
}

/** `hashlib.blake2b(data, digest_size=32).hexdigest()`. */
export function blake2b256Hex(data: Uint8Array): string {
  return new Blake2b(32).update(data).digest().toString('hex');
}
