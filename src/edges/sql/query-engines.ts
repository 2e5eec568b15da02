import { realpathSync } from 'node:fs';
import { duckdbEngine, type ClosableEngine } from './duckdb-engine.js';
import { postgresEngine, secretsOf, type PostgresEngine } from './postgres-engine.js';
import { DEFAULT_QUERY_LIMITS, fail, type QueryEngine, type QueryLimits } from './query-engine.js';
import type { SourceConfig } from './source-config.js';

export interface QueryEnginesOptions {
  /** `sources` from briefsmith.config.json. */
  sources: Readonly<Record<string, SourceConfig>>;
  /** Where source URLs are read from (process.env in the CLI). */
  env: NodeJS.ProcessEnv;
  limits?: QueryLimits;
}

/**
 * The query engines of one command run: a DuckDB process per briefing folder and a connection
 * pool per source, each started on first use and shared by every render of the run, closed
 * together at the end.
 */
export class QueryEngines {
  readonly #options: QueryEnginesOptions;
  readonly #folders = new Map<string, ClosableEngine>();
  readonly #sources = new Map<string, PostgresEngine>();

  constructor(options: QueryEnginesOptions) {
    this.#options = options;
  }

  /** Every credential the configured sources read from the environment, for redacting printed text. */
  get secrets(): string[] {
    return Object.values(this.#options.sources).flatMap((source) => {
      const url = this.#options.env[source.urlEnv];
      return url === undefined ? [] : secretsOf(url);
    });
  }

  /** The engine a briefing folder's queries run on: DuckDB over the folder, or a named source. */
  forFolder(dir: string): QueryEngine {
    return {
      run: (request) => {
        if (request.source === undefined) return this.#duckdb(dir).run(request);
        const engine = this.#source(request.source);
        if (engine) return engine.run(request);
        const known = Object.keys(this.#options.sources);
        return Promise.resolve(
          fail('source', `unknown source "${request.source}" (known: ${known.length > 0 ? known.join(', ') : 'none'}; sources are declared in briefsmith.config.json)`, { offset: 0 }),
        );
      },
    };
  }

  async close(): Promise<void> {
    const all = [...this.#folders.values(), ...this.#sources.values()];
    this.#folders.clear();
    this.#sources.clear();
    await Promise.all(all.map((engine) => engine.close()));
  }

  #duckdb(dir: string): ClosableEngine {
    const key = realpathSync(dir);
    let engine = this.#folders.get(key);
    if (!engine) this.#folders.set(key, (engine = duckdbEngine(key, this.#options.limits ?? DEFAULT_QUERY_LIMITS)));
    return engine;
  }

  #source(name: string): PostgresEngine | undefined {
    const config = Object.hasOwn(this.#options.sources, name) ? this.#options.sources[name] : undefined;
    if (!config) return undefined;
    let engine = this.#sources.get(name);
    if (!engine) this.#sources.set(name, (engine = postgresEngine(name, config, this.#options.env, this.#options.limits)));
    return engine;
  }
}
