/** The launch checklist `pyrelease init` writes, after the seeds' release process. */
export function checklistTemplate(projectName: string): string {
  return `# Launch checklist for ${projectName}

pyrelease asks for every unchecked box below before a release is tagged, one by one, and records
who confirmed what and when. Edit the list to fit the project; keep the \`- [ ]\` form.

- [ ] Release notes draft reviewed: features, fixes, performance impact, compatibility
- [ ] Migration notes written for every breaking change (a major bump, or a minor one on 0.x)
- [ ] SUPPORT_MATRIX.md matches requires-python, dependency bounds and classifiers
- [ ] Documentation builds, and its links point at the new version
- [ ] The \`pypi\` environment requires a maintainer's approval
`;
}
