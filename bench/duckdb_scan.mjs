// Times DuckDB decoding every column of a Parquet file (count of non-null values per column:
// DuckDB must decode each value's definition level and the value pages) — the reference for a
// pure Parquet read. Prints one JSON object: {engine, file, rows, threads, median_s, times_s,
// rows_per_s}. Uses the shared kit's dependency bootstrap (../shared/bench/common.mjs).
//
//   node bench/duckdb_scan.mjs --file PATH [--threads 2] [--repeat 3]
import { loadDependencies, openDuckDB, parseArgs } from '../../shared/bench/common.mjs';

const USAGE = 'usage: node bench/duckdb_scan.mjs --file PATH [--threads 2] [--repeat 3]';
const options = parseArgs(process.argv.slice(2), { file: '', threads: 2, repeat: 3 }, USAGE);
if (!options.file) {
  console.error(USAGE);
  process.exit(2);
}
const { duckdb } = await loadDependencies();
const connection = await openDuckDB(duckdb, options.threads);
const quoted = (text) => `'${text.replaceAll("'", "''")}'`;
const columns = (await connection.runAndReadAll(
  `SELECT name FROM parquet_schema(${quoted(options.file)}) WHERE num_children IS NULL`)).getRowObjects()
  .map((row) => row.name);
const sql = `SELECT count(*) AS n, ${columns.map((c, i) => `count("${c.replaceAll('"', '""')}") AS c${i}`).join(', ')}
             FROM read_parquet(${quoted(options.file)})`;
const times = [];
let rows = 0;
for (let k = 0; k < Math.max(1, options.repeat); k++) {
  const started = process.hrtime.bigint();
  const reader = await connection.runAndReadAll(sql);
  times.push(Number(process.hrtime.bigint() - started) / 1e9);
  rows = Number(reader.getRowObjects()[0].n);
}
const sorted = [...times].sort((a, b) => a - b);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
const round = (x) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({ engine: 'duckdb-scan', file: options.file, rows, threads: options.threads,
  median_s: round(median), times_s: times.map(round), rows_per_s: Math.round(rows / median) }));
