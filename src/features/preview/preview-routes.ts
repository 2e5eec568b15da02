import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml } from '../../pipeline/figures/render-figures.js';
import { injectClient } from './client-script.js';
import type { EventStream } from './event-stream.js';
import type { PdfView } from './pdf-view.js';
import type { PreviewSession } from './preview-session.js';
import { queryOf } from './preview-choices.js';

export interface RouteContext {
  session: PreviewSession;
  events: EventStream;
  pdf: PdfView;
  /** Resolves when the first build is done, so the first page load shows a page, not a placeholder. */
  firstBuild: Promise<void>;
  /** `host:port` values the server answers to (loopback only). */
  hosts: () => readonly string[];
  /** Shown in placeholder pages. */
  name: string;
  /** Shows another period or variant: rebuilds with these values and resolves when done. */
  select: (params: Record<string, string>) => Promise<void>;
}

/**
 * `/` the page with the live-update script (`/?period=2026-W10&region=US` switches to that
 * period and variant first), `/__preview/page` the page alone (what the script swaps in),
 * `/events` the build state stream, `/pdf` the printed PDF. Any other Host header is refused, so a
 * web page elsewhere cannot reach the preview through DNS rebinding.
 */
export async function handleRequest(ctx: RouteContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!ctx.hosts().includes(request.headers.host ?? '')) return text(response, 403, 'the preview answers only on its loopback address');
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(response, 405, 'method not allowed');
  const url = new URL(request.url ?? '/', 'http://preview.invalid');
  const path = url.pathname;
  const { session } = ctx;
  if (path === '/events') return ctx.events.open(response, 'state', session.state());
  await ctx.firstBuild;
  if (path === '/' || path === '/index.html') {
    // The values are checked by the pipeline like --param: a wrong one shows in the overlay.
    const asked = Object.fromEntries(url.searchParams);
    if (url.search !== '' && queryOf(asked) !== queryOf(session.params)) await ctx.select(asked);
    const page = session.page;
    const html = page ? page.job.html : placeholder(ctx.name);
    return send(response, 200, 'text/html; charset=utf-8', injectClient(html, page?.version ?? 'none'));
  }
  if (path === '/__preview/page') {
    const page = session.page;
    if (!page) return text(response, 404, 'no good build yet');
    response.setHeader('x-preview-version', page.version);
    return send(response, 200, 'text/html; charset=utf-8', page.job.html);
  }
  if (path === '/pdf') return pdf(ctx, response);
  return text(response, 404, 'not found');
}

async function pdf(ctx: RouteContext, response: ServerResponse): Promise<void> {
  const { session } = ctx;
  const page = session.page;
  if (!page || session.hasErrors) {
    const lines = session.state().errors;
    return text(response, 503, `no PDF: the briefing has errors; fix them and reload\n\n${lines.join('\n')}`);
  }
  try {
    const bytes = await ctx.pdf.pdf(page.version, page.job);
    const fileName = page.pdfName ?? `${ctx.name}.pdf`;
    response.setHeader('content-disposition', `inline; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
    send(response, 200, 'application/pdf', bytes);
  } catch (error) {
    text(response, 500, `printing failed: ${(error as Error).message}`);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}

function text(response: ServerResponse, status: number, body: string): void {
  send(response, status, 'text/plain; charset=utf-8', `${body}\n`);
}

function placeholder(name: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(name)} · preview</title></head>
<body><main style="font:16px/1.5 system-ui,sans-serif;padding:2rem"><p>Waiting for the first good build of <code>${escapeHtml(name)}</code>; its errors are listed above.</p></main></body></html>`;
}
