/**
 * Turns results.json into the Markdown table printed at the end of `npm run bench` (and pasted into
 * README.md). Each row says what was measured, the median, the ratio it feeds and the target, so
 * the table can be read without the code.
 */

const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x).toLocaleString('en')} ms`);
const met = (t) => (t ? (t.met ? 'yes' : '**no**') : '');
const limit = (t, unit = '') => (t ? `${t.op === '<=' ? '≤' : '≥'} ${t.limit}${unit}` : '');

function row(cells) {
  return `| ${cells.join(' | ')} |`;
}

/** Rows for (a)–(c) of one briefing. */
function briefingRows(name, m) {
  const rows = [];
  if (m.html?.median !== undefined) {
    const charts = m.html.stageMedians?.charts === undefined ? '' : `; charts ${ms(m.html.stageMedians.charts)}`;
    rows.push(row(['a', `HTML build, in-process, warm, every chart drawn — ${name} (CPU ${ms(m.html.cpu.median)}${charts})`, ms(m.html.median), '', limit(m.html.target, ' ms'), met(m.html.target)]));
  }
  if (m.htmlCached?.median !== undefined) {
    const c = m.htmlCached;
    const what = `HTML build, in-process, warm, no chart or dataset changed (charts, templates, prose and Markdown from memory caches) — ${name} (CPU ${ms(c.cpu.median)}; ${list(c.stageMedians)})`;
    rows.push(row(["a'", what, ms(c.median), '', limit(c.target, ' ms'), met(c.target)]));
  }
  if (m.pdf?.median !== undefined) {
    const { pdf, floor, ratio } = m;
    const detail = `render ${ms(pdf.renderMedian)} + print ${ms(pdf.printMedian)}; ${pdf.pages} pages; prints per PDF: ${[...new Set(pdf.prints)].join('/')}; pdfjs read-back ${ms(pdf.pdfjsReadMedian)} per print`;
    rows.push(row(['b', `PDF end to end, warm browser — ${name} (${detail})`, ms(pdf.median), `(b)/(c) = ${ratio.value}`, '≤ 1.25 × (c)', met(ratio.target)]));
    rows.push(row(['c', `floor: one page.pdf() of the same HTML — ${name}`, ms(floor.median), '', '', '']));
  }
  for (const [what, e] of Object.entries(m)) if (e?.error) rows.push(row(['!', `${what} — ${name} failed: ${e.error.split('\n')[0]}`, '', '', '', '']));
  return rows;
}

export function markdownTable(results) {
  const { measurements: m } = results;
  const rows = [row(['', 'Measurement', 'Median', 'Ratio', 'Target', 'Met']), row(['---', '---', '---:', '---', '---', '---'])];
  rows.push(...briefingRows('deepseek-moment', m.example ?? {}));
  rows.push(...briefingRows(`synthetic (${m.synthetic?.pdf?.pages ?? '~30'} pages, 20 charts)`, m.synthetic ?? {}));
  const { batch, peer, cold } = m;
  if (batch?.seconds !== undefined) {
    const cpu = batch.cpuSecondsPerBriefing === undefined ? '' : `${batch.cpuSecondsPerBriefing} CPU s per briefing; `;
    const mem = `${cpu}Node peak RSS ${batch.nodePeakRssMiB} MiB, Node+Chromium peak PSS ${batch.treePeakPssMiB} MiB`;
    rows.push(row(['d', `batch: ${batch.briefings} × example, one \`brief build --format pdf\` (${mem})`, `${batch.seconds} s = ${batch.perMinute}/min`, '', '', '']));
  }
  if (peer?.seconds !== undefined) {
    const r = results.ratios.batchOverPeer;
    const how = peer.oneInvocation
      ? `ONE invocation failed (${peer.oneInvocation.pdfs}/${peer.documents} PDFs after ${peer.oneInvocation.seconds} s: ${peer.oneInvocation.reason}); figures from ${peer.mode}`
      : 'one invocation';
    const cpu = peer.cpuSecondsPerDocument === undefined ? '' : `${peer.cpuSecondsPerDocument} CPU s per document; `;
    const byCpu = results.ratios.batchOverPeerByCpu ? `; by CPU s per document: ${results.ratios.batchOverPeerByCpu.value}` : '';
    const what = `md-to-pdf ${peer.version}: ${peer.documents} Markdown files, ${how}; no charts (${cpu}Node+Chromium peak PSS ${peer.treePeakPssMiB} MiB)`;
    rows.push(row(['e', what, `${peer.seconds} s = ${peer.perMinute}/min`, r ? `(d)/(e) = ${r.value}${byCpu}` : '', '≥ 1.5', met(r?.target)]));
  }
  if (cold?.wall) {
    const cpu = cold.cpu ? ` (CPU ${ms(cold.cpu.median)})` : '';
    rows.push(row(['f', `cold \`brief build content/deepseek-moment --format html\`, fresh process, a rebuild: charts from \`out/.cache\`${cpu}`, ms(cold.wall.median), '', '≤ 1000 ms', met(cold.target)]));
    if (cold.uncached) {
      const u = cold.uncached;
      const ucpu = u.cpu ? ` (CPU ${ms(u.cpu.median)})` : '';
      rows.push(row(["f'", `the same with \`--no-cache\` (every chart drawn; alternating with (f))${ucpu}`, ms(u.wall.median), '', '≤ 1000 ms', met(u.target)]));
    }
  }
  const { weekly8, preview, variants } = m;
  if (weekly8?.ours) {
    const cpu = (x) => (x.cpu ? `, CPU ${ms(x.cpu.median)}` : '');
    rows.push(row(['h', `batch: 8 weekly periods, HTML + PDF, one \`brief build --period 2026-W01..2026-W08\` (fresh output folder${cpu(weekly8.ours)})`, ms(weekly8.ours.median), `(h)/(h0) = ${weekly8.ratio.value}`, '≤ 1.3 × (h0)', met(weekly8.ratio.target)]));
    rows.push(row(['h0', `floor: one Chromium printing the same 8 pages, ${weekly8.tabs} tabs (alternating with (h)${cpu(weekly8.floor)})`, ms(weekly8.floor.median), '', '', '']));
  }
  if (preview?.paragraph) {
    rows.push(row(['i', 'preview: save a paragraph → rebuilt page announced (SSE), example', ms(preview.paragraph.median), '', '≤ 250 ms', met(preview.paragraph.target)]));
    rows.push(row(["i'", 'preview: save a chart spec → rebuilt page announced (one chart redrawn), example', ms(preview.chart.median), '', '≤ 400 ms', met(preview.chart.target)]));
  }
  if (variants?.large) {
    const { small, large } = variants;
    const what = `memory: ${large.variants} variants, one \`brief build --matrix --format html\` (${large.seconds} s; with ${small.variants} variants: ${small.nodePeakRssMiB} MiB)`;
    rows.push(row(['j', what, `${large.nodePeakRssMiB} MiB peak RSS`, '', '≤ 400 MiB', met(variants.target)]));
    const bounded = variants.bounded;
    if (bounded) {
      const cpu = (x) => `${x.cpuSeconds} CPU s`;
      const how = `the same with \`NODE_OPTIONS=--max-old-space-size=${bounded.heapBoundMiB}\` (${bounded.seconds} s, ${cpu(bounded)} against ${cpu(large)})`;
      rows.push(row(["j'", how, `${bounded.nodePeakRssMiB} MiB peak RSS`, '', '≤ 400 MiB', met(bounded.target)]));
    }
  }
  const { weekly } = m;
  if (weekly?.seconds !== undefined) {
    const mem = `Node peak RSS ${weekly.nodePeakRssMiB} MiB, Node+Chromium peak PSS ${weekly.treePeakPssMiB} MiB`;
    const what = `52 weekly PDFs of open-model-weekly, one \`brief build --period 2026-W01..2026-W52\` (${mem}; per-brief median ${weekly.perBriefMedianSeconds} s with 2 at once)`;
    rows.push(row(['g', what, `${weekly.seconds} s = ${weekly.perMinute}/min`, '', '', '']));
  }
  for (const key of ['batch', 'peer', 'cold', 'weekly', 'weekly8', 'preview', 'variants']) if (m[key]?.error) rows.push(row(['!', `${key} failed: ${m[key].error.split('\n')[0]}`, '', '', '', '']));
  return rows.join('\n');
}

const list = (o) => Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(', ');

/** Where the time of a render and of a cold start goes, as short Markdown paragraphs. */
export function breakdowns(results) {
  const out = [];
  const html = results.measurements.example?.html;
  if (html?.stageMedians) out.push(`**Warm render of the example, by stage (medians):** ${list(html.stageMedians)}.`);
  const cold = results.measurements.cold;
  if (cold?.breakdown) {
    const { phases, firstRenderStages, secondRenderStages } = cold.breakdown;
    out.push(
      `**Cold start, by phase (one probe run):** Node start-up ${ms(phases.nodeStartup)}; loading the CLI's modules ${ms(phases.importCli)}; ` +
        `template library + font store ${ms(phases.templateLibrary + phases.fontStore)}; first render ${ms(phases.firstRender)} (${list(firstRenderStages)}); ` +
        `write ${ms(phases.write)}. The same render again in that process: ${ms(phases.secondRender)} (${list(secondRenderStages)}).`,
    );
    out.push(`**Cold start, CPU self time by owner (profiled run, ${ms(cold.profile.spanMs)} span):** ${cold.profile.byOwner.map((o) => `${o.name} ${ms(o.ms)}`).join(', ')}.`);
  }
  return out.join('\n\n');
}
