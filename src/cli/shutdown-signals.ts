import { killBrowsersNow } from '../edges/browser/browser-processes.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long a graceful stop may take before browsers are killed. */
export const GRACE_MS = 2000;

/**
 * Runs `stop` on the first SIGINT, SIGTERM or SIGHUP, and stays installed for the ones after it:
 * a second signal, or a stop still running after GRACE_MS, kills every browser of this process
 * (and removes its profile) synchronously and exits 130. Without this, a second
 * signal would end Node at once and leave Chromium, which runs in its own process group, behind.
 * Returns a function that uninstalls the handlers.
 */
export function onShutdownSignal(stop: () => void): () => void {
  let stopping = false;
  const force = () => {
    try {
      killBrowsersNow();
    } finally {
      process.exit(130); // staged output folders are dot-folders the next write tidies away
    }
  };
  const handle = () => {
    if (stopping) return force();
    stopping = true;
    setTimeout(force, GRACE_MS).unref();
    stop();
  };
  for (const signal of SIGNALS) process.on(signal, handle);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handle);
  };
}
