/*
 * A UTF-8 byte order mark (U+FEFF) at the start of a file pyrelease reads (issue 12, item 7).
 * Editors on Windows write one; TOML, Python, setup.cfg, markdown and YAML readers all skip it,
 * so pyrelease must read through it, and a version bump must write it back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectFilesAt } from '../../src/adapters/project-files.js';
import { parseChecklist } from '../../src/domain/checklist';
import { loadConfig, validateConfig, type KeySegment } from '../../src/domain/config';
import {
  loadProject,
  projectFilesFromRecord,
  readPyproject,
  readSetupCfg,
  writeVersion,
} from '../../src/domain/pyproject/index.js';
import { findPythonAssignment } from '../../src/domain/pyproject/find-python-assignment.js';
import { findTomlString } from '../../src/domain/pyproject/find-toml-string.js';
import { parseGeneratedNotes, sectionsOf } from '../../src/domain/release-notes';
import { analyzeWorkflow } from '../../src/domain/workflows';
import { useTempDirs } from '../helpers/temp-dir';

const BOM = '\uFEFF';
const UTF8_BOM_BYTES = [0xef, 0xbb, 0xbf];

const PYPROJECT = [
  '[project]',
  'name = "acme"',
  'version = "1.4.0"  # bumped by pyrelease',
  '',
  '[tool.pyrelease]',
  'branch = "main"',
  'sign-tags = "yes"',
  '',
].join('\n');

/**
 * `scanTomlKeyLines(text).lineOf(path)` for each text and path, run in a worker thread with a
 * 64 MB heap and a 5 s deadline. The scanner once stood still on a BOM and pushed tokens until
 * the heap was exhausted: in-process that takes the test runner down with it, here it fails the
 * tests that need the answer. (The worker loads the TypeScript source directly: Node 22 strips
 * the types itself.)
 */
