/**
 * The four sources of efficacy in Spanish (DAY-WORDS-1, ADR 0044): the same one name per source everywhere a
 * Spanish reader meets it (the meeting's source question, the team home's chart, the minutes). A module of its
 * own, so English pages do not carry it.
 */
import type { EFFICACY_SOURCE_WORDS } from './efficacy-sources';
import type { EfficacySource } from './routine';

export const EFFICACY_SOURCE_WORDS_ES = {
  mastery: {
    name: 'Experiencia de dominio',
    gloss: 'Con nuestras propias acciones logramos algo que nos resultaba difícil.',
  },
  vicarious: {
    name: 'Experiencia vicaria',
    gloss: 'Vimos a un(a) colega lograrlo y podemos imaginarnos haciendo lo mismo.',
  },
  social_persuasion: {
    name: 'Persuasión social',
    gloss: 'Colegas nos dijeron, de forma concreta y creíble, que podemos hacerlo.',
  },
  affective_state: {
    name: 'Estado afectivo',
    gloss: 'La conversación se sintió tranquila y lo bastante segura como para arriesgarnos.',
  },
} as const satisfies Record<
  EfficacySource,
  { readonly [K in keyof (typeof EFFICACY_SOURCE_WORDS)['mastery']]: string }
>;
