import type { GitReads } from '../../ports/git';

/** The ports the release plan works with. Each stage issue adds what its steps need. */
export interface ReleasePorts {
  reads: {
    git: GitReads;
  };
  writes: Record<string, never>;
}
