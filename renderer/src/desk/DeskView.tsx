// A joint desk: every live case for now (its department's work first comes with dispatch).
import { CaseList } from '../components/CaseList.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useQueue } from '../use-queue.ts';

export function DeskView() {
  const lang = useLanguage();
  const { cases, stale } = useQueue();
  return (
    <main className="desk-layout">
      <section className="queue" aria-labelledby="desk-heading">
        <h2 id="desk-heading">
          {lang.t('caseListTitle')} <span className="count" data-testid="case-count">{cases.length}</span> {lang.t('caseCount')}
        </h2>
        <CaseList cases={cases} stale={stale} />
      </section>
    </main>
  );
}
