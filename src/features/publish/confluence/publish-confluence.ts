import type { ConfluenceTarget } from '../config/target-schema.js';
import { sha256Hex } from '../assets/hash.js';
import { HttpClient } from '../http/http-client.js';
import { computePlan, type DesiredFile, type DesiredPage, type RemoteFile, type RemotePage } from '../plan/compute-plan.js';
import { gatePlan, readCredential, recordKept, USER_AGENT, type PublishContext, type PublishOutcome } from '../publish-context.js';
import { atStep } from '../publish-error.js';
import { readRecord } from '../record/publish-record.js';
import { RecordKeeper } from '../record/record-keeper.js';
import { ConfluenceClient, type ConfluencePage } from './confluence-client.js';
import { toStorageFormat } from './to-storage.js';

/** Cloud serves the REST API under /wiki; Data Center under its own context path. */
export function confluenceApiBase(target: ConfluenceTarget): string {
  const url = target.url.replace(/\/+$/, '');
  return target.flavor === 'cloud' && !url.endsWith('/wiki') ? `${url}/wiki/rest/api` : `${url}/rest/api`;
}

/**
 * Confluence Cloud or Data Center: find the page by title in the space, create it under the
 * parent or update it with the next version number, then add or update the attachments whose
 * hash differs. The record is written after each request.
 */
export async function publishToConfluence(target: ConfluenceTarget, ctx: PublishContext): Promise<PublishOutcome> {
  const doc = ctx.document;
  const step = <T>(name: Parameters<typeof atStep>[1], run: () => Promise<T> | T) => atStep(ctx.name, name, run);
  const token = readCredential(ctx, target.tokenEnv, target.flavor === 'cloud' ? 'an Atlassian API token' : 'a personal access token');
  const authorization =
    target.flavor === 'cloud' ? `Basic ${Buffer.from(`${target.email ?? ''}:${token}`).toString('base64')}` : `Bearer ${token}`;
  ctx.secrets.add(authorization.slice(authorization.indexOf(' ') + 1));
  const client = new ConfluenceClient(confluenceApiBase(target), new HttpClient({ ...ctx.http, headers: { Authorization: authorization, 'User-Agent': USER_AGENT } }));

  const title = doc.period ? `${target.page ?? doc.title} (${doc.period})` : (target.page ?? doc.title);
  const body = toStorageFormat(doc);
  const pages: DesiredPage[] = [{ title, text: body, sha256: sha256Hex(body) }];
  const files: DesiredFile[] = doc.assets.map((asset) => ({ name: asset.name, asset }));
  const record = readRecord(ctx.recordPath, { target: ctx.name, type: 'confluence', location: `${target.url} space ${target.space}` });

  const found = await step('read', async () => {
    const page = await client.findPage(target.space, title);
    return { page, attachments: page ? await client.listAttachments(page.id) : [] };
  });
  const remotePages = new Map<string, RemotePage>();
  if (found.page) remotePages.set(title, { id: found.page.id, revision: String(found.page.version), sha256: sha256Hex(found.page.body ?? '') });
  const remoteFiles = new Map<string, RemoteFile>(
    found.attachments.map((a) => [a.filename, { id: a.id, ...(a.sha256 ? { sha256: a.sha256 } : {}) }]),
  );
  const plan = computePlan({ pages, files, remote: { pages: remotePages, files: remoteFiles }, record, force: ctx.force });
  const location = `${target.url} space ${target.space}, page "${title}"`;
  const keeper = new RecordKeeper(ctx.recordPath, record);
  if (gatePlan(plan, ctx, `plan for "${ctx.name}" (Confluence ${target.flavor} ${target.url}, space ${target.space}):`) === 'done') {
    if (!ctx.dryRun) recordKept(plan, keeper);
    return { changes: 0, location };
  }
  recordKept(plan, keeper);

  let changes = 0;
  // The page first: attachments hang off it, so a new page must exist before they can.
  let pageId = found.page?.id;
  for (const action of plan.pages) {
    if (action.action === 'keep') continue;
    let saved: ConfluencePage;
    if (action.action === 'create') {
      saved = await step('create page', () => client.createPage({ space: target.space, title, parentId: target.parentId, body }));
    } else {
      const version = Number(action.remote.revision) + 1;
      const message = target.message ?? 'Published by Briefsmith';
      saved = await step('update page', () => client.updatePage({ id: action.remote.id, space: target.space, title, version, body, message }));
    }
    pageId = saved.id;
    const storedSha256 = sha256Hex(saved.body ?? body);
    await step('record', () => keeper.page(title, { id: saved.id, revision: String(saved.version), sha256: action.page.sha256, storedSha256 }));
    ctx.log(`✓ ${action.action === 'create' ? 'created' : 'updated'} page "${title}" (version ${saved.version})`);
    changes++;
  }
  for (const action of plan.files) {
    if (action.action === 'keep' || pageId === undefined) continue;
    const file = { filename: action.file.name, bytes: action.file.asset.bytes, mime: action.file.asset.mime, sha256: action.file.asset.sha256 };
    const id = pageId;
    const saved = await step('attach', () =>
      action.action === 'replace' && action.remote.id ? client.updateAttachmentData(id, action.remote.id, file) : client.createAttachment(id, file),
    );
    await step('record', () => keeper.file(action.file.name, { sha256: action.file.asset.sha256, id: saved.id }));
    ctx.log(`✓ ${action.action === 'upload' ? 'attached' : 'replaced'} ${action.file.name}`);
    changes++;
  }
  return { changes, location };
}
