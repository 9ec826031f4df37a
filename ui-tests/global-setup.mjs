// Publishes the demo mesh with `mesh demo`, creates API tokens with `mesh token create`, starts
// `mesh serve` on 127.0.0.1:UI_PORT serving web/dist, and waits until it is ready. What the tests
// need (tokens, paths) goes to build/ui-e2e/state.json.
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
};

const DEMO_NOW = '2026-11-20T08:00:00Z'; // the demo's clock (docs/cli.md, mesh demo)

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

// A mesh whose `mesh demo` only writes sample data (before its publish step existed): publish
// each file, upstream first (the demo lists them in that order), as a member of the owning team.
function publishDemoData(workspace, demo, catalog, lake) {
  const meshYaml = fs.readFileSync(path.join(workspace, 'mesh.yaml'), 'utf8');
  const members = new Map(
    [...meshYaml.matchAll(/- id: (\S+)\s+members: \[([^\]]+)\]/g)].map((m) => [m[1], m[2].split(',')[0].trim()]),
  );
  for (const file of demo.files) {
    const descriptor = path.join(workspace, 'products', file.domain, file.product + '.yaml');
    const owner = /^owner:\s*(\S+)/m.exec(fs.readFileSync(descriptor, 'utf8'))[1];
    try {
      mesh(['-C', workspace, 'publish', descriptor, file.path, '--as', members.get(owner), '--catalog', catalog, '--lake', lake], { MESH_NOW: demo.now ?? DEMO_NOW });
    } catch (error) {
      // The demo plants products that must be rejected; the rest must publish.
      if (!/rejected|refused/.test(String(error.stdout) + String(error.stderr))) throw error;
    }
  }
}

function token(workspace, catalog, person, expires) {
  const args = ['-C', workspace, 'token', 'create', '--person', person, '--json', '--catalog', catalog];
  if (expires) args.push('--expires', expires);
  return JSON.parse(mesh(args)).secret;
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

  const workspace = path.join(root, 'examples', 'prophecy-hall');
  const demo = JSON.parse(mesh(['demo', '--workspace-dir', workspace, '--out', work, '--json']));
  const catalog = demo.catalog_uri ?? 'sqlite:' + path.join(work, 'catalog.db');
  const lake = demo.lake_uri ?? 'file:' + path.join(work, 'lake');
  if (!demo.catalog_uri) publishDemoData(workspace, demo, catalog, lake);

  const tokens = {};
  for (const [role, person] of Object.entries(PEOPLE)) tokens[role] = token(workspace, catalog, person);
  // Valid for three seconds: expired by the time a test uses it.
  const soon = new Date(Date.now() + 3000).toISOString().replace(/\.\d+Z$/, 'Z');
  tokens.expired = token(workspace, catalog, PEOPLE.consumer, soon);

  const log = fs.openSync(path.join(work, 'serve.log'), 'w');
  const binary = process.env.MESH_BIN ?? path.join(root, 'build', 'debug', 'mesh');
  const child = spawn(
    binary,
    ['-C', workspace, 'serve', '--host', '127.0.0.1', '--port', String(PORT), '--catalog', catalog,
     '--lake', lake, '--web-root', path.join(root, 'web', 'dist')],
    { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } },
  );
  try {
    await waitForReady(`http://127.0.0.1:${PORT}/readyz`, child, Date.now() + 30_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  // The expired token must be past its expiry before any test runs.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(soon) + 1000 - Date.now())));
  fs.writeFileSync(stateFile, JSON.stringify({ pid: child.pid, tokens, people: PEOPLE, catalog, lake, workspace }, null, 2));
  child.unref();
}
