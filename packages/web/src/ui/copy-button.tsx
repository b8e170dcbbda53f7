import { useState } from 'react';

/** Copies text to the clipboard and says so (for screen readers too). */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className="button-small" onClick={() => void copy()}>
      {label}
      <span aria-live="polite" className="copy-state">
        {state === 'copied' ? ' ✓ copied' : state === 'failed' ? ' (copy failed; select the text)' : ''}
      </span>
    </button>
  );
}
