/** Query keys, reads and commands of book studies (REST; BOOK-*). The same calls serve a team and a cohort. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BookStudyDetail,
  CreateBookStudy,
  NewBookReflection,
  ReplaceBookSections,
} from '#contracts/book-study';
import { call } from '../api/client';
import { meetingKeys } from '../meetings/queries';

export const bookStudyKeys = {
  all: ['book-study'] as const,
  ofGroup: (groupId: string) => ['book-study', 'group', groupId] as const,
  study: (studyId: string) => ['book-study', 'study', studyId] as const,
};

/** The group's studies and whether the viewer may start one (`can.start`). */
export function useGroupBookStudies(groupId: string) {
  return useQuery({
    queryKey: bookStudyKeys.ofGroup(groupId),
    queryFn: ({ signal }) => call('listBookStudies', { params: { groupId }, signal }),
  });
}

export function useBookStudy(studyId: string) {
  return useQuery({
    queryKey: bookStudyKeys.study(studyId),
    queryFn: ({ signal }) => call('getBookStudy', { params: { studyId }, signal }),
    // A 403 (a leader who is not a member) or 404 will not change by asking again.
    retry: false,
  });
}

function useKeepStudy() {
  const queryClient = useQueryClient();
  return async (study: BookStudyDetail) => {
    queryClient.setQueryData(bookStudyKeys.study(study.id), study);
    await queryClient.invalidateQueries({ queryKey: bookStudyKeys.ofGroup(study.groupId) });
  };
}

export function useCreateBookStudy(groupId: string) {
  const keep = useKeepStudy();
  return useMutation({
    mutationFn: (body: CreateBookStudy) => call('createBookStudy', { params: { groupId }, body }),
    onSuccess: keep,
  });
}

export function useReplaceSections(studyId: string) {
  const keep = useKeepStudy();
  return useMutation({
    mutationFn: (body: ReplaceBookSections) => call('replaceBookSections', { params: { studyId }, body }),
    onSuccess: keep,
  });
}

export function useWriteReflection(studyId: string, sectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewBookReflection) =>
      call('writeBookReflection', { params: { studyId, sectionId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bookStudyKeys.study(studyId) }),
  });
}

export function useShareReflection(studyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reflectionId: string) => call('shareBookReflection', { params: { reflectionId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bookStudyKeys.study(studyId) }),
  });
}

/** BOOK-5: the section's session becomes a meeting of the group; the study and the group's meetings are read again. */
export function useScheduleSession(study: Pick<BookStudyDetail, 'id' | 'groupId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sectionId: string) =>
      call('scheduleBookSession', { params: { studyId: study.id, sectionId } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: bookStudyKeys.study(study.id) }),
        queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
      ]);
    },
  });
}
