import type { SimStore } from '../store';
import { isoSeconds } from '../time';

// Builders for the objects GitHub embeds everywhere. Every field the OpenAPI schema requires is
// present with a plausible value, so clients written against GitHub's schemas parse them.

/** GitHub's node ids are opaque base64 strings; these keep the legacy `NN:TypeID` shape. */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

/** A stable positive id derived from a name, for accounts the simulator only knows by login. */
export function accountId(login: string): number {
  let hash = 7;
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) % 90_000_000;
  return hash + 1_000_000;
}

/** `simple-user`: a user, bot or organization. */
export function userJson(store: SimStore, login: string): Record<string, unknown> {
  const id = accountId(login);
  const api = `${store.config.url}/users/${encodeURIComponent(login)}`;
  const type = login.endsWith('[bot]')
    ? 'Bot'
    : login === store.config.owner && login !== store.config.userLogin
      ? 'Organization'
      : 'User';
  return {
    login,
    id,
    node_id: nodeId('User', id),
    avatar_url: `${store.config.url}/_avatars/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${store.config.htmlUrl}/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** `minimal-repository`, as embedded in runs and statuses. */
export function repositoryJson(store: SimStore): Record<string, unknown> {
  const { owner, repo, repoId } = store.config;
  const api = store.repoApi;
  const templated = (name: string, suffix: string) => [`${name}_url`, `${api}/${suffix}`] as const;
  return {
    id: repoId,
    node_id: nodeId('Repository', repoId),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: true,
    owner: userJson(store, owner),
    html_url: store.repoHtml,
    description: 'A Python package released with pyrelease (sandbox)',
    fork: false,
    url: api,
    ...Object.fromEntries([
      templated('archive', '{archive_format}{/ref}'),
      templated('assignees', 'assignees{/user}'),
      templated('blobs', 'git/blobs{/sha}'),
      templated('branches', 'branches{/branch}'),
      templated('collaborators', 'collaborators{/collaborator}'),
      templated('comments', 'comments{/number}'),
      templated('commits', 'commits{/sha}'),
      templated('compare', 'compare/{base}...{head}'),
      templated('contents', 'contents/{+path}'),
      templated('contributors', 'contributors'),
      templated('deployments', 'deployments'),
      templated('downloads', 'downloads'),
      templated('events', 'events'),
      templated('forks', 'forks'),
      templated('git_commits', 'git/commits{/sha}'),
      templated('git_refs', 'git/refs{/sha}'),
      templated('git_tags', 'git/tags{/sha}'),
      templated('issue_comment', 'issues/comments{/number}'),
      templated('issue_events', 'issues/events{/number}'),
      templated('issues', 'issues{/number}'),
      templated('keys', 'keys{/key_id}'),
      templated('labels', 'labels{/name}'),
      templated('languages', 'languages'),
      templated('merges', 'merges'),
      templated('milestones', 'milestones{/number}'),
      templated('notifications', 'notifications{?since,all,participating}'),
      templated('pulls', 'pulls{/number}'),
      templated('releases', 'releases{/id}'),
      templated('stargazers', 'stargazers'),
      templated('statuses', 'statuses/{sha}'),
      templated('subscribers', 'subscribers'),
      templated('subscription', 'subscription'),
      templated('tags', 'tags'),
      templated('teams', 'teams'),
      templated('trees', 'git/trees{/sha}'),
      templated('hooks', 'hooks'),
    ]),
    default_branch: store.config.defaultBranch,
    visibility: 'private',
  };
}

/** When the simulated repository was made: a fixed time, so answers (and their ETags) stay stable. */
const REPO_CREATED = Date.UTC(2026, 8, 1, 10, 0, 0);

/** `repository`, the full object a pull request's `head.repo` and `base.repo` carry. */
export function fullRepositoryJson(store: SimStore): Record<string, unknown> {
  const web = store.repoHtml;
  const host = new URL(store.config.htmlUrl).host;
  const fullName = `${store.config.owner}/${store.config.repo}`;
  const head = store.resolveCommit(store.config.defaultBranch);
  const pushed = head === undefined ? undefined : store.commits.get(head)?.date;
  const openIssues = [...store.pullRequests.values()].filter((pr) => pr.state === 'open').length;
  return {
    ...repositoryJson(store),
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${web}.git`,
    svn_url: web,
    mirror_url: null,
    homepage: null,
    language: 'Python',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    open_issues: openIssues,
    open_issues_count: openIssues,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    license: null,
    pushed_at: pushed === undefined ? null : isoSeconds(pushed),
    created_at: isoSeconds(REPO_CREATED),
    updated_at: isoSeconds(REPO_CREATED),
  };
}

const APP_CREATED = Date.UTC(2018, 6, 30, 9, 30, 17);

/** `integration` for the apps that report check runs (`github-actions` unless told otherwise). */
export function appJson(store: SimStore, slug: string): Record<string, unknown> {
  const id = slug === 'github-actions' ? 15368 : accountId(slug);
  return {
    id,
    slug,
    node_id: nodeId('Integration', id),
    owner: userJson(store, slug === 'github-actions' ? 'github' : store.config.owner),
    name: slug === 'github-actions' ? 'GitHub Actions' : slug,
    description: slug === 'github-actions' ? 'Automate your workflow from idea to production' : '',
    external_url:
      slug === 'github-actions' ? 'https://help.github.com/en/actions' : `${store.config.htmlUrl}/apps/${slug}`,
    html_url: `${store.config.htmlUrl}/apps/${slug}`,
    created_at: isoSeconds(APP_CREATED),
    updated_at: isoSeconds(APP_CREATED),
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      deployments: 'write',
      metadata: 'read',
      statuses: 'write',
    },
    events: ['check_run', 'check_suite', 'push', 'pull_request', 'release', 'workflow_dispatch'],
  };
}
