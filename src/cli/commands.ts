import type { Command, CommandRunner } from './command.js';

/**
 * Every subcommand, in the order `brief --help` lists them. Each loads its module only when it
 * runs, so `brief build` does not pay for the preview server's or the publishers' imports (the
 * CLI's cold start is mostly module loading).
 */
const lazy = (spec: Omit<Command, 'run'>, load: () => Promise<CommandRunner>): Command => ({
  ...spec,
  run: async (argv, console) => (await load()).run(argv, console),
});

export const COMMANDS: readonly Command[] = [
  lazy(
    {
      name: 'build',
      usage:
        'brief build <briefing-dir>... [--out DIR] [--format html,pdf] [--param NAME=VALUE]... [--period P|P1..P2|latest] [--matrix NAME=V1,V2]... [--force] [--offline] [--config FILE] [--no-cache] [--concurrency N] [--quiet] [--queue redis://HOST:PORT[/DB]]',
      summary: 'render briefings to <out>/<slug>/ (periodic ones to <out>/<slug>/<period>/[<variant>/], with an archive index)',
    },
    async () => (await import('./commands/build.js')).build,
  ),
  lazy(
    {
      name: 'check',
      usage: 'brief check <briefing-dir>... [--format text|json] [--strict] [--param NAME=VALUE]... [--period P|P1..P2|latest] [--matrix NAME=V1,V2]... [--config FILE]',
      summary: 'report every problem of each briefing, for each period and variant asked for (nothing is written); exit 1 on errors, or on warnings with --strict',
    },
    async () => (await import('./commands/check.js')).check,
  ),
  lazy(
    {
      name: 'archive',
      usage: 'brief archive <briefing-dir> [--out DIR] [--list] [--prune PERIOD[/VARIANT]]...',
      summary: 'list the outputs in a periodic briefing\'s archive (<out>/<slug>/), or remove some with their files',
    },
    async () => (await import('./commands/archive.js')).archive,
  ),
  lazy(
    {
      name: 'preview',
      usage: 'brief preview <briefing-dir> [--port N] [--param NAME=VALUE]... [--period P|latest] [--out DIR] [--config FILE]',
      summary: 'serve a live preview on http://127.0.0.1:4700/ (PDF at /pdf) that rebuilds on every change; switch between archived periods and variants',
    },
    async () => (await import('./commands/preview.js')).preview,
  ),
  lazy(
    { name: 'new', usage: 'brief new <slug> [--template NAME] [--dir content]', summary: 'create <dir>/<slug>/ with a starter briefing (text, data, chart) that builds and checks clean' },
    async () => (await import('./commands/new.js')).newCommand,
  ),
  lazy(
    {
      name: 'publish',
      usage:
        'brief publish <briefing-dir> --to <target> [--param NAME=VALUE]... [--period P|P1..P2|latest] [--matrix NAME=V1,V2]... [--dry-run] [--force] [--out DIR] [--config FILE]',
      summary: 'publish built outputs to a wiki target of briefsmith.config.json (MediaWiki, git-backed wiki, Confluence): a page per period and variant, and an index page',
    },
    async () => (await import('./commands/publish.js')).publish,
  ),
  lazy(
    {
      name: 'worker',
      usage: 'brief worker --queue redis://HOST:PORT[/DB] [--concurrency N] [--name NAME] [--stall-timeout SECONDS] [--print-timeout SECONDS]',
      summary: 'render jobs that `brief build --queue` queues, with one warm browser, until SIGTERM or Ctrl-C (password: $BRIEF_REDIS_PASSWORD)',
    },
    async () => (await import('./commands/worker.js')).worker,
  ),
  lazy(
    { name: 'queue', usage: 'brief queue status --queue redis://HOST:PORT[/DB]', summary: 'show waiting, active and failed render jobs, connected workers and Redis memory' },
    async () => (await import('./commands/queue.js')).queue,
  ),
];
