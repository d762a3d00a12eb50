/** Query keys, reads and commands of the surveys pages (REST; issue 13, ADR 0029). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { COMMENT_PAGE, type CommentPage, type CreateWave, type SubmitResponse } from '#contracts/surveys';
import { call } from '../api/client';

export type ReportRole = 'all' | 'staff' | 'leader';

export const surveyKeys = {
  all: ['surveys'] as const,
  mine: ['surveys', 'mine'] as const,
  waves: ['surveys', 'waves'] as const,
  instruments: ['surveys', 'instruments'] as const,
  toAnswer: (waveId: string) => ['surveys', 'answer', waveId] as const,
  link: (token: string) => ['surveys', 'link', token] as const,
  report: (waveId: string, at: string, role: ReportRole) => ['surveys', 'report', waveId, at, role] as const,
  comments: (waveId: string, at: string, role: ReportRole) =>
    ['surveys', 'comments', waveId, at, role] as const,
  compare: (before: string, after: string, at: string, role: ReportRole) =>
    ['surveys', 'compare', before, after, at, role] as const,
};

/** Open waves the person is invited to and has not answered (MEASURE-WEB-4: the home page's banner). */
export function useMySurveys() {
  return useQuery({
    queryKey: surveyKeys.mine,
    queryFn: async ({ signal }) => (await call('mySurveys', { signal })).items,
    staleTime: 60_000,
  });
}

export function useWaves() {
  return useQuery({
    queryKey: surveyKeys.waves,
    queryFn: ({ signal }) => call('listWaves', { signal }),
  });
}

export function useInstruments() {
  return useQuery({
    queryKey: surveyKeys.instruments,
    queryFn: async ({ signal }) => (await call('listInstruments', { signal })).items,
    staleTime: Infinity,
  });
}

export function useSurveyToAnswer(waveId: string) {
  return useQuery({
    queryKey: surveyKeys.toAnswer(waveId),
    queryFn: ({ signal }) => call('surveyToAnswer', { params: { waveId }, signal }),
    // A 404 (not invited, or closed) is an answer, not a hiccup to retry.
    retry: false,
  });
}

export function useLinkSurvey(token: string) {
  return useQuery({
    queryKey: surveyKeys.link(token),
    queryFn: ({ signal }) => call('linkSurvey', { params: { token }, signal }),
    retry: false,
  });
}

export function useWaveReport(waveId: string, at: string, role: ReportRole) {
  return useQuery({
    queryKey: surveyKeys.report(waveId, at, role),
    queryFn: ({ signal }) => call('waveReport', { params: { waveId }, query: { at, role }, signal }),
    // Results are frozen at close: once read, they do not change.
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * MEASURE-WEB-6: a group's comments, from the report's first page on, a page more at each `fetchNextPage`
 * (`GET .../comments?offset=`). Frozen like the report, so a page once read is kept.
 */
export function useWaveComments(waveId: string, at: string, role: ReportRole, first: CommentPage) {
  return useInfiniteQuery({
    queryKey: surveyKeys.comments(waveId, at, role),
    queryFn: async ({ pageParam, signal }) =>
      (
        await call('waveComments', {
          params: { waveId },
          query: { at, role, offset: pageParam, limit: COMMENT_PAGE },
          signal,
        })
      ).comments,
    initialPageParam: 0,
    initialData: { pages: [first], pageParams: [0] },
    getNextPageParam: (last: CommentPage) => {
      const next = last.offset + last.items.length;
      return last.items.length > 0 && next < last.total ? next : undefined;
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** MEASURE-WEB-7: two closed waves compared at one group (null ids: nothing to ask yet). */
export function useWaveComparison(before: string | null, after: string | null, at: string, role: ReportRole) {
  return useQuery({
    queryKey: surveyKeys.compare(before ?? '', after ?? '', at, role),
    queryFn: ({ signal }) =>
      call('compareWaves', { query: { before: before ?? '', after: after ?? '', at, role }, signal }),
    enabled: before !== null && after !== null,
    // Both waves are closed: their results are frozen.
    staleTime: Infinity,
    retry: false,
  });
}

export function useCreateWave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWave) => call('createWave', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** Close now, send a reminder, or make a new link: the lists are read again after each. */
export function useWaveCommand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: { waveId: string; command: 'close' | 'remind' | 'link' }) => {
      const params = { waveId: v.waveId };
      if (v.command === 'link') return (await call('resetWaveLink', { params })).link;
      await call(v.command === 'close' ? 'closeWave' : 'remindWave', { params });
      return null;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** Answers as the invited, signed-in person, or through the anonymous link. */
export function useSubmitAnswer(target: { waveId: string } | { token: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitResponse) =>
      'token' in target
        ? call('submitLinkResponse', { params: { token: target.token }, body })
        : call('submitResponse', { params: { waveId: target.waveId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.mine }),
  });
}
