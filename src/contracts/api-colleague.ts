/** A trusted colleague outside one's district (issue 14, MATCH-SPACE-*); merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { Ok } from './common';
import { e } from './endpoint';
import {
  CheckInSchedule,
  MyColleague,
  NewPairNote,
  OptInAsColleague,
  PairNote,
  PairSpace,
} from './colleague';

export const colleagueApi = {
  myColleague: e({
    method: 'GET',
    path: '/api/colleague',
    auth: 'session',
    response: MyColleague,
    summary: 'My colleague exchange: my profile, a proposed colleague and why, or my colleague',
    tag: 'colleague',
  }),
  optInAsColleague: e({
    method: 'PUT',
    path: '/api/colleague/profile',
    auth: 'session',
    body: OptInAsColleague,
    response: MyColleague,
    summary: 'Ask for a trusted colleague outside my district, or change my profile (principals)',
    tag: 'colleague',
  }),
  optOutAsColleague: e({
    method: 'DELETE',
    path: '/api/colleague/profile',
    auth: 'session',
    response: MyColleague,
    summary: 'Stop: no more proposals; a proposal or a pair in place ends, with no fault',
    tag: 'colleague',
  }),
  acceptColleague: e({
    method: 'POST',
    path: '/api/colleague/pairs/:pairId/accept',
    auth: 'session',
    response: MyColleague,
    summary: 'Accept the proposed colleague (the pair starts when both have accepted)',
    tag: 'colleague',
  }),
  declineColleague: e({
    method: 'POST',
    path: '/api/colleague/pairs/:pairId/decline',
    auth: 'session',
    response: MyColleague,
    summary: 'Decline the proposed colleague, with no reason asked; a new proposal follows',
    tag: 'colleague',
  }),
  endColleaguePair: e({
    method: 'POST',
    path: '/api/colleague/pairs/:pairId/end',
    auth: 'session',
    response: MyColleague,
    summary: 'End the pair with no fault and ask for a new colleague (never the same one again)',
    tag: 'colleague',
  }),
  colleagueSpace: e({
    method: 'GET',
    path: '/api/colleague/pairs/:pairId/space',
    auth: 'session',
    response: PairSpace,
    summary: "The pair's confidential space: check-ins, shared notes, my private notes (the two of us only)",
    tag: 'colleague',
  }),
  addColleagueNote: e({
    method: 'POST',
    path: '/api/colleague/pairs/:pairId/notes',
    auth: 'session',
    body: NewPairNote,
    response: PairNote,
    summary: 'Write a note in the pair space: shared with my colleague, or private to me',
    tag: 'colleague',
  }),
  setColleagueCheckIn: e({
    method: 'PUT',
    path: '/api/colleague/pairs/:pairId/check-in',
    auth: 'session',
    body: CheckInSchedule,
    response: Ok,
    summary: 'Set how often we check in and when next',
    tag: 'colleague',
  }),
} as const;
