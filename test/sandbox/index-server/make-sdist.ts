/*
 * Real source distributions built in memory: a gzipped ustar archive with one top-level
 * `<name>-<version>/` holding PKG-INFO and pyproject.toml (the sdist spec's minimum).
 * Deterministic, like makeWheel.
 */
import { gzipSync } from 'node:zlib';
import type { Dist } from '../../helpers/make-wheel';

export function makeSdist(spec: { name: string; version: string; filenameName?: string; marker?: string }): Dist {
  const stem = spec.filenameName ?? spec.name.replace(/[-_.]+/g, '_').toLowerCase();
  const top = `${stem}-${spec.version}`;
  const tar = Buffer.concat([
    tarEntry(`${top}/PKG-INFO`, `Metadata-Version: 2.1\nName: ${spec.name}\nVersion: ${spec.version}\n\n`),
    tarEntry(
      `${top}/pyproject.toml`,
      `[project]\nname = "${spec.name}"\nversion = "${spec.version}"\n${spec.marker ? `# ${spec.marker}\n` : ''}`,
    ),
    Buffer.alloc(1024),
  ]);
  return { name: spec.name, version: spec.version, filename: `${top}.tar.gz`, bytes: gzipSync(tar) };
}

function tarEntry(path: string, text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(512);
  const field = (value: string, offset: number, length: number) =>
    header.write(value.padEnd(length, '\0').slice(0, length), offset, 'latin1');
  const octal = (value: number, length: number) => `${value.toString(8).padStart(length - 1, '0')}\0`;
  field(path, 0, 100);
  field(octal(0o644, 8), 100, 8);
  field(octal(0, 8), 108, 8);
  field(octal(0, 8), 116, 8);
  field(octal(data.length, 12), 124, 12);
  field(octal(0, 12), 136, 12);
  field(' '.repeat(8), 148, 8); // checksum counts itself as spaces
  field('0', 156, 1);
  field('ustar\u000000', 257, 8);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  field(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, padding]);
}
