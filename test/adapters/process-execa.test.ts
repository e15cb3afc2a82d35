import { describe, expect, it } from 'vitest';
import { ExecaProcessRunner, displayCommand } from '../../src/adapters/process-execa';
import { Redactor } from '../../src/domain/redactor';

const TOKEN = 'ghp_secretsecretsecret1234';

function runner(): ExecaProcessRunner {
  const redactor = new Redactor();
  redactor.add(TOKEN);
  return new ExecaProcessRunner(redactor);
}

const node = (code: string) => [process.execPath, ['-e', code]] as const;

describe('ExecaProcessRunner', () => {
  it('streams every line with its stream, in order', async () => {
    const lines: string[] = [];
    const [file, args] = node('console.log("one"); console.error("two"); console.log("three")');
    const result = await runner().run(file, args, { onLine: (line, stream) => lines.push(`${stream}:${line}`) });
    expect(lines.filter((line) => line.startsWith('stdout'))).toEqual(['stdout:one', 'stdout:three']);
    expect(lines).toContain('stderr:two');
    expect(result).toMatchObject({ exitCode: 0, stdout: 'one\nthree', stderr: 'two' });
  });

  it('passes arguments verbatim: nothing is interpreted by a shell', async () => {
    const tricky = ['$(echo hi)', '; rm -rf /', '"quoted" it\'s', '*'];
    const [file, args] = node('for (const a of process.argv.slice(1)) console.log(a)');
    const result = await runner().run(file, [...args, ...tricky]);
    expect(result.stdout.split('\n')).toEqual(tricky);
  });

  it('redacts a registered secret from lines, results and errors', async () => {
    const lines: string[] = [];
    const [file, args] = node(`console.log("token=${TOKEN}"); console.error("auth ${TOKEN} failed"); process.exit(3)`);
    const error = await runner()
      .run(file, args, { onLine: (line) => lines.push(line) })
      .catch((caught: Error) => caught);
    expect(lines.join('\n')).not.toContain(TOKEN);
    expect(lines).toContain('token=***');
    expect(String(error)).toContain('exited with code 3');
    expect(String(error)).toContain('auth *** failed');
    expect(String(error)).not.toContain(TOKEN);
  });

  it('returns a failing exit code without throwing when asked to', async () => {
    const [file, args] = node('process.exit(4)');
    expect((await runner().run(file, args, { reject: false })).exitCode).toBe(4);
  });

  it('stops the child when the signal aborts', async () => {
    const controller = new AbortController();
    const [file, args] = node('console.log("started"); setInterval(() => {}, 1000)');
    const started = Date.now();
    const running = runner().run(file, args, {
      signal: controller.signal,
      onLine: (line) => line === 'started' && controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ code: 'process.cancelled', kind: 'cancelled' });
    // Stopped by the signal, long before anything would time out.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('says clearly when a program is missing', async () => {
    await expect(runner().run('pyrelease-no-such-program', [])).rejects.toMatchObject({
      code: 'process.spawn',
      hint: expect.stringContaining('pyrelease-no-such-program is installed'),
    });
  });

  it('shows commands quoted for reading', () => {
    expect(displayCommand('git', ['commit', '-m', 'Release 1.0.0'])).toBe("git commit -m 'Release 1.0.0'");
  });
});

describe('Redactor', () => {
  it('masks every registered secret, longest first, and their URL-encoded forms', () => {
    const redactor = new Redactor();
    redactor.add('abc/def+ghi');
    redactor.add('abc/def+ghi-longer');
    expect(redactor.redact('a abc/def+ghi-longer b abc/def+ghi c abc%2Fdef%2Bghi')).toBe('a *** b *** c ***');
  });

  it('ignores values too short to be secrets, so ordinary text survives', () => {
    const redactor = new Redactor();
    redactor.add('1');
    redactor.add('');
    redactor.add(undefined);
    expect(redactor.redact('version 1.0.1')).toBe('version 1.0.1');
  });

  it('redacts strings deep inside objects', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t-token');
    expect(redactor.redactDeep({ a: ['x s3cr3t-token y'], b: { c: 's3cr3t-token' } })).toEqual({
      a: ['x *** y'],
      b: { c: '***' },
    });
  });
});
