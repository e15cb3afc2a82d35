import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, smokeSettingsFor, validateConfig, type ReleaseConfig } from '../../../src/domain/config';

const PROJECT = `# The project under release.
[project]
name = "acme-tool"
version = "1.4.0"

[project.scripts]
acme = "acme.cli:main"
acme-worker = "acme.worker:main"
`;

function validate(table: string, project = PROJECT) {
  const text = `${project}\n${table}`;
  return validateConfig(parse(text), text);
}

/** Each problem as `code keyPath line`, the shape most assertions need. */
function problemsOf(table: string, project = PROJECT): string[] {
  return validate(table, project).problems.map(
    (problem) => `${problem.code} ${problem.keyPath} ${problem.location?.line}`,
  );
}

describe('validateConfig: defaults', () => {
  it('returns the seed defaults without [tool.pyrelease]', () => {
    const { config, problems } = validate('');
    expect(problems).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('holds the seed values', () => {
    expect(DEFAULT_CONFIG).toEqual({
      branch: 'main',
      tagFormat: 'v{version}',
      workflows: { pypi: 'publish-pypi.yml', testpypi: 'publish-testpypi.yml' },
      environments: { pypi: 'pypi', testpypi: 'testpypi' },
      requiredChecks: [
        'lint',
        'typecheck',
        'tests',
        'package-build',
        'docs-validation',
        'build-validation',
        'release-label',
      ],
      checklist: 'docs/LAUNCH_CHECKLIST.md',
      supportMatrix: 'SUPPORT_MATRIX.md',
      smoke: {},
      smokeCommands: [],
      smokeEnv: [],
      performancePaths: [],
      rollback: [],
      index: { pypi: 'https://pypi.org', testpypi: 'https://test.pypi.org' },
      signTags: false,
      nextDevVersion: false,
      ciTimeout: 60,
      indexTimeout: 30,
    } satisfies ReleaseConfig);
  });

  it('fills keys left out of a partial table', () => {
    const { config, problems } = validate(
      '[tool.pyrelease]\nbranch = "trunk"\n[tool.pyrelease.workflows]\ntestpypi = "dry-run.yaml"\n',
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      branch: 'trunk',
      workflows: { pypi: 'publish-pypi.yml', testpypi: 'dry-run.yaml' },
    });
  });

  it('gives unlisted console scripts the default smoke settings', () => {
    const { config } = validate('[tool.pyrelease.smoke.acme]\nargs = ["--version"]\n');
    expect(smokeSettingsFor(config, 'acme')).toEqual({ args: ['--version'], timeout: 60, expectExit: 0, skip: false });
    expect(smokeSettingsFor(config, 'acme-worker')).toEqual({
      args: ['--help'],
      timeout: 60,
      expectExit: 0,
      skip: false,
    });
    expect(smokeSettingsFor(config, 'constructor')).toEqual({
      args: ['--help'],
      timeout: 60,
      expectExit: 0,
      skip: false,
    });
  });
});

describe('validateConfig: every key overridden', () => {
  const table = `[tool.pyrelease]
branch = "release"
tag-format = "acme-{version}"
required-checks = ["ci / test", "lint"]
checklist = "RELEASING.md"
support-matrix = "docs/support.md"
performance-paths = ["src/acme/trainer/**", "src/acme/xai/**"]
sign-tags = true
next-dev-version = true
ci-timeout = 90
index-timeout = 45.5
smoke-commands = [
  ["python", "-c", "import acme"],
  { argv = ["acme", "serve", "--check"], timeout = 5, expect-exit = 3 },
]
smoke-env = ["HTTPS_PROXY", "SSL_CERT_FILE"]

[tool.pyrelease.workflows]
pypi = "release.yml"
testpypi = "dry-run.yaml"

[tool.pyrelease.environments]
pypi = "production"
testpypi = "staging"

[tool.pyrelease.index]
pypi = "http://127.0.0.1:8080/pypi/"
testpypi = "https://test.example.org/sub/path//"

[tool.pyrelease.smoke.acme]
args = ["version"]
timeout = 10
expect-exit = 2

[tool.pyrelease.smoke.acme-worker]
skip = true

[[tool.pyrelease.rollback]]
name = "Roll back Cloud Run"
argv = ["gcloud", "run", "services", "update-traffic", "acme", "--to-revisions=LATEST=0"]
description = "Send traffic back to the previous revision"

[[tool.pyrelease.rollback]]
name = "Mitigation migration"
argv = ["./scripts/migrate.sh", "down"]
`;

  it('reads every value', () => {
    const { config, problems } = validate(table);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      branch: 'release',
      tagFormat: 'acme-{version}',
      workflows: { pypi: 'release.yml', testpypi: 'dry-run.yaml' },
      environments: { pypi: 'production', testpypi: 'staging' },
      requiredChecks: ['ci / test', 'lint'],
      checklist: 'RELEASING.md',
      supportMatrix: 'docs/support.md',
      smoke: {
        acme: { args: ['version'], timeout: 10, expectExit: 2, skip: false },
        'acme-worker': { args: ['--help'], timeout: 60, expectExit: 0, skip: true },
      },
      smokeCommands: [
        { argv: ['python', '-c', 'import acme'], timeout: 60, expectExit: 0 },
        { argv: ['acme', 'serve', '--check'], timeout: 5, expectExit: 3 },
      ],
      smokeEnv: ['HTTPS_PROXY', 'SSL_CERT_FILE'],
      performancePaths: ['src/acme/trainer/**', 'src/acme/xai/**'],
      rollback: [
        {
          name: 'Roll back Cloud Run',
          argv: ['gcloud', 'run', 'services', 'update-traffic', 'acme', '--to-revisions=LATEST=0'],
          description: 'Send traffic back to the previous revision',
        },
        { name: 'Mitigation migration', argv: ['./scripts/migrate.sh', 'down'], description: undefined },
      ],
      index: { pypi: 'http://127.0.0.1:8080/pypi', testpypi: 'https://test.example.org/sub/path' },
      signTags: true,
      nextDevVersion: true,
      ciTimeout: 90,
      indexTimeout: 45.5,
    } satisfies ReleaseConfig);
  });

  it('reads the same values from inline and dotted forms', () => {
    const inline = `[tool]
pyrelease.workflows = { pypi = "release.yml", testpypi = "dry-run.yaml" }
pyrelease.smoke = { acme = { args = ["version"] } }
pyrelease.rollback = [{ name = "x", argv = ["y"] }]
`;
    const { config, problems } = validate(inline);
    expect(problems).toEqual([]);
    expect([config.workflows, config.smoke, config.rollback]).toEqual([
      { pypi: 'release.yml', testpypi: 'dry-run.yaml' },
      { acme: { args: ['version'], timeout: 60, expectExit: 0, skip: false } },
      [{ name: 'x', argv: ['y'], description: undefined }],
    ]);
  });
});

