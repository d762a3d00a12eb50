import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from '../shell/navigation';
import { call } from '../api/client';
import { queryKeys } from '../api/queries';

/**
 * After accepting an invitation or joining by code, open the group that was joined: the preview carries its
 * id. Without one (an older preview), find it among the person's groups by name and school; if that is
 * ambiguous or fails, My teams is a safe place to land.
 */
export function useLandOnGroup(): (match: {
  /** Known from the invitation or join-code preview: land there directly. */
  groupId?: string | null;
  groupName: string | null;
  schoolName?: string | null;
}) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async ({ groupId, groupName, schoolName }) => {
      let target = groupId ? `/teams/${groupId}` : '/';
      if (groupId) queryClient.removeQueries({ queryKey: queryKeys.groups });
      if (!groupId && groupName) {
        try {
          const { items } = await call('listGroups');
          queryClient.setQueryData(queryKeys.groups, items);
          const candidates = items.filter(
            (group) =>
              group.name === groupName && (schoolName === undefined || group.schoolName === schoolName),
          );
          if (candidates.length === 1 && candidates[0]) target = `/teams/${candidates[0].id}`;
        } catch {
          // Landing on My teams is fine; the group is listed there.
        }
      }
      navigate(target, { replace: true });
    },
    [queryClient, navigate],
  );
}
