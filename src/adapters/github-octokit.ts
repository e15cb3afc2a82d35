import { PyreleaseError } from '../domain/errors';
import type {
  CheckRun,
  CombinedStatus,
  Comparison,
  Deployment,
  DispatchResult,
  GeneratedNotes,
  GitHubReads,
  GitHubWrites,
  Milestone,
  PendingDeployment,
  PullRequest,
  Release,
  ReleaseFields,
  RunsQuery,
  TagRef,
  WorkflowJob,
  WorkflowRun,
} from '../ports/github';
import { GitHubHttp, type GitHubClientOptions } from './github-octokit-client';
import { withPullRequestHint } from './github-octokit-errors';
import * as wire from './github-octokit-wire';
import { labelNames, toPullRequest, type WireIssue, type WirePullRequest } from './github-octokit-wire-pulls';

export { resolveApiBaseUrl, type GitHubClientOptions, type GitHubWait } from './github-octokit-client';

const REPO = '/repos/{owner}/{repo}';

function releaseBody(fields: Partial<ReleaseFields>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    tag_name: fields.tagName,
    target_commitish: fields.targetCommitish,
    name: fields.name,
    body: fields.body,
    draft: fields.draft,
    prerelease: fields.prerelease,
    make_latest: fields.makeLatest,
  };
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}

/**
 * The GitHub port over Octokit (TECH-FACTS §5). One instance serves both the `reads` and the
 * `writes` slot; polled GETs are conditional, lists follow every `link`, and waits for rate limits
 * are reported through `onWait`.
 */
export class OctokitGitHub implements GitHubReads, GitHubWrites {
  private readonly http: GitHubHttp;

