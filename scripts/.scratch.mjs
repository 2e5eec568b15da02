import { renderBriefing } from '../dist/pipeline/render-briefing.js';
import { diskFiles } from '../dist/edges/files/disk-files.js';
import { diskTemplateLibrary } from '../dist/pipeline/templates/disk-template-library.js';
import { TEMPLATES_DIR } from '../dist/paths.js';
import { readdirSync } from 'node:fs';
const root = 'test/fixtures/chart-corpus';
for (const name of readdirSync(root).filter((n) => !n.endsWith('.md'))) {
  const r = await renderBriefing({ files: diskFiles(`${root}/${name}`, name), templates: diskTemplateLibrary(TEMPLATES_DIR) });
  const svg = r.figures[0]?.chart.svg ?? '';
  const groups = [...svg.matchAll(/<g class="mark-(\w+) role-mark([^"]*)"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => `${m[1]}${m[2]}:${(m[3].match(/<(path|rect|circle|line|image|text)\b/g) ?? []).length}`);
  console.log(name, !!r.html, groups.join(' '), JSON.stringify(r.figures[0]?.chart.table.rows.slice(0, 3)));
  for (const m of r.messages) console.log('   ', m.severity, m.ruleId, m.reason.slice(0, 150), JSON.stringify(m.place));
}
