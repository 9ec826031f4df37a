// A table whose number columns are drawn as horizontal bars: one row per item (a domain, a
// team), one bar per column, its length the value's share of the column's largest value, with the
// value written beside it. The table carries the numbers for screen readers and keyboard users;
// the bars (hand-written SVG, hidden from assistive technology) are for the eye. A column may split
// its bar into stacked segments (e.g. a charge into storage, reads and checks).
import type { ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

export interface BarSegment {
  value: number;
  className: string; // styles the segment, e.g. "seg-storage"
}

export interface BarColumn<Row> {
  label: string;
  value: (row: Row) => number;
  text: (row: Row) => string;
  segments?: (row: Row) => BarSegment[]; // summing to value(row)
}

interface Props<Row> {
  caption: ReactNode;
  rowLabel: string;
  rows: Row[];
  name: (row: Row) => string;
  columns: BarColumn<Row>[];
  total?: Row;
  testId?: string;
}

const SCALE = 100; // the bar's viewBox width

export function BarTable<Row>({ caption, rowLabel, rows, name, columns, total, testId }: Props<Row>) {
  const maxima = columns.map((column) => Math.max(0, ...rows.map((row) => column.value(row))));
  return (
    <ScrollRegion className="table-scroll" label={rowLabel + ' chart'}>
      <table className="bar-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowLabel}</th>
            {columns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={name(row)}>
              <th scope="row">{name(row)}</th>
              {columns.map((column, index) => (
                <td key={column.label}>
                  <Bar column={column} row={row} max={maxima[index]} />
                  <span className="bar-value">{column.text(row)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {columns.map((column) => (
                <td key={column.label}>
                  <span className="bar-value">{column.text(total)}</span>
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollRegion>
  );
}

function Bar<Row>({ column, row, max }: { column: BarColumn<Row>; row: Row; max: number }) {
  const value = column.value(row);
  const scale = (part: number) => (max > 0 ? (Math.max(0, part) / max) * SCALE : 0);
  const segments = column.segments?.(row) ?? [{ value, className: '' }];
  let x = 0;
  return (
    <svg
      className="bar-cell"
      viewBox={`0 0 ${SCALE} 10`}
      preserveAspectRatio="none"
      aria-hidden="true"
      data-value={value}
    >
      <rect className="bar-track" width={SCALE} height={10} />
      {segments.map((segment, index) => {
        const width = scale(segment.value);
        const rect = <rect key={index} className={('bar ' + segment.className).trim()} x={x} width={width} height={10} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}
