// What `mesh doctor` diagnoses (GET /api/v1/doctor, docs/usage.md "Doctor"): each finding with its
// kind, its subject (a domain or a product, linked), the evidence and the suggested action.
import type { DoctorAnswer } from '../types';
import { enc } from '../api';
import { Link } from '../router';
import { Tag } from './States';

// Kinds whose subject is a domain; every other kind names a product.
const DOMAIN_KINDS = new Set(['failure_rate_rising']);

export function DoctorFindings({ answer }: { answer: DoctorAnswer }) {
  return (
    <>
      <p data-testid="doctor-summary">
        {answer.findings.length === 0
          ? 'No findings: nothing looks wrong'
          : `${answer.findings.length} finding${answer.findings.length === 1 ? '' : 's'}`}{' '}
        <span className="muted">
          in the last {answer.window_days} days against the {answer.window_days} before (measured {answer.measured_at})
        </span>
      </p>
      <ul className="plain" data-testid="doctor-findings">
        {answer.findings.map((finding, index) => {
          const domain = DOMAIN_KINDS.has(finding.kind);
          return (
            <li key={index} className="card inner finding">
              <p>
                <Tag kind="finding">{finding.kind.replace(/_/g, ' ')}</Tag>{' '}
                <span className="muted">{domain ? 'domain' : 'product'}</span>{' '}
                <Link to={(domain ? '/domains/' : '/products/') + enc(finding.subject)} className="subject">
                  {finding.subject}
                </Link>
              </p>
              <p className="evidence-text">{finding.evidence}</p>
              <p>
                <strong>Suggested action:</strong> <span className="action">{finding.action}</span>
              </p>
            </li>
          );
        })}
      </ul>
      {answer.warnings.length > 0 && (
        <ul className="warnings">
          {answer.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </>
  );
}
