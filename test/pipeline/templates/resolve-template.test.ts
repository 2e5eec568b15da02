import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../../src/paths.js';
import { memoryFiles } from '../../../src/edges/files/briefing-files.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { MessageLog } from '../../../src/messages/message-log.js';
import { renderBriefing } from '../../../src/pipeline/render-briefing.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../../../src/pipeline/templates/disk-template-library.js';
import { resolveTemplate } from '../../../src/pipeline/templates/resolve-template.js';
import { renderMemory, templates } from '../../support/render-folder.js';

describe('templates', () => {
  it('uses the default template with its page setup and chart theme', () => {
    const log = new MessageLog();
    const template = resolveTemplate('briefing', templates, memoryFiles({}), log);
    expect(log.messages).toEqual([]);
    expect(template?.page.size).toBe('A4');
    expect(template?.chart.fontFamily).toContain('Noto Sans');
    expect(Object.keys(template?.partials ?? {}).sort()).toEqual(['cover', 'figure', 'section', 'sources', 'title-block', 'toc']);
  });

  it('reports an unknown template name with the known ones', () => {
    const log = new MessageLog();
    expect(resolveTemplate('fancy', templates, memoryFiles({}, 'b'), log)).toBeUndefined();
    expect(log.messages).toEqual([{ file: 'b/brief.md', ...catalogue.templateUnknown('fancy', templates.names()) }]);
  });

  it('lets a briefing override a single partial', async () => {
    const result = await renderMemory({
      'brief.md': '---\ntitle: Custom cover\n---\nBody.\n',
      'partials/cover.hbs': '<header class="cover"><h1 class="mine">{{meta.title}}!</h1></header>',
    });
    expect(result.html).toContain('<h1 class="mine">Custom cover!</h1>');
    expect(result.html).toContain('class="toc"'); // the other partials are the default template's
  });

  it('lets a briefing ship its own template folder that extends a named one', async () => {
    const result = await renderMemory({
      'brief.md': '---\ntitle: Own\ntemplate: ./look\n---\nBody.\n',
      'look/template.json': JSON.stringify({ extends: 'briefing', page: { size: 'Letter' }, chart: { palette: ['#000000'] } }),
      'look/theme.css': '.own-look { color: #123456 }',
    });
    expect(result.messages).toEqual([]);
    expect(result.template?.page.size).toBe('Letter');
    expect(result.template?.chart.palette).toEqual(['#000000']);
    expect(result.html).toContain('.own-look { color: #123456 }');
  });

  it('registers a template\'s helpers.js through the same API as the built-in helpers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brief-tpl-'));
    mkdirSync(join(dir, 'house'));
    writeFileSync(join(dir, 'house', 'template.json'), JSON.stringify({ extends: 'briefing' }));
    writeFileSync(join(dir, 'house', 'helpers.js'), 'export default (registry) => registry.add("shout", (call) => String(call.args[0]).toUpperCase());\n');
    const base = diskTemplateLibrary(TEMPLATES_DIR);
    const own = diskTemplateLibrary(dir, await loadTemplateHelpers(dir));
    const library = { names: () => [...base.names(), ...own.names()], load: (name: string) => own.load(name) ?? base.load(name) };
    const result = await renderBriefing({ files: memoryFiles({ 'brief.md': '---\ntitle: T\ntemplate: house\n---\nSay {{shout "hello"}}.\n' }), templates: library });
    expect(result.messages).toEqual([]);
    expect(result.html).toContain('Say HELLO.');
  });
});
