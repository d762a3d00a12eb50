import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage (SEARCH-LANG-1)', () => {
  it.each([
    ['The students wrote their own questions and the group talked for ten minutes.', 'english'],
    ['Los estudiantes escribieron sus propias preguntas y el grupo habló durante diez minutos.', 'spanish'],
    ['Leímos el cuento en voz alta con los alumnos de la clase.', 'spanish'],
    ['We tried exit tickets with the quiet group.', 'english'],
    ['No sé si funciona, pero lo intentamos con el equipo.', 'spanish'],
    ['Fractions fractions fractions', 'english'],
    ['', 'english'],
    ['EL EQUIPO DE LA ESCUELA Y LOS MAESTROS', 'spanish'],
  ] as const)('SEARCH-LANG-1: %s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('SEARCH-LANG-1: mixed text goes to the language with more function words', () => {
    expect(detectLanguage('Hola. The team and the students were in the room with the teacher.')).toBe(
      'english',
    );
    expect(detectLanguage('Thanks! Los alumnos de la clase y el equipo de la escuela en el patio.')).toBe(
      'spanish',
    );
  });

  it('SEARCH-LANG-1: always one of the two configurations, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(['english', 'spanish']).toContain(detectLanguage(s));
      }),
    );
  });
});
