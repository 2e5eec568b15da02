import { HttpClient } from '../../../../src/features/publish/http/http-client.js';
import { MediawikiClient } from '../../../../src/features/publish/mediawiki/mediawiki-client.js';

/** Read-only looks at the test wiki through its API, to check what a publish did. */
async function query(api: string, params: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(`${api}?${new URLSearchParams({ ...params, format: 'json', formatversion: '2' })}`);
  return (await response.json()) as Record<string, unknown>;
}

type Page = { title: string; missing?: boolean; revisions?: Array<{ revid: number }>; imageinfo?: Array<{ timestamp: string; sha1: string }> };

function pages(answer: Record<string, unknown>): Page[] {
  return (answer['query'] as { pages?: Page[] } | undefined)?.pages ?? [];
}

/** Every revision id of a page, oldest first. */
export async function revisions(api: string, title: string): Promise<number[]> {
  const answer = await query(api, { action: 'query', prop: 'revisions', titles: title, rvprop: 'ids', rvlimit: 'max', rvdir: 'newer' });
  return (pages(answer)[0]?.revisions ?? []).map((r) => r.revid);
}

/** Upload timestamps of each version of each file (a re-upload adds a version). */
export async function fileVersions(api: string, names: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const name of names) {
    const answer = await query(api, { action: 'query', prop: 'imageinfo', iiprop: 'timestamp|sha1', iilimit: 'max', titles: `File:${name}` });
    out.set(name, (pages(answer)[0]?.imageinfo ?? []).map((i) => `${i.timestamp} ${i.sha1}`));
  }
  return out;
}

/** Every file on the wiki. */
export async function allFiles(api: string): Promise<string[]> {
  const answer = await query(api, { action: 'query', list: 'allimages', ailimit: 'max' });
  return ((answer['query'] as { allimages?: Array<{ name: string }> }).allimages ?? []).map((i) => i.name);
}

/** The page as MediaWiki renders it (action=parse). */
export async function renderedHtml(api: string, title: string): Promise<string> {
  const answer = await query(api, { action: 'parse', page: title, prop: 'text' });
  return (answer['parse'] as { text?: string } | undefined)?.text ?? '';
}

/** An edit made "by a person" on the wiki, behind Briefsmith's back. */
export async function editAsPerson(api: string, user: string, password: string, title: string, text: string): Promise<void> {
  const client = new MediawikiClient(api, new HttpClient({ cookies: true }));
  await client.login(user, password);
  const token = await client.csrfToken();
  const { now } = await client.readPages([title]);
  await client.edit({ title, text, summary: 'a person edits', mode: 'update', basetimestamp: undefined, starttimestamp: now }, token);
}

/** Every page title in the main namespace. */
export async function allPages(api: string): Promise<string[]> {
  const answer = await query(api, { action: 'query', list: 'allpages', aplimit: 'max' });
  return ((answer['query'] as { allpages?: Array<{ title: string }> }).allpages ?? []).map((p) => p.title);
}
