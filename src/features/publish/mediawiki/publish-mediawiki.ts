import type { MediawikiTarget } from '../config/target-schema.js';
import { sha256Hex } from '../assets/hash.js';
import { HttpClient } from '../http/http-client.js';
import { computePlan, type DesiredFile, type DesiredPage } from '../plan/compute-plan.js';
import { gatePlan, readCredential, recordKept, USER_AGENT, type PublishContext, type PublishOutcome } from '../publish-context.js';
import { atStep } from '../publish-error.js';
import { readRecord } from '../record/publish-record.js';
import { RecordKeeper } from '../record/record-keeper.js';
import { MediawikiClient } from './mediawiki-client.js';
import { fileTitle, indexPageText, pageNames } from './page-names.js';
import { toWikitext } from './to-wikitext.js';

/**
 * MediaWiki: log in with a bot password, read the pages and files the plan needs, print the
 * plan, then upload the files that differ and edit the pages that differ, writing the publish
 * record after each request.
 */
export async function publishToMediawiki(target: MediawikiTarget, ctx: PublishContext): Promise<PublishOutcome> {
  const doc = ctx.document;
  const step = <T>(name: Parameters<typeof atStep>[1], run: () => Promise<T> | T) => atStep(ctx.name, name, run);
  const password = readCredential(ctx, target.passwordEnv, `the bot password of ${target.user}`);
  const client = new MediawikiClient(target.api, new HttpClient({ ...ctx.http, cookies: true, headers: { 'User-Agent': USER_AGENT } }));
  await step('login', () => client.login(target.user, password));

  const record = readRecord(ctx.recordPath, { target: ctx.name, type: 'mediawiki', location: target.api });
  const names = pageNames(target.page ?? doc.title, doc.period);
  const pages: DesiredPage[] = [desiredPage(names.page, toWikitext(doc, { fileName: fileTitle }))];
  if (names.index) pages.push(desiredPage(names.index, indexPageText(names.index, [...Object.keys(record.pages), names.page], doc.summary)));
  const files: DesiredFile[] = doc.assets.map((asset) => ({ name: fileTitle(asset.name), asset }));

  const { remotePages, remoteFiles, now } = await step('read', async () => {
    const read = await client.readPages(pages.map((p) => p.title));
    return { remotePages: read.pages, now: read.now, remoteFiles: await client.readFiles(files.map((f) => f.name)) };
  });
  const plan = computePlan({ pages, files, remote: { pages: remotePages, files: remoteFiles }, record, force: ctx.force });
  const location = `${target.api.replace(/api\.php$/, 'index.php')}?title=${encodeURIComponent(names.page.replace(/ /g, '_'))}`;
  if (gatePlan(plan, ctx, `plan for "${ctx.name}" (MediaWiki ${target.api}):`) === 'done') {
    if (!ctx.dryRun) recordKept(plan, new RecordKeeper(ctx.recordPath, record));
    return { changes: 0, location };
  }

  const keeper = new RecordKeeper(ctx.recordPath, record);
  recordKept(plan, keeper);
  const token = await step('login', () => client.csrfToken());
  const summary = target.summary ?? `Published by Briefsmith from ${doc.slug}`;
  let changes = 0;
  // Files first, so the page never shows a red link to a chart that is about to arrive.
  for (const file of plan.files) {
    if (file.action === 'keep') continue;
    await step('upload', () => client.upload({ name: file.file.name, bytes: file.file.asset.bytes, mime: file.file.asset.mime }, summary, token));
    await step('record', () => keeper.file(file.file.name, { sha256: file.file.asset.sha256 }));
    ctx.log(`✓ ${file.action === 'upload' ? 'uploaded' : 'replaced'} File:${file.file.name}`);
    changes++;
  }
  for (const page of plan.pages) {
    if (page.action === 'keep') continue;
    const remote = page.action === 'update' ? page.remote : undefined;
    const edit = await step('edit', () =>
      client.edit(
        { title: page.page.title, text: page.page.text, summary, mode: remote ? 'update' : 'create', basetimestamp: remote?.timestamp, starttimestamp: now },
        token,
      ),
    );
    const revision = String(edit.revid ?? remote?.revision ?? '');
    await step('record', () => keeper.page(page.page.title, { id: String(edit.pageid), revision, sha256: page.page.sha256, storedSha256: page.page.sha256 }));
    ctx.log(edit.nochange ? `✓ page "${page.page.title}" already had this text` : `✓ ${remote ? 'updated' : 'created'} page "${page.page.title}" (revision ${revision})`);
    if (!edit.nochange) changes++;
  }
  return { changes, location };
}

function desiredPage(title: string, text: string): DesiredPage {
  return { title, text, sha256: sha256Hex(text) };
}
