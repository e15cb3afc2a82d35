import { ConfigError } from './config-error';
import type { ReleaseConfig } from './release-config';
import { validateConfig } from './validate-config';

/**
 * `validateConfig`, throwing when the table has any problem: the first one (in file order), with
 * every problem on its `problems` so a caller can still list them all.
 */
export function loadConfig(pyproject: unknown, text: string, options: { file?: string } = {}): ReleaseConfig {
  const { config, problems } = validateConfig(pyproject, text, options);
  const [first] = problems;
  if (first === undefined) return config;
  const more = problems.length - 1;
  const hint =
    more === 0
      ? (first.hint ?? '')
      : `${first.hint ?? ''} ${more} more problem${more === 1 ? '' : 's'} in [tool.pyrelease]: ` +
        `\`pyrelease doctor\` lists ` +
        `them all.`;
  throw new ConfigError(first.code, first.keyPath, first.message, {
    hint: hint.trim(),
    file: first.location?.file ?? options.file ?? 'pyproject.toml',
    line: first.location?.line,
    problems,
  });
}
