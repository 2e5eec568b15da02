import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/** Debian's Chromium and the usual system places; `PUPPETEER_EXECUTABLE_PATH` wins. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export class BrowserNotFound extends Error {
  constructor() {
    super(
      'no Chromium found: install Debian\'s package (apt-get install --no-install-recommends chromium) or set PUPPETEER_EXECUTABLE_PATH',
    );
    this.name = 'BrowserNotFound';
  }
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['PUPPETEER_EXECUTABLE_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFound();
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new BrowserNotFound();
  return found;
}

/** Flags that keep a headless Chromium quiet on a closed network and workable as root in containers. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--font-render-hinting=none',
];

export interface LaunchedBrowser {
  browser: Browser;
  /** Closes the browser and removes its profile directory; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Browsers of this process that are not closed yet: profile folder → Chromium's pid (unknown while
 * it starts). Puppeteer starts Chromium in a process group of its own, so a signal sent to ours
 * never reaches it; `killBrowsersNow` is the synchronous last resort when a graceful close cannot
 * finish (a second Ctrl-C, a close that hangs, the process exiting).
 */
const live = new Map<string, number | undefined>();
let exitHookInstalled = false;

export function killBrowsersNow(): void {
  for (const [profile, pid] of live) {
    if (pid !== undefined) killGroup(pid);
    removeProfile(profile);
  }
  live.clear();
}

/**
 * Chromium's helper processes can outlive its main process by a moment and keep writing into the
 * profile, even recreating folders just removed: remove, wait a little, and look again (at most
 * about two seconds; this runs on the way out, when nothing else is waiting).
 */
function removeProfile(profile: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // ENOTEMPTY while a helper still writes: the next round gets it
    }
    Atomics.wait(pause, 0, 0, 100);
    if (!existsSync(profile)) return;
  }
}

/** Chromium leads its own process group (puppeteer starts it detached): kill the whole group. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Starts Chromium with a fresh profile directory that is removed again on close. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findBrowser();
  const { default: puppeteer } = await import('puppeteer-core'); // lazy: HTML-only builds never load it
  const profile = mkdtempSync(join(tmpdir(), 'briefsmith-chromium-'));
  if (!exitHookInstalled) process.once('exit', killBrowsersNow);
  exitHookInstalled = true;
  live.set(profile, undefined);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    live.delete(profile);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const pid = browser.process()?.pid;
  if (live.has(profile)) live.set(profile, pid);
  else if (pid !== undefined) killGroup(pid); // killBrowsersNow ran while it started
  let closed = false;
  return {
    browser,
    async close() {
      if (closed) return;
      closed = true;
      const pid = live.get(profile);
      try {
        await browser.close();
      } finally {
        if (pid !== undefined) killGroup(pid); // helpers that outlive the main process
        live.delete(profile);
        removeProfile(profile);
      }
    },
  };
}
