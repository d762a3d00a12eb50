/** The team memory's Markdown export in Spanish (I18N-CONTENT-10); the team's own words stay as written. */
import type { MemoryMarkdownWords } from './presenter';

export const memoryMarkdownEs: MemoryMarkdownWords = {
  kinds: { success: 'Logros', dilemma: 'Problemas de práctica', observation: 'Observaciones' },
  tags: { grade: 'Grado', subject: 'Materia', strategy: 'Estrategia', studentGroup: 'Grupo de estudiantes' },
  formerMember: 'Una persona que ya no está en el equipo',
  resolved: (date) => `Resuelto el ${date}`,
  open: 'Abierto',
  story: 'La historia',
  evidence: 'Evidencia del crecimiento de los estudiantes',
  whatWorked: 'Qué hizo que funcionara',
  insight: 'El aprendizaje de quien presentó',
  learned: 'Lo que aprendimos',
  dilemma: 'El dilema',
  suggestedActions: 'Acciones que sugirió el equipo',
  nextStepsChosen: 'Próximos pasos elegidos',
  by: (due) => `para el ${due}`,
  practiceObserved: 'Práctica observada',
  curiosity: 'Lo que el equipo quería aprender',
  modeledBy: (name) => `Modelado por ${name}`,
  modes: {
    'classroom-visit': 'Visita al aula',
    'classroom-video': 'Video de una clase',
    'in-meeting-demonstration': 'Demostración en la reunión',
  },
  observationNotes: 'Notas de observación',
  questionsForModel: 'Preguntas para quien modeló',
  howResolved: 'Cómo se resolvió',
  title: (team) => `${team}: memoria del equipo`,
  exported: (date) =>
    `Exportado el ${date}. Registros propios del equipo: guarda este archivo dentro del equipo.`,
  none: 'Todavía no hay registros.',
};
