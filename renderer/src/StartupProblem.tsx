import { useLanguage } from './i18n/language.tsx';

/** Shown instead of the app when the window does not know its seat (a mistyped URL, a missing token). */
export function StartupProblem({ problem }: { problem: string }) {
  const lang = useLanguage();
  return (
    <main className="startup-problem" role="alert">
      <h1>{lang.t('appTitle')}</h1>
      <p>{lang.t('cannotStart')}</p>
      <p data-testid="startup-problem">{problem}</p>
    </main>
  );
}
