import { describe, expect, it } from 'vitest';
import { hashesFromPublishLog, PRINT_HASH_HEADER, skippedInPublishLog } from '../../src/domain/publish-log-hashes';

const SDIST = 'acme_tool-1.4.0.tar.gz';
const WHEEL = 'acme_tool-1.4.0-py3-none-any.whl';
const SDIST_SHA = 'e5761b7f4858ac07e4bca585ece0e1700a3cbc15adb8ce5bd5098e5875f06175';
const WHEEL_SHA = 'e531480054f841cb7445acb7c55354896650c051b17c51b688a137b819097b75';

/** What print-hash.py writes for one file. */
function entry(path: string, sha256: string): string[] {
  return [
    path,
    '',
    `SHA256: ${sha256}`,
    'MD5: 2377716e4de668bf78f8857ef59b028a',
    'BLAKE2-256: 96842b519bce44c21c7b95244fa8fada06ed03268d1316ee703a22d439c5a8fc',
    '',
  ];
}

/** As GitHub serves a job log: a byte-order mark, every line behind a timestamp with seven fractional digits. */
function asDownloaded(lines: string[]): string {
  return `\uFEFF${lines.map((line, index) => `2026-05-01T10:00:${String(index % 60).padStart(2, '0')}.${String(1234567 + index)}Z ${line}`).join('\n')}\n`;
}

/** The publish job of a run, much as GitHub shows it: setup, the docker action's group, the output, twine. */
const PUBLISH_JOB = [
  "Current runner version: '2.329.0'",
  '##[group]Operating System',
  'Ubuntu',
  '##[endgroup]',
  '##[group]Run actions/download-artifact@v6',
  'Downloading single artifact',
  '##[endgroup]',
  '##[group]Run pypa/gh-action-pypi-publish@release/v1',
  'with:',
  '  print-hash: true',
  '##[endgroup]',
  '/usr/bin/docker run --name ghcrio_pypa_gh_action_pypi_publish --workdir /github/workspace --rm ghcr.io/pypa/gh-action-pypi-publish:release-v1',
  'Checking dist/acme_tool-1.4.0-py3-none-any.whl: PASSED',
  'Checking dist/acme_tool-1.4.0.tar.gz: PASSED',
  '##[notice]Generating and uploading digital attestations',
  PRINT_HASH_HEADER,
  ...entry(`/github/workspace/dist/${WHEEL}`, WHEEL_SHA),
  ...entry(`/github/workspace/dist/${WHEEL}.publish.attestation`, 'b'.repeat(64)),
  ...entry(`/github/workspace/dist/${SDIST}`, SDIST_SHA),
  '\u001b[32mUploading distributions to https://upload.pypi.org/legacy/\u001b[0m',
  'Uploading acme_tool-1.4.0-py3-none-any.whl',
  'Uploading acme_tool-1.4.0.tar.gz',
  '\u001b[32mView at:\u001b[0m',
  'https://pypi.org/project/acme-tool/1.4.0/',
  'Post job cleanup.',
];

