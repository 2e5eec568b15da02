import { parseQueueUrl, type QueueConnection } from '../edges/queue/queue-connection.js';
import { InputError } from '../messages/errors.js';
import { UsageError } from './usage.js';

/** `--queue redis://HOST:PORT[/DB]` for build, worker and queue; a malformed URL is a usage error. */
export function queueConnection(url: string): QueueConnection {
  try {
    return parseQueueUrl(url);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
}
