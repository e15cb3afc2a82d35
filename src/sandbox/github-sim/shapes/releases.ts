import type { SimStore } from '../store';
import { isoOrNull, isoSeconds } from '../time';
import type { SimMilestone, SimRelease } from '../types';
import { nodeId, userJson } from './common';

/** `release`. A draft has no tag yet: its html_url is `…/releases/tag/untagged-<hash>` (TECH-FACTS §5.2). */
export function releaseJson(store: SimStore, release: SimRelease): Record<string, unknown> {
  const api = `${store.repoApi}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url: api,
    assets_url: `${api}/assets`,
    upload_url: `${store.config.url}/_uploads/repos/${store.config.owner}/${store.config.repo}/releases/${release.id}/assets{?name,label}`,
    html_url: `${store.repoHtml}/releases/tag/${release.draft ? `untagged-${release.untaggedHash}` : tag}`,
    id: release.id,
    author: userJson(store, release.author),
    node_id: nodeId('Release', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    draft: release.draft,
    immutable: false,
    prerelease: release.prerelease,
    created_at: isoSeconds(release.createdAt),
    updated_at: isoSeconds(release.updatedAt),
    published_at: isoOrNull(release.publishedAt),
    assets: [],
    tarball_url: release.draft ? null : `${store.repoApi}/tarball/${tag}`,
    zipball_url: release.draft ? null : `${store.repoApi}/zipball/${tag}`,
    body: release.body,
  };
}

/** `milestone`. */
export function milestoneJson(store: SimStore, milestone: SimMilestone): Record<string, unknown> {
  const api = `${store.repoApi}/milestones/${milestone.number}`;
  return {
    url: api,
    html_url: `${store.repoHtml}/milestone/${milestone.number}`,
    labels_url: `${api}/labels`,
    id: milestone.id,
    node_id: nodeId('Milestone', milestone.id),
    number: milestone.number,
    title: milestone.title,
    description: milestone.description,
    creator: userJson(store, milestone.creator),
    open_issues: 0,
    closed_issues: 0,
    state: milestone.state,
    created_at: isoSeconds(milestone.createdAt),
    updated_at: isoSeconds(milestone.updatedAt),
    closed_at: isoOrNull(milestone.closedAt),
    due_on: isoOrNull(milestone.dueOn),
  };
}
