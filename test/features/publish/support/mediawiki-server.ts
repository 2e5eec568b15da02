import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

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

  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', docroot], { env, detached: true, stdio: 'ignore' });
  const stop = async () => {
    await killGroup(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForApi(`${server}/api.php`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { api: `${server}/api.php`, user: 'Admin@briefsmith', password, stop };
}

function randomPassword(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvw';
  return Array.from({ length: 32 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForApi(api: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const response = await fetch(`${api}?action=query&meta=siteinfo&format=json`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`MediaWiki did not answer at ${api}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `php -S` forks workers that keep the port: stop the whole process group. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}
