/*
 * PEP 440 versions ("Version specifiers" spec on packaging.python.org), ported from pypa/packaging's
 * `Version` (≥ 22: no legacy fallback, anything off-grammar is invalid). Facts and vectors:
 * TECH-FACTS §1.
 *
 * Why our own parser and not `@renovatebot/pep440`: the installed copy is 4.2.4 (package.json pins
 * ^4.2.4, not v5), and running every TECH-FACTS §1.6 vector through it showed
 *   - normalization: `clean('0!1.0.4+8.0')` gives `1.0.4+8,0` (it renders the local parts array with
 *     its default comma join); §1.2's `1.0+ubuntu-1` gives `1.0+ubuntu,1` the same way;
 *   - whitespace: only `clean` trims, so `valid('   v1.0\t\n')` and `explain(...)` are null and
 *     `compare('   v1.0\t\n', '1.0')` throws a TypeError (so does `compare` on any invalid string);
 *   - local parts are typed with `Number(part)`, so `+0x10`, `+1e3`, `+0b1` become 16, 1000, 1 and
 *     sort as numbers; packaging uses `str.isdigit()`, keeping them alphanumeric (`1.0+0x10` <
 *     `1.0+abc` in Python, > in renovate);
 *   - integers go through `Number` and silently round above 2^53.
 * The ordering, invalid-string and is_prerelease/is_postrelease vectors all passed; the above did not.
 *
 * Our one deliberate difference from packaging: integers above Number.MAX_SAFE_INTEGER in the
 * epoch, release, pre, post or dev segments make the version unparseable here (packaging has
 * unbounded ints). Refusing beats rounding, and real versions (even date stamps like 202401311200)
 * are far below the limit. Numeric local parts have no limit: they are compared as digit strings.
 */
import { invalidVersionError } from './version-errors';

/**
 * pypa/packaging `VERSION_PATTERN` as a JS literal (TECH-FACTS §1.1). Flag `i` and deliberately no
 * `u`, so `[a-z]` stays ASCII and `1.0+\u0130` is invalid as in Python. Alternative order matters:
 * `alpha` before `a`, `preview|pre` before `c`/`rc`, `post|rev|r`.
 */
const VERSION_PATTERN =
  /^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?(?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

export type PreLabel = 'a' | 'b' | 'rc';

/** The segments of a version, numbers already normalized (spec "Normalization"). */
export interface VersionParts {
  readonly epoch: number;
  /** One or more non-negative ints, as written (trailing zeros kept: `1.0.0` stays three parts). */
  readonly release: readonly number[];
  readonly pre: readonly [PreLabel, number] | undefined;
  readonly post: number | undefined;
  readonly dev: number | undefined;
  /** Normalized local label (`ubuntu.1`), without the `+`. */
  readonly local: string | undefined;
}

/** A parsed version: its segments plus packaging's derived accessors, as plain (JSON-safe) data. */
export interface Pep440Version extends VersionParts {
  /** The normal form, `str(Version(x))` in Python. */
  readonly text: string;
  /** Without `+local`. */
  readonly public: string;
  /** `[N!]release` only (`1!1.0a1.post5` → `1!1.0`). */
  readonly baseVersion: string;
  /** Has a pre segment **or** a dev segment (§1.4): `1.0.dev0` is one, `1.0.post1` is not. */
  readonly isPrerelease: boolean;
  readonly isDevrelease: boolean;
  readonly isPostrelease: boolean;
  readonly hasLocal: boolean;
}

export type VersionInput = string | Pep440Version;

const PRE_SPELLINGS: Readonly<Record<string, PreLabel>> = {
  a: 'a',
  alpha: 'a',
  b: 'b',
  beta: 'b',
  rc: 'rc',
  c: 'rc',
  pre: 'rc',
  preview: 'rc',
};

/** Python's `int()` on an ASCII digit run; undefined past 2^53 (see the note at the top). */
function toInt(digits: string): number | undefined {
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `int()` for numeric local parts without a size limit: drop leading zeros, keep one digit. */
function stripLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=[0-9])/, '');
}

