/** A loading indicator that screen readers announce. */
export function Loading({ text }: { text: string }) {
  return (
    <div className="loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {text}
    </div>
  );
}
