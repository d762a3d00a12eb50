export {
  flagIdentifying,
  NOT_NAMES,
  type FlagOptions,
  type FlagReason,
  type IdentifyingFlag,
} from './identifying';
