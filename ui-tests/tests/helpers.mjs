// What every browser test uses: the state global-setup.mjs left (tokens), signing in through the
// sign-in page, an axe-core check, and screenshots into build/ui-screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect } from '@playwright/test';
import { root, stateFile } from '../global-setup.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function state() {
  return JSON.parse(fs.readFileSync(stateFile, 'utf8'));
}

export async function signIn(page, token, to = '/') {
  await page.goto(to);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // Signed in once the app has asked who the token is: a test that then changes the session
  // (e.g. puts an expired token in it) must not race that first call.
  await expect(page.getByTestId('me')).toBeVisible();
}

// Calls the API as `token` (for checks and for setting the scene, never instead of the UI).
export async function api(request, token, method, url, data) {
  const response = await request.fetch(url, {
    method,
    headers: { Authorization: 'Bearer ' + token },
    data,
  });
  return response;
}

// Waits until no part of the page still says it is loading (components/States.tsx Loading).
export async function expectLoaded(page) {
  await expect(page.locator('main [role="status"]', { hasText: /^Loading / })).toHaveCount(0);
}

// axe-core run in the page once its data is there: no serious or critical violation.
export async function expectAccessible(page, name) {
  await expectLoaded(page);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }),
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

export async function screenshot(page, name) {
  await expectLoaded(page);
  const dir = path.join(root, 'build', 'ui-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name + '.png'), fullPage: true });
}
