import { loadJournal } from '../../engine/journal';
import { formatJournal } from '../journal-summary';
import type { CliOptions } from '../options';
import { openWorkspace } from '../workspace';

export async function statusCommand(options: CliOptions, stdout: NodeJS.WritableStream): Promise<number> {
  const workspace = await openWorkspace(options.cwd, process.env);
  const data = await loadJournal(workspace.journalStore);
  stdout.write(data ? `${formatJournal(data, workspace.journalStore.path)}\n` : 'No release in progress.\n');
  return 0;
}
