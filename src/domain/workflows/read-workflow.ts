import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { field, isMapping } from './parse-triggers';
import type { WorkflowFinding } from './workflow-analysis';

export type WorkflowPath = readonly (string | number)[];

export interface ParsedWorkflow {
  /** The document as plain data (aliases resolved). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The value of `on:`. */
  readonly on: unknown;
  /** The key of `on:` as written, for paths: `on`, or `true` where a YAML 1.1 parser got there first. */
  readonly onKey: string;
  /** 1-based line of the key or item at `path`, or of its nearest ancestor that exists. */
  lineOf(path: WorkflowPath): number | undefined;
}

/** Parses workflow YAML; a syntax error or a document that is no workflow becomes a finding. */
export function readWorkflow(text: string): { workflow: ParsedWorkflow } | { finding: WorkflowFinding } {
  const lineCounter = new LineCounter();
  // YAML 1.2 (the package's default) keeps `on` a string key; GitHub also rejects duplicate keys.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const [error] = doc.errors;
  if (error) {
    const position = error.linePos?.[0];
    return {
      finding: {
        id: 'yaml-syntax',
        severity: 'error',
        message: `The workflow is not valid YAML: ${(error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '')}.`,
        fix:
          `Correct the YAML${position ? ` at line ${position.line}, column ${position.col}` : ''}; GitHub shows the ` +
          `same error on the Actions tab and ` +
          `runs nothing.`,
        ...(position ? { line: position.line, column: position.col } : {}),
      },
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    // The parser lets an alias to no anchor (`*jobs` with no `&jobs`) and an alias bomb through;
    // resolving them throws. GitHub refuses such a file too: it is a YAML error, said as one.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      finding: {
        id: 'yaml-syntax',
        severity: 'error',
        message: `The workflow is not valid YAML: ${reason.replace(/\.$/, '')}.`,
        fix: 'Define every anchor an alias (`*name`) refers to with `&name`, or write the value out.',
      },
    };
  }
  if (!isMapping(data) || !isMapping(field(data, 'jobs'))) {
    return {
      finding: {
        id: 'not-a-workflow',
        severity: 'error',
        message: 'The file is not a GitHub Actions workflow: it has no `jobs:` mapping.',
        fix: 'Write a workflow with `on:` and `jobs:` (`pyrelease init` writes a sound one).',
      },
    };
  }
  // A YAML 1.1 reader turns the key `on` into the boolean true; toJS then names it "true".
  const onKey = Object.hasOwn(data, 'on') ? 'on' : Object.hasOwn(data, 'true') ? 'true' : 'on';
  return {
    workflow: {
      data,
      on: field(data, onKey),
      onKey,
      lineOf: (path) => lineOf(doc.contents, path, (offset) => lineCounter.linePos(offset).line),
    },
  };
}

function lineOf(root: unknown, path: WorkflowPath, lineAt: (offset: number) => number): number | undefined {
  let node: unknown = root;
  let line: number | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) line = lineAt(key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!item || typeof item !== 'object' || !('range' in item)) break;
      const range = (item as Node).range;
      if (range) line = lineAt(range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}
