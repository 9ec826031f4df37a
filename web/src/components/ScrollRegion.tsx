// A box whose content may be larger than the box: it scrolls, and a keyboard user can reach it.
//
// An element that scrolls must take focus (WCAG 2.1.1, axe's scrollable-region-focusable): a user
// without a mouse tabs to the region and scrolls it with the arrow keys. Whether a box overflows
// depends on the data and on the window, so every scrolling box of the UI is one of these, named
// for screen readers by `label`.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

// Preformatted text (a policy file, a JSON answer) in a scrolling box.
export function CodeBlock({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <pre className="json" role="region" aria-label={label} tabIndex={0} data-testid={testId}>
      {children}
    </pre>
  );
}
