import { normalizeVersion } from '../version';

/**
 * A version-specifier set in a form where only meaning-free differences vanish: whitespace,
 * clause order, and version spelling (`>= 3.9 , <4` ≡ `<4,>=3.9`; `>=V1.0` ≡ `>=1.0`). Trailing
 * zeros are kept (`>=1.0` and `>=1.0.0` stay different text), as PEP 440 normal form keeps them.
 * Poetry's `||` alternatives are left in their order.
 */
export function normalizeSpecifiers(spec: string): string {
  const compact = spec.replace(/\s+/g, '');
  if (compact.includes('||')) return compact;
  return compact
    .split(',')
    .filter((clause) => clause !== '')
    .map(normalizeClause)
    .sort()
    .join(',');
}

function normalizeClause(clause: string): string {
  const match = /^(===|==|!=|<=|>=|~=|<|>|\^|~)?(.*)$/.exec(clause);
  const operator = match?.[1] ?? '';
  const version = match?.[2] ?? '';
  const wildcard = version.endsWith('.*');
  const normal = normalizeVersion(wildcard ? version.slice(0, -2) : version);
  return normal === undefined ? clause : `${operator}${normal}${wildcard ? '.*' : ''}`;
}
