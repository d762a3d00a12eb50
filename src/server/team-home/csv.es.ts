/** The team memory CSV's own words in Spanish (I18N-CSV-1); the team's words stay as written. */
import type { MemoryCsvWords } from './presenter';

export const memoryCsvEs: MemoryCsvWords = {
  columns: [
    'tipo',
    'título',
    'fecha',
    'autor(a)',
    'grado',
    'asignatura',
    'estrategia',
    'grupo_de_estudiantes',
    'estado',
    'resolución',
    'resuelto_el',
    'historia',
    'evidencia',
    'qué_funcionó',
    'acciones_sugeridas',
    'idea_clave',
    'aprendizaje',
    'próximos_pasos',
    'práctica',
    'curiosidad',
    'notas_de_observación',
    'preguntas',
    'id_del_registro',
    'id_de_la_reunión',
  ],
  kind: { success: 'logro', dilemma: 'dilema', observation: 'observación' },
  status: { open: 'abierto', resolved: 'resuelto' },
};
