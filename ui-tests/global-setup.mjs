// Publishes the demo mesh with `mesh demo --history 14` (fourteen simulated days of publishes,
// reads, SLA ticks, incidents and consumer reports before the demo's own publishes, as the
// README's demo does), creates API tokens with `mesh token create`, starts `mesh serve` on
// 127.0.0.1:UI_PORT serving web/dist, and waits until it is ready. Everything runs at the demo's
// clock (MESH_NOW): the history ends the day before it, so the server's "today" is the demo's day
// and its 30-day windows hold the whole history. The mesh is a copy of examples/prophecy-hall
// with a prices file added (the example has none), so that the usage page has charges to show.
// What the tests need (tokens, paths, the demo's summary) goes to build/ui-e2e/state.json.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PORT } from './playwright.config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');
export const work = path.join(root, 'build', 'ui-e2e');
export const stateFile = path.join(work, 'state.json');

// The people of examples/prophecy-hall/mesh.yaml the tests act as.
export const PEOPLE = {
  consumer: 'gideon', // team analytics: owns nothing, reads
  owner: 'zora', // team-finance: owns payroll_ledger (restricted, with a pii field)
  admin: 'elowen', // team platform, role admin
  governance: 'cedric', // team governance
  logistics: 'dagny', // team-logistics: owns supply_depot_stock, the history's slipping product
};

const DEMO_NOW = '2026-11-20T08:00:00Z'; // the demo's clock (docs/cli.md, mesh demo)
const HISTORY_DAYS = 14; // as ./scripts/demo.sh

// Test prices (docs/usage.md "The prices file"), scaled up so that the demo's few megabytes and
// milliseconds cost whole units: every domain's charge is then above zero.
const PRICES = `currency: EUR
decimals: 2
storage_per_gb_month: 50000
read_per_gb: 5000
check_per_cpu_hour: 50000
`;

function mesh(args, extraEnv = {}) {
  const binary = process.env.MESH_BIN ?? path.join(root, 'build', 'debug', 'mesh');
  return execFileSync(binary, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
}

function token(workspace, catalog, person, now, expires) {
  const args = ['-C', workspace, 'token', 'create', '--person', person, '--json', '--catalog', catalog];
  if (expires) args.push('--expires', expires);
  return JSON.parse(mesh(args, { MESH_NOW: now })).secret;
}

// examples/prophecy-hall without its stores, plus governance/prices.yaml.
function copyWorkspace(to) {
  const from = path.join(root, 'examples', 'prophecy-hall');
  fs.cpSync(from, to, { recursive: true, filter: (source) => path.basename(source) !== '.mesh' });
  fs.writeFileSync(path.join(to, 'governance', 'prices.yaml'), PRICES);
}

async function waitForReady(url, child, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mesh serve exited with ${child.exitCode}; see ${work}/serve.log`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`mesh serve did not become ready at ${url}; see ${work}/serve.log`);
}

export default async function globalSetup() {
  const dist = path.join(root, 'web', 'dist', 'index.html');
  if (!fs.existsSync(dist)) throw new Error(`${dist} is missing: run \`npm ci && npm run build\` in web/`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(path.join(root, 'build', 'ui-screenshots'), { recursive: true });

  const workspace = path.join(work, 'mesh');
  copyWorkspace(workspace);
  const demo = JSON.parse(
    mesh(['demo', '--workspace-dir', workspace, '--out', path.join(work, 'demo'), '--store', path.join(work, 'store'),
          '--history', String(HISTORY_DAYS), '--json'], { MESH_NOW: DEMO_NOW }),
  );
  if (!demo.history || demo.history.days !== HISTORY_DAYS) throw new Error('mesh demo simulated no history: ' + JSON.stringify(demo.history));
  const now = demo.now ?? DEMO_NOW;
  const { catalog, lake } = demo;

  // The SLA tick at the demo's time, once, before the server starts: it records the demo day's
  // periods and opens their incidents. The server's own ticks are off, so what the tests compare
  // with the API cannot change under them (with MESH_NOW fixed, a later tick would find nothing
  // new anyway, but the first one would race the first tests).
  mesh(['-C', workspace, 'sla', 'tick', '--catalog', catalog, '--lake', lake], { MESH_NOW: now });

  const tokens = {};
  for (const [role, person] of Object.entries(PEOPLE)) tokens[role] = token(workspace, catalog, person, now);
  // Made ten minutes before the server's time, valid for five: expired for every test.
  const before = new Date(Date.parse(now) - 10 * 60 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  tokens.expired = token(workspace, catalog, PEOPLE.consumer, before, '5m');

  const log = fs.openSync(path.join(work, 'serve.log'), 'w');
  const binary = process.env.MESH_BIN ?? path.join(root, 'build', 'debug', 'mesh');
  const child = spawn(
    binary,
    ['-C', workspace, 'serve', '--host', '127.0.0.1', '--port', String(PORT), '--catalog', catalog,
     '--lake', lake, '--web-root', path.join(root, 'web', 'dist'), '--sla-tick-interval', '0'],
    { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0', MESH_NOW: now } },
  );
  try {
    await waitForReady(`http://127.0.0.1:${PORT}/readyz`, child, Date.now() + 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  fs.writeFileSync(
    stateFile,
    JSON.stringify({ pid: child.pid, tokens, people: PEOPLE, catalog, lake, workspace, now, history: demo.history }, null, 2),
  );
  child.unref();
}
