// Public API of the launch-checklist domain.
export { parseChecklist, type ChecklistItem } from './parse-checklist';
export { checklistSlug } from './checklist-slug';
