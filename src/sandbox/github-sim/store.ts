import { createHash, randomBytes } from 'node:crypto';
import { SimEventHub } from './events';
import type { SimPullRequest } from './pull-types';
import type {
  SimCheckRun,
  SimClock,
  SimCommit,
  SimDeployment,
  SimJob,
  SimMilestone,
  SimPendingDeployment,
  SimRelease,
  SimRun,
  SimStatus,
  SimTagObjectInput,
  SimWorkflow,
} from './types';

export interface SimConfig {
  owner: string;
  repo: string;
  /** The numeric repository id, used in `/repositories/{id}/…` links as GitHub does. */
  repoId: number;
  /** API base, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** Fake web base (what `html_url`s start with). */
  htmlUrl: string;
  /** The token's user: actor of dispatched runs, author of releases. */
  userLogin: string;
  defaultBranch: string;
  /** GHES versions reject the unknown `return_run_details` field with 422 (TECH-FACTS §5.2). */
  dispatchRunDetails: boolean;
}

export interface TagObject {
  sha: string;
  tag: string;
  message: string;
  object: string;
  tagger: { name: string; email: string; date: number };
}

/** All simulated state in one place; routes and the control API read and change it. */
export class SimStore {
  readonly events = new SimEventHub();
  readonly workflows = new Map<number, SimWorkflow>();
  readonly runs = new Map<number, SimRun>();
  readonly jobs = new Map<number, SimJob>();
  readonly pendingDeployments: SimPendingDeployment[] = [];
  readonly deployments: SimDeployment[] = [];
  readonly checkRuns = new Map<number, SimCheckRun>();
  readonly statuses: SimStatus[] = [];
  readonly releases = new Map<number, SimRelease>();
  readonly commits = new Map<string, SimCommit>();
  /** Full ref name (`refs/heads/main`, `refs/tags/v1.0.0`) → object sha (commit or tag object). */
  readonly refs = new Map<string, string>();
  readonly tagObjects = new Map<string, TagObject>();
  readonly milestones: SimMilestone[] = [];
  /** By number; pull requests and issues share the numbers. */
  readonly pullRequests = new Map<number, SimPullRequest>();
  /** Secret for the signed, short-lived job-log URLs. */
  readonly signingKey = randomBytes(16).toString('hex');
  private lastId = 1000;

  constructor(
    readonly config: SimConfig,
    readonly clock: SimClock,
  ) {}

  /** One counter for every resource, so job ids (which double as check-run ids) never collide. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  now(): number {
    return this.clock.now();
  }

  /** `https://api.github.com/repos/o/r` in the simulated world. */
  get repoApi(): string {
    return `${this.config.url}/repos/${this.config.owner}/${this.config.repo}`;
  }

  get repoHtml(): string {
    return `${this.config.htmlUrl}/${this.config.owner}/${this.config.repo}`;
  }

  workflowByIdOrFile(key: string | number): SimWorkflow | undefined {
    const text = String(key);
    for (const workflow of this.workflows.values()) {
      if (String(workflow.id) === text || workflow.file === text || workflow.path === text) return workflow;
    }
    return undefined;
  }

  /**
   * Resolves what GitHub accepts as a ref: a full sha, a unique sha prefix (≥ 7), `refs/…`,
   * `heads/…`, `tags/…`, or a bare branch then tag name. Tags are peeled to their commit.
   */
  resolveCommit(ref: string): string | undefined {
    const candidates = ref.startsWith('refs/')
      ? [ref]
      : ref.startsWith('heads/') || ref.startsWith('tags/')
        ? [`refs/${ref}`]
        : [`refs/heads/${ref}`, `refs/tags/${ref}`];
    for (const name of candidates) {
      const sha = this.refs.get(name);
      if (sha) return this.peel(sha);
    }
    if (/^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase();
    if (/^[0-9a-f]{7,39}$/i.test(ref)) {
      const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(ref.toLowerCase()));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** An annotated tag object's sha → the commit it names; anything else is returned as is. */
  peel(sha: string): string {
    let current = sha;
    for (let depth = 0; depth < 10; depth += 1) {
      const tag = this.tagObjects.get(current);
      if (!tag) return current;
      current = tag.object;
    }
    return current;
  }

  addTagObject(input: SimTagObjectInput, date: number): void {
    this.tagObjects.set(input.sha, { ...input, tagger: { ...input.tagger, date } });
  }

  /** Moves a ref and announces it like a push (creating or deleting when a side is all zeros). */
  moveRef(ref: string, sha: string, before: string): void {
    const zero = /^0+$/;
    if (zero.test(sha)) this.refs.delete(ref);
    else this.refs.set(ref, sha);
    this.events.emit('push', { ref, sha, before, created: zero.test(before), deleted: zero.test(sha) });
  }

  /** A stable, plausible hex string for ids GitHub derives from content (draft release hashes …). */
  hash(...parts: Array<string | number>): string {
    return createHash('sha1').update(parts.join('\0')).digest('hex');
  }
}
