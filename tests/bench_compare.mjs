#!/usr/bin/env node
// Compares a `mesh check --json` report with an expected_<format>_<rows>.json of the benchmark
// kit: every expected check must be in the report with the same failing_rows / value / newest /
// age_hours / lag_hours / passed / severity. Prints one line per difference; exit 1 if any.
//   node bench_compare.mjs EXPECTED.json MESH_REPORT.json
import { readFileSync } from 'node:fs';

const [expectedPath, actualPath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
const actual = JSON.parse(readFileSync(actualPath, 'utf8'));
const differences = [];
const FIELDS = ['severity', 'failing_rows', 'value', 'min', 'max_failing', 'newest', 'age_hours',
  'max_age_hours', 'lag_hours', 'max_lag_hours', 'passed'];

if (actual.rows !== expected.rows) differences.push(`rows: expected ${expected.rows}, got ${actual.rows}`);
for (const [name, want] of Object.entries(expected.checks)) {
  const got = actual.checks?.[name];
  if (!got) { differences.push(`${name}: missing from the mesh report`); continue; }
  for (const field of FIELDS) {
    if (!(field in want)) continue;
    const a = want[field];
    const b = got[field];
    const same = typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === b;
    if (!same) differences.push(`${name}.${field}: expected ${JSON.stringify(a)}, got ${JSON.stringify(b)}`);
  }
}
for (const name of Object.keys(actual.checks ?? {})) {
  if (!(name in expected.checks)) differences.push(`${name}: in the mesh report but not expected`);
}
if (differences.length) {
  console.error(`bench_compare: ${actualPath} differs from ${expectedPath}:\n  ${differences.join('\n  ')}`);
  process.exit(1);
}
console.log(`bench_compare: all ${Object.keys(expected.checks).length} checks match ${expectedPath}`);
