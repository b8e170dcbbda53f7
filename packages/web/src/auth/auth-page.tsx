import { LoginBodySchema, RegisterBodySchema } from '@cloudsweep/contract';
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../api/auth.js';
import { isApiError } from '../api/api-error.js';
import { ErrorAlert, useRetryCountdown } from '../ui/feedback.js';
import { Link } from '../ui/link.js';
import { useUrlState } from '../use-url-state.js';

/** Sign in and sign up on one page; `?mode=signup` picks the second so it can be linked to. */
export function AuthPage() {
  const [params] = useUrlState();
  const mode = params.get('mode') === 'signup' ? 'signup' : 'signin';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const signIn = useSignIn(mode);
  const wait = useRetryCountdown(signIn.error);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = (mode === 'signup' ? RegisterBodySchema : LoginBodySchema).safeParse({ email, password });
    if (!parsed.success) {
      setProblems(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setProblems({});
    signIn.mutate(parsed.data);
  };

  const wrongPassword = isApiError(signIn.error, 'unauthenticated');
  return (
    <main className="auth">
      <h1>Cloudsweep</h1>
      <p className="muted">Find security risks and wasted money in your AWS accounts.</p>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <h2 id="auth-title">{mode === 'signup' ? 'Create your account' : 'Sign in'}</h2>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
          aria-invalid={problems['email'] ? true : undefined} aria-describedby={problems['email'] ? 'email-error' : undefined} required />
        {problems['email'] && <p id="email-error" className="field-error">{problems['email']}</p>}
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete={mode === 'signup' ? 'new-password' : 'current-password'} value={password}
          onChange={(e) => setPassword(e.target.value)} aria-invalid={problems['password'] ? true : undefined}
          aria-describedby={problems['password'] ? 'password-error' : mode === 'signup' ? 'password-hint' : undefined} required />
        {mode === 'signup' && !problems['password'] && <p id="password-hint" className="muted small">At least 12 characters.</p>}
        {problems['password'] && <p id="password-error" className="field-error">{problems['password']}</p>}
        {wrongPassword ? (
          <div className="alert alert-error" role="alert">
            <p>That email and password do not match an account. Check both and try again.</p>
          </div>
        ) : (
          <ErrorAlert error={signIn.error} />
        )}
        <button type="submit" className="button-primary" disabled={signIn.isPending || wait > 0}>
          {signIn.isPending ? 'Please wait…' : mode === 'signup' ? 'Create account' : 'Sign in'}
        </button>
        <p>
          {mode === 'signup' ? (
            <>Already have an account? <Link href="/">Sign in</Link></>
          ) : (
            <>New here? <Link href="/?mode=signup">Create an account</Link></>
          )}
        </p>
      </form>
    </main>
  );
}
