import { build } from './build-cli.js';
import type { Command } from './command.js';

/** Every subcommand, in the order `brief --help` lists them. Add new commands here. */
export const COMMANDS: readonly Command[] = [build];
