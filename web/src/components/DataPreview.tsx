// The first rows of a product's current snapshot, read through the data endpoint as JSON lines.
// Fields the reader may not receive are left out by the server; their names come back in the
// X-Mesh-Withheld-Fields header and are shown as withheld columns.
import { useState } from 'react';
import { apiPath, enc, request } from '../api';
import { ErrorBox } from './States';
import type { ContractField } from '../types';
import { ScrollRegion } from './ScrollRegion';

const PREVIEW_ROWS = 20;

interface Preview {
  rows: Array<Record<string, unknown>>;
  withheld: string[];
  ref: string;
}

async function readPreview(name: string): Promise<Preview> {
  const response = await request(apiPath('/products/' + enc(name) + '/data', { format: 'jsonl' }));
  const withheld = (response.headers.get('X-Mesh-Withheld-Fields') ?? '').split(',').filter(Boolean);
  const ref = response.headers.get('X-Mesh-Ref') ?? '';
  const rows: Array<Record<string, unknown>> = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  while (rows.length < PREVIEW_ROWS) {
    const { done, value } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let newline;
    while (rows.length < PREVIEW_ROWS && (newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) rows.push(JSON.parse(line));
    }
    if (done) break;
  }
  await reader.cancel().catch(() => {});
  return { rows, withheld, ref };
}

export function DataPreview({ name, fields }: { name: string; fields: ContractField[] }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => {
    setBusy(true);
    setError(null);
    readPreview(name)
      .then(setPreview, setError)
      .finally(() => setBusy(false));
  };
  return (
    <div>
      <p data-testid="can-read">
        You may read this product's data
        {fields.some((f) => f.withheld) ? ', except the fields marked withheld in the schema.' : '.'}
      </p>
      <button type="button" onClick={load} disabled={busy}>
        {busy ? 'Reading…' : preview ? 'Read again' : `Read the first ${PREVIEW_ROWS} rows`}
      </button>
      {error && <ErrorBox error={error} />}
      {preview && (
        <>
          <p className="muted" role="status">
            {preview.rows.length} rows of <code>{preview.ref}</code>
            {preview.withheld.length > 0 && (
              <>
                ; withheld by the server: <span data-testid="withheld-columns">{preview.withheld.join(', ')}</span>
              </>
            )}
            .
          </p>
          <ScrollRegion className="table-scroll" label="Data preview">
            <table className="data" data-testid="data-preview">
              <thead>
                <tr>
                  {fields.map((field) => (
                    <th scope="col" key={field.name} className={preview.withheld.includes(field.name) ? 'withheld' : undefined}>
                      {field.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row, index) => (
                  <tr key={index}>
                    {fields.map((field) =>
                      preview.withheld.includes(field.name) ? (
                        <td key={field.name} className="withheld">
                          withheld
                        </td>
                      ) : (
                        <td key={field.name}>{format(row[field.name])}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </div>
  );
}

function format(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
