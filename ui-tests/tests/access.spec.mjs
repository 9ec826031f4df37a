// The access flow end to end, in two browsers: a consumer asks to read a restricted product,
// its owner approves in the inbox, and the consumer then reads the data with the personal-data
// column withheld, because the grant covers the level but not pii.
import { test, expect } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, state } from './helpers.mjs';

const PRODUCT = 'payroll_ledger';
const PII_FIELD = 'bank_account';

test('request access, approve in the inbox, read with the pii column withheld', async ({ browser, request }) => {
  const { tokens } = state();
  const before = await api(request, tokens.consumer, 'GET', `/api/v1/products/${PRODUCT}/data?format=jsonl`);
  expect(before.status()).toBe(403);

  const consumer = await browser.newPage();
  await signIn(consumer, tokens.consumer, `/products/${PRODUCT}`);
  await expect(consumer.getByTestId('no-access')).toBeVisible();
  // Within the form: the page's "Service level" section would match a bare 'Level' too.
  const form = consumer.getByRole('form', { name: 'Request access' });
  await form.getByLabel('Level').selectOption('restricted');
  await expect(form.getByLabel('Also personal data (fields tagged pii)')).not.toBeChecked();
  await form.getByLabel('Purpose').fill('Quarterly payroll cost analysis for the command staff');
  await expectAccessible(consumer, 'request-access');
  await consumer.getByRole('button', { name: 'Send access request' }).click();
  await expect(consumer.getByTestId('request-sent')).toBeVisible();
  await screenshot(consumer, 'request-access-sent');

  const owner = await browser.newPage();
  await signIn(owner, tokens.owner, '/inbox');
  const item = owner.getByTestId('access-requests').getByRole('listitem').filter({ hasText: PRODUCT }).filter({ hasText: 'gideon' });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Quarterly payroll cost analysis');
  await screenshot(owner, 'inbox-request');
  await item.getByRole('button', { name: /^Approve/ }).click();
  await expect(item).toHaveCount(0);

  await consumer.reload();
  await expect(consumer.getByTestId('can-read')).toBeVisible();
  const schema = consumer.getByTestId('schema-table');
  await expect(schema.getByRole('row', { name: new RegExp(PII_FIELD) })).toContainText('withheld');
  await expect(schema.getByRole('row', { name: /gross_pay/ })).not.toContainText('withheld');
  await consumer.getByRole('button', { name: /Read the first/ }).click();
  const preview = consumer.getByTestId('data-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(20);
  await expect(consumer.getByTestId('withheld-columns')).toHaveText(PII_FIELD);
  await expect(preview.locator('tbody tr').first()).toContainText(/PAY-\d{8}/);
  await expect(preview.locator('tbody td.withheld').first()).toHaveText('withheld');
  await expectAccessible(consumer, 'product-with-access');
  await screenshot(consumer, 'product-with-access');

  // The server itself leaves the column out, whatever the UI shows.
  const after = await api(request, tokens.consumer, 'GET', `/api/v1/products/${PRODUCT}/data?format=jsonl`);
  expect(after.status()).toBe(200);
  expect(after.headers()['x-mesh-withheld-fields']).toBe(PII_FIELD);
  const first = JSON.parse((await after.text()).split('\n')[0]);
  expect(first).toHaveProperty('payment_id');
  expect(first).not.toHaveProperty(PII_FIELD);
});

test('an owner denies a request in the inbox with a note; the request records it', async ({ page, request }) => {
  const { tokens } = state();
  const product = 'procurement_spend'; // confidential, owned by team-finance
  const asked = await api(request, tokens.consumer, 'POST', '/api/v1/access/requests', {
    product,
    purpose: 'Compare procurement spend with mission outcomes',
  });
  expect(asked.status()).toBe(201);
  const { id } = await asked.json();

  await signIn(page, tokens.owner, '/inbox');
  const item = page.getByTestId(`access-request-${id}`);
  await expect(item).toContainText('Compare procurement spend with mission outcomes');
  // A denial needs a reason: without a note the server refuses it and the request stays.
  await item.getByRole('button', { name: `Deny request ${id}` }).click();
  await expect(item.getByRole('alert')).toBeVisible();
  await item.getByLabel('Note (optional; required to deny)').fill('Spend per supplier is not shared outside finance');
  await item.getByRole('button', { name: `Deny request ${id}` }).click();
  await expect(item).toHaveCount(0);

  const decided = await (await api(request, tokens.consumer, 'GET', `/api/v1/access/requests/${id}`)).json();
  expect(decided.status).toBe('denied');
  expect(decided.decided_by).toBe('zora');
  expect(decided.note).toBe('Spend per supplier is not shared outside finance');
  const read = await api(request, tokens.consumer, 'GET', `/api/v1/products/${product}/data?format=jsonl`);
  expect(read.status()).toBe(403);
});
