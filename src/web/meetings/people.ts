import { useCallback } from 'react';
import { useGroup } from '../api/queries';
import { useMeetingsT } from './i18n';
import type { PresentPerson } from './live/meeting-client';

export type NameOf = (userId: string | null | undefined) => string;

/**
 * Names for the ids in a meeting: the team's member list first, then who is present (the server names them),
 * then "A former member" for someone who has left the team since.
 */
export function useNameOf(groupId: string, present: readonly PresentPerson[] = []): NameOf {
  const t = useMeetingsT();
  const group = useGroup(groupId);
  const members = group.data?.members;
  return useCallback<NameOf>(
    (userId) => {
      if (!userId) return t('common.nobody');
      return (
        members?.find((m) => m.userId === userId)?.name ??
        present.find((p) => p.userId === userId)?.name ??
        t('common.formerMember')
      );
    },
    [members, present, t],
  );
}
