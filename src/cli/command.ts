/** Where a command prints: results to `out`, progress and problems to `err`. */
export interface Console {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** One `brief <name>` subcommand. Each parses its own arguments and returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(argv: string[], console: Console): Promise<number>;
}

/** What a command's module provides; its name and help text live in `commands.ts`, which loads it lazily. */
export type CommandRunner = Pick<Command, 'run'>;
