import { EX_SOFTWARE, InputError, internalErrorLine, isInternal } from '../messages/errors.js';
import { VERSION } from '../version.js';
import type { Console } from './command.js';
import { COMMANDS } from './commands.js';
import { didYouMean } from '../messages/closest.js';
import { helpText, usageMessage, UsageError } from './usage.js';
import { printCauses } from './verbose.js';

/**
 * Runs the CLI and returns the exit code: 0 success, 1 content errors (or a failing machine: a
 * full disk, no browser), 2 usage errors, 70 a bug in Briefsmith. A feature reports a request it
 * cannot carry out as an `InputError`; this is where that becomes exit 2.
 */
export async function main(argv: string[], console: Console): Promise<number> {
  const help = helpText(COMMANDS);
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      console.out(VERSION);
      return 0;
    }
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      if (first === undefined) throw new UsageError('missing command');
      console.out(help);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) throw new UsageError(`unknown command "${first}"${didYouMean(first, COMMANDS.map((c) => c.name))}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      console.out(`${command.usage}\n    ${command.summary}`);
      return 0;
    }
    return await command.run(rest, console);
  } catch (error) {
    if (error instanceof InputError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // One line saying what is wrong, one saying where the whole story is: not the 30-line help.
      const command = COMMANDS.find((c) => c.name === argv[0]);
      console.err(`brief: ${usageMessage(error as Error, command)}`);
      console.err(command ? `see brief ${command.name} --help` : 'see brief --help');
      return 2;
    }
    // Anything else is a bug (exit 70, please report) or a failure of the machine (exit 1): one
    // line, never a bare stack trace; --verbose adds the cause chain and the stack.
    const internal = isInternal(error);
    console.err(`brief: ${internal ? internalErrorLine(error) : error instanceof Error ? error.message : String(error)}`);
    printCauses(error, argv.includes('--verbose'), console.err);
    return internal ? EX_SOFTWARE : 1;
  }
}
