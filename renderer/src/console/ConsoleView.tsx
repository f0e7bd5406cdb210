// The duty commander's console: intake on the left, the live queue beside it (no page change between them).
import { CaseList } from '../components/CaseList.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useQueue } from '../use-queue.ts';
import { IntakeForm } from './IntakeForm.tsx';

export function ConsoleView() {
  const lang = useLanguage();
  const { cases, stale } = useQueue();
  return (
    <main className="console-layout">
      <IntakeForm />
      <section className="queue" aria-labelledby="queue-heading">
        <h2 id="queue-heading">
          {lang.t('queueTitle')} <span className="count" data-testid="case-count">{cases.length}</span> {lang.t('caseCount')}
        </h2>
        <CaseList cases={cases} stale={stale} />
      </section>
    </main>
  );
}
