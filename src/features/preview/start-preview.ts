import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import { launchBrowser } from '../../edges/browser/launch-browser.js';
import { TEMPLATES_DIR } from '../../paths.js';
import { memoryCache } from '../../edges/cache/memory-cache.js';
import type { CachedChart } from '../../pipeline/charts/cached-chart.js';
import { fontsourceStore } from '../../edges/fonts/font-store.js';
import type { QueryEngine } from '../../edges/sql/query-engine.js';
import { diskOutputStore } from '../../edges/output/output-store.js';
import { diskFiles } from '../../edges/files/disk-files.js';
import { causeChain } from '../../messages/cause-chain.js';
import { formatMessage } from '../../messages/format-message.js';
import { MessageLog } from '../../messages/message-log.js';
import { loadBriefing } from '../../pipeline/load/load-briefing.js';
import { ParamError, periodParamName } from '../../pipeline/params/resolve-params.js';
import type { Message } from '../../messages/message.js';
import { loadTemplateHelpers } from '../../pipeline/templates/disk-template-library.js';
import { EventStream } from './event-stream.js';
import { PdfView, type LaunchBrowser } from './pdf-view.js';
import { buildPreview } from './preview-build.js';
import { archiveChoices } from './preview-choices.js';
import { handleRequest } from './preview-routes.js';
import { PreviewSession } from './preview-session.js';
import { RebuildQueue } from './rebuild-queue.js';
import { watchSources, type SourceWatcher } from './watch-sources.js';
import { memoryRenderCache } from '../../pipeline/render-cache.js';

/** Loopback only: the preview serves unpublished content and must never be reachable from the network. */
export const PREVIEW_HOST = '127.0.0.1';

export interface PreviewOptions {
  dir: string;
  /** 0 picks a free port. */
  port: number;
  /** How many following ports to try when `port` is taken (0 when the user chose the port). */
  portAttempts?: number;
  templatesDir?: string;
  launchBrowser?: LaunchBrowser;
  /** Progress and problems for the terminal. */
  log?: (line: string) => void;
  /** Runs the briefing's SQL datasets (without it they are errors). */
  queries?: QueryEngine;
  /** The variant to show first, as `--param` values. */
  params?: Readonly<Record<string, string>>;
  /** The period to show first (`--period`: one period or `latest`), given to the briefing's period parameter. */
  period?: string;
  /** The build output folder whose archive (`<out>/<slug>/archive.json`) the page offers to switch between; default `out`. */
  out?: string;
  /** Log the cause chain of a crashed build or request too. */
  verbose?: boolean;
}

export interface Preview {
  url: string;
  address: AddressInfo;
  /** Resolves once every change seen so far has been built (tests use it; the browser need not). */
  settled(): Promise<void>;
  /** Stops watching, ends open event streams, closes the server and the PDF browser. */
  close(): Promise<void>;
}

