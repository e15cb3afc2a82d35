import type { IndexStore } from './index-store';
import type { StoredFile, StoredProject, StoredRelease } from './store-model';

/** What every route sees: the store, the public base URL, and time (with the CDN lag). */
export interface RouteContext {
  store: IndexStore;
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  baseUrl: string;
  now(): number;
  lagMs(): number;
}

/**
 * Whether the simple pages list a file yet. PyPI's JSON API is current at once while the simple
 * pages pip reads come through a CDN that may lag (TECH-FACTS §3.6); seeded files are old news.
 */
export function isListed(context: RouteContext, file: StoredFile): boolean {
  return file.seeded || context.now() - file.uploadTime >= context.lagMs();
}

/** The releases and files the (lagging) simple pages show, or undefined if the page does not exist there yet. */
export function listedReleases(
  context: RouteContext,
  project: StoredProject,
): Array<{ release: StoredRelease; files: StoredFile[] }> | undefined {
  const listed = project.releases
    .map((release) => ({ release, files: release.files.filter((file) => isListed(context, file)) }))
    .filter((entry) => entry.files.length > 0);
  const hasFiles = project.releases.some((release) => release.files.length > 0);
  // A project whose every file is still inside the lag is, to the CDN, a project that does not exist.
  return hasFiles && listed.length === 0 ? undefined : listed;
}

export function fileUrl(context: RouteContext, normalizedName: string, filename: string): string {
  return `${context.baseUrl}/files/${normalizedName}/${encodeURIComponent(filename)}`;
}
