import { createHash } from 'node:crypto';
import { blake2b256Hex } from './blake2b';

/** The three digests PyPI computes for every uploaded file (warehouse forklift `file_hashes`). */
export interface DistHashes {
  md5: string;
  sha256: string;
  blake2b256: string;
}

export function hashDist(bytes: Uint8Array): DistHashes {
  return {
    md5: createHash('md5').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    blake2b256: blake2b256Hex(bytes),
  };
}
