export { detectLanguage, type SearchLanguage } from './language';
export {
  HIT_END,
  HIT_START,
  meetingDocuments,
  recordDocument,
  segmentsOf,
  shareDocument,
  tagsOf,
  type DocumentDraft,
  type MeetingDocumentDraft,
  type Segment,
} from './documents';