function linesInWorker(texts: readonly string[], paths: readonly KeySegment[][]): Promise<(number | undefined)[][]> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.module).then(({ scanTomlKeyLines }) => {
       parentPort.postMessage(workerData.texts.map((text) => {
         const lines = scanTomlKeyLines(text);
         return workerData.paths.map((path) => lines.lineOf(path));
       }));
     });`,
    {
      eval: true,
      workerData: {
        module: new URL('../../src/domain/config/toml-key-lines.ts', import.meta.url).href,
        texts,
        paths,
      },
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    },
  );
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      void worker.terminate();
      reject(new Error('scanTomlKeyLines did not return within 5 s'));
    }, 5_000);
    worker.once('message', (lines: (number | undefined)[][]) => {
      clearTimeout(deadline);
      void worker.terminate();
      resolve(lines);
    });
    worker.once('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
  });
}

/** Characters `\s` matches that TOML does not count as whitespace; the BOM first. */
const ODD_SPACES: [string, string][] = [
  ['a BOM at the start', BOM],
  ['a no-break space', '\u00a0'],
  ['a line separator', '\u2028'],
  ['a vertical tab', '\v'],
  ['a form feed', '\f'],
  ['an ideographic space', '\u3000'],
];

let scanned: (number | undefined)[][] | Error;
beforeAll(async () => {
  const texts = ODD_SPACES.map(([, char]) => `${char}${PYPROJECT.replace('branch', `${char}branch`)}`);
  const paths = [
    ['project', 'version'],
    ['tool', 'pyrelease'],
    ['tool', 'pyrelease', 'branch'],
    ['tool', 'pyrelease', 'sign-tags'],
  ];
  scanned = await linesInWorker(texts, paths).catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
});

describe('the TOML key-line scanner', () => {
  it.each(ODD_SPACES.map(([name], index) => [name, index] as const))(
    'makes progress over %s and still finds every line',
    (_name, index) => {
      if (scanned instanceof Error) throw scanned;
      expect(scanned[index]).toEqual([3, 5, 6, 7]);
    },
  );
});

describe('reading a project whose files start with a BOM', () => {
  // These call the scanner in-process: when it stands still on a BOM (the tests above fail),
  // they fail at once instead of exhausting the test runner's heap.
  const guarded = (): void => {
    if (scanned instanceof Error || scanned[0]?.[0] !== 3)
      throw new Error('scanTomlKeyLines does not get past a BOM: not calling it in-process');
  };

  it('reads pyproject.toml and reports [tool.pyrelease] problems at their lines', () => {
    guarded();
    const text = `${BOM}${PYPROJECT}`;
    const project = readPyproject(text);
    expect([project.name, project.data['project']]).toEqual(['acme', { name: 'acme', version: '1.4.0' }]);
    const { config, problems } = validateConfig(project.data, text);
    expect(config.branch).toBe('main');
    expect(problems.map((problem) => [problem.keyPath, problem.location?.line])).toEqual([
      ['tool.pyrelease.sign-tags', 7],
    ]);
    expect(() => loadConfig(project.data, text)).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ line: 7 }) }),
    );
  });

  it('finds a static version, and a bump writes the BOM back with every other byte', () => {
    guarded();
    const text = `${BOM}${PYPROJECT}`;
    const { versionSource } = loadProject(projectFilesFromRecord({ 'pyproject.toml': text }));
    expect(versionSource).toMatchObject({ kind: 'static', currentVersion: '1.4.0', span: { line: 3 } });
    const written = writeVersion(versionSource, text, '1.5.0');
    expect(written).toBe(text.replace('"1.4.0"', '"1.5.0"'));
    expect([...Buffer.from(written, 'utf8').subarray(0, 3)]).toEqual(UTF8_BOM_BYTES);
  });

  const tempDir = useTempDirs();

  it('bumps a pyproject.toml on disk byte for byte but the version, its BOM and CRLFs kept', () => {
    guarded();
    const dir = tempDir();
    const bytes = (version: string): Buffer =>
      Buffer.concat([
        Buffer.from(UTF8_BOM_BYTES),
        Buffer.from(PYPROJECT.replace('1.4.0', version).replaceAll('\n', '\r\n')),
      ]);
    writeFileSync(join(dir, 'pyproject.toml'), bytes('1.4.0'));
    const files = projectFilesAt(dir);
    const { versionSource } = loadProject(files);
    writeFileSync(
      join(dir, 'pyproject.toml'),
      writeVersion(versionSource, files.read('pyproject.toml') ?? '', '1.5.0'),
    );
    expect(readFileSync(join(dir, 'pyproject.toml')).equals(bytes('1.5.0'))).toBe(true);
  });

  it('finds a version in a Python module that starts with a BOM, and keeps the BOM when writing', () => {
    const module = `${BOM}__version__ = "3.2.1"\n`;
    const files = projectFilesFromRecord({
      'pyproject.toml': [
        '[build-system]',
        'build-backend = "flit_core.buildapi"',
        '[project]',
        'name = "acme"',
        'dynamic = ["version"]',
      ].join('\n'),
      'acme/__init__.py': module,
    });
    const { versionSource } = loadProject(files);
    expect(versionSource).toMatchObject({ kind: 'flit', currentVersion: '3.2.1', span: { line: 1 } });
    expect(writeVersion(versionSource, module, '3.3.0')).toBe(`${BOM}__version__ = "3.3.0"\n`);
  });

  it('keeps the BOM of a VERSION file', () => {
    const files = projectFilesFromRecord({
      'pyproject.toml': [
        '[build-system]',
        'build-backend = "setuptools.build_meta"',
        '[project]',
        'name = "acme"',
        'dynamic = ["version"]',
        '[tool.setuptools.dynamic]',
        'version = { file = "VERSION" }',
      ].join('\n'),
      VERSION: `${BOM}1.0.2\n`,
    });
    const { versionSource } = loadProject(files);
    expect(versionSource.currentVersion).toBe('1.0.2');
    expect(writeVersion(versionSource, `${BOM}1.0.2\n`, '1.0.3')).toBe(`${BOM}1.0.3\n`);
  });

  it('reads a setup.cfg that starts with a BOM, offsets still into the file as read', () => {
    const text = `${BOM}[metadata]\nname = acme\nversion = 0.9.0\n`;
    const cfg = readSetupCfg(text);
    const entry = cfg.sections.get('metadata')?.get('version');
    expect(entry && [entry.value, entry.line, text.slice(entry.valueStart, entry.valueEnd)]).toEqual([
      '0.9.0',
      3,
      '0.9.0',
    ]);
  });

  it('locates TOML strings and Python assignments at offsets into the text as given', () => {
    const toml = `${BOM}version = "2.0"\n`;
    const located = findTomlString(toml, ['version']);
    expect(located && toml.slice(located.start, located.end)).toBe('2.0');
    const python = `${BOM}VERSION = '0.5.0'\n`;
    const assignment = findPythonAssignment(python, 'VERSION');
    expect(assignment.found === 'literal' && python.slice(assignment.start, assignment.end)).toBe('0.5.0');
  });
});

describe('markdown and YAML that start with a BOM', () => {
  it('sees a code fence on the first line of a checklist', () => {
    const markdown = `${BOM}\`\`\`\n- [ ] an example, not an item\n\`\`\`\n- [ ] Release notes reviewed\n`;
    expect(parseChecklist(markdown)).toEqual([
      { id: 'checklist.release-notes-reviewed', text: 'Release notes reviewed', line: 4 },
    ]);
  });

  it('sees a heading on the first line of generated notes and of edited release notes', () => {
    const notes = `${BOM}## New Contributors\n* @bob made their first contribution in https://github.com/o/r/pull/13\n`;
    expect(parseGeneratedNotes(notes)).toEqual([]);
    expect(sectionsOf(`${BOM}## Performance\nTwice as fast.\n`).map((section) => section.heading)).toEqual([
      'Performance',
    ]);
  });

  it('reads a workflow file', () => {
    const text = `${BOM}on:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    runs-on: ubuntu-latest\n`;
    const analysis = analyzeWorkflow({
      file: 'publish.yml',
      text,
      index: 'pypi',
      environment: 'pypi',
      tagFormat: 'v{version}',
    });
    expect(analysis.findings.map((finding) => finding.id)).not.toContain('yaml-syntax');
    expect(analysis.triggers.push?.tags).toEqual(['v*']);
  });
});
