// SLA status, compliance chart, incidents and consumer reports of a product page against what the
// API answers on the demo with its fourteen days of history (global-setup.mjs): the history's
// slipping product misses every other day and its owners leave its incidents acknowledged; the
// reported product collects a consumer report a day. Then a consumer reports a problem and the
// owning team finds it in its inbox.
import { test, expect } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, state } from './helpers.mjs';

async function get(request, token, url) {
  const response = await api(request, token, 'GET', url);
  expect(response.status(), url).toBe(200);
  return response.json();
}

test('the SLA status and the compliance chart of the slipping product, as the API answers', async ({ page, request }) => {
  const { tokens, history } = state();
  const product = history.slipping_product;
  const sla = await get(request, tokens.consumer, `/api/v1/products/${product}/sla`);
  expect(sla.history.length).toBeGreaterThanOrEqual(history.days);
  const missed = sla.history.filter((day) => day.compliance < sla.target);
  expect(missed.length).toBeGreaterThan(0);
  await signIn(page, tokens.consumer, `/products/${product}`);
  await expect(page.getByTestId('sla-status')).toContainText(`Status: ${sla.status}`);
  await expect(page.getByTestId('sla-window')).toContainText(`${sla.report.met} of ${sla.report.periods} periods met`);
  for (const reason of sla.reasons) await expect(page.getByTestId('sla-reasons')).toContainText(reason);
  const chart = page.getByTestId('compliance-chart');
  await expect(chart.locator('rect.bar')).toHaveCount(sla.history.length);
  await expect(chart.locator('rect.bar.breach')).toHaveCount(missed.length);
  for (const day of missed) {
    const bar = chart.locator(`rect.bar[data-period="${day.period}"]`);
    await expect(bar).toHaveClass(/\bbreach\b/);
    // A day at 0% is drawn all the same: never a zero-height bar.
    expect(Number(await bar.getAttribute('height'))).toBeGreaterThanOrEqual(4);
  }
  const met = sla.history.find((day) => day.compliance >= sla.target);
  await expect(chart.locator(`rect.bar[data-period="${met.period}"]`)).not.toHaveClass(/\bbreach\b/);
  // The same values as a table for screen readers.
  const table = page.getByTestId('compliance-table');
  await expect(table.locator('tbody tr')).toHaveCount(sla.history.length);
  await expect(table.getByRole('row', { name: new RegExp('^' + missed[0].period) })).toContainText('breach');
  await expectAccessible(page, 'product-sla');
  await screenshot(page, 'product-sla');
});

test('a product page lists the incidents and consumer reports the API has for it', async ({ page, request }) => {
  const { tokens, history } = state();
  const incidents = await get(request, tokens.governance, `/api/v1/incidents?product=${history.slipping_product}`);
  // The history's incidents the owners acknowledged and left open, and the one the tick at the
  // demo's time opened: none closed, all listed.
  expect(incidents.some((incident) => incident.status === 'acknowledged')).toBe(true);
  expect(incidents.every((incident) => incident.status !== 'closed')).toBe(true);
  await signIn(page, tokens.governance, `/products/${history.slipping_product}`);
  const incidentList = page.getByTestId('incidents-list');
  await expect(incidentList.getByRole('listitem')).toHaveCount(incidents.length);
  for (const incident of incidents) {
    await expect(page.getByTestId(`incident-${incident.id}`)).toContainText(incident.summary);
    await expect(page.getByTestId(`incident-${incident.id}`)).toContainText(incident.status);
  }

  const reports = await get(request, tokens.governance, `/api/v1/reports?product=${history.reported_product}`);
  expect(reports.length).toBeGreaterThan(1);
  await page.goto(`/products/${history.reported_product}`);
  await expect(page.getByTestId('reports-list').getByRole('listitem')).toHaveCount(reports.length);
  for (const report of reports) {
    await expect(page.getByTestId(`report-${report.id}`)).toContainText(report.title);
    await expect(page.getByTestId(`report-${report.id}`)).toContainText(`(${report.status}, by ${report.opened_by}`);
  }
});

test('a consumer reports a problem; it is listed on the product and in the owning team inbox', async ({ browser, request }) => {
  const { tokens } = state();
  const product = 'payroll_ledger'; // consumed by analytics (the consumer's team), owned by team-finance
  const title = `Gross pay looks doubled for some rows (test ${Date.now()})`;
  const consumer = await browser.newPage();
  await signIn(consumer, tokens.consumer, `/products/${product}`);
  const form = consumer.getByRole('form', { name: 'Report a problem' });
  await form.getByLabel('What is wrong?').fill(title);
  await form.getByLabel('Details (optional)').fill('Seen in the current snapshot.');
  await form.getByRole('button', { name: 'Send report' }).click();
  await expect(consumer.getByTestId('report-sent')).toContainText('sent to the owners');
  const item = consumer.getByTestId('reports-list').getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('(open, by gideon');
  await expect(item).toContainText('Seen in the current snapshot.');
  const reports = await get(request, tokens.consumer, `/api/v1/reports?product=${product}`);
  const sent = reports.find((report) => report.title === title);
  expect(sent).toBeDefined();
  expect(sent.body).toBe('Seen in the current snapshot.');

  const owner = await browser.newPage();
  await signIn(owner, tokens.owner, '/inbox');
  const inboxItem = owner.getByTestId(`inbox-reports-${sent.id}`);
  await expect(inboxItem).toContainText(title);
  await expect(inboxItem.getByRole('link', { name: product })).toBeVisible();
  await screenshot(owner, 'inbox-report');
});

test("the owners' inbox lists their incidents that are not closed, acknowledged ones too", async ({ page, request }) => {
  const { tokens, history } = state();
  const active = await get(request, tokens.logistics, '/api/v1/incidents?status=active');
  const open = await get(request, tokens.logistics, '/api/v1/incidents?status=open');
  const acknowledged = active.filter((incident) => incident.status === 'acknowledged');
  expect(acknowledged.some((incident) => incident.product === history.slipping_product)).toBe(true);
  expect(open.length).toBeLessThan(active.length); // status=open alone would hide them
  await signIn(page, tokens.logistics, '/inbox');
  const list = page.getByTestId('inbox-incidents');
  await expect(list.getByRole('listitem')).toHaveCount(active.length);
  for (const incident of acknowledged) {
    await expect(page.getByTestId(`inbox-incidents-${incident.id}`)).toContainText('(acknowledged)');
  }
  await expectAccessible(page, 'inbox-incidents');
  await screenshot(page, 'inbox-incidents');
});
