// Every page renders the demo's real data (checked against what the API answers), passes axe
// with no serious or critical violation, and leaves a screenshot in build/ui-screenshots/.
import { test, expect } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, state } from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await signIn(page, state().tokens.governance);
});

test('search lists every published product of the demo', async ({ page, request }) => {
  const products = await (await api(request, state().tokens.governance, 'GET', '/api/v1/products')).json();
  expect(products.length).toBeGreaterThan(20);
  await expect(page.getByTestId('result-count')).toHaveText(`${products.length} published products`);
  for (const product of products.slice(0, 5)) {
    await expect(page.getByRole('link', { name: product.name, exact: true })).toBeVisible();
  }
  await expectAccessible(page, 'search');
  await screenshot(page, 'search');
});

test('search finds a product by a field name, ranked as you type', async ({ page }) => {
  await page.getByLabel('Search names, descriptions, tags and field names').fill('bank_account');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'payroll_ledger', exact: true })).toBeVisible();
  await expect(page.getByTestId('result-count')).toContainText('for “bank_account”');
  await expect(page).toHaveURL(/[?&]q=bank_account(&|$)/);
  await screenshot(page, 'search-field-name');
});

test('search filters by domain, tag and owner', async ({ page }) => {
  // By role and accessible name: each filter's select is labelled by its aria-label.
  await page.getByRole('combobox', { name: 'Domain', exact: true }).selectOption('finance');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'payroll_ledger', exact: true })).toBeVisible();
  await expect(results.getByRole('link', { name: 'missions', exact: true })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Domain', exact: true }).selectOption('');
  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('team-operations');
  await expect(results.getByRole('link', { name: 'missions', exact: true })).toBeVisible();
  await expect(results.getByRole('link', { name: 'payroll_ledger', exact: true })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('');
  await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('pii');
  await expect(results.getByRole('link', { name: 'payroll_ledger', exact: true })).toBeVisible();
  await expect(results.getByRole('link', { name: 'missions', exact: true })).toHaveCount(0);
});

test('the product page shows the contract, versions, quality and lineage', async ({ page, request }) => {
  const show = await (await api(request, state().tokens.governance, 'GET', '/api/v1/products/payroll_ledger')).json();
  await page.goto('/products/payroll_ledger');
  await expect(page.getByRole('heading', { name: 'payroll_ledger', level: 1 })).toBeVisible();
  await expect(page.getByTestId('owner')).toHaveText('team-finance');
  await expect(page.getByTestId('support')).toContainText('#finance-data');
  const schema = page.getByTestId('schema-table');
  for (const field of ['payment_id', 'gross_pay', 'bank_account', 'paid_at']) {
    await expect(schema.getByRole('rowheader', { name: new RegExp('^' + field) })).toBeVisible();
  }
  await expect(schema.getByRole('row', { name: /bank_account/ })).toContainText('pii');
  await expect(schema.getByRole('row', { name: /gross_pay/ })).toContainText('decimal(12,2)');
  await expect(page.getByTestId('versions-table')).toContainText(show.ref);
  await expect(page.getByTestId('quality-verdict')).toContainText('passed');
  const graph = page.getByTestId('lineage-graph');
  await expect(graph.getByRole('link', { name: /soldier_roster \(upstream\)/ })).toBeVisible();
  await expect(page.getByTestId('consumer-teams')).toContainText('analytics');
  await expectAccessible(page, 'product');
  await screenshot(page, 'product');
});

test('the lineage graph highlights the impact downstream', async ({ page }) => {
  await page.goto('/products/soldier_roster');
  const graph = page.getByTestId('lineage-graph');
  await expect(graph.getByRole('link', { name: 'payroll_ledger (downstream, impacted)' })).toBeVisible();
  await graph.getByRole('link', { name: 'payroll_ledger (downstream, impacted)' }).click();
  await expect(page.getByRole('heading', { name: 'payroll_ledger', level: 1 })).toBeVisible();
});

test('the domain pages list domains, products and owners', async ({ page }) => {
  await page.getByRole('link', { name: 'Domains' }).click();
  await expect(page.getByTestId('domains-table').getByRole('link', { name: 'finance' })).toBeVisible();
  await expectAccessible(page, 'domains');
  await screenshot(page, 'domains');
  await page.getByTestId('domains-table').getByRole('link', { name: 'finance' }).click();
  await expect(page.getByRole('heading', { name: 'Domain finance' })).toBeVisible();
  await expect(page.getByTestId('domain-owners')).toContainText('team-finance');
  await expect(page.getByRole('link', { name: 'payroll_ledger' })).toBeVisible();
  await expectAccessible(page, 'domain');
  await screenshot(page, 'domain');
});

test('the governance, inbox and usage pages render', async ({ page }) => {
  await page.getByRole('link', { name: 'Governance' }).click();
  await expect(page.getByRole('heading', { name: 'Governance', level: 1 })).toBeVisible();
  await expect(page.getByText('Could not load')).toHaveCount(0);
  await expectAccessible(page, 'governance');
  await screenshot(page, 'governance');
  await page.getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { name: "Owners' inbox" })).toBeVisible();
  await expectAccessible(page, 'inbox');
  await screenshot(page, 'inbox');
  await page.getByRole('link', { name: 'Usage & health' }).click();
  await expect(page.getByRole('heading', { name: 'Usage, billing and health' })).toBeVisible();
  // The answers must be on the page before it is checked: they are what may overflow and scroll.
  for (const section of ['Usage and billing', 'Maturity', 'Health']) {
    await expect(page.getByRole('region', { name: `${section} (JSON)` })).toBeVisible();
  }
  await expectAccessible(page, 'usage');
  await screenshot(page, 'usage');
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
