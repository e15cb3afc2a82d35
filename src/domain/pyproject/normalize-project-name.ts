/**
 * PEP 503 normalized project name (packaging's `canonicalize_name`; TECH-FACTS §1.5): runs of
 * `-`, `_`, `.` become one `-`, lower case. PyPI compares names in this form.
 */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