// PROJECT is 8 lines and a blank one, so a table starting right after it starts on line 10.
describe('validateConfig: problems, with the exact key path and line', () => {
  it.each<[string, string, string[]]>([
    [
      'an unknown top-level key',
      '[tool.pyrelease]\nbranch = "main"\nbrnach = "x"\n',
      ['config.unknown-key tool.pyrelease.brnach 12'],
    ],
    [
      'an unknown key in a smoke table',
      '[tool.pyrelease.smoke.acme]\ntimeot = 5\n',
      ['config.unknown-key tool.pyrelease.smoke.acme.timeot 11'],
    ],
    [
      'an unknown key in workflows',
      '[tool.pyrelease]\nworkflows = { pypi = "a.yml", prod = "b.yml" }\n',
      ['config.unknown-key tool.pyrelease.workflows.prod 11'],
    ],
    [
      'an unknown key in a rollback action',
      '[[tool.pyrelease.rollback]]\nname = "x"\nargv = ["y"]\ncmd = "z"\n',
      ['config.unknown-key tool.pyrelease.rollback[0].cmd 13'],
    ],
    [
      'an unknown key in a smoke command',
      '[tool.pyrelease]\nsmoke-commands = [\n  { argv = ["a"], exit = 1 },\n]\n',
      ['config.unknown-key tool.pyrelease.smoke-commands[0].exit 12'],
    ],
    [
      'a smoke table for a script the project lacks',
      '[tool.pyrelease.smoke.acme-wroker]\nskip = true\n',
      ['config.unknown-key tool.pyrelease.smoke.acme-wroker 10'],
    ],
    [
      'a string for a boolean',
      '[tool.pyrelease]\nsign-tags = "yes"\n',
      ['config.wrong-type tool.pyrelease.sign-tags 11'],
    ],
    [
      'a string for a list',
      '[tool.pyrelease]\nrequired-checks = "lint"\n',
      ['config.wrong-type tool.pyrelease.required-checks 11'],
    ],
    [
      'a number inside a list',
      '[tool.pyrelease]\nrequired-checks = [\n  "lint",\n  7,\n]\n',
      ['config.wrong-type tool.pyrelease.required-checks[1] 13'],
    ],
    [
      'a float for an exit code',
      '[tool.pyrelease.smoke.acme]\nexpect-exit = 1.5\n',
      ['config.wrong-type tool.pyrelease.smoke.acme.expect-exit 11'],
    ],
    [
      'a string for a timeout',
      '[tool.pyrelease.smoke.acme]\ntimeout = "60s"\n',
      ['config.wrong-type tool.pyrelease.smoke.acme.timeout 11'],
    ],
    [
      'a string for a table',
      '[tool.pyrelease]\nworkflows = "publish.yml"\n',
      ['config.wrong-type tool.pyrelease.workflows 11'],
    ],
    [
      'a shell string for an argv',
      '[tool.pyrelease]\nsmoke-commands = ["acme --help"]\n',
      ['config.wrong-type tool.pyrelease.smoke-commands[0] 11'],
    ],
    [
      'a single-bracket rollback table',
      '[tool.pyrelease.rollback]\nname = "x"\n',
      ['config.wrong-type tool.pyrelease.rollback 10'],
    ],
    ['a non-table [tool.pyrelease]', '[tool]\npyrelease = true\n', ['config.wrong-type tool.pyrelease 11']],
    [
      'a tag format without {version}',
      '[tool.pyrelease]\ntag-format = "release"\n',
      ['config.bad-value tool.pyrelease.tag-format 11'],
    ],
    [
      'a tag format with another placeholder',
      '[tool.pyrelease]\ntag-format = "{name}-{version}"\n',
      ['config.bad-value tool.pyrelease.tag-format 11'],
    ],
    [
      'a tag format git refuses',
      '[tool.pyrelease]\ntag-format = "v {version}"\n',
      ['config.bad-value tool.pyrelease.tag-format 11'],
    ],
    ['a branch git refuses', '[tool.pyrelease]\nbranch = "main..dev"\n', ['config.bad-value tool.pyrelease.branch 11']],
    [
      'a workflow path instead of a file name',
      '[tool.pyrelease.workflows]\npypi = ".github/workflows/publish.yml"\n',
      ['config.bad-value tool.pyrelease.workflows.pypi 11'],
    ],
    [
      'a workflow file that is not YAML',
      '[tool.pyrelease.workflows]\ntestpypi = "publish.json"\n',
      ['config.bad-value tool.pyrelease.workflows.testpypi 11'],
    ],
    [
      'an empty environment',
      '[tool.pyrelease.environments]\npypi = ""\n',
      ['config.bad-value tool.pyrelease.environments.pypi 11'],
    ],
    [
      'an absolute checklist path',
      '[tool.pyrelease]\nchecklist = "/etc/checklist.md"\n',
      ['config.bad-value tool.pyrelease.checklist 11'],
    ],
    [
      'a zero timeout',
      '[tool.pyrelease.smoke.acme]\ntimeout = 0\n',
      ['config.bad-value tool.pyrelease.smoke.acme.timeout 11'],
    ],
    [
      'an exit code above 255',
      '[tool.pyrelease.smoke.acme]\nexpect-exit = 256\n',
      ['config.bad-value tool.pyrelease.smoke.acme.expect-exit 11'],
    ],
    [
      'a CI wait over a day',
      '[tool.pyrelease]\nci-timeout = 5000\n',
      ['config.bad-value tool.pyrelease.ci-timeout 11'],
    ],
    [
      'an empty argv',
      '[tool.pyrelease]\nsmoke-commands = [[]]\n',
      ['config.bad-value tool.pyrelease.smoke-commands[0] 11'],
    ],
    [
      'a credential passed on to the smoke tests',
      '[tool.pyrelease]\nsmoke-env = ["HTTPS_PROXY", "GH_TOKEN"]\n',
      ['config.bad-value tool.pyrelease.smoke-env[1] 11'],
    ],
    [
      'a smoke-env entry that is no variable name',
      '[tool.pyrelease]\nsmoke-env = ["HTTPS PROXY"]\n',
      ['config.bad-value tool.pyrelease.smoke-env[0] 11'],
    ],
    [
      'an index URL that is not http(s)',
      '[tool.pyrelease.index]\npypi = "ftp://pypi.org"\n',
      ['config.bad-value tool.pyrelease.index.pypi 11'],
    ],
    [
      'an index URL that is not a URL',
      '[tool.pyrelease.index]\ntestpypi = "test.pypi.org"\n',
      ['config.bad-value tool.pyrelease.index.testpypi 11'],
    ],
    [
      'an index URL with a query',
      '[tool.pyrelease.index]\npypi = "https://pypi.org/?x=1"\n',
      ['config.bad-value tool.pyrelease.index.pypi 11'],
    ],
    [
      'two rollback actions with one name',
      '[[tool.pyrelease.rollback]]\nname = "x"\nargv = ["a"]\n[[tool.pyrelease.rollback]]\nname = "x"\nargv = ["b"]\n',
      ['config.bad-value tool.pyrelease.rollback[1].name 14'],
    ],
    [
      'a rollback action without argv',
      '[[tool.pyrelease.rollback]]\nname = "x"\n',
      ['config.missing-key tool.pyrelease.rollback[0].argv 10'],
    ],
    [
      'a smoke command table without argv',
      '[tool.pyrelease]\nsmoke-commands = [{ timeout = 5 }]\n',
      ['config.missing-key tool.pyrelease.smoke-commands[0].argv 11'],
    ],
    ['a token-named key', '[tool.pyrelease]\npypi-token = "x"\n', ['config.credential tool.pyrelease.pypi-token 11']],
    [
      'a password-named key in a sub-table',
      '[tool.pyrelease.index]\npassword = "x"\n',
      ['config.credential tool.pyrelease.index.password 11'],
    ],
    [
      'a token pasted as a value',
      `[tool.pyrelease]\nsmoke-commands = [["curl", "-H", "ghp_${'a'.repeat(36)}"]]\n`,
      ['config.credential tool.pyrelease.smoke-commands[0][2] 11'],
    ],
    [
      'credentials in an index URL',
      '[tool.pyrelease.index]\npypi = "https://user:secret@pypi.example.org"\n',
      ['config.credential tool.pyrelease.index.pypi 11'],
    ],
  ])('reports %s', (_name, table, expected) => {
    expect(problemsOf(table)).toEqual(expected);
  });

  it('names the key path, what was expected and what was found', () => {
    const [problem] = validate('[tool.pyrelease.smoke.acme]\ntimeout = "60s"\n').problems;
    expect(problem?.message).toBe(
      'tool.pyrelease.smoke.acme.timeout must be a number of seconds, but it is the string "60s".',
    );
    expect(problem?.hint).toBe('Write it like `timeout = 120`, or remove the key to use the default (60).');
    expect(problem?.location).toEqual({ file: 'pyproject.toml', line: 11 });
  });

  it.each([
    ['tag-fromat', 'tag-format'],
    ['tag_format', 'tag-format'],
    ['tagFormat', 'tag-format'],
    ['required_checks', 'required-checks'],
    ['timeout', 'ci-timeout'],
  ])('suggests the nearest key for %s', (unknown, suggestion) => {
    const [problem] = validate(`[tool.pyrelease]\n${unknown} = 1\n`).problems;
    expect(problem?.hint).toBe(`Did you mean \`${suggestion}\`? Rename the key, or remove it.`);
  });

  it('suggests nothing for a key unlike any other', () => {
    const [problem] = validate('[tool.pyrelease]\nzebra = 1\n').problems;
    expect(problem?.message).toBe(
      'tool.pyrelease.zebra is not a pyrelease setting; the keys here are: branch, tag-format, workflows, environments, required-checks, checklist, ' +
        'support-matrix, smoke, smoke-commands, smoke-env, performance-paths, rollback, index, sign-tags, next-dev-version, ci-timeout, index-timeout.',
    );
    expect(problem?.hint).toBe('Remove it, or rename it to one of the known keys.');
  });

  it('suggests the console script a smoke table probably meant', () => {
    const [problem] = validate('[tool.pyrelease.smoke.acme-wroker]\nskip = true\n').problems;
    expect(problem?.message).toBe(
      'tool.pyrelease.smoke.acme-wroker names no console script of the project; its scripts are: acme, acme-worker.',
    );
    expect(problem?.hint).toBe('Did you mean `acme-worker`? Use the name as written in [project.scripts].');
  });

  it('accepts any smoke table when the scripts are dynamic', () => {
    const project = '[project]\nname = "acme"\ndynamic = ["version", "scripts"]\n';
    expect(problemsOf('[tool.pyrelease.smoke.whatever]\nskip = true\n', project)).toEqual([]);
  });

  it('checks smoke tables against Poetry scripts', () => {
    const project = '[tool.poetry]\nname = "acme"\n[tool.poetry.scripts]\npoet = "acme:main"\n';
    expect(
      problemsOf('[tool.pyrelease.smoke.poet]\nskip = true\n[tool.pyrelease.smoke.acme]\nskip = true\n', project),
    ).toEqual(['config.unknown-key tool.pyrelease.smoke.acme 8']);
  });

  it('says where credentials come from, and never echoes the token', () => {
    const token = `pypi-AgEIcHlwaS5vcmc${'x'.repeat(60)}`;
    const [problem] = validate(`[tool.pyrelease]\nbranch = "${token}"\n`).problems;
    expect(problem?.code).toBe('config.credential');
    expect(problem?.hint).toContain('GH_TOKEN, GITHUB_TOKEN or `gh auth token`');
    expect(`${problem?.message} ${problem?.hint}`).not.toContain(token);
    const all = validate(`[tool.pyrelease]\nbranch = "${token}"\n`)
      .problems.map((p) => `${p.message} ${p.hint}`)
      .join('\n');
    expect(all).not.toContain(token);
  });

  it('lists every problem, in file order, and keeps the defaults for the bad keys', () => {
    const { config, problems } = validate(`[tool.pyrelease]
tag-format = "release"
sign-tags = "yes"
brnach = "x"

[tool.pyrelease.smoke.acme]
timeout = -1
args = ["--version"]
`);
    expect(problems.map((p) => `${p.code} ${p.keyPath} ${p.location?.line}`)).toEqual([
      'config.bad-value tool.pyrelease.tag-format 11',
      'config.wrong-type tool.pyrelease.sign-tags 12',
      'config.unknown-key tool.pyrelease.brnach 13',
      'config.bad-value tool.pyrelease.smoke.acme.timeout 16',
    ]);
    expect([config.tagFormat, config.signTags, config.smoke]).toEqual([
      'v{version}',
      false,
      { acme: { args: ['--version'], timeout: 60, expectExit: 0, skip: false } },
    ]);
  });

  it('uses the file name it is given', () => {
    const text = '[tool.pyrelease]\nbranch = 5\n';
    const [problem] = validateConfig(parse(text), text, { file: 'sub/pyproject.toml' }).problems;
    expect(problem?.location).toEqual({ file: 'sub/pyproject.toml', line: 2 });
  });
});
