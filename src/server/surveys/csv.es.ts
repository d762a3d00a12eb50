/** The survey report CSV's own words in Spanish (I18N-CSV-1); names, construct codes and numbers as they are. */
import type { ReportCsvWords } from './presenter';

export const reportCsvEs: ReportCsvWords = {
  columns: [
    'grupo',
    'nivel',
    'rol',
    'estado',
    'n',
    'constructo',
    'media',
    'ic95_inferior',
    'ic95_superior',
    'alfa',
  ],
  level: { district: 'distrito', school: 'escuela', team: 'equipo' },
  role: { all: 'todos', staff: 'personal', leader: 'directivos' },
  shown: 'se muestra',
  empty: 'sin respuestas',
  suppressed: 'no se muestra (muy pocas respuestas)',
};
