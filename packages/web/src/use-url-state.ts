import { useCallback, useMemo, useSyncExternalStore } from 'react';

/*
 * Page state lives in the URL (path + query) so any view, a filtered findings page included,
 * can be bookmarked and shared. The History API is the router: a few paths, no library.
 */
const CHANGE = 'cloudsweep:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = (): string => window.location.pathname + window.location.search;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

export function useLocation(): { path: string; params: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  return useMemo(() => {
    const url = new URL(current, 'http://local');
    return { path: url.pathname, params: url.searchParams };
  }, [current]);
}

export type UrlPatch = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Applies a patch to query params: undefined, '' and [] remove a key; lists join with commas. */
export function patchParams(params: URLSearchParams, patch: UrlPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    const text = typeof value === 'string' ? value : value?.join(',');
    if (text === undefined || text === '') next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/**
 * The query string as state. `set` pushes a history entry (Back undoes a filter); pass
 * `replace` for changes that should not (typing in a search box).
 */
export function useUrlState(): [URLSearchParams, (patch: UrlPatch, options?: { replace?: boolean }) => void] {
  const { path, params } = useLocation();
  const set = useCallback(
    (patch: UrlPatch, options: { replace?: boolean } = {}) => {
      const next = patchParams(params, patch).toString();
      navigate(next ? `${path}?${next}` : path, options);
    },
    [path, params],
  );
  return [params, set];
}

/** A comma-separated list param as an array (empty when absent). */
export function listParam(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
}