describe('hashesFromPublishLog', () => {
  it('reads each file and its sha256 from a downloaded job log, timestamps and other lines around it', () => {
    const hashes = hashesFromPublishLog(asDownloaded(PUBLISH_JOB));
    expect(hashes).toEqual(
      new Map([
        [WHEEL, WHEEL_SHA],
        [`${WHEEL}.publish.attestation`, 'b'.repeat(64)],
        [SDIST, SDIST_SHA],
      ]),
    );
  });

  it('reads a log without timestamps (as the sandbox stores it with raw: true) and with CRLF line ends', () => {
    const text = [
      PRINT_HASH_HEADER,
      ...entry(`/github/workspace/dist/${SDIST}`, SDIST_SHA),
      ...entry(`/github/workspace/dist/${WHEEL}`, WHEEL_SHA),
    ].join('\r\n');
    expect(hashesFromPublishLog(text)).toEqual(
      new Map([
        [SDIST, SDIST_SHA],
        [WHEEL, WHEEL_SHA],
      ]),
    );
  });

  it('lower-cases the hex and takes the file name from a Windows path (a self-hosted runner)', () => {
    const text = [
      PRINT_HASH_HEADER,
      'D:\\a\\acme\\acme\\dist\\' + SDIST,
      '',
      `SHA256: ${SDIST_SHA.toUpperCase()}`,
      '',
    ].join('\n');
    expect(hashesFromPublishLog(text)).toEqual(new Map([[SDIST, SDIST_SHA]]));
  });

  it('keeps to its file when stderr lands between a path and its hashes', () => {
    const text = asDownloaded([
      PRINT_HASH_HEADER,
      `/github/workspace/dist/${SDIST}`,
      '',
      'WARNING  Some warning on stderr',
      `SHA256: ${SDIST_SHA}`,
      'MD5: 2377716e4de668bf78f8857ef59b028a',
      'BLAKE2-256: 96842b519bce44c21c7b95244fa8fada06ed03268d1316ee703a22d439c5a8fc',
      '',
    ]);
    expect(hashesFromPublishLog(text)).toEqual(new Map([[SDIST, SDIST_SHA]]));
  });

  it('is empty for a run without print-hash, an empty log, and a SHA256 line outside the block', () => {
    const withoutHashes = PUBLISH_JOB.filter(
      (line, index) =>
        index < PUBLISH_JOB.indexOf(PRINT_HASH_HEADER) || line.includes('Upload') || line === 'Post job cleanup.',
    );
    expect(hashesFromPublishLog(asDownloaded(withoutHashes))).toEqual(new Map());
    expect(hashesFromPublishLog('')).toEqual(new Map());
    expect(hashesFromPublishLog(asDownloaded([`/github/workspace/dist/${SDIST}`, '', `SHA256: ${SDIST_SHA}`]))).toEqual(
      new Map(),
    );
  });

  it('takes nothing after the block has ended (twine starting, or another step)', () => {
    const text = asDownloaded([
      PRINT_HASH_HEADER,
      ...entry(`/github/workspace/dist/${SDIST}`, SDIST_SHA),
      '##[group]Run something else',
      `/home/runner/work/other/${WHEEL}`,
      `SHA256: ${'c'.repeat(64)}`,
    ]);
    expect(hashesFromPublishLog(text)).toEqual(new Map([[SDIST, SDIST_SHA]]));
  });

  it('leaves out a file whose hash never came (print-hash.py failed on it)', () => {
    const text = asDownloaded([
      PRINT_HASH_HEADER,
      ...entry(`/github/workspace/dist/${WHEEL}`, WHEEL_SHA),
      '/github/workspace/.github',
      '',
      'Traceback (most recent call last):',
      '  File "/app/print-hash.py", line 17, in <module>',
      'IsADirectoryError: [Errno 21] Is a directory',
    ]);
    expect(hashesFromPublishLog(text)).toEqual(new Map([[WHEEL, WHEEL_SHA]]));
  });

  it('takes the later listing of a file the log lists twice', () => {
    const text = [
      PRINT_HASH_HEADER,
      ...entry(`/github/workspace/dist/${SDIST}`, 'a'.repeat(64)),
      PRINT_HASH_HEADER,
      ...entry(`/github/workspace/dist/${SDIST}`, SDIST_SHA),
    ].join('\n');
    expect(hashesFromPublishLog(text)).toEqual(new Map([[SDIST, SDIST_SHA]]));
  });
});

describe('skippedInPublishLog', () => {
  it("names the files twine skipped as already on the index, in either of twine's spellings", () => {
    const text = asDownloaded([
      'Uploading distributions to https://test.pypi.org/legacy/',
      `WARNING  Skipping ${WHEEL} because it appears to already exist`,
      `  Skipping ${SDIST} because it appears to already exist`,
    ]);
    expect(skippedInPublishLog(text)).toEqual(new Set([WHEEL, SDIST]));
    expect(skippedInPublishLog(asDownloaded(PUBLISH_JOB))).toEqual(new Set());
  });
});
