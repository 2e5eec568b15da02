import { diskFiles } from '../../edges/files/disk-files.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import { diskOutputStore } from '../../edges/output/output-store.js';
import type { QueryEngines } from '../../edges/sql/query-engines.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { diskTemplateLibrary, loadTemplateHelpers } from '../../pipeline/templates/disk-template-library.js';
import type { BatchServices } from './build-batch.js';
import { buildChartCache } from './build-chart-cache.js';
import { memoryRenderCache } from '../../pipeline/render-cache.js';

/**
 * The real world for a build: briefing folders and `--out` on disk, the project's templates and
 * fonts, Debian's Chromium, the run's query engines (opened and closed by the caller), and the
 * chart cache under `<out>/.cache/` and a render cache in memory for the process's jobs, unless `--no-cache`.
 */
export async function diskServices(
  out: string,
  queries: QueryEngines,
  options: { cache: boolean; printSeconds?: number } = { cache: true },
): Promise<Omit<BatchServices, 'onOutcome'>> {
  return {
    charts: options.cache ? buildChartCache(out) : undefined,
    renderCache: options.cache ? memoryRenderCache() : undefined,
    templates: diskTemplateLibrary(TEMPLATES_DIR, await loadTemplateHelpers(TEMPLATES_DIR)),
    fonts: fontsourceStore(),
    effects: { files: diskFiles, store: diskOutputStore(out), queries: (dir) => queries.forFolder(dir), now: () => performance.now() },
    // puppeteer-core and the printer are loaded only when a PDF is wanted: `--format html` starts faster.
    startPrinter: async () => {
      const { launchBrowser } = await import('../../edges/browser/launch-browser.js');
      const browser = await launchBrowser();
      const { PdfPrinter } = await import('../../edges/pdf/pdf-printer.js');
      // A print that takes longer fails (a worker's job is then tried again).
      return { printer: new PdfPrinter(browser.browser, options.printSeconds === undefined ? undefined : options.printSeconds * 1000), close: () => browser.close() };
    },
  };
}
