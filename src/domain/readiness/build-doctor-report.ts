import type { ConfigError, PackageIndex, ReleaseConfig } from '../config';
import { PACKAGE_INDEXES } from '../config';
import { describeError, type PyreleaseError } from '../errors';
import type { ParsedPyproject, VersionSource } from '../pyproject';
import { UNSHALLOW_COMMAND } from '../shallow-clone';
import { normalizeVersion, parseVersion } from '../version';
import { analyzeWorkflow, trustedPublisherValues } from '../workflows';
import type { DoctorReport } from './doctor-report';

/** What `doctor` found by looking: everything the report is made of, gathered by the CLI. */
export interface DoctorFacts {
  git: {
    root: string | undefined;
    branch: string | undefined;
    changes: string[];
    /** A shallow clone: older commits and their tags are missing. */
    shallow: boolean;
    upstream: { name: string; ahead: number; behind: number } | undefined;
    latest: { tag: string; version: string } | undefined;
    remote: { owner: string; repo: string } | undefined;
    remoteUrl: string | undefined;
  };
  project:
    | {
        ok: true;
        project: ParsedPyproject;
        versionSource: VersionSource;
        config: ReleaseConfig;
        configProblems: readonly ConfigError[];
      }
    | { ok: false; error: PyreleaseError };
  /** Workflow file texts by index; undefined when the file does not exist. */
  workflowTexts: Record<PackageIndex, string | undefined>;
  token: { available: boolean; source: string | undefined };
  apiUrl: string;
}

type Problem = DoctorReport['problems'][number];

