import type { ReactNode } from 'react';

/**
 * A screen with nothing to show yet: what it is for, and what to do. `level` 1 when it is the
 * whole screen (its title is the screen's one h1), 2 under a screen's own h1.
 */
export function EmptyState({ title, children, testId, level = 2 }: { title: string; children?: ReactNode; testId?: string; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="panel empty-state" data-testid={testId}>
      <Heading>{title}</Heading>
      {children}
    </section>
  );
}
