// Checks that DuckDB's use of our column statistics is sound: for each file and predicate, the
// count with the predicate pushed into the Parquet scan (where DuckDB skips row groups by their
// min/max/null_count) must equal the count with pushdown blocked by a LIMIT. A wrong min/max (e.g.
// strings compared as signed bytes, a -0.0/+0.0 mix-up, NaN in a max) makes them differ.
//
//   node check_filters.mjs <file.parquet> [...]     (files of tests/parquet/parquet_samples.cc)
//
// Exit code 0 when every count agrees, 1 otherwise.
import { DuckDBInstance } from '@duckdb/node-api';

const PREDICATES = [
  `ratio64 = 'inf'::DOUBLE`, `ratio64 > 1e300`, `ratio64 = 0`, `ratio64 < 0`, `isnan(ratio64)`,
  `ratio32 < -1e30`, `ratio32 = 0`, `ratio32 > 1000`,
  `count32 = -2147483648`, `count32 > 2000000000`, `count64 > 0`, `count64 = 9223372036854775807`,
  `amount_9_2 = -9999999.99`, `amount_9_2 < 0`, `amount_18_4 > 99999999999999`,
  `amount_38_10 < -9999999999999999999999999999`, `amount_38_10 BETWEEN -1 AND 1`,
  `amount_20_0 > 99999999999999999998`, `amount_20_0 < 0`,
  `label = ''`, `label > 'z'`, `label = '東京'`, `label >= '🚀'`, `label < 'Z'`,
  `day < DATE '1900-01-02'`, `day = DATE '9999-12-31'`, `day < DATE '1970-01-01'`,
  `"at" < TIMESTAMPTZ '1900-01-01 00:00:01+00'`, `"at" = TIMESTAMPTZ '1969-12-31 23:59:59.999999+00'`,
  `"at" > TIMESTAMPTZ '2026-01-01 00:00:00+00'`,
  `payload = '\\x00\\xFF\\x00'::BLOB`, `payload > '\\x80'::BLOB`, `payload = ''::BLOB`,
  `flag`, `NOT flag`, `flag IS NULL`, `label IS NOT NULL`,
];

async function count(connection, sql) {
  return (await connection.runAndReadAll(sql)).getRows()[0][0];
}

const files = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
await connection.run(`SET TimeZone = 'UTC'`);
let mismatches = 0;
for (const file of files) {
  const source = `read_parquet('${file.replaceAll("'", "''")}')`;
  for (const predicate of PREDICATES) {
    const pushed = await count(connection, `SELECT count(*) FROM ${source} WHERE ${predicate}`);
    const scanned = await count(connection,
        `SELECT count(*) FROM (SELECT * FROM ${source} LIMIT 1000000000) WHERE ${predicate}`);
    if (pushed !== scanned) {
      mismatches++;
      process.stderr.write(`${file}: WHERE ${predicate}: ${pushed} rows with statistics, ` +
                           `${scanned} without\n`);
    }
  }
}
console.log(`check_filters: ${files.length} files x ${PREDICATES.length} predicates, ` +
            `${mismatches} mismatches`);
process.exit(mismatches === 0 ? 0 : 1);
