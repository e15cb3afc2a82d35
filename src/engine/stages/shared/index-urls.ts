import type { ReleaseConfig } from '../../../domain/config';

/** The simple (PEP 503) URL pip reads for one of the configured indexes: `https://test.pypi.org/simple/`. */
export function simpleUrl(config: ReleaseConfig, index: 'pypi' | 'testpypi'): string {
  return `${config.index[index].replace(/\/+$/, '')}/simple/`;
}

/** The project's page on an index, for links: `https://pypi.org/project/quillnote/0.1.1/`. */
export function projectPageUrl(
  config: ReleaseConfig,
  index: 'pypi' | 'testpypi',
  project: string,
  version?: string,
): string {
  return `${config.index[index].replace(/\/+$/, '')}/project/${project}/${version ? `${version}/` : ''}`;
}
