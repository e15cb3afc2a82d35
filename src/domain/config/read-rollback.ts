import type { ConfigReader } from './config-reader';
import { isTable } from './config-reader';
import { nonEmpty, readString, readStringList } from './read-fields';
import type { RollbackAction } from './release-config';
import type { KeySegment } from './toml-key-lines';

const ACTION_KEYS = ['name', 'argv', 'description'] as const;
const EXAMPLE =
  '[[tool.pyrelease.rollback]] with name = "Roll back Cloud Run" and argv ' +
  '= ["gcloud", "run", "services", "update-traffic", …]';

/** `[[tool.pyrelease.rollback]]`: project-specific actions of the rollback menu (seed 003, Rollback Options). */
export function readRollback(reader: ConfigReader, value: unknown, path: readonly KeySegment[]): RollbackAction[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    // `[tool.pyrelease.rollback]` (one bracket) makes a table, not a list of actions.
    reader.wrongType(path, 'an array of tables', value, `Write each action as ${EXAMPLE} (double brackets).`);
    return [];
  }
  const actions: RollbackAction[] = [];
  const names = new Set<string>();
  value.forEach((item: unknown, index) => {
    const at = [...path, index];
    if (!isTable(item)) {
      reader.wrongType(at, 'a table with name and argv', item, `Write each action as ${EXAMPLE}.`);
      return;
    }
    reader.onlyKnownKeys(item, at, ACTION_KEYS);
    const name = readString(reader, item, at, 'name', {
      fallback: undefined,
      example: 'Roll back Cloud Run',
      check: nonEmpty,
    });
    const argv = readStringList(reader, item, at, 'argv', {
      fallback: undefined,
      example: ['./scripts/rollback.sh'],
      nonEmpty: true,
      checkItem: nonEmpty,
    });
    const description = readString(reader, item, at, 'description', {
      fallback: '',
      example: 'Shift traffic back to the previous revision',
    });
    if (name !== undefined && names.has(name)) {
      reader.badValue(
        [...at, 'name'],
        'a name no other rollback action uses',
        name,
        'Give each action its own name: the menu shows them side by side.',
      );
      return;
    }
    if (name === undefined || argv === undefined) return;
    names.add(name);
    actions.push(Object.freeze({ name, argv, description: description === '' ? undefined : description }));
  });
  return actions;
}
