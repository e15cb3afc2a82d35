import { loadJournal } from '../../engine/journal';
import { formatJournal } from '../journal-summary';
import type { CliOptions } from '../options';
import { openWorkspace } from '../workspace';

export async function statusCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const workspace = await openWorkspace(options.cwd, process.env);
  const data = await loadJournal(workspace.journalStore);
  // The journal was redacted when written, but maybe by a version that masked less: redact it again.
  const text = data ? workspace.redactor.redact(formatJournal(data, workspace.journalStore.path)) : undefined;
  stdout.write(text ? `${text}\n` : 'No release in progress.\n');
  return 0;
}
