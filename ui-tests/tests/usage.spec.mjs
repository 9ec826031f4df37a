// The usage page draws the API's answers as charts: every domain and team of GET /api/v1/usage
// has its bars (storage, reads, check time, charge), the maturity phase is the API's with its
// evidence, and every finding of GET /api/v1/doctor is listed with its evidence and action.
import { test, expect } from '@playwright/test';
import { api, expectAccessible, screenshot, signIn, state } from './helpers.mjs';

async function usageAnswer(request, by) {
  const response = await api(request, state().tokens.governance, 'GET', `/api/v1/usage?by=${by}`);
  expect(response.status()).toBe(200);
  return response.json();
}

// The chart's row for `name`: its row header, its bars and their values.
function chartRow(page, name) {
  return page
    .getByTestId('usage-chart')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

async function expectBarsFor(page, report) {
  const chart = page.getByTestId('usage-chart');
  await expect(chart.locator('tbody tr')).toHaveCount(report.rows.length);
  // storage, reads, check time, and the charge (the test mesh has a prices file)
  expect(report.prices).not.toBeNull();
  for (const row of report.rows) {
    const tr = chartRow(page, row.name);
    await expect(tr.locator('svg.bar-cell')).toHaveCount(4);
    await expect(tr.locator('svg.bar-cell').nth(1)).toHaveAttribute('data-value', String(row.read_bytes));
    await expect(tr.locator('svg.bar-cell').nth(3)).toHaveAttribute('data-value', String(Number(row.charge.total)));
    await expect(tr).toContainText(`${row.reads.toLocaleString('en')} reads`);
    await expect(tr).toContainText(`${row.charge.total} EUR`);
  }
  await expect(chart.locator('tfoot')).toContainText(`${report.total.charge.total} EUR`);
  // The largest reader's bar spans the whole track; a bar is as long as its share.
  const widest = report.rows.reduce((a, b) => (b.read_bytes > a.read_bytes ? b : a));
  await expect(chartRow(page, widest.name).locator('svg.bar-cell').nth(1).locator('rect.bar')).toHaveAttribute('width', '100');
}

test('usage and charge-back per domain and per team: a bar for every row of the API', async ({ page, request }) => {
  const byDomain = await usageAnswer(request, 'domain');
  const byTeam = await usageAnswer(request, 'team');
  expect(byDomain.rows.length).toBeGreaterThan(5);
  expect(byDomain.total.reads).toBeGreaterThan(100); // the demo's history read its products
  await signIn(page, state().tokens.governance, '/usage');
  await expect(page.getByTestId('usage-loaded')).toBeVisible();
  await expectBarsFor(page, byDomain);
  await page.getByRole('radio', { name: 'team' }).check();
  await expect(chartRow(page, 'analytics')).toBeVisible();
  await expectBarsFor(page, byTeam);
  // The raw answer is kept behind a disclosure.
  const raw = page.getByTestId('usage-loaded').locator('details');
  await expect(raw.getByRole('region', { name: 'Usage and billing (JSON)' })).toBeHidden();
  await raw.getByText('Raw JSON answer').click();
  await expect(raw.getByRole('region', { name: 'Usage and billing (JSON)' })).toContainText('"by": "team"');
});

test('maturity: the phase and the evidence of the API', async ({ page, request }) => {
  const verdict = await (await api(request, state().tokens.consumer, 'GET', '/api/v1/maturity')).json();
  await signIn(page, state().tokens.consumer, '/usage');
  await expect(page.getByTestId('maturity-loaded')).toBeVisible();
  await expect(page.getByTestId('maturity-phase')).toContainText(`Phase ${verdict.phase} of 4: ${verdict.name}`);
  const steps = page.getByRole('list', { name: 'Phases of the implementation path' }).getByRole('listitem');
  await expect(steps).toHaveCount(verdict.phases.length);
  await expect(steps.nth(verdict.phase - 1)).toHaveAttribute('aria-current', 'step');
  const evidenceFor = verdict.next
    ? verdict.next.for
    : verdict.phases.find((phase) => phase.phase === verdict.phase).criteria;
  const evidenceAgainst = verdict.next ? verdict.next.against : [];
  const forList = page.getByTestId('maturity-for').getByRole('listitem');
  await expect(forList).toHaveCount(evidenceFor.length);
  for (const [index, criterion] of evidenceFor.entries()) await expect(forList.nth(index)).toContainText(criterion.evidence);
  if (evidenceAgainst.length > 0) {
    const againstList = page.getByTestId('maturity-against').getByRole('listitem');
    await expect(againstList).toHaveCount(evidenceAgainst.length);
    for (const [index, criterion] of evidenceAgainst.entries()) await expect(againstList.nth(index)).toContainText(criterion.evidence);
  }
});

// The demo mesh is at the last phase, so its answer has no next phase: the same answer, moved
// back to phase 3 with one criterion of phase 4 failing, shows the evidence for and against.
test('maturity below the last phase: the evidence for and against the next one', async ({ page, request }) => {
  const real = await (await api(request, state().tokens.consumer, 'GET', '/api/v1/maturity')).json();
  const criteria = real.phases[3].criteria.map((criterion) =>
    criterion.id === 'governance.clean_rate'
      ? { ...criterion, value: 0.5, met: false, evidence: '16 of 32 (50%) products pass mesh lint' }
      : criterion,
  );
  const verdict = {
    ...real,
    phase: 3,
    name: real.phases[2].name,
    phases: real.phases.map((phase) => (phase.phase === 4 ? { ...phase, reached: false, criteria } : phase)),
    next: { phase: 4, name: real.phases[3].name, for: criteria.filter((c) => c.met), against: criteria.filter((c) => !c.met) },
  };
  await page.route('**/api/v1/maturity', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(verdict) }),
  );
  await signIn(page, state().tokens.consumer, '/usage');
  await expect(page.getByTestId('maturity-phase')).toContainText(`Phase 3 of 4: ${real.phases[2].name}`);
  await expect(page.getByRole('heading', { name: `Towards phase 4: ${real.phases[3].name}` })).toBeVisible();
  await expect(page.getByTestId('maturity-for').getByRole('listitem')).toHaveCount(verdict.next.for.length);
  const against = page.getByTestId('maturity-against').getByRole('listitem');
  await expect(against).toHaveCount(1);
  await expect(against).toContainText('not met 16 of 32 (50%) products pass mesh lint');
  await expect(against.locator('svg rect.bar.short')).toHaveCount(1);
  const steps = page.getByRole('list', { name: 'Phases of the implementation path' }).getByRole('listitem');
  await expect(steps.nth(2)).toHaveAttribute('aria-current', 'step');
  await expect(steps.nth(3)).toHaveClass('ahead');
});

