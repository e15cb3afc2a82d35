import type { SimRelease, SimWorkflow } from './types';

export interface PushEvent {
  ref: string;
  sha: string;
  before: string;
  created: boolean;
  deleted: boolean;
}

export interface DispatchEvent {
  workflow: SimWorkflow;
  ref: string;
  sha: string;
  inputs: Record<string, string>;
  /** The queued run the dispatch created: the workflow simulator drives it from here. */
  runId: number;
}

export interface ReleasePublishedEvent {
  release: SimRelease;
  sha: string;
}

export interface RerunEvent {
  runId: number;
  attempt: number;
  failedOnly: boolean;
  /** The jobs of the new attempt that must run again (queued). */
  jobIds: number[];
}

export interface DeploymentReviewedEvent {
  runId: number;
  environments: string[];
  state: 'approved' | 'rejected';
  comment: string;
}

export interface CancelEvent {
  runId: number;
}

/** A pull request opened through the API (not one seeded with `addPullRequest`). */
export interface PullRequestOpenedEvent {
  number: number;
  /** Branch names, without `refs/heads/`. */
  head: string;
  base: string;
  /** The head branch's commit when it was opened: what CI checks and a merge would take. */
  headSha: string;
}

/** What the simulator announces; the workflow simulator subscribes with `sim.on(name, listener)`. */
export interface SimEvents {
  dispatch: DispatchEvent;
  'release-published': ReleasePublishedEvent;
  rerun: RerunEvent;
  'deployment-reviewed': DeploymentReviewedEvent;
  cancel: CancelEvent;
  push: PushEvent;
  'pull-request-opened': PullRequestOpenedEvent;
}

export type SimEventName = keyof SimEvents;

type Listener<K extends SimEventName> = (event: SimEvents[K]) => void;

/**
 * The simulator's event hooks. Listeners run synchronously, right after the state change and before
 * the HTTP answer, so a workflow simulator can react (start a run) before the client polls. A
 * throwing listener must not take the server down: its error is kept for tests to inspect.
 */
export class SimEventHub {
  private readonly listeners = new Map<SimEventName, Set<(event: never) => void>>();
  readonly listenerErrors: Array<{ event: SimEventName; error: unknown }> = [];

  on<K extends SimEventName>(name: K, listener: Listener<K>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (event: never) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (event: never) => void);
  }

  emit<K extends SimEventName>(name: K, event: SimEvents[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<K>)(structuredClone(event));
      } catch (error) {
        this.listenerErrors.push({ event: name, error });
      }
    }
  }
}
