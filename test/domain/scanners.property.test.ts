/*
 * Property tests for every hand-written scanner (issue 12, item 7): on any text, random or a real
 * fixture with characters inserted, deleted or replaced, each call returns, or throws a
 * PyreleaseError; any other exception, or a call slower than CALL_BUDGET_MS, fails with the input
 * fast-check shrank it to. Where a result has a shape to keep (offsets inside the text, lines
 * inside the file, every other byte kept by a rewrite), that is checked too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../src/domain/checklist';
import { checklistTemplate } from '../../src/domain/checklist-template';
import { scanTomlKeyLines, validateConfig, type KeySegment } from '../../src/domain/config';
import { isPyreleaseError } from '../../src/domain/errors';
import { findPythonAssignment } from '../../src/domain/pyproject/find-python-assignment.js';
import { findTomlString } from '../../src/domain/pyproject/find-toml-string.js';
import {
  loadProject,
  projectFilesFromRecord,
  readPyproject,
  readSetupCfg,
  writeVersion,
} from '../../src/domain/pyproject/index.js';
import {
  checkReleaseNotes,
  classifyEntry,
  entriesFromCommits,
  parseGeneratedNotes,
  readConventionalTitle,
} from '../../src/domain/release-notes';
import {
  analyzeWorkflow,
  filterPatternToRegExp,
  matchesFilters,
  parseTriggers,
  tagPatternFor,
} from '../../src/domain/workflows';

/** Far above any real call (well under a millisecond), far below a hang. */
const CALL_BUDGET_MS = 2_000;
const RUNS = { numRuns: 300 };

/**
 * `scan()`'s value, or `undefined` when it refused the input with a PyreleaseError. Any other
 * exception propagates, which fails the property.
 */
function returnsOrRefuses<T>(scan: () => T): T | undefined {
  const started = performance.now();
  let result: T | undefined;
  try {
    result = scan();
  } catch (error) {
    if (!isPyreleaseError(error)) throw error;
  }
  const elapsed = performance.now() - started;
  if (elapsed > CALL_BUDGET_MS) throw new Error(`the call took ${Math.round(elapsed)} ms`);
  return result;
}

const lineCount = (text: string): number => text.split('\n').length;

// ---------------------------------------------------------------------------------------------
// Inputs: real fixture files, and fragments of each format.

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Every fixture file under `dir` whose path matches `name`, by path relative to `dir`. */
function fixtureFiles(dir: string, name: RegExp): Map<string, string> {
  const paths = readdirSync(join(FIXTURES, dir), { recursive: true, encoding: 'utf8' }).filter((path) =>
    name.test(path),
  );
  return new Map(paths.sort().map((path) => [path, readFileSync(join(FIXTURES, dir, path), 'utf8')]));
}

const PROJECT_FILES = fixtureFiles('projects', /(\.toml|\.py|\.cfg|VERSION)$/);
const PYPROJECTS = [...PROJECT_FILES].filter(([path]) => path.endsWith('pyproject.toml')).map(([, text]) => text);
const PYTHON = [...PROJECT_FILES].filter(([path]) => path.endsWith('.py')).map(([, text]) => text);
const SETUP_CFGS = [...PROJECT_FILES].filter(([path]) => path.endsWith('.cfg')).map(([, text]) => text);
const MARKDOWN = [...fixtureFiles('projects', /\.md$/).values(), checklistTemplate('acme')];
const WORKFLOWS = [...fixtureFiles('workflows', /\.ya?ml$/).values()];
const PROJECT_SHAPES = [...new Set([...PROJECT_FILES.keys()].map((path) => path.split(/[/\\]/)[0] ?? ''))];

const BOM = '\uFEFF';
/** Characters that have broken scanners: line ends of every kind, Unicode spaces, a lone surrogate. */
const SPECIAL = [BOM, '\r', '\r\n', '\n', '\u2028', '\u2029', '\u00a0', '\u3000', '\v', '\f', '\t', '\0', '\ud800'];

