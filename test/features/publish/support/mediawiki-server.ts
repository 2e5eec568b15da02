import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startLoopbackServer } from '../../../support/loopback-server.js';

const MEDIAWIKI = '/usr/share/mediawiki';
const run = promisify(execFile);

export interface TestWiki {
  /** http://127.0.0.1:PORT/api.php */
  api: string;
  /** The bot password's user name, `Admin@briefsmith`. */
  user: string;
  password: string;
  stop(): Promise<void>;
}

export function mediawikiInstalled(): boolean {
  return existsSync(join(MEDIAWIKI, 'maintenance', 'install.php'));
}

/**
 * A throw-away MediaWiki (Debian's 1.39) on 127.0.0.1: SQLite database, uploads and cache in a
 * temporary folder, served by PHP's built-in server. The installation in /usr/share/mediawiki
 * is used read-only: the docroot is a folder of symlinks to it, and MW_CONFIG_FILE points
 * MediaWiki at our own LocalSettings.php. Setup takes a few seconds.
 */
export async function startTestWiki(): Promise<TestWiki> {
  if (!mediawikiInstalled()) throw new Error('MediaWiki is not installed: run scripts/setup-mediawiki.sh (as root)');
  const dir = mkdtempSync(join(tmpdir(), 'brief-mediawiki-'));
  const docroot = join(dir, 'docroot');
  const settings = join(dir, 'LocalSettings.php');
  for (const sub of ['data', 'images', 'cache', 'docroot']) mkdirSync(join(dir, sub), { recursive: true });
  for (const entry of readdirSync(MEDIAWIKI)) {
    if (entry !== 'LocalSettings.php' && entry !== 'images') symlinkSync(join(MEDIAWIKI, entry), join(docroot, entry));
  }
  symlinkSync(join(dir, 'images'), join(docroot, 'images'));
  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  const env = { ...process.env, MW_CONFIG_FILE: settings };
  const php = (script: string, args: string[]) => run('php', [join(MEDIAWIKI, 'maintenance', script), ...args], { env, timeout: 120_000 });

  await php('install.php', [
    '--dbtype', 'sqlite', '--dbpath', join(dir, 'data'), '--server', server, '--scriptpath', '', '--confpath', dir,
    '--pass', `Admin-${randomPassword()}`, '--lang', 'en', 'Briefsmith Test Wiki', 'Admin',
  ]);
  appendFileSync(
    settings,
    [
      '',
      '# Added for the publishing tests.',
      '$wgEnableUploads = true;',
      "$wgFileExtensions[] = 'svg';",
      "$wgFileExtensions[] = 'pdf';",
      '$wgUseImageMagick = false;',
      // A valid converter name turns on SVG support (sizes, thumbnails); rsvg-convert draws them
      // on request, and nothing is drawn while parsing.
      "$wgSVGConverter = 'rsvg';",
      '$wgGenerateThumbnailOnParse = false;',
      `$wgUploadDirectory = ${JSON.stringify(join(dir, 'images'))};`,
      "$wgUploadPath = '/images';",
      `$wgCacheDirectory = ${JSON.stringify(join(dir, 'cache'))};`,
      // Debian links extensions/ to /var/lib; load Cite (<ref>, <references />) from its real place.
      `wfLoadExtension( 'Cite', ${JSON.stringify(join(MEDIAWIKI, 'extensions-core', 'Cite', 'extension.json'))} );`,
      '',
    ].join('\n'),
  );
  // Bot passwords must be 32 characters of [0-9a-w]; anything else fails with a misleading
  // "incorrect username or password".
  const password = randomPassword();
  await php('createBotPassword.php', ['--appid', 'briefsmith', '--grants', 'basic,editpage,createeditmovepage,uploadfile,uploadeditmovefile,highvolume', 'Admin', password]);

  const api = `${server}/api.php`;
  // Served by PHP's built-in server, which forks workers: stop() ends its whole process group.
  const web = await startLoopbackServer({ name: 'MediaWiki (php -S)', port, command: 'php', args: (p) => ['-S', `127.0.0.1:${p}`, '-t', docroot], env, ready: () => answers(api) }).catch(
    (error: unknown) => {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    },
  );
  const stop = async () => {
    await web.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { api, user: 'Admin@briefsmith', password, stop };
}

function randomPassword(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvw';
  return Array.from({ length: 32 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

async function answers(api: string): Promise<boolean> {
  try {
    return (await fetch(`${api}?action=query&meta=siteinfo&format=json`)).ok;
  } catch {
    return false; // not listening yet
  }
}
