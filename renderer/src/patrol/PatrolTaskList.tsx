// A grid kind's patrol task list (巡查任务清单): its focus, then each category with its tasks, each marked 规定
// (the district's basic list) or 自选 (the street's own) in a word, not a colour alone.
import type { PatrolTaskList as List } from '../../../electron/common/patrol/patrol-tasks.ts';
import { taskCounts } from '../../../electron/common/patrol/patrol-tasks.ts';
import { useLanguage } from '../i18n/language.tsx';
import { usePatrolWords } from './patrol-words.ts';

export function TaskListSummary({ list }: { list: List }) {
  const { language } = useLanguage();
  const { counts } = usePatrolWords();
  return <>{language === 'zh' ? list.zh : list.en} · {counts(taskCounts(list))}</>;
}

export function PatrolTaskList({ list }: { list: List }) {
  const { word } = usePatrolWords();
  return (
    <div className="task-list" data-testid="task-list" data-kind={list.kind}>
      <p className="muted">{word('focus')}：{list.focus}</p>
      {list.categories.map((category) => (
        <section key={category.name}>
          <h5>{category.name}</h5>
          <ol>
            {category.tasks.map((task) => (
              <li key={task.id} data-action={task.action}>
                <span className={`task-action task-${task.action}`}>{word(task.action)}</span> {task.text}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** Folded under its summary: for the case facts, where the list is one fact among many. */
export function FoldedTaskList({ list, testId }: { list: List; testId: string }) {
  return (
    <details className="task-fold" data-testid={testId}>
      <summary><TaskListSummary list={list} /></summary>
      <PatrolTaskList list={list} />
    </details>
  );
}
