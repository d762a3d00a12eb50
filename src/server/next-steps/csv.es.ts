/** The next steps CSV's own words in Spanish (I18N-CSV-1); people's words stay as written. */
import type { NextStepsCsvWords } from './presenter';

export const nextStepsCsvEs: NextStepsCsvWords = {
  columns: [
    'equipo',
    'reunión',
    'fecha_de_la_reunión',
    'próximo_paso',
    'responsable',
    'vence',
    'estado',
    'plazo',
    'resultado',
    'cerrado_el',
    'seguimientos',
  ],
  status: { open: 'abierto', done: 'hecho', dropped: 'descartado' },
  dueClass: { overdue: 'vencido', 'due-soon': 'vence pronto', later: 'más adelante', 'no-date': 'sin fecha' },
  followUp: { done: 'hecho', 'carry-on': 'continúa', drop: 'se deja' },
};
