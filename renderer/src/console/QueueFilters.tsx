// Filters and the search box above the console queue; Alt+S jumps to the search box, Enter searches.
import { useRef, useState } from 'react';
import { CaseSource, CaseState, Department } from '../../../electron/common/protocol.ts';
import { Keys } from '../components/Keys.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useSite } from '../use-site.ts';
import { useShortcut } from '../use-shortcut.ts';
import type { useCaseSearch } from './use-case-search.ts';

const SEARCH_KEY = { code: 'KeyS', alt: true };

export function QueueFilters({ queue }: { queue: ReturnType<typeof useCaseSearch> }) {
  const lang = useLanguage();
  const site = useSite();
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const { filter, setFilter, search } = queue;
  useShortcut(SEARCH_KEY, () => searchRef.current?.focus());

  return (
    <div className="queue-filters">
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void queue.run(text);
        }}
      >
        <input
          ref={searchRef}
          type="search"
          data-testid="queue-search"
          placeholder={lang.t('searchPlaceholder')}
          aria-label={lang.t('search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setText('');
              queue.clear();
            }
          }}
        />
        <Keys shortcut={SEARCH_KEY} />
      </form>
      <select aria-label={lang.t('fieldState')} data-testid="filter-state" value={filter.state} onChange={(e) => setFilter({ ...filter, state: e.target.value === '' ? '' : CaseState.parse(e.target.value) })}>
        <option value="">{lang.t('allStates')}</option>
        {CaseState.options.map((s) => <option key={s} value={s}>{lang.state(s)}</option>)}
      </select>
      <select aria-label={lang.t('fieldSource')} data-testid="filter-source" value={filter.source} onChange={(e) => setFilter({ ...filter, source: e.target.value === '' ? '' : CaseSource.parse(e.target.value) })}>
        <option value="">{lang.t('allSources')}</option>
        {CaseSource.options.map((s) => <option key={s} value={s}>{lang.source(s)}</option>)}
      </select>
      <select aria-label={lang.t('department')} data-testid="filter-department" value={filter.department} onChange={(e) => setFilter({ ...filter, department: e.target.value === '' ? '' : Department.parse(e.target.value) })}>
        <option value="">{lang.t('allDepartments')}</option>
        {site.leadDepartments.map((d) => <option key={d} value={d}>{site.departmentName(d)}</option>)}
      </select>
      {search.kind !== 'none' && (
        <span className="search-state" data-testid="search-state">
          {search.kind === 'searching' && lang.t('searching')}
          {search.kind === 'hits' && `「${search.q}」 ${search.ids.size} ${lang.t('hits')}`}
          {search.kind === 'failed' && search.message}
          <button
            type="button"
            onClick={() => {
              setText('');
              queue.clear();
            }}
          >
            {lang.t('clearSearch')} <kbd>Esc</kbd>
          </button>
        </span>
      )}
    </div>
  );
}
