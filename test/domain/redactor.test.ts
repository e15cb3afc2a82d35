import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/domain/redactor';

/** Shaped like a classic GitHub token: 40 characters with the `ghp_` prefix. */
const GITHUB_TOKEN = 'ghp_R3dactorTestTokenNotReal0123456789ab';

describe('Redactor: credentials in URLs', () => {
  it.each([
    [
      'user and password',
      'fetching https://oauth2:s3cr3t-t0ken@github.com/acme/quillnote.git',
      'fetching https://***@github.com/acme/quillnote.git',
    ],
    [
      'a user alone (a token in the user part)',
      `remote https://${GITHUB_TOKEN}@github.com/acme/quillnote.git`,
      'remote https://***@github.com/acme/quillnote.git',
    ],
    [
      'a user alone (an account name)',
      'https://octocat@github.com/acme/quillnote.git',
      'https://***@github.com/acme/quillnote.git',
    ],
    [
      'a percent-encoded password',
      'https://__token__:pypi-Ag%2Bx%2Fy%3D%3Dz@upload.pypi.org/legacy/',
      'https://***@upload.pypi.org/legacy/',
    ],
    ['an @ left unencoded in the password', 'https://bot:p@ss-w0rd@example.com/x', 'https://***@example.com/x'],
    ['an empty password', 'https://bot:@example.com/x', 'https://***@example.com/x'],
    [
      'a port and no path',
      'GITHUB_API_URL=http://apiuser:api-s3cr3t@127.0.0.1:9',
      'GITHUB_API_URL=http://***@127.0.0.1:9',
    ],
    [
      'a scheme with a plus',
      'git+https://ci:hunter2-pw@git.example.com/a.git',
      'git+https://***@git.example.com/a.git',
    ],
    [
      'several URLs in one line',
      'from https://a:first-s3cret@one.example/x to http://second-token-value@two.example:8080/y, then https://pypi.org',
      'from https://***@one.example/x to http://***@two.example:8080/y, then https://pypi.org',
    ],
    ['an ssh URL with a password', 'ssh://deploy:sshpassw0rd@git.example.com/r.git', 'ssh://***@git.example.com/r.git'],
    [
      'the scp-like ssh form, untouched',
      'origin git@github.com:acme/quillnote.git',
      'origin git@github.com:acme/quillnote.git',
    ],
    [
      'an ssh URL with only the user git, untouched',
      'ssh://git@github.com/acme/quillnote.git',
      'ssh://git@github.com/acme/quillnote.git',
    ],
    [
      'an email in text, untouched',
      'Wile E. Coyote <wile@example.com> wrote it',
      'Wile E. Coyote <wile@example.com> wrote it',
    ],
    ['a mailto link, untouched', 'mailto:wile@example.com', 'mailto:wile@example.com'],
    [
      'a URL without credentials, untouched',
      'see https://pypi.org/project/acme/',
      'see https://pypi.org/project/acme/',
    ],
    ['an @ in the path, untouched', 'https://mastodon.example/@wile', 'https://mastodon.example/@wile'],
    [
      'an @ in the query, untouched',
      'https://example.com/?to=wile@example.com',
      'https://example.com/?to=wile@example.com',
    ],
    [
      'a URL and an email in compact JSON, apart',
      '{"url":"https://pypi.org","author":"wile@example.com"}',
      '{"url":"https://pypi.org","author":"wile@example.com"}',
    ],
    [
      'a URL with credentials in compact JSON',
      '{"url":"https://oauth2:s3cr3t-t0ken@github.com/a/b.git","author":"wile@example.com"}',
      '{"url":"https://***@github.com/a/b.git","author":"wile@example.com"}',
    ],
    ['a URL already masked', 'https://***@github.com/acme/quillnote.git', 'https://***@github.com/acme/quillnote.git'],
  ])('%s', (_name, input, expected) => {
    expect(new Redactor().redact(input)).toBe(expected);
  });

  it('learns the password it masked, and masks it where it later appears bare', () => {
    const redactor = new Redactor();
    redactor.redact('https://oauth2:s3cr3t-t0ken@github.com/acme/quillnote.git');
    expect(redactor.redact('token s3cr3t-t0ken in a message')).toBe('token *** in a message');
    // The user part beside a password is a name (oauth2, x-access-token, __token__): not a secret.
    expect(redactor.redact('oauth2 stays')).toBe('oauth2 stays');
  });

  it('masks the bare secret also when it comes before the URL in the same text', () => {
    expect(new Redactor().redact('s3cr3t-t0ken, from https://oauth2:s3cr3t-t0ken@github.com/a/b.git')).toBe(
      '***, from https://***@github.com/a/b.git',
    );
  });

  it('learns a percent-encoded password in its encoded and decoded forms', () => {
    const redactor = new Redactor();
    redactor.redact('https://bot:p%40ss%3Aw0rd@example.com/simple/');
    expect(redactor.redact('decoded p@ss:w0rd, encoded p%40ss%3Aw0rd')).toBe('decoded ***, encoded ***');
  });

  it('learns a token given as the user alone', () => {
    const redactor = new Redactor();
    redactor.redact(`https://${GITHUB_TOKEN}@github.com/acme/quillnote.git`);
    expect(redactor.redact(`Authorization: token ${GITHUB_TOKEN}`)).toBe('Authorization: token ***');
  });

  it('masks an account name given as the user alone, but does not learn it: it is also the owner in paths', () => {
    const redactor = new Redactor();
    expect(redactor.redact('https://octocat-bot@github.com/octocat-bot/tool.git')).toBe(
      'https://***@github.com/octocat-bot/tool.git',
    );
    expect(redactor.redact('octocat-bot/tool')).toBe('octocat-bot/tool');
  });

  it('learns from text it is only shown, without printing it', () => {
    const redactor = new Redactor();
    redactor.learn('http://apiuser:api-s3cr3t-pw@github.example.com/api/v3');
    redactor.learn(undefined);
    expect(redactor.redact('the password api-s3cr3t-pw')).toBe('the password ***');
  });

  it('masks URL credentials and learned secrets deep inside objects, and leaves everything else as it was', () => {
    const redactor = new Redactor();
    const event = {
      type: 'failed',
      error: { message: 'Could not reach http://apiuser:api-s3cr3t-pw@127.0.0.1:9 for GET /repos' },
      lines: ['author wile@example.com', 'password api-s3cr3t-pw'],
    };
    expect(redactor.redactDeep(event)).toEqual({
      type: 'failed',
      error: { message: 'Could not reach http://***@127.0.0.1:9 for GET /repos' },
      lines: ['author wile@example.com', 'password ***'],
    });
    const clean = { type: 'note', message: 'nothing secret, wile@example.com' };
    expect(redactor.redactDeep(clean)).toBe(clean);
  });

  it('still masks registered secrets, with their URL-encoded form', () => {
    const redactor = new Redactor();
    redactor.add('abc/def+ghi');
    expect(redactor.redact('a abc/def+ghi b abc%2Fdef%2Bghi')).toBe('a *** b ***');
  });
});
