import { describe, expect, it } from 'vitest';
import { schemaCompileMs } from '../../src/charts/validate-spec.js';
import { render } from './helpers.js';

const SERIES = (() => {
  const lines = ['panel,month,value'];
  for (let p = 0; p < 12; p++) {
    for (let m = 0; m < 24; m++) {
      lines.push(`Region ${p + 1},${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01,${(p * 7 + m * 3) % 50}`);
    }
  }
  return `${lines.join('\n')}\n`;
})();

const BAR = {
  data: { name: 'releases' },
  mark: 'bar',
  encoding: { x: { field: 'model', type: 'nominal' }, y: { field: 'downloads', type: 'quantitative' } },
};

const SMALL_MULTIPLES = {
  data: { url: 'data/series.csv' },
  facet: { field: 'panel', type: 'nominal', title: null },
  columns: 4,
  spec: {
    width: 120,
    height: 70,
    mark: 'line',
    encoding: { x: { field: 'month', type: 'temporal', title: null }, y: { field: 'value', type: 'quantitative', title: null } },
  },
};

async function median(spec: object, runs: number): Promise<number> {
  const extraFiles = { 'data/series.csv': SERIES };
  await render(spec, { extraFiles }); // warm-up: schema compile, fonts, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { chart } = await render(spec, { extraFiles });
    times.push(performance.now() - started);
    expect(chart).toBeDefined();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Infinity;
}

describe('render timing', () => {
  it('renders a bar chart well under 100 ms and small multiples quickly once warm', async () => {
    const bar = await median(BAR, 15);
    const multiples = await median(SMALL_MULTIPLES, 9);
    // Set BRIEFSMITH_TIMINGS=1 to see the numbers.
    if (process.env['BRIEFSMITH_TIMINGS']) {
      console.log(`schema compile ${schemaCompileMs()?.toFixed(0)} ms; bar median ${bar.toFixed(1)} ms; 12 panels median ${multiples.toFixed(1)} ms`);
    }
    expect(bar).toBeLessThan(100);
    expect(multiples).toBeLessThan(400);
  });
});
