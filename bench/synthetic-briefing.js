/**
 * Generates a large briefing folder for the benchmark: about 30 printed A4 pages with 20 charts.
 * The example briefing is one realistic size; this one shows how costs grow with charts and text,
 * which is where a batch of real briefings spends its time. Everything comes from a seeded PRNG,
 * so every run measures exactly the same document.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: tiny, fast, good enough for filler text and plausible numbers; seeded = deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plain words only: no Markdown or Handlebars syntax can appear by accident.
const WORDS = (
  'market demand supply region growth margin capacity pricing customer segment channel retail wholesale online ' +
  'service contract forecast quarter annual revenue cost volume share trend signal risk exposure policy budget ' +
  'investment return portfolio network logistics inventory procurement vendor partner operator platform product ' +
  'category launch adoption retention churn cohort baseline scenario outlook estimate survey sample measure ' +
  'indicator benchmark efficiency productivity output input energy transport storage housing labour wage ' +
  'employment training skills compliance audit governance reporting disclosure standard framework program ' +
  'initiative pilot rollout phase milestone delay shortfall surplus buffer reserve liquidity credit lending ' +
  'borrowing rate inflation index consumer household business sector industry cluster corridor hub'
).split(' ');
const LINKS = 'the a of in for with across while because although as and but or which that than'.split(' ');
const VERBS = 'rose fell held widened narrowed shifted recovered slowed accelerated stabilised diverged converged'.split(' ');

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Coastal'];
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const SERIES = ['Retail', 'Wholesale', 'Online', 'Services'];
const CATEGORIES = ['Hardware', 'Software', 'Consumables', 'Support'];
const METRICS = [
  ['revenue', 'Revenue (million)'],
  ['cost', 'Cost (million)'],
  ['units', 'Units sold (thousand)'],
];

function words(rand, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const pool = i % 3 === 1 ? LINKS : i % 7 === 4 ? VERBS : WORDS;
    out.push(pool[Math.floor(rand() * pool.length)]);
  }
  return out;
}

function sentence(rand) {
  const w = words(rand, 10 + Math.floor(rand() * 13));
  if (w.length > 12 && rand() < 0.4) w[6] = `${w[6]},`;
  const text = w.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand, sentences) {
  return Array.from({ length: sentences }, () => sentence(rand)).join(' ');
}

function title(rand, n) {
  const text = words(rand, n).filter((w) => !LINKS.includes(w)).join(' ') || 'overview';
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}

function csv(header, rows) {
  return `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

/** Three datasets: regional yearly panel, monthly series, product cross-section. */
function datasets(rand) {
  const regions = [];
  for (const [r, region] of REGIONS.entries()) {
    for (const [y, year] of YEARS.entries()) {
      const revenue = Math.round((80 + r * 25) * (1 + 0.06 * y) * (0.9 + rand() * 0.2));
      regions.push([region, year, revenue, Math.round(revenue * (0.55 + rand() * 0.2)), Math.round(revenue * (3 + rand()))]);
    }
  }
  const monthly = [];
  for (let m = 0; m < 36; m++) {
    const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    for (const [s, series] of SERIES.entries()) {
      monthly.push([month, series, Math.round((50 + s * 20) * (1 + m * 0.02) * (1 + 0.15 * Math.sin((m + s) / 2)) * (0.92 + rand() * 0.16))]);
    }
  }
  const products = Array.from({ length: 40 }, (_, i) => {
    const price = Math.round((10 + rand() * 190) * 100) / 100;
    return [`P${String(i + 1).padStart(2, '0')}`, CATEGORIES[i % 4], price, Math.round((0.1 + rand() * 0.5) * 1000) / 1000, Math.round(200 + rand() * 5000)];
  });
  return {
    'regions.csv': csv(['region', 'year', 'revenue', 'cost', 'units'], regions),
    'monthly.csv': csv(['month', 'series', 'value'], monthly),
    'products.csv': csv(['product', 'category', 'price', 'margin', 'volume'], products),
  };
}