/** Local label normal form (§1.2 rules 2, 3, 7): lowercase, `-`/`_` → `.`, numeric parts as ints. */
function normalizeLocal(label: string): string {
  return label
    .toLowerCase()
    .split(/[-_.]/)
    .map((part) => (/^[0-9]+$/.test(part) ? stripLeadingZeros(part) : part))
    .join('.');
}

function render(parts: VersionParts, withLocal: boolean): string {
  let text = parts.epoch === 0 ? '' : `${parts.epoch}!`;
  text += parts.release.join('.');
  if (parts.pre) text += `${parts.pre[0]}${parts.pre[1]}`;
  if (parts.post !== undefined) text += `.post${parts.post}`;
  if (parts.dev !== undefined) text += `.dev${parts.dev}`;
  if (withLocal && parts.local !== undefined) text += `+${parts.local}`;
  return text;
}

function isCount(value: number | undefined): boolean {
  return value === undefined || (Number.isSafeInteger(value) && value >= 0);
}

/**
 * Builds a version from segments (bumps use this). Throws `version.invalid` when a number is not
 * a safe non-negative integer or the release is empty.
 */
export function buildVersion(parts: VersionParts): Pep440Version {
  const numbers = [parts.epoch, ...parts.release, parts.pre?.[1], parts.post, parts.dev];
  if (parts.release.length === 0 || !numbers.every(isCount)) {
    throw invalidVersionError(render(parts, true));
  }
  const canonical: VersionParts = {
    epoch: parts.epoch,
    release: [...parts.release],
    pre: parts.pre ? [parts.pre[0], parts.pre[1]] : undefined,
    post: parts.post,
    dev: parts.dev,
    local: parts.local,
  };
  return {
    ...canonical,
    text: render(canonical, true),
    public: render(canonical, false),
    baseVersion: render({ ...canonical, pre: undefined, post: undefined, dev: undefined, local: undefined }, false),
    isPrerelease: canonical.pre !== undefined || canonical.dev !== undefined,
    isDevrelease: canonical.dev !== undefined,
    isPostrelease: canonical.post !== undefined,
    hasLocal: canonical.local !== undefined,
  };
}

/** Parses any spelling packaging accepts (§1.1, §1.2); undefined when it is not PEP 440. */
export function parseVersion(text: string): Pep440Version | undefined {
  const groups = VERSION_PATTERN.exec(text)?.groups;
  if (!groups) return undefined;
  const g = (name: string): string | undefined => groups[name];

  const epoch = toInt(g('epoch') ?? '0');
  const release = (g('release') ?? '').split('.').map(toInt);
  const preLabel = g('pre_l');
  const preNumber = preLabel === undefined ? undefined : toInt(g('pre_n') ?? '0');
  // Implicit post (`1.0-1`) has no letter; a lettered post may omit its number (= 0).
  const postDigits = g('post_n1') ?? (g('post_l') === undefined ? undefined : (g('post_n2') ?? '0'));
  const post = postDigits === undefined ? undefined : toInt(postDigits);
  const dev = g('dev_l') === undefined ? undefined : toInt(g('dev_n') ?? '0');
  const local = g('local');

  if (epoch === undefined || !release.every((part) => part !== undefined)) return undefined;
  if ((preLabel !== undefined && preNumber === undefined) || (postDigits !== undefined && post === undefined))
    return undefined;
  if (g('dev_l') !== undefined && dev === undefined) return undefined;

  return buildVersion({
    epoch,
    release: release as number[],
    pre: preLabel === undefined ? undefined : [PRE_SPELLINGS[preLabel.toLowerCase()] ?? 'rc', preNumber ?? 0],
    post,
    dev,
    local: local === undefined ? undefined : normalizeLocal(local),
  });
}

export function isValidVersion(text: string): boolean {
  return parseVersion(text) !== undefined;
}

/** The normal form (`v1.0.0-RC.1` → `1.0.0rc1`), or undefined when `text` is not PEP 440. */
export function normalizeVersion(text: string): string | undefined {
  return parseVersion(text)?.text;
}

/** True when `text` is already written in normal form (what `normalizeVersion` would return). */
export function isNormalizedVersion(text: string): boolean {
  return normalizeVersion(text) === text;
}

