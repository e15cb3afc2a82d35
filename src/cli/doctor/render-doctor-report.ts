import { SYMBOLS } from '../../domain/step-symbols';
import type { DoctorReport } from '../../domain/readiness/doctor-report';

const yesNo = (value: boolean) => (value ? SYMBOLS.ok : SYMBOLS.failed);

/** The readiness report for people; `--json` prints the same report as data. */
export function renderDoctorReport(report: DoctorReport): string {
  const { git, project, workflows, trustedPublishers, github } = report;
  const lines: string[] = [];
  lines.push('Git');
  lines.push(`  ${yesNo(git.repository)} repository ${git.root ?? '(none)'}`);
  if (git.repository) {
    lines.push(
      `  ${yesNo(git.onReleaseBranch)} branch ${git.branch ?? '(detached)'} (releases from ${git.releaseBranch})`,
    );
    lines.push(`  ${yesNo(git.clean)} working tree ${git.clean ? 'clean' : `has ${git.changes.length} change(s)`}`);
    lines.push(
      `  ${yesNo(!git.shallow)} history ${git.shallow ? 'shallow: older commits and their tags are missing' : 'complete (not a shallow clone)'}`,
    );
    lines.push(
      `  ${yesNo(git.upstream !== null && git.upstream.behind === 0)} upstream ${git.upstream ? `${git.upstream.name} (ahead ${git.upstream.ahead}, behind ${git.upstream.behind})` : '(none)'}`,
    );
    lines.push(`    latest release tag ${git.latestTag ?? '(none)'}`);
    lines.push(`    GitHub repository ${git.remote ? `${git.remote.owner}/${git.remote.repo}` : '(unknown)'}`);
  }
  lines.push('', 'Project');
  if (project) {
    lines.push(`  ${project.name} ${project.version ?? '(version from the next tag)'}`);
    lines.push(
      `    version source ${project.versionSource.kind} in ${project.versionSource.file}${project.versionSource.scm ? ' (the tag is the version)' : ''}`,
    );
    if (project.requiresPython) lines.push(`    requires-python ${project.requiresPython}`);
    for (const entry of project.entrypoints)
      lines.push(`    ${entry.kind === 'gui' ? 'gui script' : 'script'} ${entry.name} → ${entry.target}`);
  } else {
    lines.push(`  ${SYMBOLS.failed} could not be read (see below)`);
  }
  lines.push('', 'Publish workflows');
  for (const workflow of workflows) {
    const errors = workflow.findings.filter((finding) => finding.severity === 'error').length;
    const status = !workflow.exists
      ? 'missing'
      : workflow.findings.length === 0
        ? 'sound for trusted publishing'
        : `${workflow.findings.length} finding(s)`;
    lines.push(`  ${yesNo(workflow.exists && errors === 0)} ${workflow.file} (${workflow.index}): ${status}`);
    if (workflow.triggers) lines.push(`    triggered by ${workflow.triggers.events.join(', ') || 'nothing'}`);
  }
  if (trustedPublishers.length > 0) {
    lines.push('', 'Trusted publishers (enter these on each index)');
    for (const publisher of trustedPublishers) {
      lines.push(`  ${publisher.index === 'pypi' ? 'PyPI' : 'TestPyPI'}: ${publisher.projectPageUrl}`);
      lines.push(`    (not on the index yet? ${publisher.pendingPageUrl}, project name ${publisher.projectName})`);
      lines.push(
        `    owner ${publisher.owner} · repository ${publisher.repository} · ` +
          `workflow ${publisher.workflow} · environment ${publisher.environment}`,
      );
    }
  }
  lines.push('', 'GitHub');
  lines.push(
    `  ${yesNo(github.tokenAvailable)} token ${github.tokenAvailable ? `available (from ${github.tokenSource})` : 'not found'} · API ${github.apiUrl}`,
  );
  if (report.problems.length > 0) {
    lines.push('', 'To do');
    for (const problem of report.problems) {
      lines.push(`  ${problem.severity === 'error' ? SYMBOLS.failed : SYMBOLS.warning} ${problem.message}`);
      lines.push(`    → ${problem.hint}`);
    }
  }
  lines.push('', report.ok ? `${SYMBOLS.ok} Ready to release.` : `${SYMBOLS.failed} Not ready: fix the errors above.`);
  return lines.join('\n');
}
