import { resolve } from 'node:path';
import type { GitRepositoryReads } from '../ports/git';
import type { ProcessRunner } from '../ports/process';

/** Git through its command line, one small method per question. */
export class GitCli implements GitRepositoryReads {
  constructor(
    private readonly processes: ProcessRunner,
    private readonly cwd: string,
  ) {}

  private async git(args: string[]): Promise<{ exitCode: number; stdout: string }> {
    return this.processes.run('git', args, { cwd: this.cwd, reject: false });
  }

  async topLevel(): Promise<string | undefined> {
    const result = await this.git(['rev-parse', '--show-toplevel']);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async commonDir(): Promise<string> {
    const result = await this.processes.run('git', ['rev-parse', '--git-common-dir'], { cwd: this.cwd });
    return resolve(this.cwd, result.stdout.trim());
  }

  async currentBranch(): Promise<string | undefined> {
    const result = await this.git(['symbolic-ref', '--quiet', '--short', 'HEAD']);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async status(): Promise<string[]> {
    const result = await this.processes.run('git', ['status', '--porcelain=v1'], { cwd: this.cwd });
    return result.stdout.split('\n').filter((line) => line.length > 0);
  }

  async remoteUrl(name: string): Promise<string | undefined> {
    // The configured URL, before `insteadOf` rewriting: that is the repository it stands for.
    const result = await this.git(['config', '--get', `remote.${name}.url`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async tags(): Promise<string[]> {
    const result = await this.processes.run('git', ['tag', '--list'], { cwd: this.cwd });
    return result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  }

  async upstream(): Promise<{ name: string; ahead: number; behind: number } | undefined> {
    const name = await this.git(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
    if (name.exitCode !== 0) return undefined;
    const counts = await this.processes.run('git', ['rev-list', '--left-right', '--count', 'HEAD...@{upstream}'], { cwd: this.cwd });
    const [ahead = 0, behind = 0] = counts.stdout.trim().split(/\s+/).map(Number);
    return { name: name.stdout.trim(), ahead, behind };
  }
}