const TOML_PIECES = [
  '[project]',
  '[tool.pyrelease]',
  '[[tool.pyrelease.rollback]]',
  '[tool.poetry]',
  '[ a . "b" ]',
  '[[',
  ']]',
  'version',
  'name',
  'project.version',
  '"quoted.key"',
  "'literal key'",
  ' = ',
  '=',
  '"1.0.0"',
  "'2.0'",
  '"',
  "'",
  '"""',
  "'''",
  '"""\nline\n"""',
  '"\\"',
  '"\\u00e9"',
  '"\\UFFFFFFFF" = 1\n',
  '"\\U0011FFFF"',
  '\\',
  '{ a = 1, b = [2, 3] }',
  '{',
  '}',
  '[',
  ']',
  ',',
  '.',
  '# comment [x] = "y"',
  '#',
  '1979-05-27 07:32:00Z',
  'true',
  '-1.5e3',
  ' ',
  'branch = "main"\n',
  'sign-tags = "yes"\n',
];

const PYTHON_PIECES = [
  '__version__',
  'VERSION',
  'version',
  ' = ',
  '=',
  '==',
  ': str = ',
  '"1.0"',
  "'1.0'",
  '"',
  "'",
  '"""',
  "'''",
  'r"',
  'f"',
  'b"',
  'u"',
  '\\',
  '\\\n',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '#',
  ':',
  ';',
  '    ',
  'if x:\n    ',
  'import os\n',
  '__version__ = "1.2.3"\n',
  '__version__ = get_version()\n',
];

const MARKDOWN_PIECES = [
  '- [ ] ',
  '- [x] ',
  '* [ ] ',
  '+ [X] ',
  '1. [ ] ',
  '2) [ ] ',
  '- [ ]',
  '[ ]',
  '```',
  '~~~',
  '````',
  '<!--',
  '-->',
  '<!-- x -->',
  '# ',
  '## ',
  '### Features',
  "## What's Changed",
  '## New Contributors',
  '## Performance',
  '## Migration notes',
  '- None.',
  '> ',
  '---',
  '* * *',
  '* ',
  '- ',
  'Release notes reviewed',
  '`code`',
  '[link](https://example.com)',
  'Add x by @alice in https://github.com/o/r/pull/12',
  ' by @',
  'dependabot[bot]',
  ' in ',
  '/pull/',
  '**Full Changelog**: https://github.com/o/r/compare/v1...v2',
  'feat(cli)!: ',
  'fix: ',
  'BREAKING CHANGE',
  '(#12)',
  'Merge pull request #1 from x',
  'Release 1.2.3',
  'é',
  '🐛',
  '  ',
];

const YAML_PIECES = [
  'on:',
  'on: push',
  'on: [push, workflow_dispatch]',
  '"on":',
  'true:',
  '  push:',
  '    tags:',
  '      - "v*"',
  "      - 'v*+'",
  '      - "+"',
  '      - "[9-0]"',
  '      - "!v*rc*"',
  '    tags-ignore: "*rc*"',
  '    branches: [main]',
  '  release:',
  '    types: [published, prereleased]',
  '  workflow_dispatch:',
  '    inputs:',
  '      version: { type: choice, options: [a, b], default: 1, required: true }',
  'jobs:',
  '  publish:',
  '    environment: pypi',
  '    steps:',
  '      - uses: pypa/gh-action-pypi-publish@release/v1',
  '        with: { password: x, repository-url: https://test.pypi.org/legacy/ }',
  '    permissions: { id-token: write }',
  '&anchor',
  '*anchor',
  '<<: *anchor',
  '!!str',
  '? ',
  '- ',
  ': ',
  '|',
  '>-',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '#',
  '---',
  '...',
  '  ',
];

const FILTER_PIECES = ['*', '**', '?', '+', '[', ']', '[0-9]', '[a-z]', '[9-0]', '\\', '!', '/', 'v', '.', 'rc', '1'];

/** Any Unicode text, lone surrogates and all. */
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

/** Text made of a format's pieces, the special characters, and a few random characters. */
function piecesText(pieces: readonly string[], maxLength = 60): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.oneof(
      { arbitrary: fc.constantFrom(...pieces), weight: 6 },
      { arbitrary: fc.constantFrom(...SPECIAL), weight: 2 },
      { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }), weight: 1 },
    ),
    maxLength,
  });
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((result, { at, remove, insert }) => {
    // Any UTF-16 position, so a surrogate pair may be split too.
    const position = at % (result.length + 1);
    return result.slice(0, position) + insert + result.slice(position + remove);
  }, text);
}

