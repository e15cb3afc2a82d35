/*
 * The launch checklist (`docs/LAUNCH_CHECKLIST.md` by default): every unchecked GitHub task-list
 * item (`- [ ]`, `* [ ]`, `+ [ ]`, `1. [ ]`) is one confirmation the wizard asks for. Checked items
 * (`[x]`) are ignored: the file is a template, and a box someone ticked in it is not a confirmation
 * for this release. Items inside fenced code blocks and HTML comments are examples, not items.
 */
import { checklistSlug } from './checklist-slug';

export interface ChecklistItem {
  /** `checklist.<slug>`, stable while the text is; the prompt id answers files refer to. */
  readonly id: string;
  /** The item's text as written (markdown kept), continuation lines joined with spaces. */
  readonly text: string;
  /** 1-based line of the item's box. */
  readonly line: number;
}

const TASK = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\](?:\s+(.*\S))?\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Lines that start a new block and so end an item's paragraph (CommonMark's lazy continuation).
const BLOCK_START = /^\s*(#|>|<!--|(?:[-*_]\s*){3,}$)/;

interface Scan {
  fence: string | undefined;
  inComment: boolean;
}

/** The visible part of a line: undefined inside a fence or comment, comments cut out elsewhere. */
function visiblePart(raw: string, scan: Scan): string | undefined {
  const marker = FENCE.exec(raw)?.[1];
  if (scan.fence !== undefined) {
    if (
      marker !== undefined &&
      marker[0] === scan.fence[0] &&
      marker.length >= scan.fence.length &&
      raw.trim() === marker
    )
      scan.fence = undefined;
    return undefined;
  }
  let text = raw;
  if (scan.inComment) {
    const end = text.indexOf('-->');
    if (end < 0) return undefined;
    scan.inComment = false;
    text = text.slice(end + 3);
  }
  if (marker !== undefined && !scan.inComment) {
    scan.fence = marker;
    return undefined;
  }
  text = text.replace(/<!--[\s\S]*?-->/g, '');
  const open = text.indexOf('<!--');
  if (open >= 0) {
    scan.inComment = true;
    text = text.slice(0, open);
  }
  return text;
}

export function parseChecklist(markdown: string): ChecklistItem[] {
  const found: { text: string; line: number }[] = [];
  const scan: Scan = { fence: undefined, inComment: false };
  // The unchecked item whose paragraph is still open, so a wrapped line can join it.
  let open: { text: string; line: number } | undefined;
  // A leading byte order mark would hide a fence or a box on the first line.
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const text = visiblePart(raw, scan);
    if (text === undefined || text.trim() === '') {
      open = undefined;
      return;
    }
    const task = TASK.exec(text);
    if (task) {
      open = task[1] === ' ' && task[2] !== undefined ? { text: task[2], line: index + 1 } : undefined;
      if (open) found.push(open);
      return;
    }
    if (open && !LIST_ITEM.test(text) && !BLOCK_START.test(text)) {
      open.text = `${open.text} ${text.trim()}`;
      return;
    }
    open = undefined;
  });
  return withIds(found);
}

/** `checklist.<slug>`, and `-2`, `-3` … for repeats, skipping any id an earlier item already holds. */
function withIds(items: readonly { text: string; line: number }[]): ChecklistItem[] {
  const used = new Set<string>();
  return items.map(({ text, line }) => {
    const base = `checklist.${checklistSlug(text)}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return { id, text: text.replace(/\s+/g, ' '), line };
  });
}
