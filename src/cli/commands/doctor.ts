import { GitCli } from '../../adapters/git-cli';
import { ExecaProcessRunner } from '../../adapters/process-execa';
import { buildDoctorReport } from '../../domain/readiness/build-doctor-report';
import { Redactor } from '../../domain/redactor';
import { collectDoctorFacts } from '../doctor/collect-doctor-facts';
import { renderDoctorReport } from '../doctor/render-doctor-report';
import { githubApiUrl, parseRemoteForDoctor, tokenAvailability } from '../github-repository';
import type { CliOptions } from '../options';
import { projectRoot } from '../../adapters/project-reader';

/** `pyrelease doctor [--json]`: a read-only readiness report. Exit 0 when nothing is at error severity. */
export async function doctorCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const root = projectRoot(options.cwd);
  const redactor = new Redactor();
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
