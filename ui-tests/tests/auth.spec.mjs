// Signing in: an unauthenticated visitor sees only the sign-in page, wherever they arrive; a bad
// token is refused; an expired token sends the visitor back to sign in; the token never appears
// in a URL.
import { test, expect } from '@playwright/test';
import { expectAccessible, screenshot, signIn, state } from './helpers.mjs';

test('an unauthenticated visitor sees only the sign-in page', async ({ page }) => {
  for (const path of ['/', '/products/payroll_ledger', '/inbox', '/governance', '/domains/finance']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Sign in to Meshwork' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByText('payroll_ledger')).toHaveCount(0);
  }
  await expectAccessible(page, 'sign-in');
  await screenshot(page, 'sign-in');
});

test('the API refuses a request without a token', async ({ request }) => {
  const response = await request.get('/api/v1/products');
  expect(response.status()).toBe(401);
});

test('a wrong token is refused on the sign-in page', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('API token').fill('not-a-real-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('does not accept this token');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});

test('signing in keeps the token out of the URL and signing out forgets it', async ({ page }) => {
  const { tokens } = state();
  await signIn(page, tokens.consumer, '/products/payroll_ledger');
  await expect(page.getByRole('heading', { name: 'payroll_ledger', level: 1 })).toBeVisible();
  expect(page.url()).not.toContain(tokens.consumer);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Meshwork' })).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
});

test('an expired token returns to the sign-in page', async ({ page }) => {
  const { tokens } = state();
  await signIn(page, tokens.consumer);
  // The session's token expires: from now on the tab holds a token the server no longer accepts.
  await page.evaluate((token) => sessionStorage.setItem('meshwork.token', token), tokens.expired);
  await page.goto('/products/payroll_ledger');
  await expect(page.getByRole('heading', { name: 'Sign in to Meshwork' })).toBeVisible();
  await expect(page.getByTestId('signin-notice')).toContainText('expired');
  expect(await page.evaluate(() => sessionStorage.getItem('meshwork.token'))).toBeNull();
  await page.getByLabel('API token').fill(tokens.expired);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('does not accept this token');
});
