declare const PYRELEASE_VERSION: string | undefined;

/** Injected by the bundler; unbundled test runs say so. */
export const VERSION: string = typeof PYRELEASE_VERSION === 'string' ? PYRELEASE_VERSION : '0.0.0-dev';
