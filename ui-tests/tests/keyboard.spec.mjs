// The UI works from the keyboard alone: skip link, main navigation, search, results, and the
// lineage graph's nodes are reachable with Tab and followed with Enter.
import { test, expect } from '@playwright/test';
import { signIn, state } from './helpers.mjs';

test('sign in, search and open a product with the keyboard only', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('API token')).toBeFocused();
  await page.keyboard.type(state().tokens.consumer);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const search = page.getByLabel('Search names, descriptions, tags and field names');
  await expect(search).toBeFocused();
  await page.keyboard.type('payroll');
  const result = page.getByRole('list', { name: 'Search results' }).getByRole('link', { name: 'payroll_ledger', exact: true });
  await expect(result).toBeVisible();
  for (let i = 0; i < 40 && !(await result.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'payroll_ledger', level: 1 })).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();
});

test('the skip link and the main navigation take keyboard focus in order', async ({ page }) => {
  await signIn(page, state().tokens.consumer, '/domains');
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Meshwork', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Search', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Domains', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Governance', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Governance', level: 1 })).toBeVisible();
});

test('lineage nodes are links reachable with Tab', async ({ page }) => {
  await signIn(page, state().tokens.consumer, '/products/soldier_roster');
  const node = page.getByTestId('lineage-graph').getByRole('link').first();
  await expect(node).toBeVisible();
  await node.focus();
  await expect(node).toBeFocused();
  const name = (await node.getAttribute('aria-label')).split(' ')[0];
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
});
