/*
 * The index's state and files on disk: `<dataDir>/files/<normalized-name>/<filename>` plus
 * `<dataDir>/index.json`, both written atomically (temporary file, then rename) so a crash never
 * leaves half a file. Every method is synchronous on purpose: a check-then-write (is this
 * filename taken? then store it) runs without yielding to the event loop, so two concurrent
 * uploads of one file cannot both pass the check.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalizeVersion, compareVersions, normalizeVersion } from '../../domain/version';
import { normalizeName } from './project-name';
import { byCodeUnit } from './code-unit-order';
import type { IndexState, ReleaseMetadata, StoredFile, StoredProject, StoredRelease } from './store-model';

export interface NewFile {
  /** The display name from the upload's metadata. */
  projectName: string;
  version: string;
  metadata: ReleaseMetadata;
  file: StoredFile;
  bytes: Uint8Array;
}

export class IndexStore {
  private constructor(
    readonly dataDir: string,
    private readonly state: IndexState,
  ) {}

  /** Opens (or creates) the index in `dataDir`; a restart on the same directory sees the same index. */
  static open(dataDir: string): IndexStore {
    mkdirSync(join(dataDir, 'files'), { recursive: true });
    const path = join(dataDir, 'index.json');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return new IndexStore(dataDir, { format: 1, serial: 0, projects: {}, deletedFilenames: [] });
    }
    const state = JSON.parse(text) as IndexState;
    if (state.format !== 1)
      throw new Error(`${path} is not a sandbox index this version understands (format ${String(state.format)}).`);
    return new IndexStore(dataDir, state);
  }

  get serial(): number {
    return this.state.serial;
  }

  project(name: string): StoredProject | undefined {
    return this.state.projects[normalizeName(name)];
  }

  /** Every project with its normalized name, sorted by it. */
  projects(): Array<[string, StoredProject]> {
    return Object.entries(this.state.projects).sort(([a], [b]) => byCodeUnit(a, b));
  }

  /**
   * A release by version the way PyPI finds one: exact string first, then canonicalize_version
   * (TECH-FACTS §1.4: `1.0` finds `1.0.0`).
   */
  release(name: string, version: string): StoredRelease | undefined {
    const releases = this.project(name)?.releases ?? [];
    const exact = releases.find((release) => release.version === version);
    if (exact) return exact;
    const wanted = canonicalizeVersion(version);
    return releases.find((release) => canonicalizeVersion(release.version) === wanted);
  }

  /** The stored file with this filename or this BLAKE2b-256 digest (warehouse `_is_duplicate_file`). */
  fileMatching(filename: string, blake2b256: string): StoredFile | undefined {
    for (const project of Object.values(this.state.projects)) {
      for (const release of project.releases) {
        const found = release.files.find((file) => file.filename === filename || file.blake2b256 === blake2b256);
        if (found) return found;
      }
    }
    return undefined;
  }

  wasDeleted(filename: string): boolean {
    return this.state.deletedFilenames.includes(filename);
  }

  filePath(project: string, filename: string): string {
    return join(this.dataDir, 'files', normalizeName(project), filename);
  }

  /** Stores the bytes, then records the file (creating the project and release as needed). */
  addFile(input: NewFile): void {
    const key = normalizeName(input.projectName);
    writeAtomically(this.filePath(key, input.file.filename), input.bytes);
    const project = (this.state.projects[key] ??= { name: input.projectName, lastSerial: 0, releases: [] });
    project.name = input.projectName;
    let release = this.release(key, input.version);
    if (!release) {
      const version = normalizeVersion(input.version) ?? input.version;
      release = {
        version,
        created: input.file.uploadTime,
        yanked: false,
        yankedReason: '',
        metadata: input.metadata,
        files: [],
      };
      project.releases.push(release);
      project.releases.sort((a, b) => compareVersions(a.version, b.version));
    }
    release.files.push(input.file);
    release.files.sort((a, b) => byCodeUnit(a.filename, b.filename));
    this.touch(project);
  }

  /** Yanks or unyanks a whole release (PyPI yanks releases, not files: PEP 592, TECH-FACTS §3.4). */
  setYanked(name: string, version: string, yanked: boolean, reason = ''): void {
    const release = this.requireRelease(name, version);
    release.yanked = yanked;
    release.yankedReason = yanked ? reason : '';
    this.touch(this.project(name));
  }

  /** Deletes a release and its files; their filenames are burned forever (TECH-FACTS §3.5). */
  deleteRelease(name: string, version: string): void {
    const project = this.project(name);
    const release = this.requireRelease(name, version);
    if (!project) return;
    for (const file of release.files) {
      rmSync(this.filePath(name, file.filename), { force: true });
      this.state.deletedFilenames.push(file.filename);
    }
    project.releases = project.releases.filter((candidate) => candidate !== release);
    this.touch(project);
  }

  private requireRelease(name: string, version: string): StoredRelease {
    const release = this.release(name, version);
    if (!release) throw new Error(`The index has no release ${version} of ${name}.`);
    return release;
  }

  private touch(project: StoredProject | undefined): void {
    this.state.serial += 1;
    if (project) project.lastSerial = this.state.serial;
    writeAtomically(join(this.dataDir, 'index.json'), `${JSON.stringify(this.state, null, 2)}\n`);
  }
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
