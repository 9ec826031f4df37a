// Stops the `mesh serve` that global-setup.mjs started (by its process id).
import fs from 'node:fs';
import { stateFile } from './global-setup.mjs';

export default async function globalTeardown() {
  if (!fs.existsSync(stateFile)) return;
  const { pid } = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
