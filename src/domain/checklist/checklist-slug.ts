const MAX_LENGTH = 40;

/**
 * A stable, readable id part for an item's text: ASCII lowercase words joined by dashes, at most
 * 40 characters, cut at a word boundary when one is near. Accents fold to their letters (`é` → `e`);
 * link targets and inline-code ticks are dropped so a URL does not become the id.
 */
export function checklistSlug(text: string): string {
  const words = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= MAX_LENGTH) return words || 'item';
  const cut = words.slice(0, MAX_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  // Keep whole words unless that would throw away more than half the room.
  const slug = boundary >= MAX_LENGTH / 2 ? cut.slice(0, boundary) : cut.slice(0, MAX_LENGTH);
  return slug.replace(/-+$/, '');
}
