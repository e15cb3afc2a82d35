/**
 * PEP 503 name normalization (TECH-FACTS §1.5) and the name check PyPI's upload form applies.
 * The domain's `normalizeProjectName` is the same rule; re-exported here so the server's files
 * import one module for names.
 */
import { normalizeProjectName } from '../../domain/pyproject/normalize-project-name';

export const normalizeName = normalizeProjectName;

/** Core metadata's valid-name rule (case-insensitive). */
export function isValidProjectName(name: string): boolean {
  return /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i.test(name);
}

/** The name as it appears at the start of wheel and sdist filenames (`acme_tool`). */
export function filenameStem(normalized: string): string {
  return normalized.replace(/-/g, '_');
}
