import { build } from './build-cli.js';
import { check } from '../check/check-cli.js';
import type { Command } from './command.js';
import { newCommand } from '../scaffold/new-cli.js';
import { preview } from '../preview/preview-cli.js';
import { publish } from '../publish/publish-cli.js';

/** Every subcommand, in the order `brief --help` lists them. Add new commands here. */
export const COMMANDS: readonly Command[] = [build, check, preview, newCommand, publish];
