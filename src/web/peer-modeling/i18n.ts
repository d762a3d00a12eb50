/**
 * Peer Modeling's strings live in their own i18next namespace, `peerModeling` (strings.en.ts), with its Spanish in strings.es.ts (ADR 0044).ts).
 */
import { kitTranslator, type KitT, type Leaves } from '../i18n/kits';
import { peerModelingStrings } from './strings.en';

export const PEER_MODELING_NS = 'peerModeling';

export type PeerModelingKey = Leaves<typeof peerModelingStrings>;
export type PeerModelingT = KitT<typeof peerModelingStrings>;

/** A `t` checked against strings.en.ts at compile time. Re-renders on language change (through useTranslation). */
export const usePeerModelingT = kitTranslator(PEER_MODELING_NS, peerModelingStrings, {
  es: () => import('./strings.es').then((m) => m.peerModelingStrings),
});
