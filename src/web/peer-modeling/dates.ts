/**
 * Dates as Peer Modeling's pages say them (the same styles as the meetings' `format.ts`, from `ui/dates`
 * directly: importing the meetings' module from these lazy chunks split it off the device page's chunk).
 */
import { dateTimeFormat } from '../ui/dates';

export const formatDateTime = (iso: string, language: string) =>
  dateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));

export const formatTime = (ms: number, language: string) =>
  dateTimeFormat(language, { timeStyle: 'short' }).format(new Date(ms));

export const formatDay = (iso: string, language: string) =>
  dateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
