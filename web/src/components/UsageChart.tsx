// Usage and charge-back of every domain or team (GET /api/v1/usage, docs/usage.md) as a bar table:
// storage held, reads, check time and, when the workspace has a prices file, the charge split into
// storage, reads and checks.
import type { UsageReport, UsageRow } from '../types';
import { formatBytes, formatSeconds } from '../format';
import { BarTable, type BarColumn } from './BarTable';

function chargeColumn(report: UsageReport): BarColumn<UsageRow> {
  const currency = report.prices?.currency ?? '';
  const amount = (row: UsageRow, part: 'storage' | 'reads' | 'checks' | 'total') => Number(row.charge?.[part] ?? 0);
  return {
    label: `Charge (${currency})`,
    value: (row) => amount(row, 'total'),
    text: (row) =>
      row.charge
        ? `${row.charge.total} ${currency} (storage ${row.charge.storage}, reads ${row.charge.reads}, checks ${row.charge.checks})`
        : '—',
    segments: (row) => [
      { value: amount(row, 'storage'), className: 'seg-storage' },
      { value: amount(row, 'reads'), className: 'seg-reads' },
      { value: amount(row, 'checks'), className: 'seg-checks' },
    ],
  };
}

export function UsageChart({ report }: { report: UsageReport }) {
  const columns: BarColumn<UsageRow>[] = [
    {
      label: 'Storage held',
      value: (row) => Number(row.storage_byte_days),
      text: (row) => `${formatBytes(Number(row.storage_byte_days))} × days`,
    },
    {
      label: 'Reads',
      value: (row) => row.read_bytes,
      text: (row) => `${row.reads.toLocaleString('en')} reads, ${formatBytes(row.read_bytes)}`,
    },
    {
      label: 'Check time',
      value: (row) => Number(row.check_seconds),
      text: (row) => formatSeconds(Number(row.check_seconds)),
    },
  ];
  if (report.prices) columns.push(chargeColumn(report));
  const view = report.by === 'team' ? 'Team' : 'Domain';
  return (
    <>
      <BarTable
        caption={`Usage${report.prices ? ' and charge-back' : ''} per ${view.toLowerCase()}, ${report.from} to ${report.to}`}
        rowLabel={view}
        rows={report.rows}
        name={(row) => row.name}
        columns={columns}
        total={report.total}
        testId="usage-chart"
      />
      {report.prices ? (
        <p className="muted">
          Charged at the prices of <code>{report.prices.file}</code>; the charge bar is split into{' '}
          <span className="key seg-storage">storage</span>, <span className="key seg-reads">reads</span> and{' '}
          <span className="key seg-checks">checks</span>. Every column adds up to its total.
        </p>
      ) : (
        <p className="muted" data-testid="no-prices">
          Usage only: the workspace has no <code>governance/prices.yaml</code>, so nothing is charged back.
        </p>
      )}
      {report.warnings.length > 0 && (
        <ul className="warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </>
  );
}
