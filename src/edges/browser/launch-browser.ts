import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { killBrowsersOnExit, killGroup, liveBrowsers, removeProfile } from './browser-processes.js';

export { killBrowsersNow } from './browser-processes.js';

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

/** Starts Chromium with a fresh profile directory that is removed again on close. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findBrowser();
  const { default: puppeteer } = await import('puppeteer-core'); // lazy: HTML-only builds never load it
  const profile = mkdtempSync(join(tmpdir(), 'briefsmith-chromium-'));
  killBrowsersOnExit();
  liveBrowsers.set(profile, undefined);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // DevTools over a pipe, not a loopback port: no port for anything else on the machine to
      // reach, and Chromium exits when the pipe closes, so a process killed without a chance to
      // close it (SIGKILL, the OOM killer) leaves no browser running.
      pipe: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    liveBrowsers.delete(profile);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const pid = browser.process()?.pid;
  if (liveBrowsers.has(profile)) liveBrowsers.set(profile, pid);
  else if (pid !== undefined) killGroup(pid); // killBrowsersNow ran while it started
  let closed = false;
  return {
    browser,
    async close() {
      if (closed) return;
      closed = true;
      const pid = liveBrowsers.get(profile);
      try {
        await browser.close();
      } finally {
        if (pid !== undefined) killGroup(pid); // helpers that outlive the main process
        liveBrowsers.delete(profile);
        removeProfile(profile);
      }
    },
  };
}
