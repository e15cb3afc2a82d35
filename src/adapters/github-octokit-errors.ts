import { PyreleaseError } from '../domain/errors';

// Octokit's RequestError → PyreleaseError: the endpoint, what GitHub said, and what to do next
// (STYLE.md §2.9). The token never appears: messages are built from the method, the path and
// GitHub's own message, and the token is masked again in case a server echoed it.

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { data?: unknown; headers?: Record<string, string | undefined> };
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as RequestErrorLike | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

function githubMessage(error: RequestErrorLike): string | undefined {
  const data = error.response?.data;
  if (data && typeof data === 'object' && 'message' in data && typeof data.message === 'string') {
    const details =
      'errors' in data && Array.isArray(data.errors)
        ? data.errors.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; ')
        : '';
    return details ? `${data.message} (${details})` : data.message;
  }
  return undefined;
}

function endpointOf(error: RequestErrorLike, baseUrl: string): string {
  const method = error.request?.method ?? 'GET';
  const url = error.request?.url ?? '';
  let path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
  path = path.split('?')[0] ?? path;
  return `${method} ${path}`;
}

function resetTime(headers: Record<string, string | undefined> | undefined): string | undefined {
  const reset = Number(headers?.['x-ratelimit-reset']);
  return reset > 0 ? `${new Date(reset * 1000).toISOString().slice(11, 16)} UTC` : undefined;
}

export interface ErrorContext {
  owner: string;
  repo: string;
  baseUrl: string;
  /** Masked from every message, should a server ever echo it. */
  token: string;
}

export function toGitHubError(error: unknown, client: ErrorContext): PyreleaseError {
  if (error instanceof PyreleaseError) return error;
  const failure = (error ?? {}) as RequestErrorLike;
  const status = statusOf(error);
  const endpoint = endpointOf(failure, client.baseUrl);
  const said = githubMessage(failure);
  const write = !endpoint.startsWith('GET ');
  const repo = `${client.owner}/${client.repo}`;
  const make = (code: string, message: string, hint: string) => {
    // Like the Redactor, leave very short values alone: masking them would mangle the text.
    const mask = (text: string) => (client.token.length >= 6 ? text.split(client.token).join('***') : text);
    return new PyreleaseError(code, mask(message), { hint: mask(hint) });
  };
  const headers = failure.response?.headers;
  const rateLimited =
    (status === 403 || status === 429) &&
    (headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(said ?? ''));
  if (rateLimited) {
    const until = resetTime(headers);
    return make(
      'github.rate-limited',
      `GitHub's rate limit stopped ${endpoint}: ${said ?? `HTTP ${status}`}`,
      `Wait${until ? ` until ${until}` : ' a few minutes'}, then run \`pyrelease --resume\`.`,
    );
  }
  switch (status) {
    case 401:
      return make(
        'github.unauthorized',
        `GitHub answered 401 (${said ?? 'Unauthorized'}) to ${endpoint}.`,
        'The token was refused: create one with `gh auth login` or set GH_TOKEN.',
      );
    case 403:
      return make(
        'github.forbidden',
        `GitHub refused ${endpoint} (403: ${said ?? 'Forbidden'}).`,
        `The token lacks a permission on ${repo}: a fine-grained token needs ` +
          `Actions, Contents, Deployments, Issues and Pull requests read/write; a ` +
          `classic one the \`repo\` and \`workflow\` scopes.`,
      );
    case 404:
      return make(
        'github.not-found',
        `GitHub answered 404 Not Found to ${endpoint}.`,
        `Check the token's access to ${repo} (a fine-grained token must list the ` +
          `repository) and that the repository exists.`,
      );
    case 409:
      return make(
        'github.conflict',
        `GitHub refused ${endpoint} (409: ${said ?? 'Conflict'}).`,
        'The state on GitHub changed meanwhile: check it there, then run `pyrelease --resume`.',
      );
    case 422:
      return make(
        'github.rejected',
        `GitHub rejected ${endpoint} (422: ${said ?? 'Unprocessable Entity'}).`,
        'Check the values pyrelease sent against the repository on GitHub; the message above says which one.',
      );
    default:
      break;
  }
  const base = client.baseUrl;
  if (status === undefined || (status === 500 && !failure.response)) {
    const cause = failure.message ?? String(error);
    return make(
      'github.unreachable',
      `Could not reach ${base} for ${endpoint}: ${cause}`,
      `Check the network connection${write ? ', and on GitHub whether the change happened, before trying again' : ''}; set ` +
        `GITHUB_API_URL for GitHub ` +
        `Enterprise.`,
    );
  }
  const reason = said ?? `HTTP ${status}`;
  if (write) {
    return make(
      'github.write-uncertain',
      `GitHub answered ${status} to ${endpoint}: ${reason}`,
      'It may or may not have taken effect: `pyrelease --resume` checks before trying again.',
    );
  }
  return make(
    'github.unavailable',
    `GitHub answered ${status} to ${endpoint} after several tries: ${reason}`,
    'GitHub may be having trouble (https://www.githubstatus.com); try again later with `pyrelease --resume`.',
  );
}

/**
 * A refused `POST …/pulls` says which rule it broke only inside GitHub's `errors` list; turn the
 * three that happen in a release into the step that fixes each.
 */
export function withPullRequestHint(error: PyreleaseError, head: string, base: string): PyreleaseError {
  if (error.code !== 'github.rejected') return error;
  const resume = 'then run `pyrelease --resume`.';
  const hint = /already exists/i.test(error.message)
    ? `A pull request from ${head} into ${base} is open already: merge or close it on GitHub, ${resume}`
    : /No commits between/i.test(error.message)
      ? `${head} holds nothing ${base} lacks: push the release commit to it (\`git push ` +
        `origin HEAD:refs/heads/${head}\`), ${resume}`
      : /"field":"head"/.test(error.message)
        ? `GitHub has no branch ${head}: push it first (\`git push origin HEAD:refs/heads/${head}\`), ${resume}`
        : /"field":"base"/.test(error.message)
          ? `GitHub has no branch ${base}: check the release branch in the pyrelease configuration, ${resume}`
          : undefined;
  return hint === undefined ? error : new PyreleaseError(error.code, error.message, { hint, cause: error });
}
