import type { Conflict, PublishPlan } from './compute-plan.js';
import { planIsEmpty } from './compute-plan.js';

/**
 * The plan as lines for the terminal: what will be sent, then a count of what is unchanged.
 * `remove` are the obsolete files this wiki deletes (a git wiki); others are only mentioned.
 */
export function formatPlan(plan: PublishPlan, heading: string, remove: readonly string[] = []): string[] {
  const lines = [heading];
  for (const page of plan.pages) {
    if (page.action === 'create') lines.push(`  create page "${page.page.title}"`);
    if (page.action === 'update') {
      const note = page.overwritesEdit ? `, overwriting changes made on the wiki (revision ${page.remote.revision})` : '';
      lines.push(`  update page "${page.page.title}"${note}`);
    }
  }
  for (const file of plan.files) {
    if (file.action === 'upload') lines.push(`  upload ${file.file.name} (${size(file.file.asset.bytes.length)})`);
    if (file.action === 'replace') lines.push(`  replace ${file.file.name} (${size(file.file.asset.bytes.length)}, changed)`);
  }
  for (const name of plan.obsolete) lines.push(remove.includes(name) ? `  delete ${name} (no longer used)` : `  no longer used: ${name}`);
  const keptPages = plan.pages.filter((p) => p.action === 'keep').length;
  const keptFiles = plan.files.filter((f) => f.action === 'keep').length;
  const unchanged = `${count(keptPages, 'page')}, ${count(keptFiles, 'file')} unchanged`;
  if (planIsEmpty(plan) && remove.length === 0) lines.push(`  nothing to send: ${unchanged}`);
  else if (keptPages + keptFiles > 0) lines.push(`  ${unchanged}`);
  return lines;
}

export function describeConflicts(conflicts: readonly Conflict[]): string {
  const each = conflicts.map((c) =>
    c.kind === 'edited'
      ? `page "${c.title}" was edited on the wiki since the last publish (revision ${c.recordedRevision ?? '?'} → ${c.currentRevision})`
      : `page "${c.title}" exists and was not published from this output (no publish record)`,
  );
  return `${each.join('; ')}; nothing was sent. Merge those changes into the briefing, or re-run with --force to overwrite them`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
