import { renderConfigTable, DEFAULT_CONFIG } from '../../domain/config';
import { renderPublishWorkflow } from '../../domain/workflows';

export type SampleShape = 'static' | 'hatch-regex' | 'scm';

export interface SampleSettings {
  name: string;
  /** The import package, e.g. `acme_notes`. */
  module: string;
  shape: SampleShape;
  version: string;
  pypiUrl: string;
  testpypiUrl: string;
}

function buildSystem(shape: SampleShape): string {
  switch (shape) {
    case 'static':
      return '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n';
    case 'hatch-regex':
      return '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';
    case 'scm':
      return (
        '[build-system]\nrequires = ["setuptools>=61", ' +
        '"setuptools-scm>=7"]\nbuild-backend = "setuptools.build_meta"\n'
      );
  }
}

function projectTable(settings: SampleSettings): string {
  const version = settings.shape === 'static' ? `version = "${settings.version}"\n` : 'dynamic = ["version"]\n';
  return `[project]
name = "${settings.name}"
${version}description = "Plain-text notebooks from the command line (the pyrelease sandbox's sample package)"
readme = "README.md"
requires-python = ">=3.9"
license = { text = "MIT" }
classifiers = [
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3.9",
    "Programming Language :: Python :: 3.12",
]
dependencies = []

[project.scripts]
${settings.name} = "${settings.module}.cli:main"
${settings.name}-server = "${settings.module}.server:main"
`;
}

function versionTable(settings: SampleSettings): string {
  switch (settings.shape) {
    case 'static':
      return '[tool.setuptools.packages.find]\nwhere = ["src"]\n';
    case 'hatch-regex':
      return (
        `[tool.hatch.version]\npath = ` +
        `"src/${settings.module}/__about__.py"\n\n[tool.hatch.build.targets.wheel]\npackages = ` +
        `["src/${settings.module}"]\n`
      );
    case 'scm':
      return (
        `[tool.setuptools.packages.find]\nwhere = ` +
        `["src"]\n\n[tool.setuptools_scm]\n# write_to works with setuptools-scm ` +
        `7 and 8 (8 renamed it version_file).\nwrite_to = "src/${settings.module}/_version.py"\n`
      );
  }
}

/** Every file of the sample project, by path. */
export function sampleFiles(settings: SampleSettings): Record<string, string> {
  const { module, name } = settings;
  const config = renderConfigTable({
    ...DEFAULT_CONFIG,
    index: { pypi: settings.pypiUrl, testpypi: settings.testpypiUrl },
  });
  const versionImport =
    settings.shape === 'hatch-regex'
      ? 'from .__about__ import __version__\n'
      : settings.shape === 'scm'
        ? 'from ._version import __version__\n'
        : // One place for the version: the module reads what pyproject.toml gave the installed metadata.
          `from importlib.metadata import version\n\n__version__ = version("${name}")\n`;
  const files: Record<string, string> = {
    'pyproject.toml': `${buildSystem(settings.shape)}\n${projectTable(settings)}\n${versionTable(settings)}\n${config}`,
    'README.md':
      `# ${name}\n\nPlain-text notebooks from the command line. This is the sample ` +
      `project of \`pyrelease demo\`.\n`,
    [`src/${module}/__init__.py`]: `"""${name}: plain-text notebooks."""\n\n${versionImport}`,
    [`src/${module}/cli.py`]:
      `import argparse\n\nfrom . import __version__\n\n\ndef ` +
      `main(argv=None):\n    parser = argparse.ArgumentParser(prog="${name}", ` +
      `description="Keep plain-text notebooks.")\n    ` +
      `parser.add_argument("--version", action="version", ` +
      `version=__version__)\n    parser.add_argument("note", nargs="*", ` +
      `help="text to add to today's notebook")\n    args = ` +
      `parser.parse_args(argv)\n    print(f"${name} {__version__}: {' ` +
      `'.join(args.note) or 'nothing to add'}")\n    return 0\n\n\nif __name__ ` +
      `== "__main__":\n    raise SystemExit(main())\n`,
    [`src/${module}/server.py`]:
      `import argparse\n\nfrom . import __version__\n\n\ndef ` +
      `main(argv=None):\n    parser = ` +
      `argparse.ArgumentParser(prog="${name}-server", description="Serve notebooks ` +
      `over HTTP.")\n    parser.add_argument("--port", type=int, ` +
      `default=8000)\n    parser.parse_args(argv)\n    print(f"${name}-server ` +
      `{__version__}")\n    return 0\n`,
    'SUPPORT_MATRIX.md': `# Support matrix\n\n| ${name} | Python |\n|---|---|\n| 0.x | 3.9 – 3.12 |\n`,
    'docs/LAUNCH_CHECKLIST.md':
      `# Launch checklist\n\n- [ ] Release notes reviewed (features, fixes, ` +
      `performance impact, compatibility)\n- [ ] SUPPORT_MATRIX.md matches ` +
      `requires-python\n- [ ] Documentation links point at the new version\n`,
    '.github/workflows/publish-pypi.yml': renderPublishWorkflow({
      index: 'pypi',
      projectName: name,
      environment: 'pypi',
      tagFormat: 'v{version}',
      indexUrl: settings.pypiUrl,
    }),
    '.github/workflows/publish-testpypi.yml': renderPublishWorkflow({
      index: 'testpypi',
      projectName: name,
      environment: 'testpypi',
      tagFormat: 'v{version}',
      indexUrl: settings.testpypiUrl,
    }),
    '.gitignore': 'dist/\nbuild/\n*.egg-info/\n__pycache__/\n',
  };
  if (settings.shape === 'hatch-regex') files[`src/${module}/__about__.py`] = `__version__ = "${settings.version}"\n`;
  if (settings.shape === 'scm') files['.gitignore'] += `src/${module}/_version.py\n`;
  return files;
}
