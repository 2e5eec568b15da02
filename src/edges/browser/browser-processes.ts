import { existsSync, rmSync } from 'node:fs';

// Apart from launch-browser.ts, so that the shutdown-signal handling every build installs can kill
// browsers without loading the code that starts them (an HTML-only build never does).

/**
 * Browsers of this process that are not closed yet: profile folder → Chromium's pid (unknown while
 * it starts). Puppeteer starts Chromium in a process group of its own, so a signal sent to ours
 * never reaches it; `killBrowsersNow` is the synchronous last resort when a graceful close cannot
 * finish (a second Ctrl-C, a close that hangs, the process exiting).
 */
export const liveBrowsers = new Map<string, number | undefined>();
let exitHookInstalled = false;

/** Once per process: browsers still open when it exits are killed. */
export function killBrowsersOnExit(): void {
  if (!exitHookInstalled) process.once('exit', killBrowsersNow);
  exitHookInstalled = true;
}

export function killBrowsersNow(): void {
  for (const [profile, pid] of liveBrowsers) {
    if (pid !== undefined) killGroup(pid);
    removeProfile(profile);
  }
  liveBrowsers.clear();
}

/**
 * Chromium's helper processes can outlive its main process by a moment and keep writing into the
 * profile, even recreating folders just removed: remove, wait a little, and look again (at most
 * about two seconds; this runs on the way out, when nothing else is waiting).
 */
export function removeProfile(profile: string): void {
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
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
