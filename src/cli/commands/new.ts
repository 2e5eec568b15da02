import { parseArgs } from 'node:util';
import { TEMPLATES_DIR } from '../../paths.js';
import type { CommandRunner } from '../command.js';
import { UsageError } from '../usage.js';
import { VERBOSE_OPTION } from '../verbose.js';
import { diskTemplateLibrary } from '../../pipeline/templates/disk-template-library.js';
import { newBriefing } from '../../features/scaffold/new-briefing.js';

export const newCommand: CommandRunner = {
  async run(argv, console) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { template: { type: 'string', default: 'briefing' }, dir: { type: 'string', default: 'content' }, ...VERBOSE_OPTION },
    });
    const [slug, ...extra] = positionals;
    if (slug === undefined) throw new UsageError('brief new needs a slug, e.g. brief new q3-market-review');
    if (extra.length > 0) throw new UsageError(`brief new takes one slug, got ${positionals.length}`);
    const created = newBriefing({
      slug,
      dir: values.dir,
      template: values.template,
      knownTemplates: diskTemplateLibrary(TEMPLATES_DIR).names(),
      today: new Date().toISOString().slice(0, 10),
    });
    console.out(`✓ created ${created.folder}/`);
    for (const file of created.files) console.out(`    ${file}`);
    console.out(`next: brief preview ${created.folder}   (brief check ${created.folder} before sharing)`);
    return 0;
  },
};
