// Bundles the CLI into dist/ so `npx pyrelease` installs one package with no dependency tree.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// A clean dist/: chunk names change with their content, and stale ones would ship. Test runs
// keep the old files instead, because another test run may be running the bundle right now and
// load one of its chunks late (the packaged build, by `prepack`, is always clean).
if (process.env.PYRELEASE_BUILD_KEEP !== '1') await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  splitting: true,
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  jsx: 'automatic',
  define: {
    PYRELEASE_VERSION: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
    'process.env.DEV': '"false"',
  },
  // Ink imports react-devtools-core lazily; marking it external breaks start-up, a stub works.
  alias: { 'react-devtools-core': './.config/empty-module.js' },
  // Some bundled CommonJS packages call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __pyreleaseRequire } from 'node:module'; const require = __pyreleaseRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await writeFile('dist/package.json', '{"type":"module"}\n');
