/** The demo feature's reads (DAY-DEMO): whether this server is a demo, and whom to try it as. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../api/client';

export const demoKeys = { info: ['demo'] as const };

/** Public and the same for everyone; a server does not turn into a demo while a page is open. */
export const demoInfoQuery = queryOptions({
  queryKey: demoKeys.info,
  queryFn: ({ signal }) => call('demoInfo', { signal }),
  staleTime: Infinity,
});

export function useDemoInfo() {
  return useQuery(demoInfoQuery);
}