/** `brief preview`: build, serve on 127.0.0.1, rebuild on every change, push updates to open tabs. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? (() => undefined);
  const logCauses = (error: unknown) => {
    if (options.verbose) for (const line of causeChain(error)) log(line === '' ? '' : `    ${line}`);
  };
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const shown = options.dir.replace(/\/+$/, '') || '.';
  const sources = {
    dir: options.dir, shown, fonts: fontsourceStore(), helpers: await loadTemplateHelpers(templatesDir), templatesDir, queries: options.queries,
    // Lives as long as the session; keys are content digests, so stale entries are never read, only dropped.
    chartCache: memoryCache<CachedChart>(200),
    renderCache: memoryRenderCache(),
  };
  const session = new PreviewSession(startingParams(options));
  const archive = diskOutputStore(options.out ?? 'out');
  const events = new EventStream();
  const pdf = new PdfView(options.launchBrowser ?? launchBrowser);

  const queue = new RebuildQueue(async () => {
    session.building = true;
    events.send('state', session.state());
    const build = await buildPreview(sources, session.params, () => performance.now());
    session.building = false;
    session.apply(build, build.slug === undefined ? [] : archiveChoices(archive, build.slug));
    events.send('state', session.state());
    reportBuild(build.messages, build.seconds, log);
    if (build.error !== undefined) logCauses(build.error);
  });
  let firstBuildDone: () => void = () => undefined;
  const firstBuild = new Promise<void>((done) => (firstBuildDone = done));
  queue.now();
  void queue.idle().then(firstBuildDone);

  let watcher: SourceWatcher | undefined;
  let server: Server | undefined;
  try {
    watcher = await watchSources([resolve(options.dir), resolve(templatesDir)], () => queue.schedule(), (e) => log(`watch error: ${e.message}`));
    const name = basename(resolve(options.dir));
    const select = async (params: Record<string, string>) => {
      session.params = params;
      queue.now();
      await queue.idle();
    };
    const ctx = { session, events, pdf, firstBuild, name, select, hosts: () => hostsOf(server) };
    server = createServer((request, response) => {
      handleRequest(ctx, request, response).catch((error: unknown) => {
        // Nothing a request does may take the preview down.
        if (options.verbose) log(`request ${request.method ?? ''} ${request.url ?? ''} failed:`);
        logCauses(error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`preview error: ${(error as Error).message}\n`);
      });
    });
    server.on('clientError', (_error, socket) => socket.destroy());
    const address = await listen(server, options.port, options.portAttempts ?? 0);
    const url = `http://${PREVIEW_HOST}:${address.port}/`;
    let closing: Promise<void> | undefined;
    const runningServer = server;
    const runningWatcher = watcher;
    return {
      url,
      address,
      settled: async () => {
        await firstBuild;
        await queue.idle();
      },
      close: () => (closing ??= shutDown(runningServer, runningWatcher, queue, events, pdf)),
    };
  } catch (error) {
    await shutDown(server, watcher, queue, events, pdf);
    throw error;
  }
}

async function shutDown(server: Server | undefined, watcher: SourceWatcher | undefined, queue: RebuildQueue, events: EventStream, pdf: PdfView) {
  await watcher?.close();
  await queue.close();
  events.close();
  if (server?.listening) {
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeAllConnections();
    await closed;
  }
  await pdf.close();
}

function hostsOf(server: Server | undefined): string[] {
  const address = server?.address();
  if (!address || typeof address === 'string') return [];
  return [`${PREVIEW_HOST}:${address.port}`, `localhost:${address.port}`];
}

/** Listens on 127.0.0.1, moving to the next port while the wanted one is taken (up to `attempts` times). */
async function listen(server: Server, port: number, attempts: number): Promise<AddressInfo> {
  for (let tried = 0; ; tried++) {
    try {
      await new Promise<void>((done, fail) => {
        server.once('error', fail);
        server.listen({ host: PREVIEW_HOST, port: port === 0 ? 0 : port + tried, exclusive: true }, () => {
          server.off('error', fail);
          done();
        });
      });
      return server.address() as AddressInfo;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tried >= attempts || port === 0) throw error;
    }
  }
}

function reportBuild(messages: readonly Message[], seconds: number, log: (line: string) => void): void {
  for (const message of messages) log(formatMessage(message));
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  const verdict = errors > 0 ? `✗ ${errors} error${errors === 1 ? '' : 's'} (the page keeps the last good version)` : '✓ rebuilt';
  log(`${verdict}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''} in ${seconds.toFixed(2)} s`);
}

/** `--param` values plus `--period` under the briefing's period parameter's name; ParamError when it has none. */
function startingParams(options: PreviewOptions): Record<string, string> {
  const params = { ...options.params };
  if (options.period === undefined) return params;
  const loaded = loadBriefing(diskFiles(options.dir), new MessageLog());
  const name = loaded ? periodParamName(loaded.meta.params) : undefined;
  if (name === undefined) throw new ParamError(`${options.dir} has no period parameter, so --period does not apply`);
  return { ...params, [name]: options.period };
}
