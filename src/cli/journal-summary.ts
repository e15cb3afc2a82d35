import { symbolFor, type StepConclusion } from '../domain/step-symbols';
import type { JournalData, StepRecord } from '../ports/journal-store';

function conclusionOf(record: StepRecord): { status: 'pending' | 'running' | 'finished'; conclusion?: StepConclusion } {
  switch (record.state) {
    case 'done':
      return { status: 'finished', conclusion: 'ok' };
    case 'failed':
      return { status: 'finished', conclusion: 'failed' };
    case 'cancelled':
      return { status: 'finished', conclusion: 'cancelled' };
    case 'skipped':
      return { status: 'finished', conclusion: 'dry-run' };
    case 'running':
      return { status: 'running' };
    case 'pending':
      return { status: 'pending' };
  }
}

/** The journal as a person reads it: `pyrelease status` and the "show" answer. */
export function formatJournal(data: JournalData, path: string): string {
  const { project, from, to } = data.release;
  const what = [project, from || to ? `${from ?? '?'} → ${to ?? '?'}` : undefined].filter(Boolean).join(' ');
  const lines = [
    `${data.flow === 'release' ? 'Release' : `A ${data.flow}`} in progress${what ? `: ${what}` : ''} (${data.flow}, ${data.state})`,
    `  started ${data.createdAt}, last change ${data.updatedAt}`,
    `  journal ${path}`,
    '',
  ];
  for (const [id, record] of Object.entries(data.steps)) {
    const { status, conclusion } = conclusionOf(record);
    const detail = record.error?.message ?? record.detail;
    lines.push(
      `  ${symbolFor(status, conclusion)} ${record.title}${detail ? ` — ${detail.split('\n')[0]}` : ''}  [${id}]`,
    );
  }
  const answers = Object.entries(data.answers);
  if (answers.length > 0) {
    lines.push('', '  answers:');
    for (const [id, answer] of answers) lines.push(`    ${id} = ${JSON.stringify(answer.value)} (${answer.source})`);
  }
  lines.push('', 'Continue with `pyrelease --resume`.');
  return lines.join('\n');
}
