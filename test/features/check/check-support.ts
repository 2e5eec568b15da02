import { checkBriefing } from '../../../src/features/check/check-briefing.js';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import type { MessageTemplate } from '../../../src/messages/catalogue.js';
import { formatMessage } from '../../../src/messages/format-message.js';
import { templates } from '../../support/render-folder.js';

/** Checks an in-memory briefing (root `b`, no fonts) and returns its messages as printed. */
export async function checkLines(entries: Record<string, string>): Promise<string[]> {
  const { messages } = await checkBriefing({ files: memoryFiles(entries, 'b'), templates });
  return messages.map(formatMessage);
}

/** The printed line for a catalogue message at a place: what the test expects, from the catalogue. */
export const at = (file: string, line: number, column: number, template: MessageTemplate): string =>
  formatMessage({ file: `b/${file}`, place: { line, column }, ...template });

export const brief = (body: string, front = 'title: T'): string => `---\n${front}\n---\n${body}`;

/** A valid, described bar chart of `dataset` (month × `y`). */
export const barSpec = (dataset: string, y = 'units'): string => `{
  "description": "Units per month.",
  "data": {"name": "${dataset}"},
  "mark": "bar",
  "encoding": {
    "x": {"field": "month", "type": "ordinal"},
    "y": {"field": "${y}", "type": "quantitative"}
  }
}
`;

export const SALES = 'month,units\n2025-01,3\n2025-02,5\n';

/** A brief whose only content is one chart of `charts/a.vl.json`. */
export const chartBrief = (spec: string): Record<string, string> => ({
  'brief.md': brief('::chart{src="charts/a.vl.json" caption="A"}\n'),
  'charts/a.vl.json': spec,
  'data/sales.csv': SALES,
});
