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
});

test("a domain page shows the domain's policy and health as the API answers", async ({ page, request }) => {
  const domain = await (await api(request, state().tokens.governance, 'GET', '/api/v1/domains/finance')).json();
  expect(domain.policy).not.toBeNull(); // governance/domains/finance.yaml
  await page.goto('/domains/finance');
  await expect(page.getByRole('heading', { name: 'Domain finance' })).toBeVisible();
  const policy = page.getByTestId('domain-policy');
  await expect(policy).toContainText(domain.policy.text.trim().split('\n')[0]);
  expect((await policy.textContent()).trim()).toBe(domain.policy.text.trim());
  await expect(page.getByText(domain.policy.file)).toBeVisible();
  const { health } = domain;
  await expect(page.getByTestId('domain-health')).toContainText(
    `${health.products} products declared, ${health.published} published; lint findings: ${health.findings.error} errors, ${health.findings.warn} warnings, ${health.findings.info} notes.`,
  );
  await page.getByTestId('domain-health').getByRole('link', { name: 'See the findings' }).click();
  await expect(page.getByRole('heading', { name: 'Governance', level: 1 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Domain' })).toHaveValue('finance');
  const count = health.findings.error + health.findings.warn + health.findings.info;
  await expect(page.getByTestId('finding-count')).toHaveText(new RegExp(`^${count} of \\d+ findings$`));
  await page.goto('/domains/finance');
  await expect(page.getByTestId('domain-health')).toBeVisible();
  await expectAccessible(page, 'domain');
  await screenshot(page, 'domain');
});

test('governance: every finding of the API, narrowed by each filter', async ({ page, request }) => {
  const { findings } = await (await api(request, state().tokens.governance, 'GET', '/api/v1/governance/findings')).json();
  expect(findings.length).toBeGreaterThan(3);
  await page.getByRole('link', { name: 'Governance' }).click();
  const rows = page.getByTestId('findings-table').locator('tbody tr');
  await expect(rows).toHaveCount(findings.length);
  await expect(page.getByTestId('finding-count')).toHaveText(`${findings.length} of ${findings.length} findings`);
  for (const finding of findings) {
    await expect(rows.filter({ hasText: `${finding.file}:${finding.line}:${finding.column}` }).filter({ hasText: finding.rule }).first()).toBeVisible();
  }
  await expectAccessible(page, 'governance');
  await screenshot(page, 'governance');
  // Each filter alone: the rows are the API's findings that match it, fewer than all.
  const pick = (key) => {
    const counts = new Map();
    for (const f of findings) if (f[key]) counts.set(f[key], (counts.get(f[key]) ?? 0) + 1);
    return [...counts.entries()].filter(([, n]) => n < findings.length).sort((a, b) => b[1] - a[1])[0];
  };
  for (const [label, key] of [['Rule', 'rule'], ['Domain', 'domain'], ['Severity', 'severity']]) {
    const [value, count] = pick(key);
    const select = page.getByRole('combobox', { name: label, exact: true });
    await select.selectOption(value);
    await expect(rows).toHaveCount(count);
    await expect(page.getByTestId('finding-count')).toHaveText(`${count} of ${findings.length} findings`);
    for (const row of await rows.all()) await expect(row).toContainText(value);
    await select.selectOption('');
    await expect(rows).toHaveCount(findings.length);
  }
});

test('search filters by classification', async ({ page, request }) => {
  const products = await (await api(request, state().tokens.governance, 'GET', '/api/v1/products')).json();
  const restricted = products.filter((product) => product.classification === 'restricted').map((p) => p.name);
  expect(restricted.length).toBeGreaterThan(0);
  expect(restricted.length).toBeLessThan(products.length);
  await page.getByRole('combobox', { name: 'Classification', exact: true }).selectOption('restricted');
  await expect(page).toHaveURL(/[?&]classification=restricted/);
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(restricted.length);
  for (const name of restricted) await expect(results.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText(`${restricted.length} published product${restricted.length === 1 ? '' : 's'}`);
});

test('the inbox renders with its data', async ({ page }) => {
  await page.getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { name: "Owners' inbox" })).toBeVisible();
  await expect(page.getByTestId('inbox-incidents').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByTestId('inbox-reports').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0); // nothing still loading
  await expectAccessible(page, 'inbox');
  await screenshot(page, 'inbox');
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
