import type { MemoryTags } from '#contracts/memory';
import { TAG_KEYS } from './format';
import { useMemoryT } from './i18n';

/** MEM-TAG-1: a record's tags as "Grade: 3" pairs (named, never by colour alone). */
export function TagList({ tags, compact = false }: { tags: MemoryTags; compact?: boolean }) {
  const t = useMemoryT();
  const given = TAG_KEYS.flatMap((key) => {
    const value = tags[key];
    return value ? [{ key, value }] : [];
  });
  if (given.length === 0) return compact ? null : <p className="muted">{t('tags.none')}</p>;
  return (
    <dl className="memory-tags">
      {given.map(({ key, value }) => (
        <div key={key} className="memory-tags__tag">
          <dt>{t(`tags.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
