import { describe, expect, it } from 'vitest';
import { parseQueueUrl, PASSWORD_ENV } from '../../../src/edges/queue/queue-connection.js';
import { InputError } from '../../../src/messages/errors.js';

describe('parseQueueUrl', () => {
  it('reads host, port and database; the password comes from the environment and is never shown', () => {
    const c = parseQueueUrl('redis://queue.internal:6380/3', { [PASSWORD_ENV]: 's3cret' });
    expect(c).toMatchObject({ host: 'queue.internal', port: 6380, db: 3, password: 's3cret', maxRetriesPerRequest: null });
    expect(c.shown).toBe('redis://queue.internal:6380/3');
    expect(parseQueueUrl('redis://127.0.0.1', {})).toMatchObject({ port: 6379, db: 0, shown: 'redis://127.0.0.1/0' });
  });

  it('keeps a password written into the URL out of what is shown and out of its errors', () => {
    const c = parseQueueUrl('redis://:hunter2@10.0.0.5:6379', {});
    expect(c.password).toBe('hunter2');
    expect(c.shown).not.toContain('hunter2');
    expect(() => parseQueueUrl('http://:hunter2@10.0.0.5:6379', {})).toThrow(InputError);
    try {
      parseQueueUrl('http://:hunter2@10.0.0.5:6379', {});
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses what is not a Redis URL', () => {
    expect(() => parseQueueUrl('localhost:6379', {})).toThrow(/redis:\/\/HOST:PORT/);
    expect(() => parseQueueUrl('redis://127.0.0.1:6379/99', {})).toThrow(/database number must be 0 to 15/);
  });
});
