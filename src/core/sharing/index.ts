export {
  flagIdentifying,
  NOT_NAMES,
  type FlagOptions,
  type FlagReason,
  type IdentifyingFlag,
} from './identifying';
export { draftFields, draftOf, flagDraft, isShareable, type RecordForSharing } from './draft';
