/**
 * (j): memory of a big batch — one `brief build --format html` over N variants of a small
 * synthetic briefing (`--matrix n=1,…,N`; each variant filters its own rows, so every chart is
 * drawn, none reused), and the same with N/5 variants: Node's peak RSS should not grow with N
 * (nothing may accumulate per job). HTML only: printing 1,000 PDFs would take most of an hour.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMeasured } from './process-stats.js';

function writeVariantBriefing(dir, groups) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const rows = ['group,month,value'];
  for (let g = 1; g <= groups; g++) for (let m = 1; m <= 12; m++) rows.push(`${g},2026-${String(m).padStart(2, '0')},${(g * 37 + m * 11) % 97}`);
  writeFileSync(join(dir, 'data', 'values.csv'), `${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'brief.md'),
    [
      '---',
      'title: Variant {{params.n}}',
      'params:',
      '  n: { type: number, default: 1 }',
      '---',
      '',
      'Group {{params.n}} in one briefing of many: {{num (sum "values" "value" group=params.n)}} in all.',
      '',
      '## Values',
      '',
      '```vega-lite caption="Values per month"',
      JSON.stringify({
        description: 'Values of this variant per month.',
        data: { name: 'values' },
        transform: [{ filter: 'datum.group === n' }],
        mark: 'bar',
        encoding: { x: { field: 'month', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } },
      }),
      '```',
      '',
    ].join('\n'),
  );
}

/** The old-space bound of the third run (`NODE_OPTIONS=--max-old-space-size=…`), as the README suggests. */
const BOUNDED_HEAP_MIB = 256;

async function buildVariants(repo, dir, out, count, env = {}) {
  rmSync(out, { recursive: true, force: true });
  const values = Array.from({ length: count }, (_, i) => i + 1).join(',');
  const run = await runMeasured(process.execPath, [join(repo, 'bin/brief.js'), 'build', dir, '--matrix', `n=${values}`, '--format', 'html', '--out', out, '--quiet'], { cwd: repo, env });
  const built = readdirSync(join(out, 'variants'), { withFileTypes: true }).filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).length;
  if (run.code !== 0 || built !== count) throw new Error(`brief build exited ${run.code} with ${built}/${count} variants:\n${run.stderr.slice(-2000)}`);
  return { variants: count, seconds: Math.round(run.seconds * 10) / 10, nodePeakRssMiB: run.nodePeakRssMiB, cpuSeconds: run.cpuSeconds };
}

export async function measureVariants(repo, work, count) {
  const dir = join(work, 'variants');
  writeVariantBriefing(dir, count);
  const small = await buildVariants(repo, dir, join(work, 'variants-out'), Math.max(1, Math.round(count / 5)));
  const large = await buildVariants(repo, dir, join(work, 'variants-out'), count);
  // The live heap levels off (60–85 MiB after each full collection, as the caches fill); what RSS adds is V8's
  // headroom, which grows up to 4× the live heap. A heap bound the user sets trades it for CPU.
  const bounded = await buildVariants(repo, dir, join(work, 'variants-out'), count, { NODE_OPTIONS: `--max-old-space-size=${BOUNDED_HEAP_MIB}` });
  return { small, large, bounded: { ...bounded, heapBoundMiB: BOUNDED_HEAP_MIB } };
}
