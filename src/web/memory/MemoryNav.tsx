import type { MemoryKind } from '#contracts/memory';
import { Link } from 'wouter';
import { LIST_PATH } from './format';
import { useMemoryT } from './i18n';

/** The three lists of a team's memory, the current one marked. */
export function MemoryNav({ groupId, current }: { groupId: string; current?: MemoryKind }) {
  const t = useMemoryT();
  const labels: Record<MemoryKind, string> = {
    success: t('nav.successes'),
    dilemma: t('nav.problems'),
    observation: t('nav.observations'),
  };
  return (
    <nav aria-label={t('nav.label')} className="memory-nav">
      <ul>
        {(['success', 'dilemma', 'observation'] as const).map((kind) => (
          <li key={kind}>
            <Link
              to={`/teams/${groupId}/${LIST_PATH[kind]}`}
              aria-current={kind === current ? 'page' : undefined}
            >
              {labels[kind]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The team page's way into its memory: the three lists (the team page shows it to members only). */
export function TeamMemoryLinks({ groupId }: { groupId: string }) {
  return <MemoryNav groupId={groupId} />;
}
