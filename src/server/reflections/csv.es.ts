/** My reflections CSV's own words in Spanish (I18N-CSV-1); what the person wrote stays as written. */
import type { ReflectionsCsvWords } from './presenter';

export const reflectionsCsvEs: ReflectionsCsvWords = {
  columns: [
    'reunión',
    'fecha_de_la_reunión',
    'equipo',
    'rutina',
    'paso',
    'reflexión',
    'escrita_el',
    'compartida_el',
    'compartida_después_de_la_reunión',
    'id_de_la_reflexión',
    'id_de_la_reunión',
  ],
  yesNo: { true: 'sí', false: 'no' },
};
