/*
 * Real, installable wheels built in memory (binary distribution format spec): a zip holding the
 * package, `<dist>-<ver>.dist-info/{METADATA,WHEEL,entry_points.txt,RECORD}`. pip installs them and
 * their console scripts run. Deterministic: the same spec gives the same bytes (fixed timestamps),
 * which is what "same file, same content" upload tests need.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export interface Dist {
  /** Project name as given (`acme-tool`). */
  name: string;
  version: string;
  filename: string;
  bytes: Buffer;
}

export interface WheelSpec {
  name: string;
  version: string;
  /** Import package; default: the name with `-`/`.` as `_`. */
  module?: string;
  requiresPython?: string;
  summary?: string;
  /** Console scripts: script name → `module:function`. Default: `<name>` → `<module>:main`. */
  scripts?: Record<string, string>;
  /** Extra text in `__init__.py`, to make two builds of one version differ. */
  marker?: string;
  /** More files at the wheel's root, path → text (a `.pth` that runs at every interpreter start). */
  extraFiles?: Record<string, string>;
}

/** What `main()` prints: tests assert the console script ran the installed code. */
export function greeting(spec: Pick<WheelSpec, 'name' | 'version'>): string {
  return `${spec.name} ${spec.version} says hello`;
}

export function makeWheel(spec: WheelSpec): Dist {
  const stem = spec.name.replace(/[-_.]+/g, '_').toLowerCase();
  const module = spec.module ?? stem;
  const distInfo = `${stem}-${spec.version}.dist-info`;
  const scripts = spec.scripts ?? { [spec.name]: `${module}:main` };
  const metadata = [
    'Metadata-Version: 2.1',
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    ...(spec.summary ? [`Summary: ${spec.summary}`] : []),
    ...(spec.requiresPython ? [`Requires-Python: ${spec.requiresPython}`] : []),
  ];
  const files: Array<[string, string]> = [
    [
      `${module}/__init__.py`,
      `__version__ = "${spec.version}"\n${spec.marker ? `# ${spec.marker}\n` : ''}\n\ndef main():\n    print("${greeting(spec)}")\n`,
    ],
    ...Object.entries(spec.extraFiles ?? {}),
    [`${distInfo}/METADATA`, `${metadata.join('\n')}\n\n`],
    [`${distInfo}/WHEEL`, 'Wheel-Version: 1.0\nGenerator: pyrelease-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n'],
    [
      `${distInfo}/entry_points.txt`,
      `[console_scripts]\n${Object.entries(scripts)
        .map(([script, target]) => `${script} = ${target}`)
        .join('\n')}\n`,
    ],
  ];
  const record = files.map(
    ([path, text]) =>
      `${path},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`,
  );
  files.push([`${distInfo}/RECORD`, `${[...record, `${distInfo}/RECORD,,`].join('\n')}\n`]);
  return {
    name: spec.name,
    version: spec.version,
    filename: `${stem}-${spec.version}-py3-none-any.whl`,
    bytes: zip(files),
  };
}

/** Writes the wheel into `dir` and returns its path. */
export function writeWheel(dir: string, spec: WheelSpec): string {
  const wheel = makeWheel(spec);
  const path = join(dir, wheel.filename);
  writeFileSync(path, wheel.bytes);
  return path;
}

/** A minimal zip writer (APPNOTE 6.3): deflated entries, fixed 1980-01-01 timestamps, no zip64. */
export function zip(entries: ReadonlyArray<readonly [string, string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(data);
    const dosDate = (1 << 5) | 1; // 1980-01-01
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
