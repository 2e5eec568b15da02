import type { BriefingFiles } from '../../edges/files/briefing-files.js';
import type { FontStore } from '../../edges/fonts/font-store.js';
import type { QueryEngine } from '../../edges/sql/query-engine.js';
import { outputIdOf, outputLabel } from '../../edges/output/output-layout.js';
import { MessageLog } from '../../messages/message-log.js';
import type { Message } from '../../messages/message.js';
import { loadBriefing } from '../../pipeline/load/load-briefing.js';
import { expandRequest, type ParamRequest } from '../../pipeline/params/param-request.js';
import { periodParamName } from '../../pipeline/params/resolve-params.js';
import type { TemplateLibrary } from '../../pipeline/templates/template.js';
import { checkBriefing } from './check-briefing.js';
import type { CheckedBriefing } from './check-report.js';

export interface CheckFolder {
  files: BriefingFiles;
  /** The folder as typed, for labels. */
  shown: string;
  slug: string;
  templates: TemplateLibrary;
  fonts?: FontStore;
  /** Runs the folder's SQL datasets (they are checked by running them, as a build would). */
  queries?: QueryEngine;
}

/**
 * Checks one briefing folder for every period and variant the request names (`--period`,
 * `--param`, `--matrix`, as for build), so CI can check each output it will build. A problem
 * several variants share is reported once, under the first variant that has it. Without a
 * request, the briefing is checked once with its defaults and labelled by its folder alone.
 * A value the briefing does not declare throws ParamError (a usage error).
 */
export async function checkVariants(folder: CheckFolder, request: ParamRequest): Promise<CheckedBriefing[]> {
  const log = new MessageLog();
  const loaded = loadBriefing(folder.files, log);
  const handed = { files: folder.files, templates: folder.templates, ...(folder.fonts ? { fonts: folder.fonts } : {}), ...(folder.queries ? { queries: folder.queries } : {}) };
  const asked = request.period !== undefined || request.matrix.length > 0 || Object.keys(request.params).length > 0;
  if (!loaded || !loaded.metaValid || !asked) {
    const { messages } = await checkBriefing({ ...handed, params: request.params });
    return [{ dir: folder.shown, messages }];
  }
  const declared = loaded.meta.params;
  const periodName = periodParamName(declared);
  const seen = new Set<string>();
  const checked: CheckedBriefing[] = [];
  for (const params of expandRequest(folder.shown, declared, request)) {
    const { render, messages } = await checkBriefing({ ...handed, params });
    const id = outputIdOf(folder.slug, Object.keys(declared), periodName, Object.keys(render.params).length > 0 ? render.params : params);
    const fresh = messages.filter((m) => !seen.has(messageKey(m)));
    const shared = messages.filter((m) => seen.has(messageKey(m)));
    for (const m of fresh) seen.add(messageKey(m));
    checked.push({ dir: [folder.shown, outputLabel(id)].filter(Boolean).join(' '), messages: fresh, shared });
  }
  return checked;
}

const messageKey = (m: Message): string => JSON.stringify([m.file, m.place?.line, m.place?.column, m.ruleId, m.reason]);
