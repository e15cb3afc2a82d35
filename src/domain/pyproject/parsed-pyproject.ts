import type { SetupCfg } from './read-setup-cfg.js';
import type { TomlTable } from './toml-access.js';

/** An installed command: `[project.scripts]` is `console`, `[project.gui-scripts]` is `gui`. */
export interface Entrypoint {
  readonly name: string;
  readonly kind: 'console' | 'gui';
  /** Object reference `module.sub:attr` (or, for a Poetry `type = "file"` script, its path). */
  readonly target: string;
  /** The table it came from, for messages: `[project.scripts]`, `[tool.poetry.scripts]`, … */
  readonly declaredIn: string;
}

/**
 * Where the name and metadata come from: PEP 621 `[project]`, Poetry 1's `[tool.poetry]`, or a
 * legacy `setup.cfg` `[metadata]` section when pyproject.toml has neither.
 */
export type MetadataSource = 'project' | 'poetry' | 'setup-cfg';

export interface ParsedPyproject {
  /** Relative path of the file read, `pyproject.toml`. */
  readonly file: string;
  readonly text: string;
  /** The whole document as smol-toml parsed it (empty when only setup.cfg exists). */
  readonly data: TomlTable;
  readonly metadataSource: MetadataSource;
  readonly name: string;
  /** PEP 503 form (`Acme_Tool` → `acme-tool`): how PyPI names the project. */
  readonly normalizedName: string;
  /** `requires-python` as written; for Poetry 1, the `python` dependency constraint. */
  readonly requiresPython: string | undefined;
  /** PEP 508 strings; for Poetry 1, `name (constraint)` as Poetry writes constraints. */
  readonly dependencies: readonly string[];
  readonly classifiers: readonly string[];
  readonly entrypoints: readonly Entrypoint[];
  /** `[project].dynamic`: fields a build backend computes. */
  readonly dynamic: readonly string[];
  readonly buildBackend: string | undefined;
  readonly buildRequires: readonly string[];
  /** The parsed setup.cfg when one was supplied (legacy metadata, or setuptools' dynamic fields). */
  readonly setupCfg: SetupCfg | undefined;
}
