import { describe, expect, it } from 'vitest';
import { reportOutcome } from '../../src/cli/build-report.js';
import { memoryFiles, type BriefingFiles } from '../../src/edges/files/briefing-files.js';
import type { BuildOutcome } from '../../src/features/build/build-briefing.js';
import { ContentFailure, EX_SOFTWARE, InputError, internalErrorLine, isInternal } from '../../src/messages/errors.js';
import { renderBriefing } from '../../src/pipeline/render-briefing.js';
import { StageError } from '../../src/pipeline/stages.js';
import { templates } from '../support/render-folder.js';

/** A folder whose reads hit a bug: the kind of exception no content can cause. */
function buggyFiles(): BriefingFiles {
  const files = memoryFiles({ 'brief.md': '---\ntitle: T\n---\nHi.\n' }, 'b');
  return {
    ...files,
    list: () => {
      const missing = null as unknown as { entries: string[] };
      return missing.entries; // TypeError: Cannot read properties of null (reading 'entries')
    },
  };
}

describe('internal errors', () => {
  it('an exception escaping a stage is a bug: one line naming the stage, asking for a report', async () => {
    const failure: unknown = await renderBriefing({ files: buggyFiles(), templates }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StageError);
    expect(isInternal(failure)).toBe(true);
    expect(internalErrorLine(failure)).toMatch(
      /^internal error in \w+ stage: Cannot read properties of null \(reading 'entries'\) \(please report; run with --verbose for the stack\)$/,
    );
    expect(EX_SOFTWARE).toBe(70);
  });

  it('bad input, content failures and a failing machine are not bugs', () => {
    const disk = Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO', syscall: 'read' });
    expect(isInternal(new StageError('markdown', disk))).toBe(false);
    expect(isInternal(new StageError('params', new InputError('unknown parameter')))).toBe(false);
    expect(isInternal(new StageError('charts', new ContentFailure('template the figure partial: Must pass iterator to #each')))).toBe(false);
    expect(isInternal(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(true);
  });

  it('build prints an internal failure as that one line, never as the raw JavaScript message alone', () => {
    const lines: string[] = [];
    const failure = new StageError('charts', new TypeError("Cannot read properties of null (reading 'previous')"));
    const outcome = { label: 'content/x', messages: [], moved: [], failure, ok: false } as unknown as BuildOutcome;
    reportOutcome(outcome, { formats: ['html'], quiet: false, verbose: false }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(lines).toEqual([
      "✗ content/x: internal error in charts stage: Cannot read properties of null (reading 'previous') (please report; run with --verbose for the stack)",
    ]);
  });
});
