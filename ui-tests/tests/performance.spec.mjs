// Measures (never asserts) what docs/performance.md reports for the UI: the gzipped size of the
// JavaScript the first page loads, and how long the product page takes to render a 30-field
// product with a 100-node lineage graph once its data has arrived. The big product is
// synthetic (the demo has none that large): its API answers are generated here and served
// through Playwright's request interception; everything else is the real server.
// A benchmark, not a test: it runs only under bench/run_ui.sh (MESH_UI_BENCH=1), which rewrites
// the UI section of docs/performance.md; the test suite (ctest ui.browser) lists it as skipped.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '@playwright/test';
import { root } from '../global-setup.mjs';
import { signIn, state } from './helpers.mjs';

const BIG = 'perf_wide_product';
const RUNS = 5;

function bigProduct() {
  const fields = Array.from({ length: 30 }, (_, i) => ({
    name: `field_${String(i).padStart(2, '0')}`,
    type: ['string', 'int64', 'double', 'date', 'timestamp', 'decimal(12,2)'][i % 6],
    description: `Synthetic field ${i} of the performance product`,
    required: i % 2 === 0,
    unique: i === 0,
    allowed_values: i % 7 === 3 ? ['north', 'south', 'east', 'west'] : [],
    min: i % 6 === 1 ? 0 : null,
    max: i % 6 === 1 ? 1000 : null,
    pattern: i % 9 === 4 ? '^[A-Z]{3}-[0-9]+$' : null,
    classification: i % 10 === 9 ? 'restricted' : 'internal',
    tags: i % 10 === 9 ? ['pii'] : [],
    deprecated: false,
    primary_key: i === 0,
    withheld: i % 10 === 9,
    withheld_reason: i % 10 === 9 ? 'tagged pii; your grant does not cover pii' : '',
  }));
  const lineageNode = (prefix, i, depth) => ({
    name: `${prefix}_${String(i).padStart(3, '0')}`,
    kind: 'product',
    depth,
    path: [BIG, ...Array.from({ length: depth }, (_, d) => `${prefix}_${String(i - (depth - 1 - d)).padStart(3, '0')}`)],
  });
  const upstream = Array.from({ length: 50 }, (_, i) => lineageNode('upstream', i, 1 + (i % 4)));
  const downstream = Array.from({ length: 50 }, (_, i) => lineageNode('downstream', i, 1 + (i % 4)));
  return { fields, upstream, downstream };
}

async function serveBigProduct(page) {
  const { fields, upstream, downstream } = bigProduct();
  const json = (body) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  const show = {
    ref: `${BIG}@1.0.0#1`, name: BIG, domain: 'operations', owner: 'team-operations',
    description: 'A synthetic product with 30 fields and 100 lineage nodes', tags: ['perf'],
    version: '1.0.0', snapshot: 1, status: 'current', publisher: 'perrin',
    published_at: '2026-11-20T08:00:00Z', rows: 1000, bytes: 1, completeness: 1, lag_hours: 1,
    output_format: 'parquet', readable_until: null, descriptor: '',
  };
  await page.route(`**/api/v1/products/${BIG}`, (route) => route.fulfill(json(show)));
  await page.route(`**/api/v1/products/${BIG}/versions`, (route) => route.fulfill(json([show])));
  await page.route(`**/api/v1/products/${BIG}/contract`, (route) =>
    route.fulfill(json({
      name: BIG, domain: 'operations', owner: 'team-operations', description: show.description,
      schema_version: '1.0.0', output_format: 'parquet', documentation_url: null,
      classification: 'internal', tags: ['perf'], consumer_teams: ['analytics'], lineage: [],
      event_time: null, support: { channel: '#perf' }, sla: null, fields, quality: [],
      can_read_data: true, read_denied_reason: '', quality_report: null,
    })),
  );
  // Its SLA with a 30-day history (one missed day), no incidents, no reports: every call the
  // product page makes for it is answered here, none reaches the server (which would say 404).
  const history = Array.from({ length: 30 }, (_, i) => {
    const met = i === 17 ? 0 : 1;
    return { period: new Date(Date.UTC(2026, 9, 22 + i)).toISOString().slice(0, 10), periods: 1, met, compliance: met };
  });
  await page.route(`**/api/v1/products/${BIG}/sla`, (route) =>
    route.fulfill(json({
      product: BIG, sla: null, within_sla: true, reasons: [], status: 'met', target: 1, open_incidents: 0,
      window: { from: history[0].period, to: history[history.length - 1].period }, next_deadline: null,
      report: { periods: 30, met: 29, compliance: 29 / 30, breach_counts: { late: 1, lag: 0, completeness: 0 } },
      history,
    })),
  );
  for (const listing of ['incidents', 'reports']) {
    await page.route(`**/api/v1/${listing}?*`, (route) =>
      new URL(route.request().url()).searchParams.get('product') === BIG ? route.fulfill(json([])) : route.continue(),
    );
  }
  await page.route(`**/api/v1/lineage?*`, (route) => {
    const direction = new URL(route.request().url()).searchParams.get('direction');
    const nodes = direction === 'upstream' ? upstream : downstream;
    return route.fulfill(json({ node: BIG, direction, nodes, teams: direction === 'impact' ? [] : undefined }));
  });
}

