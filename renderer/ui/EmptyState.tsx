import type { ReactNode } from 'react';

/** A screen with nothing to show yet: what it is for, and what to do. */
export function EmptyState({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <section className="panel empty-state" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
