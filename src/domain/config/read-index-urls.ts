import type { ConfigReader } from './config-reader';
import { valueOf } from './config-reader';
import { CREDENTIALS_HINT } from './credentials';
import { DEFAULT_CONFIG } from './default-config';
import { PACKAGE_INDEXES, type PackageIndex } from './release-config';
import type { KeySegment } from './toml-key-lines';

/**
 * `[tool.pyrelease.index]`: base URLs of PyPI and TestPyPI (TECH-FACTS §3.1), from which
 * `/simple/`, `/pypi/<name>/json` and the project pages derive; the demo sandbox points them at
 * its local index. Stored without a trailing slash so paths join with a single `/`.
 */
export function readIndexUrls(
  reader: ConfigReader,
  value: unknown,
  path: readonly KeySegment[],
): Record<PackageIndex, string> {
  const table = reader.table(value, path, '[tool.pyrelease.index] with pypi = "https://pypi.org"');
  reader.onlyKnownKeys(table, path, PACKAGE_INDEXES);
  const urls = { ...DEFAULT_CONFIG.index };
  for (const index of PACKAGE_INDEXES) {
    const raw = valueOf(table, index);
    if (raw === undefined) continue;
    const at = [...path, index];
    const hint =
      `Write it like \`${index} = "${DEFAULT_CONFIG.index[index]}"\`, or ` + `remove the key to use that default.`;
    if (typeof raw !== 'string') {
      reader.wrongType(at, 'a URL string', raw, hint);
      continue;
    }
    const url = URL.canParse(raw) ? new URL(raw) : undefined;
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      reader.badValue(at, 'an http(s) URL', raw, hint);
    } else if (url.username !== '' || url.password !== '') {
      reader.report(
        'config.credential',
        at,
        '{key} carries credentials in the URL, and credentials never live in configuration.',
        CREDENTIALS_HINT,
      );
    } else if (url.search !== '' || url.hash !== '') {
      reader.badValue(at, 'a base URL without a query or fragment', raw, hint);
    } else {
      urls[index] = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    }
  }
  return urls;
}