export function buildDoctorReport(facts: DoctorFacts): DoctorReport {
  const problems: Problem[] = [];
  const problem = (severity: Problem['severity'], code: string, message: string, hint: string) =>
    problems.push({ severity, code, message, hint });
  const loaded = facts.project.ok ? facts.project : undefined;
  const config = loaded?.config;
  const { git } = facts;

  if (!git.root)
    problem(
      'error',
      'git.not-a-repository',
      'Not inside a git repository.',
      "Run doctor in your project's git checkout.",
    );
  if (git.shallow)
    problem(
      'error',
      'git.shallow',
      'This is a shallow clone: older commits and their tags are missing, so the latest release tag ' +
        '(and a version read from tags) may be wrong.',
      `Fetch the rest with \`${UNSHALLOW_COMMAND}\`.`,
    );
  const releaseBranch = config?.branch ?? 'main';
  if (git.root && git.branch !== releaseBranch) {
    problem(
      'warning',
      'git.branch',
      `On ${git.branch ? `\`${git.branch}\`` : 'a detached HEAD'}, not the release branch \`${releaseBranch}\`.`,
      `Switch with \`git switch ${releaseBranch}\`, or set [tool.pyrelease] branch.`,
    );
  }
  if (git.changes.length > 0)
    problem(
      'warning',
      'git.dirty',
      `${git.changes.length} uncommitted change${git.changes.length === 1 ? '' : 's'} in the working tree.`,
      'Commit or stash them before releasing.',
    );
  if (git.root && !git.upstream)
    problem(
      'warning',
      'git.no-upstream',
      'The current branch has no upstream.',
      `Push it once with \`git push -u origin ${git.branch ?? releaseBranch}\`.`,
    );
  if (git.upstream && git.upstream.behind > 0)
    problem(
      'warning',
      'git.behind',
      `${git.upstream.behind} commit(s) behind ${git.upstream.name}.`,
      'Pull first: `git pull --ff-only`.',
    );
  if (git.root && !git.remote) {
    problem(
      'warning',
      'git.remote-not-github',
      git.remoteUrl
        ? `The origin remote (${git.remoteUrl}) is not a GitHub repository URL.`
        : 'There is no origin remote.',
      'Add the GitHub repository as origin: `git remote add origin git@github.com:OWNER/REPO.git`.',
    );
  }

  if (!facts.project.ok) {
    problem(
      'error',
      facts.project.error.code,
      describeError(facts.project.error),
      facts.project.error.hint ?? 'Fix pyproject.toml and run doctor again.',
    );
  } else {
    for (const configProblem of facts.project.configProblems)
      problem('error', configProblem.code, describeError(configProblem), configProblem.hint ?? 'Fix [tool.pyrelease].');
    const source = facts.project.versionSource;
    const current = source.currentVersion;
    const parsed = current === undefined ? undefined : parseVersion(current);
    if (current !== undefined && !parsed) {
      problem(
        'error',
        'version.invalid',
        `The version "${current}" is not a PEP 440 version (in ${source.file}), so no index will take it.`,
        `Write a PEP 440 version there, such as ${normalizeVersion(current.replace(/[-_.]?snapshot$/i, '.dev0')) ?? '1.0.0'}.`,
      );
    } else if (parsed?.hasLocal) {
      problem(
        'error',
        'version.local',
        `The version "${current}" in ${source.file} has a local part (+${parsed.local}), which PyPI refuses.`,
        `Release ${parsed.public} instead.`,
      );
    }
    if (source.scm && source.currentVersion === undefined) {
      problem(
        'warning',
        'version.no-tag',
        `${source.kind} takes the version from git tags, and no release tag was found.`,
        'The first release creates the first tag; nothing to do now.',
      );
    }
  }

  const workflows: DoctorReport['workflows'] = PACKAGE_INDEXES.map((index) => {
    const file = config?.workflows[index] ?? (index === 'pypi' ? 'publish-pypi.yml' : 'publish-testpypi.yml');
    const path = `.github/workflows/${file}`;
    const text = facts.workflowTexts[index];
    if (text === undefined) {
      problem(
        'error',
        'workflow.missing',
        `${path} does not exist.`,
        '`pyrelease init` writes a sound one for trusted publishing.',
      );
      return { index, file: path, exists: false, triggers: null, findings: [] };
    }
    const analysis = analyzeWorkflow({
      file,
      text,
      index,
      environment: config?.environments[index] ?? index,
      tagFormat: config?.tagFormat ?? 'v{version}',
    });
    for (const finding of analysis.findings) {
      if (finding.severity !== 'info')
        problem(
          finding.severity,
          `workflow.${finding.id}`,
          `${path}${finding.line ? `:${finding.line}` : ''}: ${finding.message}`,
          finding.fix,
        );
    }
    const { triggers } = analysis;
    return {
      index,
      file: path,
      exists: true,
      triggers: {
        events: [...triggers.events],
        tags: triggers.push?.tags ? [...triggers.push.tags] : null,
        releaseTypes: triggers.release ? [...(triggers.release.types ?? [])] : null,
        dispatchInputs: triggers.workflowDispatch ? triggers.workflowDispatch.inputs.map((input) => input.name) : null,
      },
      findings: analysis.findings.map((finding) => ({
        id: finding.id,
        severity: finding.severity,
        message: finding.message,
        fix: finding.fix,
        line: finding.line ?? null,
      })),
    };
  });

  if (!facts.token.available) {
    problem(
      'warning',
      'github.no-token',
      'No GitHub token found (GH_TOKEN, GITHUB_TOKEN or `gh auth token`).',
      'Run `gh auth login`, or export GH_TOKEN with a token that may read and write Actions, contents and releases.',
    );
  }

  const trustedPublishers: DoctorReport['trustedPublishers'] = loaded
    ? PACKAGE_INDEXES.map((index) => {
        const values = trustedPublisherValues({
          owner: git.remote?.owner ?? '<owner>',
          repo: git.remote?.repo ?? '<repository>',
          workflowFile: loaded.config.workflows[index],
          environment: loaded.config.environments[index],
          projectName: loaded.project.name,
          index,
          indexUrl: loaded.config.index[index],
        });
        return {
          index,
          projectPageUrl: values.projectPageUrl,
          pendingPageUrl: values.pendingPageUrl,
          projectName: loaded.project.name,
          owner: git.remote?.owner ?? '<owner>',
          repository: git.remote?.repo ?? '<repository>',
          workflow: loaded.config.workflows[index],
          environment: loaded.config.environments[index],
        };
      })
    : [];

  return {
    schemaVersion: 1,
    ok: problems.every((entry) => entry.severity !== 'error'),
    git: {
      repository: git.root !== undefined,
      root: git.root ?? null,
      branch: git.branch ?? null,
      releaseBranch,
      onReleaseBranch: git.branch === releaseBranch,
      clean: git.changes.length === 0,
      changes: git.changes,
      shallow: git.shallow,
      upstream: git.upstream ?? null,
      latestTag: git.latest?.tag ?? null,
      latestTagVersion: git.latest?.version ?? null,
      remote: git.remote ?? null,
    },
    project: loaded
      ? {
          name: loaded.project.name,
          normalizedName: loaded.project.normalizedName,
          version: loaded.versionSource.currentVersion ?? null,
          versionSource: {
            kind: loaded.versionSource.kind,
            file: loaded.versionSource.file,
            writable: loaded.versionSource.writable,
            scm: loaded.versionSource.scm,
          },
          requiresPython: loaded.project.requiresPython ?? null,
          entrypoints: loaded.project.entrypoints.map((entry) => ({
            name: entry.name,
            kind: entry.kind,
            target: entry.target,
          })),
        }
      : null,
    config: config
      ? {
          branch: config.branch,
          tagFormat: config.tagFormat,
          workflows: { ...config.workflows },
          environments: { ...config.environments },
          requiredChecks: [...config.requiredChecks],
          checklist: config.checklist,
          supportMatrix: config.supportMatrix,
          index: { ...config.index },
        }
      : null,
    workflows,
    trustedPublishers,
    github: { apiUrl: facts.apiUrl, tokenAvailable: facts.token.available, tokenSource: facts.token.source ?? null },
    problems: problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)),
  };
}
