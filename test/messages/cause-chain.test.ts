import { describe, expect, it } from 'vitest';
import { causeChain } from '../../src/messages/cause-chain.js';
import { StageError } from '../../src/pipeline/stages.js';

describe('causeChain', () => {
  it('numbers the error and its causes, names their classes, and ends with the innermost stack', () => {
    const root = new TypeError('x is not a function');
    const lines = causeChain(new StageError('charts', root));
    expect(lines.slice(0, 3)).toEqual(['1. charts stage failed: x is not a function (via StageError)', '2. x is not a function (via TypeError)', '']);
    expect(lines[3]).toBe('Original error stack trace: TypeError: x is not a function');
    expect(lines[4]).toMatch(/^ {4}at /);
  });

  it('shows a cause that is not an Error, and stops at a cycle', () => {
    expect(causeChain(new Error('outer', { cause: 'a string' }))).toEqual(['1. outer', '2. a string']);
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(causeChain(a).filter((line) => /^\d\./.test(line))).toEqual(['1. a', '2. b']);
  });
});
