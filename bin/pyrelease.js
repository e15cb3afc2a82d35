#!/usr/bin/env node
// Kept tiny and free of modern syntax so an old Node reaches the version check and its message.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    'pyrelease needs Node.js 22 or newer; this is Node.js ' + process.versions.node + '.\n' +
    'Install a current Node.js (https://nodejs.org, or your version manager: `nvm install 22`) and run it again.\n',
  );
  process.exit(1);
}
import('../dist/cli.js').then((cli) => cli.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(String((error && error.stack) || error) + '\n'); process.exitCode = 1; },
);