  constructor(options: GitHubClientOptions) {
    this.http = new GitHubHttp(options);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  private params(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { ...this.http.repoParams, ...extra };
  }

  async runsForWorkflow(workflow: string | number, query: RunsQuery = {}): Promise<WorkflowRun[]> {
    const perPage = Math.min(query.perPage ?? 30, 100);
    const filters = {
      event: query.event,
      branch: query.branch,
      head_sha: query.headSha,
      status: query.status,
      created: query.created,
    };
    const defined = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
    const { items } = await this.http.getAll(
      `GET ${REPO}/actions/workflows/{workflow_id}/runs`,
      this.params({ workflow_id: workflow, per_page: perPage, ...defined }),
      (data: { workflow_runs: wire.WireRun[] }) => data.workflow_runs,
      query.limit ?? perPage,
    );
    return items.map(wire.toRun);
  }

  async run(runId: number): Promise<WorkflowRun> {
    return wire.toRun(
      (await this.http.get<wire.WireRun>(`GET ${REPO}/actions/runs/{run_id}`, this.params({ run_id: runId }))).data,
    );
  }

  async jobs(runId: number, filter: 'latest' | 'all' = 'latest'): Promise<WorkflowJob[]> {
    const { items } = await this.http.getAll(
      `GET ${REPO}/actions/runs/{run_id}/jobs`,
      this.params({ run_id: runId, filter, per_page: 100 }),
      (data: { jobs: wire.WireJob[] }) => data.jobs,
    );
    return items.map(wire.toJob);
  }

  async pendingDeployments(runId: number): Promise<PendingDeployment[]> {
    const { data } = await this.http.get<wire.WirePending[]>(
      `GET ${REPO}/actions/runs/{run_id}/pending_deployments`,
      this.params({ run_id: runId }),
    );
    return data.map(wire.toPending);
  }

  async checkRunsForRef(
    ref: string,
    query: { checkName?: string; status?: 'queued' | 'in_progress' | 'completed'; filter?: 'latest' | 'all' } = {},
  ): Promise<CheckRun[]> {
    const filters = Object.fromEntries(
      Object.entries({ check_name: query.checkName, status: query.status }).filter(([, value]) => value !== undefined),
    );
    const { items } = await this.http.getAll(
      `GET ${REPO}/commits/{ref}/check-runs`,
      this.params({ ref, filter: query.filter ?? 'latest', per_page: 100, ...filters }),
      (data: { check_runs: wire.WireCheckRun[] }) => data.check_runs,
    );
    return items.map(wire.toCheckRun);
  }

  async combinedStatus(ref: string): Promise<CombinedStatus> {
    const { first, items } = await this.http.getAll(
      `GET ${REPO}/commits/{ref}/status`,
      this.params({ ref, per_page: 100 }),
      (data: wire.WireCombinedStatus) => data.statuses,
    );
    return wire.toCombinedStatus({ ...first, statuses: items });
  }

  async releaseByTag(tag: string): Promise<Release | undefined> {
    const release = await this.http.find<wire.WireRelease>(`GET ${REPO}/releases/tags/{tag}`, this.params({ tag }));
    return release && wire.toRelease(release);
  }

  async listReleases(limit = 100): Promise<Release[]> {
    const { items } = await this.http.getAll(
      `GET ${REPO}/releases`,
      this.params({ per_page: Math.min(limit, 100) }),
      (data: wire.WireRelease[]) => data,
      limit,
    );
    return items.map(wire.toRelease);
  }

  async tagRef(tag: string): Promise<TagRef | undefined> {
    const ref = await this.http.find<{ ref: string; object: { type: string; sha: string } }>(
      `GET ${REPO}/git/ref/tags/{tag}`,
      this.params({ tag }),
    );
    if (!ref) return undefined;
    const objectType = ref.object.type === 'tag' ? 'tag' : 'commit';
    let commitSha = ref.object.sha;
    // An annotated tag names a tag object; its `object.sha` is the commit (TECH-FACTS §5.2).
    if (objectType === 'tag') {
      const tagObject = (
        await this.http.get<{ object: { sha: string } }>(
          `GET ${REPO}/git/tags/{tag_sha}`,
          this.params({ tag_sha: ref.object.sha }),
        )
      ).data;
      commitSha = tagObject.object.sha;
    }
    return { ref: ref.ref, objectType, objectSha: ref.object.sha, commitSha };
  }

  async milestones(state: 'open' | 'closed' | 'all' = 'open'): Promise<Milestone[]> {
    const { items } = await this.http.getAll(
      `GET ${REPO}/milestones`,
      this.params({ state, per_page: 100 }),
      (data: wire.WireMilestone[]) => data,
    );
    return items.map(wire.toMilestone);
  }

  async compare(base: string, head: string): Promise<Comparison> {
    const { first, items } = await this.http.getAll(
      `GET ${REPO}/compare/{basehead}`,
      this.params({ basehead: `${base}...${head}`, per_page: 100 }),
      (data: wire.WireComparison) => data.commits,
    );
    return {
      status: first.status as Comparison['status'],
      aheadBy: first.ahead_by,
      behindBy: first.behind_by,
      totalCommits: first.total_commits,
      commits: items.map(wire.toComparedCommit),
    };
  }

  async generateNotes(request: {
    tagName: string;
    targetCommitish?: string;
    previousTagName?: string;
  }): Promise<GeneratedNotes> {
    const body = Object.fromEntries(
      Object.entries({
        tag_name: request.tagName,
        target_commitish: request.targetCommitish,
        previous_tag_name: request.previousTagName,
      }).filter(([, value]) => value !== undefined),
    );
    // A POST that saves nothing, so retrying it through a 5xx is as safe as retrying a GET.
    const { data } = await this.http.write<GeneratedNotes>(`POST ${REPO}/releases/generate-notes`, this.params(body), {
      safeToRetry: true,
    });
    return { name: data.name, body: data.body };
  }

  async jobLog(jobId: number): Promise<string | undefined> {
    return this.http.download(`GET ${REPO}/actions/jobs/{job_id}/logs`, this.params({ job_id: jobId }));
  }

  async pullRequest(number: number): Promise<PullRequest | undefined> {
    const pr = await this.http.find<WirePullRequest>(
      `GET ${REPO}/pulls/{pull_number}`,
      this.params({ pull_number: number }),
    );
    return pr && toPullRequest(pr);
  }

  async pullRequestsForHead(branch: string, state: 'open' | 'closed' | 'all' = 'open'): Promise<PullRequest[]> {
    // `head` must be `owner:branch`: GitHub silently ignores a bare branch name and lists every pull request (community
    // discussion 24354).
    const { items } = await this.http.getAll(
      `GET ${REPO}/pulls`,
      this.params({ head: `${this.http.owner}:${branch}`, state, per_page: 100 }),
      (data: WirePullRequest[]) => data,
    );
    return items.map(toPullRequest);
  }

  async issueLabels(number: number): Promise<string[]> {
    const issue = await this.http.find<WireIssue>(
      `GET ${REPO}/issues/{issue_number}`,
      this.params({ issue_number: number }),
    );
    return issue ? labelNames(issue.labels) : [];
  }

  async dispatch(workflow: string | number, ref: string, inputs: Record<string, string> = {}): Promise<DispatchResult> {
    const route = `POST ${REPO}/actions/workflows/{workflow_id}/dispatches`;
    const params = this.params({ workflow_id: workflow, ref, inputs });
    try {
      const { status, data } = await this.http.write<{ workflow_run_id?: number; html_url?: string }>(route, {
        ...params,
        return_run_details: true,
      });
      return status === 200 && data.workflow_run_id
        ? { runId: data.workflow_run_id, htmlUrl: data.html_url }
        : { runId: undefined, htmlUrl: undefined };
    } catch (error) {
      // GHES releases that predate the field refuse it with 422: dispatch without it (TECH-FACTS §5.2).
      const refusedField =
        error instanceof PyreleaseError &&
        error.code === 'github.rejected' &&
        /return_run_details|not a permitted key/i.test(error.message);
      // GitHub knows a workflow to dispatch only by its file on the default branch.
      if (error instanceof PyreleaseError && error.code === 'github.not-found') throw dispatchNotFound(workflow, error);
      if (!refusedField) throw error;
      await this.http.write(route, params);
      return { runId: undefined, htmlUrl: undefined };
    }
  }

  async rerunFailedJobs(runId: number): Promise<void> {
    await this.http.write(`POST ${REPO}/actions/runs/{run_id}/rerun-failed-jobs`, this.params({ run_id: runId }));
  }

  async reviewDeployments(
    runId: number,
    review: { environmentIds: number[]; state: 'approved' | 'rejected'; comment: string },
  ): Promise<Deployment[]> {
    const { data } = await this.http.write<Array<{ id: number; environment: string; sha: string; ref: string }>>(
      `POST ${REPO}/actions/runs/{run_id}/pending_deployments`,
      this.params({
        run_id: runId,
        environment_ids: review.environmentIds,
        state: review.state,
        comment: review.comment,
      }),
    );
    return data.map(wire.toDeployment);
  }

  async createRelease(fields: ReleaseFields): Promise<Release> {
    const { data } = await this.http.write<wire.WireRelease>(`POST ${REPO}/releases`, this.params(releaseBody(fields)));
    return wire.toRelease(data);
  }

  async updateRelease(id: number, fields: Partial<ReleaseFields>): Promise<Release> {
    const { data } = await this.http.write<wire.WireRelease>(
      `PATCH ${REPO}/releases/{release_id}`,
      this.params({ release_id: id, ...releaseBody(fields) }),
    );
    return wire.toRelease(data);
  }

  async createMilestone(fields: {
    title: string;
    description?: string;
    dueOn?: string;
    state?: 'open' | 'closed';
  }): Promise<Milestone> {
    const body = Object.fromEntries(
      Object.entries({
        title: fields.title,
        description: fields.description,
        due_on: fields.dueOn,
        state: fields.state,
      }).filter(([, value]) => value !== undefined),
    );
    const { data } = await this.http.write<wire.WireMilestone>(`POST ${REPO}/milestones`, this.params(body));
    return wire.toMilestone(data);
  }

  async createPullRequest(fields: { title: string; head: string; base: string; body?: string }): Promise<PullRequest> {
    const body = fields.body === undefined ? {} : { body: fields.body };
    try {
      const { data } = await this.http.write<WirePullRequest>(
        `POST ${REPO}/pulls`,
        this.params({ title: fields.title, head: fields.head, base: fields.base, ...body }),
      );
      return toPullRequest(data);
    } catch (error) {
      throw error instanceof PyreleaseError ? withPullRequestHint(error, fields.head, fields.base) : error;
    }
  }
}

/** A dispatch answered 404: the workflow is not on the default branch (or not at all), most likely. */
function dispatchNotFound(workflow: string | number, cause: PyreleaseError): PyreleaseError {
  return new PyreleaseError(
    'github.dispatch-not-found',
    `GitHub has no workflow ${String(workflow)} to dispatch (404): a workflow can be dispatched only ` +
      'when its file is on the default branch and runs on `workflow_dispatch`.',
    {
      hint:
        `Commit .github/workflows/${String(workflow)} with \`on: workflow_dispatch\` to the default branch ` +
        '(`pyrelease init` writes one) and check the token can read the repository; then `pyrelease --resume`.',
      cause,
    },
  );
}
