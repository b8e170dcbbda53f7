import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, errorMessage, fieldProblems } from '../api/api-error.js';

export function Skeleton({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" />
      ))}
    </div>
  );
}

/** An empty state always says what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Counts down a rate limit's Retry-After; 0 once it has passed. */
export function useRetryCountdown(error: unknown): number {
  const total = error instanceof ApiError && error.code === 'rate_limited' ? (error.retryAfterSeconds ?? 0) : 0;
  const [left, setLeft] = useState(total);
  useEffect(() => {
    setLeft(total);
    if (total <= 0) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, total - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [total, error]);
  return left;
}

/** A request's failure, in words; rate limits count down, field problems are listed. */
export function ErrorAlert({ error }: { error: unknown }) {
  const left = useRetryCountdown(error);
  if (!error) return null;
  const fields = fieldProblems(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const rateLimited = error instanceof ApiError && error.code === 'rate_limited';
  return (
    <div className="alert alert-error" role="alert">
      <p>{rateLimited && left > 0 ? `Too many attempts. Try again in ${left} second${left === 1 ? '' : 's'}.` : errorMessage(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.path + f.message}>{f.message}</li>
          ))}
        </ul>
      )}
      {requestId && <p className="muted small">Request id: <code>{requestId}</code></p>}
    </div>
  );
}
