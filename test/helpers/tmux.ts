import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real terminal for end-to-end tests: one tmux server of its own (a private socket, no user
 * configuration), one pane of a fixed size running one command with exactly the environment given.
 * Every tmux call is asynchronous: the program under test may talk to servers in this process.
 */

export interface TmuxStartOptions {
  cwd: string;
  /** The whole environment of the command: nothing else is inherited (TERM included, CI excluded). */
  env: Record<string, string>;
}

export interface CaptureOptions {
  /** Join lines the terminal wrapped (capture-pane -J). Default true. */
  join?: boolean;
  /** Include the scrollback above the visible screen. Default false. */
  history?: boolean;
  /** Keep the escape sequences of colours and attributes (capture-pane -e). Default false. */
  escapes?: boolean;
}

const POLL_MS = 100;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function matches(screen: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen);
}

/** Whether the tmux CLI can be run here. */
export async function tmuxAvailable(): Promise<boolean> {
  const result = await execa('which', ['tmux'], { reject: false, stdin: 'ignore' });
  return result.exitCode === 0;
}

export class TmuxSession {
  readonly columns: number;
  readonly rows: number;
  private readonly dir: string;
  private readonly socket: string;
  private pane: string | undefined;

  constructor(options: { columns?: number; rows?: number } = {}) {
    this.columns = options.columns ?? 120;
    this.rows = options.rows ?? 40;
    this.dir = mkdtempSync(join(tmpdir(), 'pyrelease-tmux-'));
    this.socket = join(this.dir, 'tmux.sock');
  }

