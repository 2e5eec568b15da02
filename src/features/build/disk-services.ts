import { launchBrowser } from '../../edges/browser/launch-browser.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import { diskOutputStore } from '../../edges/output/output-store.js';
import type { QueryEngines } from '../../edges/sql/query-engines.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../../pipeline/templates/disk-template-library.js';
import type { BatchServices } from './build-batch.js';

/**
 * The real world for a build: briefing folders and `--out` on disk, the project's templates and
 * fonts, Debian's Chromium, and the run's query engines (opened and closed by the caller).
 */
export async function diskServices(out: string, queries: QueryEngines): Promise<Omit<BatchServices, 'onOutcome'>> {
  return {
    templates: diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR)),
    fonts: fontsourceStore(),
    effects: { files: diskFiles, store: diskOutputStore(out), queries: (dir) => queries.forFolder(dir), now: () => performance.now() },
    startPrinter: async () => {
      const browser = await launchBrowser();
      const { PdfPrinter } = await import('../../edges/pdf/pdf-printer.js');
      return { printer: new PdfPrinter(browser.browser), close: () => browser.close() };
    },
  };
}
