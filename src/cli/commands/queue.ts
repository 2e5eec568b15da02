import { parseArgs } from 'node:util';
import { queueStatus } from '../../features/queue/queue-status.js';
import type { CommandRunner } from '../command.js';
import { parseQueueUrl } from '../../edges/queue/queue-connection.js';
import { UsageError } from '../usage.js';

/** `brief queue status --queue redis://…`: job counts, connected workers and Redis memory, for the person on call. */
export const queue: CommandRunner = {
  async run(argv, console) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { queue: { type: 'string' } } });
    if (positionals.join(' ') !== 'status') throw new UsageError('brief queue takes one subcommand: status');
    if (values.queue === undefined) throw new UsageError('brief queue status needs --queue redis://HOST:PORT[/DB]');
    const connection = parseQueueUrl(values.queue);
    const status = await queueStatus(connection);
    const { counts } = status;
    console.out(`queue ${connection.shown}`);
    console.out(`  waiting ${counts.waiting}, active ${counts.active}, delayed (retrying) ${counts.delayed}, done and not yet collected ${counts.completed}, failed ${counts.failed}`);
    console.out(`  workers (${status.workers.length}): ${status.workers.join(', ') || 'none connected'}`);
    if (status.memory !== undefined) console.out(`  redis memory used: ${status.memory}`);
    return 0;
  },
};
