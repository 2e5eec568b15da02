import type { CommandRunner, Console } from '../command.js';
import { PARAM_FLAGS, paramRequest } from '../param-flags.js';
import { UsageError } from '../usage.js';
import { printCauses } from '../verbose.js';
import { OUT_FLAG, parseCommandArgs, RUN_FLAGS } from '../shared-flags.js';
import { InputError } from '../../messages/errors.js';
import { formatMessage } from '../../messages/format-message.js';
import { ConfigError } from '../../features/publish/config/config-file.js';
import { ContentErrors, publishBriefing } from '../../features/publish/publish-briefing.js';
import { PublishError, redactSecrets } from '../../features/publish/publish-error.js';

export const publish: CommandRunner = {
  async run(argv, console) {
    const { values, positionals } = parseCommandArgs(argv, {
      to: { type: 'string' },
      ...OUT_FLAG,
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      ...PARAM_FLAGS,
      ...RUN_FLAGS,
    });
    const [dir, ...extra] = positionals;
    if (dir === undefined) throw new UsageError('brief publish needs a briefing folder');
    if (extra.length > 0) throw new UsageError(`brief publish takes one briefing folder (also got: ${extra.join(' ')})`);
    if (!values.to) throw new UsageError('brief publish needs --to <target> (a target named in briefsmith.config.json or in front matter "publish:")');
    // A value that does not fit is a ParamError, an InputError: exit 2.
    const request = paramRequest(values);
    const options = { dir, to: values.to, out: values.out, configPath: values.config, dryRun: values['dry-run'], force: values.force, request };
    return runPublish(options, values.verbose, console);
  },
};

/**
 * Runs one publish and prints it. Every printed line passes through redaction: a credential the
 * run read from the environment cannot reach the terminal, even inside a server's error message.
 */
async function runPublish(options: Parameters<typeof publishBriefing>[0], verbose: boolean, console: Console): Promise<number> {
  const secrets = new Set<string>();
  const out = (line: string) => console.out(redactSecrets(line, secrets));
  const err = (line: string) => console.err(redactSecrets(line, secrets));
  try {
    const outcome = await publishBriefing(options, { env: process.env, log: out, secrets });
    if (options.dryRun) return 0;
    out(outcome.changes === 0 ? `✓ "${options.to}" is up to date: ${outcome.location}` : `✓ published to "${options.to}": ${outcome.location}`);
    return 0;
  } catch (error) {
    if (error instanceof ContentErrors) {
      for (const message of error.messages) err(formatMessage(message));
      err(`✗ ${options.dir}: the briefing has errors; nothing was published`);
      return 1;
    }
    if (error instanceof ConfigError) {
      for (const message of error.messages) err(formatMessage(message));
      return 1;
    }
    if (error instanceof PublishError) {
      err(`brief: ${error.message}`);
      printCauses(error, verbose, err);
      return 1;
    }
    if (error instanceof InputError) throw error;
    err(`brief: publish to "${options.to}" failed: ${error instanceof Error ? error.message : String(error)}`);
    printCauses(error, verbose, err);
    return 1;
  }
}