/** A real file with 1 to 6 insertions, deletions or replacements at random positions. */
function mutated(texts: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> {
  const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 6 }),
    insert: fc.oneof(
      fc.constantFrom(...pieces),
      fc.constantFrom(...SPECIAL),
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
  });
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([text, edits, bom]) => `${bom ? BOM : ''}${applyEdits(text, edits)}`);
}

/** Random text, text of the format's pieces, and mutated real files, in one arbitrary. */
function inputs(texts: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(anyText, piecesText(pieces), mutated(texts, pieces));
}

const tomlInputs = inputs(PYPROJECTS, TOML_PIECES);
const keyPath = fc.oneof(
  fc.constantFrom<string[]>(['project', 'version'], ['tool', 'poetry', 'version'], ['tool', 'pyrelease', 'branch']),
  fc.array(fc.oneof(fc.constantFrom('project', 'tool', 'version', 'a', 'b'), fc.string({ maxLength: 4 })), {
    maxLength: 4,
  }),
);

// ---------------------------------------------------------------------------------------------

describe('the TOML scanners', () => {
  it('scanTomlKeyLines returns, and every line it gives is a line of the text', () => {
    const segment = fc.oneof(fc.constantFrom('project', 'tool', 'pyrelease', 'rollback'), fc.nat({ max: 3 }));
    const path = fc.array<KeySegment>(segment, { maxLength: 5 });
    fc.assert(
      fc.property(tomlInputs, fc.array(path, { minLength: 1, maxLength: 4 }), (text, paths) => {
        const lines = returnsOrRefuses(() => scanTomlKeyLines(text));
        expect(lines).toBeDefined();
        for (const line of paths.map((keys) => lines?.lineOf(keys))) {
          if (line !== undefined) expect(Number.isInteger(line) && line >= 1 && line <= lineCount(text)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('findTomlString returns a span of a quoted string inside the text, or nothing', () => {
    fc.assert(
      fc.property(tomlInputs, keyPath, (text, path) => {
        const found = returnsOrRefuses(() => findTomlString(text, path));
        if (found === undefined) return;
        expect(0 <= found.start && found.start <= found.end && found.end <= text.length).toBe(true);
        // The closing delimiter follows the contents.
        expect(text.startsWith(found.quote, found.end)).toBe(true);
      }),
      // A quoted key with an escape of no character once threw a RangeError.
      { ...RUNS, examples: [['"\\UFFFFFFFF" = 1\n', ['a']]] },
    );
  });

  it.each([
    ['as deep as smol-toml accepts', 1000, 2],
    ['deeper', 100_000, undefined],
  ])('reads arrays nested %s without overflowing the stack', (_name, depth, versionLine) => {
    const text = `a = ${'['.repeat(depth)}${']'.repeat(depth)}\nversion = "1"\n`;
    const lines = returnsOrRefuses(() => scanTomlKeyLines(text));
    expect(lines?.lineOf(['version'])).toBe(2);
    const found = returnsOrRefuses(() => findTomlString(text, ['version']));
    expect(found && text.slice(0, found.start).split('\n').length).toBe(versionLine);
  });

  it('readPyproject parses or refuses, and validateConfig never throws and places problems on lines', () => {
    fc.assert(
      fc.property(tomlInputs, (text) => {
        const project = returnsOrRefuses(() => readPyproject(text));
        // validateConfig's contract: never throws, whatever the parsed value.
        const { problems } = validateConfig(project?.data, text);
        for (const problem of problems) {
          const line = problem.location?.line;
          if (line !== undefined) expect(line >= 1 && line <= lineCount(text)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('readSetupCfg parses or refuses, and value offsets point at the value', () => {
    fc.assert(
      fc.property(inputs(SETUP_CFGS, ['[metadata]', '[options]', 'version = ', 'name: ', ';', '    ']), (text) => {
        const cfg = returnsOrRefuses(() => readSetupCfg(text));
        for (const entry of [...(cfg?.sections.values() ?? [])].flatMap((section) => [...section.values()])) {
          // The offsets cover the value's first line (continuation lines follow it).
          expect(entry.value.startsWith(text.slice(entry.valueStart, entry.valueEnd))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('the Python assignment scanner', () => {
  it('findPythonAssignment returns a literal span without quotes or line breaks, an expression, or nothing', () => {
    const name = fc.oneof(fc.constantFrom('__version__', 'VERSION'), fc.string({ minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(inputs(PYTHON, PYTHON_PIECES), name, (text, variable) => {
        const found = returnsOrRefuses(() => findPythonAssignment(text, variable));
        expect(found).toBeDefined();
        if (found?.found === 'nothing') return;
        expect(found && found.line >= 1 && found.line <= lineCount(text)).toBe(true);
        if (found?.found !== 'literal') return;
        expect(0 <= found.start && found.start <= found.end && found.end <= text.length).toBe(true);
        expect(text.slice(found.start, found.end)).not.toMatch(/["'\\\r\n]/);
      }),
      RUNS,
    );
  });
});

describe('reading and rewriting a version', () => {
  /** A fixture project with one of its files mutated (pyproject.toml, a module, VERSION, setup.cfg). */
  const mutatedProject = fc
    .constantFrom(...PROJECT_SHAPES)
    .chain((shape) => {
      const prefix = `${shape}/`;
      const files = Object.fromEntries(
        [...PROJECT_FILES]
          .filter(([path]) => path.startsWith(prefix))
          .map(([path, text]) => [path.slice(prefix.length).split('\\').join('/'), text]),
      );
      return fc.tuple(fc.constant(files), fc.constantFrom(...Object.keys(files)));
    })
    .chain(([files, target]) =>
      mutated([files[target] ?? ''], [...TOML_PIECES, ...PYTHON_PIECES]).map((text) => ({
        ...files,
        [target]: text,
      })),
    );

  it('loadProject finds a source or refuses, and writeVersion changes only the literal', () => {
    fc.assert(
      fc.property(mutatedProject, (files) => {
        const loaded = returnsOrRefuses(() => loadProject(projectFilesFromRecord(files)));
        const source = loaded?.versionSource;
        if (source === undefined || !source.writable) return;
        const before = files[source.file] ?? '';
        const after = returnsOrRefuses(() => writeVersion(source, before, '9.8.7'));
        if (after === undefined) return;
        const { start, end } = source.span;
        expect(after).toBe(`${before.slice(0, start)}9.8.7${before.slice(end)}`);
      }),
      RUNS,
    );
  });
});

describe('the markdown scanners', () => {
  const markdownInputs = inputs(MARKDOWN, MARKDOWN_PIECES);

  it('parseChecklist returns items on lines of the text, with unique ids', () => {
    fc.assert(
      fc.property(markdownInputs, (text) => {
        const items = returnsOrRefuses(() => parseChecklist(text)) ?? [];
        expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
        for (const item of items) {
          expect(item.id).toMatch(/^checklist\.[a-z0-9-]+$/);
          expect(item.line >= 1 && item.line <= lineCount(text)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('reads a heading with a long run of spaces inside in linear time', () => {
    // The heading expression this replaced took time cubic in the run: 3 s for 2,000 spaces.
    const text = `## Performance${' '.repeat(5_000)}matters\n* Faster by @alice in https://github.com/o/r/pull/1\n`;
    const entries = returnsOrRefuses(() => parseGeneratedNotes(text));
    expect(entries?.map((entry) => entry.labels)).toEqual([['performance']]);
    const problems = returnsOrRefuses(() =>
      checkReleaseNotes(text, { performanceRequired: true, migrationRequired: false }),
    );
    expect(problems).toEqual([]);
  });

  it('parseGeneratedNotes and checkReleaseNotes return', () => {
    fc.assert(
      fc.property(markdownInputs, fc.boolean(), fc.boolean(), (text, performanceRequired, migrationRequired) => {
        const entries = returnsOrRefuses(() => parseGeneratedNotes(text)) ?? [];
        for (const entry of entries) returnsOrRefuses(() => classifyEntry(entry));
        returnsOrRefuses(() => checkReleaseNotes(text, { performanceRequired, migrationRequired }));
      }),
      RUNS,
    );
  });

  it('entriesFromCommits and readConventionalTitle return on any subject', () => {
    const subject = fc.oneof(anyText, piecesText(MARKDOWN_PIECES, 20));
    fc.assert(
      fc.property(fc.array(subject, { maxLength: 8 }), (subjects) => {
        const commits = subjects.map((text, index) => ({ sha: `${index}`.padStart(40, '0'), subject: text }));
        returnsOrRefuses(() => entriesFromCommits(commits, { repoUrl: 'https://github.com/o/r/' }));
        for (const text of subjects) returnsOrRefuses(() => readConventionalTitle(text));
      }),
      RUNS,
    );
  });
});

describe('the workflow scanners', () => {
  it('analyzeWorkflow returns findings or refuses, on random and mutated workflows', () => {
    const yamlLines = fc.array(piecesText(YAML_PIECES, 4), { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(
        fc.oneof(anyText, yamlLines, mutated(WORKFLOWS, YAML_PIECES)),
        fc.constantFrom('pypi' as const, 'testpypi' as const),
        fc.constantFrom('v{version}', '{version}', 'release/{version}-final'),
        (text, index, tagFormat) => {
          const input = { file: 'publish.yml', text, index, environment: index, tagFormat };
          const analysis = returnsOrRefuses(() => analyzeWorkflow(input));
          for (const finding of analysis?.findings ?? []) {
            if (finding.line !== undefined) expect(finding.line >= 1 && finding.line <= lineCount(text)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('analyzeWorkflow says an alias to no anchor is a YAML error, at once', () => {
    for (const text of ['<<: *anchor', 'on: push\njobs: *jobs']) {
      const analysis = analyzeWorkflow({
        file: 'publish.yml',
        text,
        index: 'pypi',
        environment: 'pypi',
        tagFormat: 'v{version}',
      });
      expect(analysis.findings.map((finding) => finding.id)).toEqual(['yaml-syntax']);
    }
  });

  it('parseTriggers reads any value YAML can give', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (on) => {
        const triggers = returnsOrRefuses(() => parseTriggers(on));
        expect(triggers?.events).toBeInstanceOf(Array);
      }),
      // A mapping whose keys hide toString and valueOf once made String() throw a TypeError.
      { ...RUNS, examples: [[[{ toString: null }]], [{ push: { tags: [{ toString: 1, valueOf: 1 }] } }]] },
    );
  });

  it('analyzes a workflow whose filters are mappings that hide toString', () => {
    const text = 'on:\n  push:\n    tags: [{toString: 1}]\njobs:\n  build: {runs-on: ubuntu-latest}\n';
    const input = { file: 'publish.yml', text, index: 'pypi' as const, environment: 'pypi', tagFormat: 'v{version}' };
    const analysis = returnsOrRefuses(() => analyzeWorkflow(input));
    expect(analysis?.triggers.push?.tags).toEqual(['[object Object]']);
  });

  it('filterPatternToRegExp and matchesFilters compile any pattern or refuse it', () => {
    const pattern = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), piecesText(FILTER_PIECES, 10));
    fc.assert(
      fc.property(
        fc.array(pattern, { maxLength: 3 }),
        fc.option(fc.array(pattern, { maxLength: 2 })),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (include, ignore, name) => {
          for (const each of include) returnsOrRefuses(() => filterPatternToRegExp(each));
          returnsOrRefuses(() => matchesFilters(name, include, ignore ?? undefined));
        },
      ),
      // Nothing to repeat, and a range backwards: both once threw a SyntaxError.
      {
        ...RUNS,
        examples: [
          [['+v'], null, 'v1'],
          [['v*+'], null, 'v1'],
          [['v[9-0]'], null, 'v1'],
        ],
      },
    );
  });

  it('refuses a pattern no regular expression can say, naming it', () => {
    expect(() => filterPatternToRegExp('v*+')).toThrow(
      expect.objectContaining({ code: 'workflow.bad-filter-pattern', message: expect.stringContaining('"v*+"') }),
    );
  });

  it('the pattern tagPatternFor gives compiles and lets its own tags through', () => {
    const affix = piecesText([...FILTER_PIECES, '-', '_', 'acme'], 5).filter((text) => !text.includes('{version}'));
    fc.assert(
      fc.property(affix, affix, (prefix, suffix) => {
        const format = `${prefix}{version}${suffix}`;
        const tag = format.replace('{version}', '1.2.3rc1');
        expect(filterPatternToRegExp(tagPatternFor(format)).test(tag)).toBe(true);
      }),
      RUNS,
    );
  });
});
