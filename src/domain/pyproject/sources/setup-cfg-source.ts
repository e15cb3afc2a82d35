import { readLiteral } from '../read-literal.js';
import { setupCfgValue, type SetupCfg } from '../read-setup-cfg.js';
import { spanAt } from '../text-span.js';
import { versionSourceError } from '../version-source-error.js';
import type { ReadOnlyVersionSource } from '../version-source.js';
import type { DetectContext } from './detect-context.js';
import { findAttrModule } from './find-attr-module.js';

/**
 * Legacy setuptools `setup.cfg` `[metadata] version`: a literal, `attr: pkg.__version__` or
 * `file: VERSION` (https://setuptools.pypa.io/en/latest/userguide/declarative_config.html).
 * Read only: shown as the current version, never rewritten. Undefined when setup.cfg sets no
 * version.
 */
export function setupCfgSource(context: DetectContext): ReadOnlyVersionSource | undefined {
  const cfg = context.project.setupCfg;
  const entry = setupCfgValue(cfg, 'metadata', 'version');
  if (cfg === undefined || entry === undefined) return undefined;
  const directive = /^(?<kind>attr|file)\s*:\s*(?<target>.*)$/.exec(entry.value)?.groups;
  if (directive?.kind === 'attr') return attrVersion(context, cfg, directive.target ?? '');
  if (directive?.kind === 'file') return fileVersion(context, cfg, directive.target ?? '');
  if (entry.value === '') {
    throw versionSourceError(
      'version-source.empty',
      `${cfg.file} [metadata] version is empty`,
      `Write the current version there, or move the metadata to pyproject.toml [project], then run pyrelease again.`,
      { file: cfg.file, line: entry.line },
    );
  }
  return readOnly(
    cfg,
    cfg.file,
    entry.value,
    spanAt(cfg.text, entry.valueStart, entry.valueEnd),
    `setup.cfg [metadata] version`,
  );
}

function attrVersion(context: DetectContext, cfg: SetupCfg, reference: string): ReadOnlyVersionSource {
  const module = findAttrModule(reference, packageDir(cfg), context.files, {
    file: cfg.file,
    what: '[metadata] version attr:',
  });
  const expected = `${module.attribute} = "1.2.3"`;
  const { literal, span } = readLiteral(
    module.text,
    module.file,
    { format: 'python', name: module.attribute },
    expected,
  );
  return readOnly(cfg, module.file, literal, span, `setup.cfg attr: ${reference} in ${module.file}`);
}

function fileVersion(context: DetectContext, cfg: SetupCfg, paths: string): ReadOnlyVersionSource {
  const path = paths.split(',')[0]?.trim() ?? '';
  const text = context.files.read(path);
  if (text === undefined) {
    throw versionSourceError(
      'version-source.file-unreadable',
      `${cfg.file} [metadata] version file: "${path}" cannot be read`,
      `Create ${path} containing just the version, or fix the path, then run pyrelease again.`,
      { file: cfg.file },
    );
  }
  const { literal, span } = readLiteral(text, path, { format: 'text' }, 'the version alone (e.g. 1.2.3)');
  return readOnly(cfg, path, literal, span, `setup.cfg file: ${path}`);
}

function readOnly(
  cfg: SetupCfg,
  file: string,
  currentVersion: string,
  span: ReturnType<typeof spanAt>,
  description: string,
): ReadOnlyVersionSource {
  return {
    kind: 'setup-cfg',
    writable: false,
    scm: false,
    declaredIn: cfg.file,
    description,
    file,
    currentVersion,
    span,
  };
}

/** `[options] package_dir` lines `=src` or `pkg = lib/pkg` (an empty name maps the root). */
function packageDir(cfg: SetupCfg): Record<string, string> | undefined {
  const value = setupCfgValue(cfg, 'options', 'package_dir')?.value;
  if (value === undefined) return undefined;
  const entries = value
    .split('\n')
    .map((line) => line.split('='))
    .filter((pair) => pair.length === 2)
    .map(([name, dir]) => [name?.trim() ?? '', dir?.trim() ?? ''] as const);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
