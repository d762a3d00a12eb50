import { Link } from 'wouter';
import { useMemoryT } from './i18n';
import { MemoryCard } from './MemoryListPage';
import { useMemoryList } from './queries';
import './memory.css';

const RECENT = 3;

/** The team home's "Recent successes" (the three newest), for the team's members. */
export function RecentSuccesses({ groupId }: { groupId: string }) {
  const t = useMemoryT();
  const list = useMemoryList(groupId, { kind: 'success' });
  // DAY-PERF-4: nothing while loading, so the team home does not grow and shrink under the reader.
  if (list.isPending) return null;
  return (
    <section className="section panel" aria-labelledby="recent-successes">
      <h2 id="recent-successes" className="section__title">
        {t('recent.title')}
      </h2>
      {list.isError || list.data.items.length === 0 ? (
        <p className="muted">{t('recent.empty')}</p>
      ) : (
        <ul className="memory-list">
          {list.data.items.slice(0, RECENT).map((item) => (
            <MemoryCard key={item.id} groupId={groupId} item={item} headingLevel={3} />
          ))}
        </ul>
      )}
      <p>
        <Link to={`/teams/${groupId}/successes`}>{t('recent.all')}</Link>
      </p>
    </section>
  );
}
