/** Named commands and their keys; the footer's help text is generated from this map. */
export interface KeyBinding {
  command: 'cancel' | 'confirm' | 'move' | 'toggle' | 'toggle-all' | 'yes-no';
  keys: string;
  label: string;
}

export const KEYMAP = {
  cancel: { command: 'cancel', keys: 'ctrl+c', label: 'stop (resume later)' },
  confirm: { command: 'confirm', keys: 'enter', label: 'confirm' },
  move: { command: 'move', keys: '↑/↓', label: 'choose' },
  toggle: { command: 'toggle', keys: 'space', label: 'check' },
  toggleAll: { command: 'toggle-all', keys: 'a', label: 'all' },
  yesNo: { command: 'yes-no', keys: 'y/n', label: 'answer' },
} satisfies Record<string, KeyBinding>;

export type QuestionKind = 'confirm' | 'select' | 'text' | 'checklist';

/** The bindings that apply right now, in footer order. */
export function bindingsFor(question: QuestionKind | undefined): KeyBinding[] {
  switch (question) {
    case 'confirm':
      return [KEYMAP.yesNo, KEYMAP.confirm, KEYMAP.cancel];
    case 'select':
      return [KEYMAP.move, KEYMAP.confirm, KEYMAP.cancel];
    case 'checklist':
      return [KEYMAP.move, KEYMAP.toggle, KEYMAP.toggleAll, KEYMAP.confirm, KEYMAP.cancel];
    case 'text':
      return [KEYMAP.confirm, KEYMAP.cancel];
    default:
      return [KEYMAP.cancel];
  }
}

export function footerText(bindings: KeyBinding[]): string {
  return bindings.map((binding) => `${binding.keys} ${binding.label}`).join(' · ');
}