/** Chart `i` of 20: bar, line, grouped bar, scatter, small multiples in turn, each a little different. */
function chartSpec(i) {
  const [metric, label] = METRICS[i % METRICS.length];
  const year = YEARS[YEARS.length - 1 - (i % 4)];
  const schema = 'https://vega.github.io/schema/vega-lite/v6.json';
  switch (i % 5) {
    case 0:
      return {
        $schema: schema,
        description: `Bar chart of ${label.toLowerCase()} by region in ${year}; synthetic benchmark data.`,
        data: { name: 'regions' },
        transform: [{ filter: { field: 'year', equal: year } }],
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'region', type: 'nominal', sort: '-y', title: 'Region' },
          y: { field: metric, type: 'quantitative', title: label },
        },
      };
    case 1:
      return {
        $schema: schema,
        description: `Line chart of monthly values for ${i % 2 === 0 ? 'all four' : 'two'} channels, 2023 to 2025; synthetic benchmark data.`,
        data: { name: 'monthly' },
        transform: [{ filter: { field: 'series', oneOf: i % 2 === 0 ? SERIES : SERIES.slice(i % 3, (i % 3) + 2) } }],
        mark: { type: 'line', point: true, tooltip: true },
        encoding: {
          x: { field: 'month', type: 'temporal', timeUnit: 'utcyearmonth', title: 'Month', axis: { format: '%b %Y' } },
          y: { field: 'value', type: 'quantitative', title: 'Value' },
          color: { field: 'series', type: 'nominal', title: 'Channel' },
        },
      };
    case 2:
      return {
        $schema: schema,
        description: `Grouped bar chart of ${label.toLowerCase()} by region for ${year - 2} to ${year}; synthetic benchmark data.`,
        data: { name: 'regions' },
        transform: [{ filter: { field: 'year', range: [year - 2, year] } }],
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'region', type: 'nominal', title: 'Region' },
          xOffset: { field: 'year', type: 'nominal' },
          y: { field: metric, type: 'quantitative', title: label },
          color: { field: 'year', type: 'nominal', title: 'Year' },
        },
      };
    case 3:
      return {
        $schema: schema,
        description: 'Scatter plot of price against margin for 40 products, sized by volume and coloured by category; synthetic benchmark data.',
        data: { name: 'products' },
        mark: { type: 'point', filled: true, tooltip: true },
        encoding: {
          x: { field: 'price', type: 'quantitative', title: 'Price' },
          y: { field: 'margin', type: 'quantitative', title: 'Margin', axis: { format: '.0%' } },
          size: { field: 'volume', type: 'quantitative', title: 'Volume' },
          color: { field: 'category', type: 'nominal', title: 'Category' },
        },
      };
    default:
      return {
        $schema: schema,
        description: `Small multiples of ${label.toLowerCase()} per year, one panel per region; synthetic benchmark data.`,
        data: { name: 'regions' },
        facet: { field: 'region', type: 'nominal', title: null },
        columns: 3,
        spec: {
          width: 170,
          height: 90,
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x: { field: 'year', type: 'ordinal', title: 'Year' },
            y: { field: metric, type: 'quantitative', title: label },
          },
        },
        resolve: { scale: { y: 'independent' } },
      };
  }
}

const KINDS = ['by region', 'monthly by channel', 'by region and year', 'price against margin', 'per region over time'];

function table(rand) {
  const rows = REGIONS.map((r) => `| ${r} | ${Math.round(rand() * 900 + 100)} | ${(rand() * 20 - 5).toFixed(1)}% | ${title(rand, 3)} |`);
  return ['| Region | Index | Change | Note |', '|---|---:|---:|---|', ...rows].join('\n');
}

