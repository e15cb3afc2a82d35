#!/usr/bin/env node
// Kept tiny so an old Node reaches the version check and its message (ESM: Node >= 12 parses it).
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    'pyrelease needs Node.js 22 or newer; this is Node.js ' +
      process.versions.node +
      '.\n' +
      'Install a current Node.js (https://nodejs.org, or your version manager: `nvm install 22`) and run it again.\n',
  );
  process.exit(1);
}
// Answer --version without loading the bundle: the quickest question gets the quickest answer.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
  process.exit(0);
}
import('../dist/cli.js')
  .then((cli) => cli.main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(String((error && error.stack) || error) + '\n');
      process.exitCode = 1;
    },
  );
