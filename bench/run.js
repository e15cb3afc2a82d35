// npm run bench: start-up cost of the built CLI, against `node -e 0` measured in the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const bin = new URL('../bin/pyrelease.js', import.meta.url).pathname;
const repo = mkdtempSync(join(tmpdir(), 'pyrelease-bench-'));
execFileSync('git', ['init', '-q'], { cwd: repo });
writeFileSync(join(repo, 'README.md'), 'bench\n');

function measure(label, args, cwd = repo) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    // `time -f` is not everywhere; ask Node itself for its peak RSS on exit.
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'data:text/javascript,process.on("exit",()=>process.stderr.write("RSS="+process.resourceUsage().maxRSS+"\\n"))',
        ...args,
      ],
      { cwd, env: { ...process.env, CI: 'true' }, encoding: 'utf8' },
    );
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const match = /RSS=(\d+)/.exec(result.stderr);
    if (match) rss = Math.max(rss, Number(match[1]) / 1024);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], rss };
}

const baseline = measure('node -e 0 (floor)', ['-e', '0']);
const rows = [
  baseline,
  measure('pyrelease --version', [bin, '--version']),
  measure('pyrelease --help', [bin, '--help']),
  measure('pyrelease status', [bin, 'status']),
];
rmSync(repo, { recursive: true, force: true });

console.log(`start-up, median of ${runs} runs (Node ${process.versions.node})`);
console.log('what'.padEnd(24) + 'wall ms'.padStart(10) + 'x floor'.padStart(10) + 'peak RSS MiB'.padStart(14));
for (const row of rows) {
  console.log(
    row.label.padEnd(24) +
      row.median.toFixed(1).padStart(10) +
      (row.median / baseline.median).toFixed(2).padStart(10) +
      row.rss.toFixed(0).padStart(14),
  );
}
