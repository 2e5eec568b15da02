import { describe, expect, it } from 'vitest';
import { schemaCompileMs } from '../../../src/pipeline/charts/validate-spec.js';
import { catalogue } from '../../../src/messages/catalogue.js';
import { brief, render } from './helpers.js';

const MARKS = 'arc, area, bar, image, line, point, rect, rule, text, tick, trail, circle, square, geoshape, boxplot, errorbar, errorband';

async function schemaErrors(text: string) {
  const { chart, messages } = await render(text);
  expect(chart).toBeUndefined();
  return brief(messages);
}

/** The schema rejects, the compiler accepts: the chart is drawn, and the schema's message is a warning. */
async function schemaWarnings(text: string) {
  const { chart, messages } = await render(text);
  expect(chart?.svg).toMatch(/^<svg /);
  expect(messages.every((m) => m.severity === 'warning')).toBe(true);
  return brief(messages.filter((m) => m.ruleId === 'chart-schema'));
}

const accepted = (detail: string) => catalogue.chartSchemaAccepted(detail).reason;

describe('validateSpec', () => {
  it('names the allowed marks for a misspelt mark, at the mark', async () => {
    const text = `{
  "data": {"name": "releases"},
  "mark": "barr",
  "encoding": {"x": {"field": "model", "type": "nominal"}}
}`;
    expect(await schemaErrors(text)).toEqual([
      { ruleId: 'chart-schema', reason: `invalid Vega-Lite spec: mark "barr" is not one of ${MARKS} (did you mean "bar"?)`, place: { line: 3, column: 11 } },
    ]);
    expect(schemaCompileMs()).toBeGreaterThan(0);
  });

  it('warns about an unknown encoding property, by name, and draws the chart the compiler accepts', async () => {
    const text = `{
  "data": {"name": "releases"},
  "mark": "bar",
  "encoding": {
    "x": {"field": "model", "type": "nominal", "titel": "Model"}
  }
}`;
    expect(await schemaWarnings(text)).toEqual([
      { ruleId: 'chart-schema', reason: accepted('"titel" is not allowed (did you mean "title"?)'), place: { line: 5, column: 48 } },
    ]);
  });

  it('warns about an unknown channel and an unknown top-level property', async () => {
    const channel = '{\n  "mark": "bar",\n  "encoding": {"colour": {"field": "lab"}}\n}';
    expect(await schemaWarnings(channel)).toEqual([
      { ruleId: 'chart-schema', reason: accepted('"colour" is not allowed (did you mean "color"?)'), place: { line: 3, column: 16 } },
    ]);
    const top = '{\n  "mark": "bar",\n  "encodings": {}\n}';
    expect(await schemaWarnings(top)).toEqual([
      { ruleId: 'chart-schema', reason: accepted('"encodings" is not allowed (did you mean "encoding"?)'), place: { line: 3, column: 3 } },
    ]);
  });

  it('labels nested paths', async () => {
    const text = '{\n  "layer": [{"mark": "bar", "encoding": {"x": {"field": "a", "type": "nominall"}}}]\n}';
    expect(await schemaErrors(text)).toEqual([
      {
        ruleId: 'chart-schema',
        reason: 'invalid Vega-Lite spec: layer[0].encoding.x.type "nominall" is not one of quantitative, ordinal, temporal, nominal (did you mean "nominal"?)',
        place: { line: 2, column: 70 },
      },
    ]);
  });

  it('says what a spec without a mark is missing', async () => {
    const text = '{"encoding": {}}';
    expect(await schemaErrors(text)).toEqual([
      {
        ruleId: 'chart-schema',
        reason: 'invalid Vega-Lite spec: the spec needs one of "mark", "facet", "layer", "repeat", "concat", "vconcat", "hconcat"',
        place: { line: 1, column: 1 },
      },
    ]);
  });

  it('asks for data when that is all a single view lacks', async () => {
    expect(await schemaWarnings('{"mark": "bar"}')).toEqual([
      { ruleId: 'chart-schema', reason: accepted('the spec needs property "data"'), place: { line: 1, column: 1 } },
    ]);
  });

  it('reports wrong value types', async () => {
    const text = '{"mark": "bar", "encoding": {"x": {"field": 3}}}';
    expect(await schemaWarnings(text)).toEqual([
      { ruleId: 'chart-schema', reason: accepted('encoding.x.field must be string or object'), place: { line: 1, column: 45 } },
    ]);
  });

  it('shifts schema errors of inline specs by their origin', async () => {
    const text = '{\n  "data": {"name": "releases"},\n  "mark": "barr"\n}';
    const { messages } = await render(text, { file: 'brief/brief.md', origin: { line: 12, column: 1 } });
    expect(brief(messages)).toEqual([
      { ruleId: 'chart-schema', reason: `invalid Vega-Lite spec: mark "barr" is not one of ${MARKS} (did you mean "bar"?)`, place: { line: 14, column: 11 } },
    ]);
    expect(messages[0]?.file).toBe('brief/brief.md');
  });
});