function initialScriptBytes() {
  const dist = path.join(root, 'web', 'dist');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map((m) => m[1]);
  let raw = 0;
  let gzipped = 0;
  for (const file of [...scripts, ...preloads]) {
    const bytes = fs.readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzipped += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzipped, files: scripts.length + preloads.length };
}

test('measure the initial JS size and the product page render time', async ({ page, browser }) => {
  test.skip(!process.env.MESH_UI_BENCH, 'a benchmark: bench/run_ui.sh runs it');
  const size = initialScriptBytes();
  await serveBigProduct(page);
  await signIn(page, state().tokens.consumer, '/');
  // Records when both the schema table and the lineage graph are in the document and painted.
  await page.addInitScript(() => {
    const done = () =>
      document.querySelectorAll('[data-testid="schema-table"] tbody tr').length === 30 &&
      document.querySelectorAll('[data-testid="lineage-graph"] .node').length === 101;
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          window.__renderedAt = performance.now();
        }, 0),
      );
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const unanswered = [];
  page.on('response', (response) => {
    if (response.url().includes(BIG) && !response.ok()) unanswered.push(`${response.status()} ${response.url()}`);
  });
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`/products/${BIG}`);
    await page.waitForFunction(() => window.__renderedAt !== undefined);
    const ms = await page.evaluate(() => {
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/'));
      const dataArrived = Math.max(...api.map((e) => e.responseEnd));
      return window.__renderedAt - dataArrived;
    });
    samples.push(ms);
  }
  await expect(page.getByTestId('schema-table').locator('tbody tr')).toHaveCount(30);
  await expect(page.getByTestId('compliance-chart').locator('rect.bar')).toHaveCount(30);
  expect(unanswered, 'calls for the synthetic product that reached the server').toEqual([]);
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const result = {
    measured_at: new Date().toISOString(),
    chromium: browser.version(),
    initial_js_files: size.files,
    initial_js_bytes: size.raw,
    initial_js_gzip_bytes: size.gzipped,
    product_render_ms_median: Number(median.toFixed(1)),
    product_render_ms_runs: samples.map((s) => Number(s.toFixed(1))),
  };
  fs.writeFileSync(path.join(root, 'build', 'ui-performance.json'), JSON.stringify(result, null, 2) + '\n');
  writePerformanceDoc(result);
  console.log('ui performance:', JSON.stringify(result));
});

// Rewrites the section of docs/performance.md between the ui-performance markers.
function writePerformanceDoc(result) {
  const doc = path.join(root, 'docs', 'performance.md');
  const begin = '<!-- ui-performance:begin (written by ui-tests/tests/performance.spec.mjs) -->';
  const end = '<!-- ui-performance:end -->';
  const section = [
    begin,
    `Measured ${result.measured_at.slice(0, 10)} in ${result.chromium} (headless, 2-core machine):`,
    '',
    '| measure | value |',
    '|---|---|',
    `| initial JavaScript (${result.initial_js_files} file) | ${(result.initial_js_bytes / 1024).toFixed(1)} KiB, **${(result.initial_js_gzip_bytes / 1024).toFixed(1)} KiB gzipped** (budget 250 KB) |`,
    `| product page render, 30 fields + 100-node lineage, after its data arrived (median of ${result.product_render_ms_runs.length}) | **${result.product_render_ms_median} ms** (runs: ${result.product_render_ms_runs.join(', ')} ms; budget 300 ms) |`,
    end,
  ].join('\n');
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Performance\n';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? text.slice(0, from) + section + text.slice(to + end.length)
      : text.trimEnd() + '\n\n## Web UI\n\n' + section + '\n';
  fs.writeFileSync(doc, next);
}
