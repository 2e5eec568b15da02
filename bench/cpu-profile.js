/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) by where the code lives: an npm package,
 * a folder of dist/, Node's internals (mostly module loading: reading, compiling, resolving), or
 * the garbage collector. Per-function lists are long and noisy; per-package self time says which
 * dependency or stage a cold start pays for, which is what someone trimming start-up needs.
 */
import { readFileSync } from 'node:fs';

function owner(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/dist\/(.+)\/[^/]+$/.exec(url) ?? /\/dist\/([^/]+)$/.exec(url);
  if (ours) return `dist/${ours[1]}`;
  if (url.startsWith('node:')) return 'node internals (module loader, fs, …)';
  return url;
}

/** Self time in ms per owner and per function, largest first, plus the profile's total span. */
export function summarizeProfile(path, top = 12) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byOwner = new Map();
  const byFunction = new Map();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const { url, functionName, lineNumber } = nodes.get(id).callFrame;
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000) }));
  return { spanMs: Math.round((profile.endTime - profile.startTime) / 1000), byOwner: rank(byOwner), byFunction: rank(byFunction) };
}
