import type { Translated } from './resources';
import type { groupKindStrings as english } from './group-kinds.en';

/** Spanish kinds of group and of teacher team: the keys of group-kinds.en.ts, in es-419 (glossary in ADR 0044). */
export const groupKindStrings: Translated<typeof english> = {
  groupKind: {
    teacher_team: 'Equipo docente',
    whole_staff: 'Todo el personal',
    district_leadership: 'Equipo directivo del distrito',
    cohort: 'Cohorte de la red',
  },
  teamFocus: {
    plc: 'Comunidad profesional de aprendizaje (PLC)',
    grade_level: 'Grado',
    department: 'Departamento',
    other: 'Otro',
  },
};
