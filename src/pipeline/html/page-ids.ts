import GithubSlugger from 'github-slugger';

/** Ids the default template uses for its own landmarks; a heading "Sources" becomes `sources-1`. */
const LANDMARK_IDS = ['sources', 'sources-title', 'bs-main', 'bs-contents', 'bs-key-findings', 'bs-key-findings-title'];

/**
 * A slugger for ids on the page (GitHub-style, unique within the briefing), with the template's
 * landmarks and the given ids already taken. Each stage that names things makes its own: the
 * charts stage before figures have ids, the html stage with the figures' ids taken.
 */
export function pageIdSlugger(taken: readonly string[] = []): GithubSlugger {
  const slugger = new GithubSlugger();
  for (const id of [...LANDMARK_IDS, ...taken]) slugger.slug(id, false);
  return slugger;
}
