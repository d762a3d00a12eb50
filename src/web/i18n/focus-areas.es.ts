import type { Translated } from './resources';
import type { focusAreaStrings as english } from './focus-areas.en';

/** Spanish focus areas: the keys of focus-areas.en.ts, in es-419 (glossary in ADR 0044). */
export const focusAreaStrings: Translated<typeof english> = {
  focusArea: {
    teacher_coaching: 'Coaching pedagógico eficaz',
    writing_across_content: 'Escritura en todas las áreas',
    student_engagement: 'Compromiso del estudiantado',
    collective_efficacy: 'Eficacia colectiva docente',
    leadership_teams: 'Equipos de liderazgo pedagógico',
    attendance: 'Asistencia y sentido de pertenencia',
    data_use: 'Uso de datos para mejorar la enseñanza',
    family_engagement: 'Participación de las familias',
  },
};
