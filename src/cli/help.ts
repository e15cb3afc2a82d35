import { RELEASE_STOP_AFTER } from '../engine/flows/release-stages';
import { VERSION } from './version';

export function helpText(): string {
  return `pyrelease ${VERSION} — a guided PyPI release through GitHub Actions and trusted publishing

Usage
  pyrelease [options]            start a release in this repository (or continue one)
  pyrelease status               show the release in progress
  pyrelease doctor [--json]      read-only readiness report
  pyrelease bump <part|VERSION>  write a new version where the project keeps it
  pyrelease bump --set VERSION   write exactly VERSION, even a lower one (CI: the version a
                                 TestPyPI rehearsal builds); never commits
  pyrelease init                 write missing publish workflows, configuration, checklist
  pyrelease demo [--yes]         try a whole release in an offline sandbox

Options
  --resume            continue the release in progress from its first unfinished step
  --stop-after STAGE  pause once a stage is done (${RELEASE_STOP_AFTER.join(', ')});
                      \`--resume\` goes on later
  --hotfix            release a fix on a release/X.Y branch (not available yet)
  --dry-run           do everything that reads; show, do not do, everything that writes
  --plain             one line per event, no full-screen interface (also without a TTY,
                      with TERM=dumb or CI set)
  --answer ID=VALUE   answer the question ID in advance (repeatable)
  --answers FILE      answers from a JSON object {"ID": VALUE}
  -y, --yes           every question not answered otherwise takes its default
  --cwd DIR           run as if started in DIR
  -h, --help          this text
  -v, --version       the version of pyrelease

Exit codes
  0    done
  1    failed (the message says what to do next)
  2    usage error (a flag or command is wrong)
  130  interrupted; continue with \`pyrelease --resume\`
`;
}
