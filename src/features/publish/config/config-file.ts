import { existsSync, readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { catalogue } from '../../../messages/catalogue.js';
import { LineIndex } from '../../../messages/line-index.js';
import type { Message } from '../../../messages/message.js';
import { sourcesSchema, type SourceConfig } from '../../../edges/sql/source-config.js';
import { targetName, targetSchema, type PublishTarget } from './target-schema.js';

export const CONFIG_FILE = 'briefsmith.config.json';

/**
 * briefsmith.config.json: `{ "publish": { "<target>": { "type": … } }, "sources": { "<name>": { "type": "postgres", … } } }`.
 * Publish targets are read by `brief publish`; SQL sources by every command that renders.
 */
const configSchema = z.strictObject({
  $schema: z.string().optional(),
  publish: z.record(targetName, targetSchema).default({}),
  sources: sourcesSchema.default({}),
});

export type PublishConfig = z.output<typeof configSchema>;

/** A config file that cannot be used; each message is positioned in the file. */
export class ConfigError extends Error {
  constructor(readonly messages: Message[]) {
    super(messages.map((m) => m.reason).join('; '));
    this.name = 'ConfigError';
  }
}

/** Reads the config file; a missing file is an empty config (targets may come from front matter). */
export function readConfigFile(path: string): { targets: Record<string, PublishTarget>; sources: Record<string, SourceConfig> } {
  if (!existsSync(path)) return { targets: {}, sources: {} };
  const config = parseConfig(readFileSync(path, 'utf8'), path);
  return { targets: config.publish, sources: config.sources };
}

/** Parses and validates the config text; every problem is reported at its place in `file`. */
export function parseConfig(text: string, file: string): PublishConfig {
  const index = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    if (errors.length === 0) throw new ConfigError([message(file, catalogue.publishConfigJson('the file is empty'), { line: 1, column: 1 })]);
    // The first syntax error is the one to fix; the parser's later ones follow from it.
    const first = errors[0] as ParseError;
    throw new ConfigError([message(file, catalogue.publishConfigJson(printParseErrorCode(first.error)), index.place(first.offset))]);
  }
  const result = configSchema.safeParse(JSON.parse(text));
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.flatMap((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
      return keys.map((keyPath) => {
        const node = findNodeAtLocation(tree, keyPath);
        const unknownKey = issue.code === 'unrecognized_keys';
        // An unknown key is shown at the key, a bad value at the value, a missing one at its object.
        const offset = !node ? (findNodeAtLocation(tree, keyPath.slice(0, -1))?.offset ?? 0) : unknownKey ? (node.parent?.offset ?? node.offset) : node.offset;
        const detail = unknownKey ? 'unknown key' : !node && issue.code === 'invalid_type' ? 'is required' : issue.message;
        return message(file, catalogue.publishConfigInvalid(keyPath.join('.') || 'config', detail), index.place(offset));
      });
    }),
  );
}

function message(file: string, template: ReturnType<typeof catalogue.publishConfigJson>, place: { line: number; column: number }): Message {
  return { file, place, severity: template.severity, ruleId: template.ruleId, reason: template.reason };
}
