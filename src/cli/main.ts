import { InputError } from '../messages/errors.js';
import { VERSION } from '../version.js';
import type { Console } from './command.js';
import { COMMANDS } from './commands.js';
import { didYouMean } from '../messages/closest.js';
import { helpText, usageMessage, UsageError } from './usage.js';
import { printCauses } from './verbose.js';

/**
 * Runs the CLI and returns the exit code: 0 success, 1 content errors, 2 usage errors. A feature
 * reports a request it cannot carry out as an `InputError`; this is where that becomes exit 2.
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
    // Anything else is a failure of the machine, not of the content or the call: Node prints it
    // with its stack, unless --verbose asks for the whole cause chain.
    if (!argv.includes('--verbose')) throw error;
    console.err(`brief: ${error instanceof Error ? error.message : String(error)}`);
    printCauses(error, true, console.err);
    return 1;
  }
}
