import { describe, expect, it } from 'vitest';
import { parseSdistFilename, parseWheelFilename } from '../../../src/sandbox/index-server';

describe('parseWheelFilename (packaging parse_wheel_filename)', () => {
  it.each([
    ['acme_tool-1.4.0-py3-none-any.whl', 'acme_tool', 'acme-tool', '1.4.0', 'py3', ['any']],
    [
      'Acme.Tool-1.0-1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
      'Acme.Tool',
      'acme-tool',
      '1.0',
      'cp312',
      ['manylinux_2_17_x86_64', 'manylinux2014_x86_64'],
    ],
    ['pkg-2.0RC1-py2.py3-none-any.whl', 'pkg', 'pkg', '2.0rc1', 'py2.py3', ['any']],
  ])('%s', (filename, namePart, name, version, pythonTag, platformTags) => {
    const parsed = parseWheelFilename(filename);
    expect(parsed.ok && { ...parsed.value, version: parsed.value.version.text }).toEqual({
      kind: 'wheel',
      namePart,
      name,
      version,
      pythonTag,
      platformTags,
    });
  });

  it.each([
    ['acme_tool-1.0.tar.gz', "Invalid wheel filename (extension must be '.whl'): 'acme_tool-1.0.tar.gz'"],
    ['acme_tool-1.0-any.whl', "Invalid wheel filename (wrong number of parts): 'acme_tool-1.0-any'"],
    ['acme__tool-1.0-py3-none-any.whl', "Invalid project name: 'acme__tool-1.0-py3-none-any'"],
    [
      'acme_tool-1.0.0-SNAPSHOT-py3-none-any.whl',
      "Invalid build number: SNAPSHOT in 'acme_tool-1.0.0-SNAPSHOT-py3-none-any'",
    ],
    [
      'acme_tool-french_toast-py3-none-any.whl',
      "Invalid wheel filename (invalid version): 'acme_tool-french_toast-py3-none-any'",
    ],
  ])("refuses %s with packaging's message", (filename, message) => {
    expect(parseWheelFilename(filename)).toEqual({ ok: false, message });
  });
});

describe('parseSdistFilename (packaging parse_sdist_filename)', () => {
  it.each([
    ['acme_tool-1.4.0.tar.gz', 'acme_tool', 'acme-tool', '1.4.0'],
    ['acme-tool-1.4.0rc1.zip', 'acme-tool', 'acme-tool', '1.4.0rc1'],
    ['Acme.Tool-1!2.0.post3.tar.gz', 'Acme.Tool', 'acme-tool', '1!2.0.post3'],
  ])('%s', (filename, namePart, name, version) => {
    const parsed = parseSdistFilename(filename);
    expect(parsed.ok && { ...parsed.value, version: parsed.value.version.text }).toEqual({
      kind: 'sdist',
      namePart,
      name,
      version,
    });
  });

  it.each([
    [
      'acme_tool-1.0.tar.bz2',
      "Invalid sdist filename (extension must be '.tar.gz' or '.zip'): 'acme_tool-1.0.tar.bz2'",
    ],
    ['acme.tar.gz', "Invalid sdist filename: 'acme.tar.gz'"],
    ['acme_tool-1.0.0-SNAPSHOT.tar.gz', "Invalid sdist filename (invalid version): 'acme_tool-1.0.0-SNAPSHOT.tar.gz'"],
  ])('refuses %s', (filename, message) => {
    expect(parseSdistFilename(filename)).toEqual({ ok: false, message });
  });
});
