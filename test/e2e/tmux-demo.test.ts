import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli';
import { useTempDirs } from '../helpers/temp-dir';
import { drive, tmuxAvailable, TmuxSession, type AnswerRule } from '../helpers/tmux';

// CI installs tmux; only a machine without it skips (and says so).
const hasTmux = await tmuxAvailable();
if (!hasTmux) console.warn('test/e2e/tmux-demo.test.ts is skipped: tmux is not installed (`which tmux` failed).');

/**
 * The questions of a whole demo release, each matched in its pending form only (a select's first
 * choice under it, a confirm's "(Y/n)"): once answered, the line shows the answer instead. A stage
 * that asks more adds its rules here.
 */
const RULES: AnswerRule[] = [
  // Prepare
  { when: /^\? Which version\?\n❯ 0\.1\.1 patch$/m, keys: ['Enter'] },
  { when: /^\? Push the release commit \w+ to origin\/main\? \(Y\/n\)$/m, keys: ['Enter'] },
  { when: /^\? Release notes reviewed \(.*\) \(Y\/n\)$/m, keys: ['Enter'] },
  { when: /^\? SUPPORT_MATRIX\.md matches requires-python \(Y\/n\)$/m, keys: ['Enter'] },
  { when: /^\? Documentation links point at the new version \(Y\/n\)$/m, keys: ['Enter'] },
  // TestPyPI dry run
  { when: /^\? Dispatch publish-testpypi\.yml on main with version=0\.1\.1rc1\? \(Y\/n\)$/m, keys: ['Enter'] },
  // Tag
  { when: /^\? Create v0\.1\.1 at \w+ and push it\? This starts the PyPI publish\. \(Y\/n\)$/m, keys: ['Enter'] },
];
/** The answers every run gives, in order: Prepare's. */
const PREPARE_ANSWERS = 5;

/** What demo prints last, once the release (successful or not) is over and the sandbox is gone. */
const DEMO_OVER = /^The sandbox was removed \(keep it with --keep\)\.$/m;
/** The Ink footer while a question waits for an answer. */
const QUESTION_PENDING = /enter confirm · ctrl\+c/;

/** Escape sequences or their remains in text: the terminal should have eaten all of them. */
const GARBAGE = [
  /\[(?:\d{1,3}(?:;\d{1,3})*)?[ABCDGHJKfm](?!\w)/, // a CSI that lost its ESC: [2K, [32m, [1A
  /\]8;;/, // a hyperlink (OSC 8) that lost its ESC
  /\uFFFD/, // a broken UTF-8 sequence
];

/** ESC or any other control character but a tab. */
function hasControlCharacter(line: string): boolean {
  return [...line].some((char) => {
    const code = char.codePointAt(0)!;
    return (code < 0x20 && char !== '\t') || code === 0x7f;
  });
}

/** A whole release takes ~30 s on an idle two-core machine; under load, several times that. */
const TEST_TIMEOUT_MS = 180_000;
const BUDGET_MS = TEST_TIMEOUT_MS - 10_000;

const tempDir = useTempDirs();
let session: TmuxSession | undefined;
afterEach(async () => {
  await session?.kill();
  session = undefined;
});

describe.skipIf(!hasTmux)('pyrelease demo in a real terminal (tmux)', () => {
  it(
    'runs the whole release through the Ink interface, answered by keys, and exits 0',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const home = tempDir();
      const tmp = join(home, 'tmp');
      mkdirSync(tmp);
      session = new TmuxSession({ columns: 120, rows: 40 });
      const started = Date.now();
      // Every wait draws on one budget that ends before the test's timeout: a slow run fails with its screen.
      const left = () => Math.max(started + BUDGET_MS - Date.now(), 1);
      // A person at a terminal: no CI variable, colours on, no editor; everything the demo makes stays in this HOME.
      await session.start([process.execPath, BIN, 'demo'], {
        cwd: home,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: home,
          TMPDIR: tmp,
          USER: 'tester',
          LANG: 'C.UTF-8',
          TERM: 'xterm-256color',
          PYRELEASE_POLL_INTERVAL_MS: '25',
          EDITOR: '',
          VISUAL: '',
          GIT_EDITOR: 'true',
        },
      });

      // Ink, not plain lines: the first question comes with the key footer.
      await session.waitFor(QUESTION_PENDING, left());

      const { answered } = await drive(session, {
        rules: RULES,
        until: DEMO_OVER,
        pending: QUESTION_PENDING,
        timeoutMs: left(),
      });
      const code = await session.waitForExit(left());
      const screen = await session.capture();
      const everything = await session.capture({ history: true });
      console.info(`demo in tmux: ${answered.length} answers, exit ${code}, ${Date.now() - started} ms\n${screen}`);

      expect(code, everything).toBe(0);
      // Prepare's questions came, in order; later stages answer what they ask (each rule at most once).
      expect(answered.slice(0, PREPARE_ANSWERS)).toEqual(
        RULES.slice(0, PREPARE_ANSWERS).map((rule) => expect.stringMatching(rule.when)),
      );
      expect(screen).toMatch(DEMO_OVER);
      // Every stage of the release is ticked in the stage bar, however many there are.
      expect(screen).toMatch(/^✓ Prepare(?: {2}✓ [^✓✗›·\n]+)*$/m);
      // Ink wraps the long path itself (a hard line break -J cannot join).
      expect(screen).toMatch(/^✓ Release record saved to\s+\S+\.json\.$/m);
      expect(everything).toContain('✓ Choose the version — 0.1.0 → 0.1.1 (patch)');
      expect(everything).toContain('? Which version? 0.1.1');
      expect(everything).toContain('✓ Launch checklist — 3 item(s) confirmed by tester');
      // The summary ends the release on screen, with its links and the time per stage.
      expect(everything).toContain('quillnote 0.1.1 is on PyPI, installed and smoke-tested from there.');
      expect(everything).toMatch(/ {2}GitHub Release {4}http:\/\/127\.0\.0\.1:\d+\/\S+\/releases\/tag\/v0\.1\.1/);
      expect(everything).toMatch(/Time per stage: Prepare \S+ · TestPyPI dry run/);
      expect(screen).toMatch(
        /^✓ Prepare {2}✓ TestPyPI dry run {2}✓ Tag {2}✓ Publish to PyPI {2}✓ Smoke-test from PyPI {2}✓ Finalize$/m,
      );
      for (const line of everything.split('\n')) {
        expect(hasControlCharacter(line), `a control character in ${JSON.stringify(line)}`).toBe(false);
        for (const garbage of GARBAGE) expect(line, `raw escape text in ${JSON.stringify(line)}`).not.toMatch(garbage);
      }
    },
  );
});
