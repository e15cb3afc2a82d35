/*
 * GitHub's generated notes (`POST /repos/{o}/{r}/releases/generate-notes`, TECH-FACTS §5.2):
 *
 *   ## What's Changed
 *   * Add --json by @alice in https://github.com/o/r/pull/12
 *
 *   ## New Contributors
 *   * @bob made their first contribution in https://github.com/o/r/pull/13
 *
 *   **Full Changelog**: https://github.com/o/r/compare/v1.2.3...v1.3.0
 *
 * With a `.github/release.yml`, entries are grouped under `### <category>` headings inside
 * "What's Changed"; the category becomes the entry's label when it names a known one, since the
 * API returns no labels of its own.
 */
import { labelOfHeading } from './classify-entry';
import { atxHeading, markdownLines } from './markdown-lines';
import type { NoteEntry } from './note-entry';

const BULLET = /^\s*[*+-]\s+(.*\S)\s*$/;
// The title is lazy so a title that itself contains "by @x in y" still ends at the last one.
const ENTRY = /^(?<title>.*?)\s+by\s+@(?<author>[A-Za-z0-9-]+(?:\[bot\])?)\s+in\s+(?<url>\S+)$/;
const PULL_NUMBER = /(?:\/pull\/|#)(\d+)\/?$/;

/** The change entries of a generated-notes body; New Contributors and Full Changelog are skipped. */
export function parseGeneratedNotes(body: string): NoteEntry[] {
  const entries: NoteEntry[] = [];
  let skipping = false;
  let labels: string[] = [];
  for (const { text, inCode } of markdownLines(body)) {
    if (inCode) continue;
    const heading = atxHeading(text)?.text;
    if (heading !== undefined) {
      skipping = /new contributors/i.test(heading);
      const label = labelOfHeading(heading);
      labels = label === undefined ? [] : [label];
      continue;
    }
    const item = BULLET.exec(text)?.[1];
    if (skipping || item === undefined) continue;
    entries.push(entryOf(item, labels));
  }
  return entries;
}

function entryOf(item: string, labels: readonly string[]): NoteEntry {
  const match = ENTRY.exec(item)?.groups;
  if (!match) return { title: item, labels };
  const url = match['url'] ?? '';
  const number = PULL_NUMBER.exec(url)?.[1];
  return {
    title: match['title'] ?? item,
    ...(number === undefined ? {} : { number: Number(number) }),
    ...(match['author'] === undefined ? {} : { author: match['author'] }),
    ...(/^https?:\/\//.test(url) ? { url } : {}),
    labels,
  };
}
