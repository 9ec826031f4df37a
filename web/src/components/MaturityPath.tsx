// Where the organisation stands on the implementation path (GET /api/v1/maturity,
// docs/usage.md "Maturity"): the four phases drawn as steps up to the one reached, and the
// evidence for and against the next phase, each criterion with its measured value against its
// threshold. At the last phase, the evidence that it holds.
import type { MaturityCriterion, MaturityVerdict } from '../types';
import { formatPercent } from '../format';

export function MaturityPath({ verdict }: { verdict: MaturityVerdict }) {
  const current = verdict.phases.find((phase) => phase.phase === verdict.phase);
  return (
    <>
      <p data-testid="maturity-phase" className="phase-verdict">
        Phase <strong>{verdict.phase}</strong> of {verdict.phases.length}: <strong>{verdict.name}</strong>
        <span className="muted">
          {' '}
          (measured {verdict.measured_at} over the last {verdict.window_days} days)
        </span>
      </p>
      <ol className="phase-steps" aria-label="Phases of the implementation path">
        {verdict.phases.map((phase) => (
          <li
            key={phase.phase}
            className={phase.reached ? 'reached' : 'ahead'}
            aria-current={phase.phase === verdict.phase ? 'step' : undefined}
          >
            <span className="phase-number">{phase.phase}</span> {phase.name}
            <span className="visually-hidden">{phase.reached ? ' (reached)' : ' (not reached)'}</span>
          </li>
        ))}
      </ol>
      {verdict.next ? (
        <>
          <h3>
            Towards phase {verdict.next.phase}: {verdict.next.name}
          </h3>
          <Evidence title="Evidence for" criteria={verdict.next.for} testId="maturity-for" />
          <Evidence title="Evidence against" criteria={verdict.next.against} testId="maturity-against" />
        </>
      ) : (
        <>
          <h3>Phase {verdict.phase} is the last phase of the path</h3>
          <Evidence title="What holds it" criteria={current?.criteria ?? []} testId="maturity-for" />
        </>
      )}
    </>
  );
}

function Evidence({ title, criteria, testId }: { title: string; criteria: MaturityCriterion[]; testId: string }) {
  return (
    <div className="evidence">
      <h4>{title}</h4>
      {criteria.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain" data-testid={testId}>
          {criteria.map((criterion) => (
            <li key={criterion.id} className={criterion.met ? 'met' : 'unmet'}>
              <CriterionBar criterion={criterion} />
              <span>
                <strong className={criterion.met ? 'ok' : 'bad'}>{criterion.met ? 'met' : 'not met'}</strong>{' '}
                {criterion.evidence} <span className="muted">({criterion.description}; needs {shown(criterion, criterion.threshold)})</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// A share (its threshold below 1: every share criterion's is) reads as a percentage, a count as
// a number.
function shown(criterion: MaturityCriterion, value: number): string {
  return criterion.threshold < 1 ? formatPercent(value) : String(value);
}

// The measured value as a bar, the threshold as a mark across it.
function CriterionBar({ criterion }: { criterion: MaturityCriterion }) {
  const top = Math.max(criterion.value, criterion.threshold, 1e-9) * 1.1;
  const x = (value: number) => (value / top) * 100;
  return (
    <svg className="criterion-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
      <rect className="bar-track" width={100} height={12} />
      <rect className={criterion.met ? 'bar' : 'bar short'} width={x(criterion.value)} height={12} />
      <line className="threshold" x1={x(criterion.threshold)} x2={x(criterion.threshold)} y1={0} y2={12} />
    </svg>
  );
}
