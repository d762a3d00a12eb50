/** My reflections Markdown export's own words in Spanish (I18N-CONTENT-10); what the person wrote stays as written. */
import type { ReflectionsMarkdownWords } from './presenter';

export const reflectionsMarkdownEs: ReflectionsMarkdownWords = {
  title: 'Mis reflexiones',
  exported: (date) => `exportado el ${date}`,
  privateNote:
    'Tus reflexiones privadas son solo tuyas hasta que las compartas. Guarda este archivo en un lugar privado.',
  none: 'Todavía no hay reflexiones.',
  privateLine: 'Privada: solo tú la has leído.',
  shared: (date, afterMeeting) =>
    `Compartida con el equipo el ${date}${afterMeeting ? ', después de la reunión' : ''}`,
  editedSince: '; editada después',
  written: (at) => `Escrita el ${at}.`,
};
