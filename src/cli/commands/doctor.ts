import { GitCli } from '../../adapters/git-cli';
import { ExecaProcessRunner } from '../../adapters/process-execa';
import { buildDoctorReport } from '../../domain/readiness/build-doctor-report';
import { collectDoctorFacts } from '../doctor/collect-doctor-facts';
import { renderDoctorReport } from '../doctor/render-doctor-report';
import { githubApiUrl, parseRemoteForDoctor, tokenAvailability } from '../github-repository';
import type { CliOptions } from '../options';
import { projectRoot } from '../../adapters/project-reader';
import { sessionRedactor } from '../workspace';

/** `pyrelease doctor [--json]`: a read-only readiness report. Exit 0 when nothing is at error severity. */
export async function doctorCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const root = projectRoot(options.cwd);
  // No workspace here (doctor also reports on a directory that is no repository), but its redactor:
  // the whole report, text or JSON, passes it, remote and API URLs with credentials included.
  const redactor = sessionRedactor(process.env);
  const processes = new ExecaProcessRunner(redactor, { cwd: root });
  const facts = await collectDoctorFacts({
    root,
    git: new GitCli(processes, root),
    parseRemote: parseRemoteForDoctor,
    token: () => tokenAvailability(process.env, processes, redactor),
    apiUrl: githubApiUrl(process.env),
  });
  const report = buildDoctorReport(facts);
  stdout.write(`${redactor.redact(options.json ? JSON.stringify(report, null, 2) : renderDoctorReport(report))}\n`);
  return report.ok ? 0 : 1;
}
