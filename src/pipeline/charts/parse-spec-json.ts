import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { catalogue } from '../../messages/catalogue.js';
import type { MessageLog } from '../../messages/message-log.js';
import type { Place } from '../../messages/message.js';
import { MAX_SPEC_DEPTH, overDeepJson } from './chart-limits.js';
import { isObject, type JsonObject } from './json.js';
import { SpecPositions } from './spec-positions.js';

export interface ParsedSpec {
  value: JsonObject;
  positions: SpecPositions;
}

/** Author-facing wording for jsonc-parser's error codes (by name: they are a const enum). */
const REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the spec',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/**
 * Parses spec text strictly (plain JSON: other Vega-Lite tools must accept the same file) but
 * with jsonc-parser, which keeps node offsets so later stages can point at any node. Only the
 * first syntax error is reported: the rest are usually its echoes.
 */
export function parseSpecJson(text: string, origin: Place, file: string, log: MessageLog): ParsedSpec | undefined {
  const tooDeep = overDeepJson(text);
  if (tooDeep !== undefined) {
    log.report(catalogue.chartTooDeep(MAX_SPEC_DEPTH), file, new SpecPositions(undefined, text, origin).offsetPlace(tooDeep));
    return undefined;
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const positions = new SpecPositions(tree, text, origin);
  const first = errors[0];
  if (first || !tree) {
    const reason = first ? (REASONS[printParseErrorCode(first.error)] ?? 'syntax error') : 'the spec is empty';
    log.report(catalogue.chartJson(reason), file, positions.offsetPlace(first?.offset ?? 0));
    return undefined;
  }
  const value: unknown = getNodeValue(tree);
  if (!isObject(value)) {
    log.report(catalogue.chartSchema('the spec must be a JSON object'), file, positions.place([]));
    return undefined;
  }
  return { value, positions };
}