test('health: every finding of the doctor with its kind, subject, evidence and action', async ({ page, request }) => {
  const doctor = await (await api(request, state().tokens.consumer, 'GET', '/api/v1/doctor')).json();
  // The history plants a degrading domain and reports piling up (docs/cli.md, mesh demo).
  expect(doctor.findings.map((finding) => finding.kind)).toEqual(expect.arrayContaining(['failure_rate_rising', 'reports_piling_up']));
  await signIn(page, state().tokens.consumer, '/usage');
  await expect(page.getByTestId('doctor-loaded')).toBeVisible();
  const items = page.getByTestId('doctor-findings').getByRole('listitem');
  await expect(items).toHaveCount(doctor.findings.length);
  for (const [index, finding] of doctor.findings.entries()) {
    const item = items.nth(index);
    await expect(item).toContainText(finding.kind.replace(/_/g, ' '));
    await expect(item.getByRole('link', { name: finding.subject, exact: true })).toBeVisible();
    await expect(item).toContainText(finding.evidence);
    await expect(item).toContainText(finding.action);
  }
  const domainFinding = items.filter({ hasText: 'failure rate rising' }).first();
  const subject = doctor.findings.find((finding) => finding.kind === 'failure_rate_rising').subject;
  await domainFinding.getByRole('link', { name: subject, exact: true }).click();
  await expect(page.getByRole('heading', { name: `Domain ${subject}` })).toBeVisible();
});

test('the usage page passes axe once its charts are drawn; others than governance are told why usage is withheld', async ({ page }) => {
  await signIn(page, state().tokens.governance, '/usage');
  for (const id of ['usage', 'maturity', 'doctor']) await expect(page.getByTestId(`${id}-loaded`)).toBeVisible();
  for (const details of await page.locator('details.raw').all()) await details.locator('summary').click();
  await expectAccessible(page, 'usage');
  await screenshot(page, 'usage');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, state().tokens.consumer, '/usage');
  await expect(page.getByTestId('usage-refused')).toBeVisible();
  await expect(page.getByTestId('usage-chart')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'team' })).toHaveCount(0);
});
