import { execFileSync } from 'node:child_process';

// The end-to-end tests run the real bundle: build it once before any test file starts.
export default function setup(): void {
  execFileSync(process.execPath, ['.config/build.js'], {
    stdio: 'inherit',
    env: { ...process.env, PYRELEASE_BUILD_KEEP: '1' },
  });
}
