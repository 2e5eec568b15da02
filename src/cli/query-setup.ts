import { QueryEngines } from '../edges/sql/query-engines.js';
import { ConfigError, readConfigFile } from '../features/publish/config/config-file.js';
import { redactSecrets } from '../features/publish/publish-error.js';
import { formatMessage } from '../messages/format-message.js';
import type { Console } from './command.js';

/**
 * The query engines of a command that renders (build, check, preview), from the `sources` of
 * briefsmith.config.json, and a console that redacts every credential those sources read from
 * the environment: nothing printed may hold a URL or password, not even inside a server's message.
 * Undefined (and the file's problems printed) when the config file is invalid.
 */
export function openQueryEngines(configPath: string, terminal: Console): { queries: QueryEngines; console: Console } | undefined {
  let sources;
  try {
    sources = readConfigFile(configPath).sources;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const message of error.messages) terminal.err(formatMessage(message));
    return undefined;
  }
  const queries = new QueryEngines({ sources, env: process.env });
  const secrets = queries.secrets;
  return {
    queries,
    console: { out: (line) => terminal.out(redactSecrets(line, secrets)), err: (line) => terminal.err(redactSecrets(line, secrets)) },
  };
}
