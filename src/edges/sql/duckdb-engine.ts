import { fork, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { duckdbFailure, type DuckdbError } from './duckdb-errors.js';
import { DEFAULT_QUERY_LIMITS, fail, type QueryEngine, type QueryLimits, type QueryOutcome, type QueryRequest } from './query-engine.js';
import { CellTypeError, toCell, type ResultColumn } from './sql-cells.js';

const CHILD = fileURLToPath(new URL('./duckdb-child.js', import.meta.url));

type Reply =
  | { id: number; ok: true; columns: ResultColumn[]; rows: unknown[][] }
  | { id: number; ok: false; error?: DuckdbError; refused?: string; tooManyRows?: boolean };

export interface ClosableEngine extends QueryEngine {
  close(): Promise<void>;
}

/**
 * DuckDB over one briefing folder, in a child process started on the first query: its working
 * directory is the folder, so relative paths in SQL are the briefing's, and a query that runs past
 * the time limit is stopped by ending the process (a fresh one serves the next query). Loading
 * DuckDB takes about a second, so one engine serves every render of a folder in a build; queries
 * run one at a time, in the order they were asked.
 */
export function duckdbEngine(dir: string, limits: QueryLimits = DEFAULT_QUERY_LIMITS): ClosableEngine {
  let child: Promise<ChildProcess> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let stderr = '';

  const start = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      stderr = '';
      const proc = fork(CHILD, [], {
        cwd: realpathSync(dir),
        env: { TZ: 'UTC' },
        execArgv: [],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      proc.stderr?.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-2000)));
      const onExit = () => reject(new Error(`DuckDB did not start${stderr ? `: ${lastLine(stderr)}` : ''}`));
      proc.once('exit', onExit);
      proc.once('error', reject);
      proc.once('message', () => {
        proc.off('exit', onExit);
        resolve(proc);
      });
    });

  const stop = async () => {
    const running = child;
    child = undefined;
    const proc = await running?.catch(() => undefined);
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };

  const ask = async (request: QueryRequest): Promise<Reply | 'timeout' | Error> => {
    child ??= start();
    let proc: ChildProcess;
    try {
      proc = await child;
    } catch (error) {
      child = undefined;
      return error as Error;
    }
    const id = nextId++;
    const params = Object.fromEntries(request.params);
    return new Promise((resolve) => {
      const done = (value: Reply | 'timeout' | Error) => {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        resolve(value);
      };
      const onMessage = (reply: Reply) => reply.id === id && done(reply);
      const onExit = () => {
        child = undefined;
        done(new Error(`DuckDB stopped${stderr ? `: ${lastLine(stderr)}` : ''}`));
      };
      const timer = setTimeout(() => {
        void stop();
        done('timeout');
      }, limits.timeoutMs);
      proc.on('message', onMessage);
      proc.once('exit', onExit);
      proc.send({ id, sql: request.sql, params, maxRows: limits.maxRows });
    });
  };

  return {
    async run(request: QueryRequest): Promise<QueryOutcome> {
      const asked = queue.then(() => ask(request));
      queue = asked.catch(() => undefined);
      const reply = await asked;
      if (reply === 'timeout') return fail('timeout', `the query ran longer than ${limits.timeoutMs / 1000} s (the limit) and was stopped`, { offset: 0 });
      if (reply instanceof Error) return fail('sql', reply.message, { offset: 0 });
      if (!reply.ok) {
        if (reply.tooManyRows) return fail('rows', `the result has more than ${limits.maxRows} rows (the limit); aggregate or filter in the query`, { offset: 0 });
        if (reply.refused) return fail('refused', reply.refused, { offset: 0 });
        return { ok: false, failure: duckdbFailure(reply.error ?? { exception_message: 'unknown error' }, request.sql) };
      }
      try {
        return { ok: true, result: { columns: reply.columns.map((c) => c.name), rows: reply.rows.map((row) => row.map((v, i) => toCell(reply.columns[i]!, v))) } };
      } catch (error) {
        if (error instanceof CellTypeError) return fail('type', error.message, { offset: 0 });
        throw error;
      }
    },
    close: stop,
  };
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}
