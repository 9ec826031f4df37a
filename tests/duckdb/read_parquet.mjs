// Reads Parquet files with DuckDB and prints them in the canonical form of
// tests/parquet/parquet_samples.h: a header line (JSON array of "<name> <DuckDB type>"), then one
// JSON array per row whose cells are null or a string: booleans, integers and decimals as DuckDB
// prints them, dates as days since 1970-01-01, timestamps as microseconds since the epoch, floats
// as the hex of their IEEE bits, strings as themselves, blobs as uppercase hex.
//
//   node read_parquet.mjs <in.parquet> <out.jsonl> [<in.parquet> <out.jsonl> ...]
//
// Exit code 0 when every file was read, 1 when DuckDB rejected one (its message is printed).
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

function quoteIdentifier(name) {
  return '"' + name.replaceAll('"', '""') + '"';
}

function quoteLiteral(text) {
  return "'" + text.replaceAll("'", "''") + "'";
}

// The SQL expression that turns a column into its canonical text, by DuckDB type. FLOAT and
// DOUBLE come back as numbers (bits are taken in JS), VARCHAR as strings.
function canonicalExpression(name, type) {
  const column = quoteIdentifier(name);
  if (type === 'FLOAT' || type === 'DOUBLE' || type === 'VARCHAR') return column;
  if (type === 'DATE') return `CAST(${column} - DATE '1970-01-01' AS VARCHAR)`;
  if (type === 'TIMESTAMP WITH TIME ZONE' || type === 'TIMESTAMP') {
    return `CAST(epoch_us(${column}) AS VARCHAR)`;
  }
  if (type === 'BLOB') return `hex(${column})`;
  return `CAST(${column} AS VARCHAR)`;  // BOOLEAN, INTEGER, BIGINT, DECIMAL(p,s)
}

function floatBits(value, type) {
  const view = new DataView(new ArrayBuffer(8));
  if (type === 'FLOAT') {
    view.setFloat32(0, value, true);
    return 'f32:' + view.getUint32(0, true).toString(16).padStart(8, '0');
  }
  view.setFloat64(0, value, true);
  return 'f64:' + view.getBigUint64(0, true).toString(16).padStart(16, '0');
}

function canonicalCell(value, type) {
  if (value === null || value === undefined) return null;
  if (type === 'FLOAT' || type === 'DOUBLE') return floatBits(value, type);
  return String(value);
}

async function canonicalRows(connection, path) {
  const source = `read_parquet(${quoteLiteral(path)})`;
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const columns = described.getRows().map((row) => ({ name: row[0], type: row[1] }));
  const lines = [JSON.stringify(columns.map((c) => `${c.name} ${c.type}`))];
  const select = columns.map((c) => canonicalExpression(c.name, c.type)).join(', ');
  const result = await connection.runAndReadAll(`SELECT ${select} FROM ${source}`);
  for (const row of result.getRows()) {
    lines.push(JSON.stringify(row.map((value, i) => canonicalCell(value, columns[i].type))));
  }
  return lines.join('\n') + '\n';
}

async function main(args) {
  if (args.length === 0 || args.length % 2 !== 0) {
    process.stderr.write('usage: node read_parquet.mjs <in.parquet> <out.jsonl> [...]\n');
    process.exit(2);
  }
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  let failed = false;
  for (let i = 0; i < args.length; i += 2) {
    try {
      writeFileSync(args[i + 1], await canonicalRows(connection, args[i]));
    } catch (error) {
      process.stderr.write(`DuckDB could not read ${args[i]}: ${error.message}\n`);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}

await main(process.argv.slice(2));