/** Parses, or throws `version.invalid`; parsed versions pass through. */
export function requireVersion(input: VersionInput, subject = 'Version'): Pep440Version {
  if (typeof input !== 'string') return input;
  const parsed = parseVersion(input);
  if (!parsed) throw invalidVersionError(input, { subject });
  return parsed;
}

/**
 * packaging's `canonicalize_version` (strip_trailing_zero=True by default), which PyPI uses to
 * resolve `/pypi/<name>/<version>/json` (§1.4): `1.4.0` → `1.4`, `1.0` → `1`, `100!0.0` → `100!0`.
 * Invalid strings come back unchanged, as in packaging.
 */
export function canonicalizeVersion(input: VersionInput, options: { stripTrailingZero?: boolean } = {}): string {
  const parsed = typeof input === 'string' ? parseVersion(input) : input;
  if (!parsed) return input as string;
  if (options.stripTrailingZero === false) return parsed.text;
  const release = [...parsed.release];
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  return render({ ...parsed, release }, true);
}

function sign(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numeric comparison of zero-stripped digit strings of any length. */
function compareDigits(a: string, b: string): number {
  return sign(a.length, b.length) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Release compared with trailing zeros ignored (`1.0 == 1.0.0`), numerically (`1.9 < 1.10`). */
function compareRelease(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = sign(a[i] ?? 0, b[i] ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}

const PRE_RANK: Readonly<Record<PreLabel, number>> = { a: 0, b: 1, rc: 2 };

/**
 * packaging `_cmpkey` pre term: a dev-only release (no pre, no post) sorts before every pre-release
 * (`1.0.dev0 < 1.0a0`), no pre sorts after all of them; else `(letter, n)` with a < b < rc.
 */
function preKey(v: VersionParts): readonly number[] {
  if (!v.pre && v.post === undefined && v.dev !== undefined) return [0];
  if (!v.pre) return [2];
  return [1, PRE_RANK[v.pre[0]], v.pre[1]];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = sign(a[i] ?? -1, b[i] ?? -1);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Local labels (§1.3): none sorts first; per part, numeric parts compare as ints and sort after
 * alphanumeric ones, which compare as (lowercased) strings; on an equal prefix the longer wins.
 */
function compareLocal(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return sign(a === undefined ? 0 : 1, b === undefined ? 0 : 1);
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const order = compareLocalPart(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return sign(left.length, right.length);
}

function compareLocalPart(x: string, y: string): number {
  const xNumeric = /^[0-9]+$/.test(x);
  const yNumeric = /^[0-9]+$/.test(y);
  if (xNumeric && yNumeric) return compareDigits(x, y);
  if (xNumeric !== yNumeric) return xNumeric ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Full PEP 440 order (packaging `_cmpkey`, TECH-FACTS §1.3): epoch, release, pre, post, dev, local.
 * Returns -1, 0 or 1; throws `version.invalid` for an unparseable string. Usable with `Array.sort`.
 */
export function compareVersions(a: VersionInput, b: VersionInput): number {
  const x = requireVersion(a);
  const y = requireVersion(b);
  return (
    sign(x.epoch, y.epoch) ||
    compareRelease(x.release, y.release) ||
    compareKeys(preKey(x), preKey(y)) ||
    // No post sorts before any post (−∞); no dev sorts after any dev (+∞).
    sign(x.post ?? -1, y.post ?? -1) ||
    sign(x.dev ?? Infinity, y.dev ?? Infinity) ||
    compareLocal(x.local, y.local)
  );
}

/**
 * The highest version in `list`, returned as given (so an index's own spelling survives), or
 * undefined when nothing in it parses. Unparseable strings are skipped, as pip skips legacy
 * versions that old PyPI projects still carry. Ties keep the first.
 */
export function maxVersion<T extends VersionInput>(list: readonly T[]): T | undefined {
  let best: { item: T; version: Pep440Version } | undefined;
  for (const item of list) {
    const version = typeof item === 'string' ? parseVersion(item) : (item as Pep440Version);
    if (version && (!best || compareVersions(version, best.version) > 0)) best = { item, version };
  }
  return best?.item;
}