  /** Runs one tmux command line against this session's own server. */
  private async tmux(args: string[], options: { reject?: boolean } = {}): Promise<string> {
    const result = await execa('tmux', ['-u', '-f', '/dev/null', '-S', this.socket, ...args], {
      // The client (and the server it starts) sees only this: never the caller's TMUX, CI or colours.
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TERM: 'xterm-256color', LANG: 'C.UTF-8' },
      extendEnv: false,
      stdin: 'ignore',
      reject: options.reject ?? true,
      timeout: 10_000,
    });
    return String(result.stdout);
  }

  private target(): string {
    if (!this.pane) throw new Error('The tmux session has not been started.');
    return this.pane;
  }

  /** Starts `argv` in a new pane; the pane stays after the command exits, so its exit status can be read. */
  async start(argv: string[], options: TmuxStartOptions): Promise<void> {
    if (this.pane) throw new Error('The tmux session is already started.');
    const assignments = Object.entries(options.env).map(([key, value]) => `${key}=${value}`);
    // Options first, in the same command list: a command that exits at once still leaves its pane.
    // `env -i` gives the command exactly the environment asked for (tmux would add its own TERM).
    this.pane = (
      await this.tmux([
        'set-option',
        '-g',
        'remain-on-exit',
        'on',
        ';',
        'set-option',
        '-g',
        'history-limit',
        '10000',
        ';',
        'new-session',
        '-d',
        '-P',
        '-F',
        '#{pane_id}',
        '-s',
        'test',
        '-x',
        String(this.columns),
        '-y',
        String(this.rows),
        '-c',
        options.cwd,
        'env',
        '-i',
        ...assignments,
        ...argv,
      ])
    ).trim();
  }

  /** Presses keys, by tmux key name (Enter, Down, Space, C-c…); other words are typed as they are. */
  async sendKeys(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.tmux(['send-keys', '-t', this.target(), ...keys]);
  }

  /** Types text literally (send-keys -l): "Enter" stays five letters. */
  async typeText(text: string): Promise<void> {
    await this.tmux(['send-keys', '-t', this.target(), '-l', text]);
  }

  /** The screen as text: lines without trailing blanks, and no blank lines after the last one. */
  async capture(options: CaptureOptions = {}): Promise<string> {
    const args = ['capture-pane', '-p', '-t', this.target()];
    if (options.join ?? true) args.push('-J');
    if (options.history) args.push('-S', '-');
    if (options.escapes) args.push('-e');
    const text = await this.tmux(args);
    return text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** Whether the command has exited (the pane remains, dead). */
  async exited(): Promise<boolean> {
    return (await this.tmux(['display-message', '-p', '-t', this.target(), '#{pane_dead}'])).trim() === '1';
  }

  /**
   * The command's exit status: undefined while it runs (or until tmux has reaped it); 128 + n when
   * signal n ended it.
   */
  async exitCode(): Promise<number | undefined> {
    const format = '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pid}';
    const [dead, status, signal, serverPid] = (await this.tmux(['display-message', '-p', '-t', this.target(), format]))
      .trim()
      .split(':');
    if (dead !== '1') return undefined;
    if (status) return Number(status);
    if (signal) return 128 + Number(signal);
    // Dead (its terminal closed) yet no status: tmux has not reaped the child. A tmux built with
    // libutempter can lose the SIGCHLD of a command that exits while the pane is being torn down
    // (tmux/tmux#311), leaving a zombie and an empty status for good. Its own server, nudged, reaps it.
    if (serverPid) process.kill(Number(serverPid), 'SIGCHLD');
    return undefined;
  }

  /** Polls the screen until `pattern` shows; returns that screen. Fails with the last screen on timeout or exit. */
  async waitFor(pattern: string | RegExp, timeoutMs = 30_000, options: CaptureOptions = {}): Promise<string> {
    return this.waitUntil((screen) => matches(screen, pattern), `${String(pattern)} on the screen`, timeoutMs, options);
  }

  /**
   * Polls the screen until `done` holds for it. A command that exits first ends the wait with an error
   * (unless the screen it left satisfies `done`), as does the timeout: both errors show the last screen.
   */
  async waitUntil(
    done: (screen: string) => boolean,
    what: string,
    timeoutMs = 30_000,
    options: CaptureOptions = {},
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Exit first, screen second: the screen read after the exit is the whole of it.
      const exited = await this.exited();
      const screen = await this.capture(options);
      if (done(screen)) return screen;
      if (exited)
        throw new Error(
          `The command exited (status ${(await this.exitCode()) ?? 'not yet known'}) before ${what}. Last screen:\n${screen}`,
        );
      if (Date.now() > deadline)
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last screen:\n${screen}`);
      await pause(POLL_MS);
    }
  }

  /** Polls until the command exits; returns its exit status. */
  async waitForExit(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const code = await this.exitCode();
      if (code !== undefined) return code;
      if (Date.now() > deadline)
        throw new Error(
          `Timed out after ${timeoutMs} ms waiting for the command to exit. Last screen:\n${await this.capture()}`,
        );
      await pause(POLL_MS);
    }
  }

  /** Ends the server (and so the command, by SIGHUP) and removes the socket's directory. Safe to call twice. */
  async kill(): Promise<void> {
    await this.tmux(['kill-server'], { reject: false });
    this.pane = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One answer: when `when` matches the screen, press `keys`. Match only a question's pending form. */
export interface AnswerRule {
  when: RegExp;
  keys: string[];
  /** How many times the rule may answer (default 1): more fails the run. */
  times?: number;
}

export interface DriveOptions {
  rules: AnswerRule[];
  /** The run is over when this shows (or when the command exits). */
  until: RegExp;
  /** What a question waiting for an answer looks like: one that no rule answers fails the run. */
  pending?: RegExp;
  timeoutMs?: number;
}

export interface DriveResult {
  /** The screen the run ended on. */
  screen: string;
  /** The text each answer matched, in order. */
  answered: string[];
}

/**
 * Answers the questions the screen shows, by rules, until `until` shows or the command exits. After
 * pressing a rule's keys it waits until that question is gone (the rule no longer matches, or matches
 * another question), so one question is never answered twice however the frames fall.
 */
export async function drive(session: TmuxSession, options: DriveOptions): Promise<DriveResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  const uses = new Map<AnswerRule, number>();
  const answered: string[] = [];
  // A stalled unanswered question fails quickly, not at the deadline.
  const stallMs = 3_000;
  let unanswered: { screen: string; since: number } | undefined;
  for (;;) {
    const exited = await session.exited();
    const screen = await session.capture();
    if (exited || options.until.test(screen)) return { screen, answered };
    const rule = options.rules.find((candidate) => candidate.when.test(screen));
    if (rule) {
      unanswered = undefined;
      const question = rule.when.exec(screen)![0];
      const count = (uses.get(rule) ?? 0) + 1;
      if (count > (rule.times ?? 1))
        throw new Error(`The rule ${rule.when} matched more than ${rule.times ?? 1} time(s). Screen:\n${screen}`);
      uses.set(rule, count);
      answered.push(question);
      await session.sendKeys(...rule.keys);
      await session
        .waitUntil(
          (next) => options.until.test(next) || rule.when.exec(next)?.[0] !== question,
          `the answer to ${JSON.stringify(question)} to be taken`,
          Math.max(deadline - Date.now(), 1),
        )
        .catch(async (error: unknown) => {
          // An exit right after the answer is the caller's to judge, not a driving failure.
          if (!(await session.exited())) throw error;
        });
      continue;
    }
    if (options.pending?.test(screen)) {
      if (unanswered?.screen !== screen) unanswered = { screen, since: Date.now() };
      else if (Date.now() - unanswered.since > stallMs)
        throw new Error(`No answer rule matches the question on the screen:\n${screen}`);
    } else {
      unanswered = undefined;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.until}. Last screen:\n${screen}`);
    await pause(POLL_MS);
  }
}
