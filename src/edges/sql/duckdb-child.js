// @ts-check
/**
 * The DuckDB process of one briefing. It runs with the briefing folder as its working directory
 * (so `'data/weekly.csv'` in SQL means the briefing's file) and an empty environment, and before
 * it accepts a query it confines DuckDB and locks the configuration:
 *  - file access only inside the folder (`enable_external_access=false` + `allowed_directories`;
 *    DuckDB resolves `..` and symlinks before it checks, so neither leads out);
 *  - no extension is installed or loaded, so no httpfs and no network;
 *  - no spilling to a temp directory, UTC for every timestamp;
 *  - one statement per query, and it must be a SELECT (no COPY … TO, ATTACH, SET, INSTALL, …).
 * Written as plain JavaScript because it is started as its own Node process, from src/ in tests
 * and from dist/ when installed.
 */
import { BOOLEAN, DATE, DOUBLE, DuckDBInstance, DuckDBTypeId, StatementType, VARCHAR, dateValue } from '@duckdb/node-api';

/** @typedef {{ type: 'text' | 'date', value: string } | { type: 'number', value: number } | { type: 'boolean', value: boolean }} SqlParam */
/** @typedef {{ id: number, sql: string, params: Record<string, SqlParam>, maxRows: number }} Job */

const folder = process.cwd();
const quoted = (/** @type {string} */ text) => `'${text.replaceAll("'", "''")}'`;

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
for (const setting of [
  `SET allowed_directories=[${quoted(`${folder}/`)}]`,
  "SET temp_directory=''",
  "SET TimeZone='UTC'",
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
  'SET errors_as_json=true',
  "SET memory_limit='1GB'",
  'SET enable_external_access=false',
  'SET lock_configuration=true',
]) {
  await connection.run(setting);
}

/** @param {Job} job */
async function runQuery(job) {
  const statements = await connection.extractStatements(job.sql);
  if (statements.count !== 1) return refused('a query is one SELECT statement (found ' + statements.count + ')');
  const prepared = await connection.prepare(job.sql);
  if (prepared.statementType !== StatementType.SELECT) return refused('only SELECT queries run; this statement would change or reach outside the data');
  /** @type {Record<string, import('@duckdb/node-api').DuckDBValue>} */
  const values = {};
  /** @type {Record<string, import('@duckdb/node-api').DuckDBType>} */
  const types = {};
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const name = prepared.parameterName(i);
    const param = job.params[name];
    if (!param) return { ok: false, error: { exception_message: `no value for parameter $${name}` } };
    if (param.type === 'date') {
      const [year, month, day] = param.value.split('-').map(Number);
      values[name] = dateValue({ year: year ?? 0, month: month ?? 1, day: day ?? 1 });
      types[name] = DATE;
    } else if (param.type === 'number') {
      values[name] = param.value;
      types[name] = DOUBLE;
    } else if (param.type === 'boolean') {
      values[name] = param.value;
      types[name] = BOOLEAN;
    } else {
      values[name] = param.value;
      types[name] = VARCHAR;
    }
  }
  if (prepared.parameterCount > 0) prepared.bind(values, types);
  const result = await prepared.stream();
  const columns = result.columnNames().map((name, i) => ({ name, kind: kindOf(result.columnTypeId(i)), type: String(result.columnType(i)) }));
  /** @type {unknown[][]} */
  const rows = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const row of chunk.getRows()) rows.push(row.map(plain));
    if (rows.length > job.maxRows) return { ok: false, tooManyRows: true };
  }
  return { ok: true, columns, rows };
}

/** @param {string} reason */
const refused = (reason) => ({ ok: false, refused: reason });

/** Values cross the process boundary as JSON-safe primitives; the parent types them by column kind. */
function plain(/** @type {unknown} */ value) {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function kindOf(/** @type {DuckDBTypeId} */ id) {
  switch (id) {
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.TINYINT: case DuckDBTypeId.SMALLINT: case DuckDBTypeId.INTEGER: case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UTINYINT: case DuckDBTypeId.USMALLINT: case DuckDBTypeId.UINTEGER: case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT: case DuckDBTypeId.UHUGEINT: case DuckDBTypeId.BIGNUM:
      return 'integer';
    case DuckDBTypeId.DECIMAL:
      return 'decimal';
    case DuckDBTypeId.FLOAT: case DuckDBTypeId.DOUBLE:
      return 'float';
    case DuckDBTypeId.VARCHAR: case DuckDBTypeId.ENUM: case DuckDBTypeId.UUID: case DuckDBTypeId.TIME: case DuckDBTypeId.SQLNULL:
      return 'text';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP: case DuckDBTypeId.TIMESTAMP_S: case DuckDBTypeId.TIMESTAMP_MS: case DuckDBTypeId.TIMESTAMP_NS:
      return 'timestamp';
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamptz';
    default:
      return 'unsupported';
  }
}

/** DuckDB's errors are JSON (errors_as_json): type, message, byte position, candidates. */
function errorOf(/** @type {unknown} */ error) {
  const text = error instanceof Error ? error.message : String(error);
  const start = text.indexOf('{');
  try {
    return start === -1 ? { exception_message: text } : JSON.parse(text.slice(start));
  } catch {
    return { exception_message: text };
  }
}

process.on('message', (/** @type {Job} */ job) => {
  runQuery(job).then(
    (reply) => process.send?.({ id: job.id, ...reply }),
    (error) => process.send?.({ id: job.id, ok: false, error: errorOf(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
