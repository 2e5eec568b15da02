import { basename, resolve } from 'node:path';
import { TEMPLATES_DIR } from '../../paths.js';
import type { CommandRunner } from '../command.js';
import { PARAM_FLAGS, paramRequest } from '../param-flags.js';
import { UsageError } from '../usage.js';
import { openQueryEngines } from '../query-setup.js';
import { printCauses } from '../verbose.js';
import { parseCommandArgs, requireFolders, RUN_FLAGS } from '../shared-flags.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import { EX_SOFTWARE, failureMessage, isInternal } from '../../messages/errors.js';
import type { Message } from '../../messages/message.js';
import { ParamError } from '../../pipeline/params/resolve-params.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../../pipeline/templates/disk-template-library.js';
import { checkVariants } from '../../features/check/check-variants.js';
import { jsonReport, strictMessages, summarize, textReport, type CheckedBriefing } from '../../features/check/check-report.js';

const FORMATS = ['text', 'json'] as const;

export const check: CommandRunner = {
  async run(argv, terminal) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string', default: 'text' },
      strict: { type: 'boolean', default: false },
      ...PARAM_FLAGS,
      ...RUN_FLAGS,
    });
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}" (known: ${FORMATS.join(', ')})`);
    if (positionals.length === 0) throw new UsageError('brief check needs at least one briefing folder');
    requireFolders(positionals);
    const request = paramRequest(values);
    const opened = openQueryEngines(values.config, terminal);
    if (!opened) return 1;
    const { queries, console } = opened;
    const templates = diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR));
    const fonts = fontsourceStore();
    const checked: CheckedBriefing[] = [];
    let internal = false;
    try {
      for (const dir of positionals) {
        const shown = dir.replace(/\/+$/, '') || '.';
        let results: CheckedBriefing[];
        try {
          const folder = { files: diskFiles(dir, shown), shown, slug: basename(resolve(dir)), templates, fonts, queries: queries.forFolder(dir) };
          results = await checkVariants(folder, request);
        } catch (error) {
          if (error instanceof ParamError) throw error; // a --param value that does not fit: an InputError, exit 2
          // Not a content problem the pipeline could place, but CI must still see it as a message.
          internal ||= isInternal(error);
          results = [{ dir: shown, messages: [failureMessage(error, shown)] }];
          if (values.verbose) console.err(`${shown}: the briefing could not be rendered:`);
          printCauses(error, values.verbose, console.err);
        }
        const strict = (messages: readonly Message[] = []) => (values.strict ? strictMessages(messages) : messages);
        for (const result of results) checked.push({ dir: result.dir, messages: strict(result.messages), shared: strict(result.shared) });
      }
    } finally {
      await queries.close();
    }
    if (format === 'json') console.out(JSON.stringify(jsonReport(checked), null, 2));
    else textReport(checked).forEach((line) => console.out(line));
    if (internal) return EX_SOFTWARE;
    return summarize(checked).errors > 0 ? 1 : 0;
  },
};
