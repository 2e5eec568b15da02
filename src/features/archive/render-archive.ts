import Handlebars from 'handlebars';
import type { FontStore } from '../../edges/fonts/font-store.js';
import { labelsFor, type Labels } from '../../pipeline/templates/labels.js';
import { visibleText } from '../../pipeline/templates/layout-stage.js';
import { VERSION } from '../../version.js';
import type { ArchiveManifest } from './archive-manifest.js';

/** A period with its variants, as the index lists them. */
interface PeriodGroup {
  period: string;
  label: string;
  latest: boolean;
  entries: ArchiveManifest['entries'];
}

const PAGE = Handlebars.compile(`<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} — {{labels.archive}}</title>
<meta name="generator" content="{{generator}}">
<style>{{{css}}}</style>
</head>
<body>
<main class="document archive" id="bs-main">
<header class="archive-header">
<p class="archive-kicker">{{labels.archive}}</p>
<h1>{{title}}</h1>
{{#if latest}}<p class="archive-latest"><a href="{{latest}}/">{{labels.latest}}: {{latestLabel}}</a></p>{{/if}}
</header>
{{#each groups}}
<section class="archive-period" id="period-{{period}}">
<h2>{{label}}{{#if latest}} <span class="archive-badge">{{../labels.latest}}</span>{{/if}}</h2>
<ul class="archive-list">
{{#each entries}}
<li class="archive-entry">
<span class="archive-variant">{{#if variant}}{{variant}}{{else}}{{../../title}}{{/if}}</span>
{{#if headline}}<span class="archive-headline">{{headline}}</span>{{/if}}
<span class="archive-links">{{#if html}}<a href="{{html}}">HTML</a>{{/if}}{{#if pdf}} · <a href="{{pdf}}">PDF</a>{{/if}}</span>
</li>
{{/each}}
</ul>
</section>
{{/each}}
</main>
</body>
</html>
`);

const ARCHIVE_CSS = `
.archive { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
.archive-kicker { text-transform: uppercase; letter-spacing: .1em; font-size: .8rem; font-weight: 700; color: #1d4e89; margin: 0; }
.archive-header h1 { margin: .25rem 0 .5rem; }
.archive-period h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
.archive-badge { font-size: .7rem; background: #1d4e89; color: #fff; border-radius: 3px; padding: .1rem .4rem; vertical-align: middle; }
.archive-list { list-style: none; padding: 0; margin: 0; }
.archive-entry { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .5rem 0; border-top: 1px solid #e4e7eb; }
.archive-variant { font-weight: 700; min-width: 6rem; }
.archive-headline { flex: 1 1 16rem; color: #3e4c59; }
.archive-links { white-space: nowrap; }
`;

/** The archive index page: every period and variant with links to its HTML and PDF and its headline. */
export function renderArchivePage(manifest: ArchiveManifest, options: { lang: string; labels: Labels; css: string; generator: string }): string {
  const groups: PeriodGroup[] = [];
  for (const entry of manifest.entries) {
    const key = entry.period ?? '';
    let group = groups.find((g) => g.period === key);
    if (!group) {
      group = { period: key, label: entry.periodLabel ?? key, latest: groups.length === 0, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  const latest = groups[0];
  return PAGE({
    lang: options.lang,
    title: manifest.title,
    labels: options.labels,
    css: `${options.css}\n${ARCHIVE_CSS}`,
    generator: options.generator,
    groups,
    latest: latest && latest.period !== '' ? 'latest' : undefined,
    latestLabel: latest?.label,
  });
}

/**
 * The archive page in the briefing's language and template CSS, with the font subsets its text
 * needs embedded (so it is as self-contained as the issues it lists).
 */
export function archivePage(options: { lang: string; css: string; fonts?: FontStore | undefined }): (manifest: ArchiveManifest) => string {
  const labels = labelsFor(options.lang);
  const generator = `Briefsmith ${VERSION}`;
  return (manifest) => {
    const draft = renderArchivePage(manifest, { lang: options.lang, labels, css: '', generator });
    const faces = options.fonts ? `${options.fonts.faceCss(visibleText(draft))}\n` : '';
    return renderArchivePage(manifest, { lang: options.lang, labels, css: `${faces}${options.css}`, generator });
  };
}
