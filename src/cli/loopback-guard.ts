import { PyreleaseError } from '../domain/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether a URL points at this machine (the sandbox's servers). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * For `pyrelease demo`: every HTTP request of this process must go to the sandbox on loopback.
 * Anything else (a real GitHub or PyPI) is refused before it leaves, and counted.
 */
export function guardFetchToLoopback(): { refused: string[]; restore(): void } {
  const original = globalThis.fetch;
  const refused: string[] = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : String(input));
    // Only the network is guarded: data: and file: URLs (the terminal UI loads its layout engine
    // from one) never leave the machine.
    const network = url.protocol === 'http:' || url.protocol === 'https:';
    if (network && !LOOPBACK.has(url.hostname)) {
      refused.push(url.origin);
      throw new PyreleaseError(
        'demo.network',
        `The demo tried to reach ${url.origin}; only the sandbox on 127.0.0.1 is allowed.`,
        {
          hint: 'This is a bug in pyrelease demo: the sandbox should stand in for every service.',
        },
      );
    }
    return original(input, init);
  };
  return {
    refused,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