/** One `##` section with `###` subsections, its share of the 20 charts, citations and maybe a table. */
function section(rand, s, charts, opts) {
  const out = [`## ${title(rand, 4)}`, ''];
  out.push(
    `Across the panel, revenue summed to {{num (sum "regions" "revenue")}} over {{count "regions"}} observations, ` +
      `and the largest monthly value was {{max "monthly" "value"}}, a change of {{delta 0.0${s + 1}}} on the prior reading.[^s${s}-a] ` +
      paragraph(rand, 4),
    '',
  );
  for (let sub = 0; sub < opts.subsections; sub++) {
    out.push(`### ${title(rand, 3)}`, '');
    for (let p = 0; p < opts.paragraphs; p++) {
      const cite = p === 1 && sub === 0 ? `[^s${s}-b]` : '';
      out.push(`${paragraph(rand, opts.sentences)}${cite}`, '');
    }
    const chart = charts.shift();
    if (chart !== undefined) {
      const n = String(chart + 1).padStart(2, '0');
      out.push(`::chart{src="charts/chart-${n}.vl.json" caption="Synthetic ${KINDS[chart % 5]}, chart ${chart + 1} of 20" id="fig-synthetic-${n}"}`, '');
      out.push(paragraph(rand, 3), '');
    }
    if (sub === 1 && s % 4 === 1) out.push(table(rand), '');
  }
  out.push(`[^s${s}-a]: Synthetic source ${s}a, generated for the Briefsmith benchmark, page ${s * 3 + 1}.`, '');
  out.push(`[^s${s}-b]: Synthetic source ${s}b, generated for the Briefsmith benchmark, table ${s + 2}.`, '');
  return out.join('\n');
}

/**
 * Writes the briefing into `dir` (replacing it). Sizes were tuned so the default template prints
 * about 30 A4 pages; `opts` lets a caller scale them.
 */
export function writeSyntheticBriefing(dir, opts = {}) {
  const { sections = 9, subsections = 3, paragraphs = 2, sentences = 4, seed = 20260128 } = opts;
  const rand = prng(seed);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['sections', 'data', 'charts']) mkdirSync(join(dir, sub), { recursive: true });
  for (const [name, text] of Object.entries(datasets(rand))) writeFileSync(join(dir, 'data', name), text);
  for (let i = 0; i < 20; i++) {
    writeFileSync(join(dir, 'charts', `chart-${String(i + 1).padStart(2, '0')}.vl.json`), `${JSON.stringify(chartSpec(i), null, 2)}\n`);
  }
  const frontMatter = [
    '---',
    'title: "Synthetic Benchmark Briefing"',
    'subtitle: "Generated text, tables and twenty charts for measuring Briefsmith"',
    'date: 2026-01-28',
    'authors:',
    '  - name: Briefsmith Benchmark',
    'summary: "A deterministic synthetic briefing of about thirty printed pages used to measure rendering time."',
    'lang: en',
    'classification: Internal',
    'keywords: [benchmark, synthetic]',
    'slug: synthetic-benchmark',
    '---',
    '',
  ].join('\n');
  const intro = [paragraph(rand, 5), '', ...Array.from({ length: 5 }, (_, i) => `${i + 1}. **${title(rand, 3)}.** ${sentence(rand)}`), ''];
  writeFileSync(join(dir, 'brief.md'), `${frontMatter}\n${intro.join('\n')}\n`);
  // 20 charts spread evenly over the sections; each subsection takes the next of its section's charts.
  for (let s = 1; s <= sections; s++) {
    const from = Math.floor((20 * (s - 1)) / sections);
    const mine = Array.from({ length: Math.floor((20 * s) / sections) - from }, (_, i) => from + i);
    const text = section(rand, s, mine, { subsections: Math.max(subsections, mine.length), paragraphs, sentences });
    writeFileSync(join(dir, 'sections', `${String(s).padStart(2, '0')}-section.md`), text);
  }
  return dir;
}
