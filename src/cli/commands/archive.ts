import { basename, resolve } from 'node:path';
import { diskFiles } from '../../edges/files/disk-files.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import { diskOutputStore } from '../../edges/output/output-store.js';
import { archiveSubject, listArchive, pruneArchive, type ArchiveReport } from '../../features/archive/archive-maintenance.js';
import { formatMessage } from '../../messages/format-message.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { diskTemplateLibrary } from '../../pipeline/templates/disk-template-library.js';
import type { CommandRunner, Console } from '../command.js';
import { UsageError } from '../usage.js';
import { OUT_FLAG, parseCommandArgs, requireFolders } from '../shared-flags.js';

/** `brief archive`: list a periodic briefing's archive, or prune outputs from it. */
export const archive: CommandRunner = {
  async run(argv, console) {
    const { values, positionals } = parseCommandArgs(argv, { ...OUT_FLAG, list: { type: 'boolean', default: false }, prune: { type: 'string', multiple: true, default: [] } });
    const [dir, ...extra] = positionals;
    if (dir === undefined) throw new UsageError('brief archive needs a briefing folder');
    if (extra.length > 0) throw new UsageError('brief archive takes one briefing folder');
    requireFolders([dir]);
    const shown = dir.replace(/\/+$/, '') || '.';
    const { subject, messages } = archiveSubject(diskFiles(dir, shown), diskTemplateLibrary(TEMPLATES_DIR), basename(resolve(dir)));
    for (const message of messages) console.err(formatMessage(message));
    if (!subject) return 1;
    const store = diskOutputStore(values.out);
    const root = store.pathOf([subject.slug]);
    if (!store.exists([subject.slug])) {
      console.err(`✗ no archive at ${root} (build a period first: brief build ${shown} --period latest --out ${values.out})`);
      return 1;
    }
    if (values.prune.length > 0) {
      const pruned = await pruneArchive(store, subject, fontsourceStore(), values.prune);
      if ('problem' in pruned) {
        console.err(`✗ ${pruned.problem}; nothing was removed`);
        return 1;
      }
      for (const path of pruned.removed) console.out(`- removed ${root}/${path}/`);
    }
    if (values.list || values.prune.length === 0) printReport(root, listArchive(store, subject.slug), console);
    return 0;
  },
};

function printReport(root: string, report: ArchiveReport, console: Console): void {
  const periods = new Set(report.entries.map((e) => e.period));
  console.out(`${root}: ${report.entries.length} output${report.entries.length === 1 ? '' : 's'} in ${periods.size} period${periods.size === 1 ? '' : 's'}`);
  const width = Math.max(0, ...report.entries.map((e) => e.path.length));
  for (const entry of report.entries) {
    const formats = [entry.html ? 'html' : undefined, entry.pdf ? 'pdf' : undefined].filter(Boolean).join('+');
    console.out(`  ${entry.path.padEnd(width)}  ${formats.padEnd(8)}  ${entry.headline ?? entry.title}`);
  }
  for (const name of report.strays) console.out(`! ${root}/${name} is not part of the archive; the next build or prune moves it into superseded/`);
  for (const path of report.stale) console.out(`! archive.json lists ${path}, which no longer exists; the next build or prune drops it`);
  for (const path of report.unlisted) console.out(`! ${path} is missing from archive.json; the next build or prune adds it`);
}
