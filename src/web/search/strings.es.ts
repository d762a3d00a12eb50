import type { Translated } from '../i18n/resources';
import type { searchStrings as english } from './strings.en';

/** Spanish strings of the search kit: the keys of strings.en.ts, in es-419 with tú (glossary in ADR 0044). */
export const searchStrings: Translated<typeof english> = {
  title: 'Buscar',
  intro:
    'Busca en lo que guardan tus equipos (logros, problemas de práctica, observaciones, actas, notas compartidas y próximos pasos) y en lo que tus colegas compartieron con tu escuela o tu distrito. Las reflexiones privadas nunca entran en la búsqueda.',
  form: {
    label: 'Buscar',
    q: 'Palabras que buscar',
    // "or" stays English: it is the word the search (websearch_to_tsquery) listens for.
    qHint:
      'Usa comillas para buscar una frase exacta, “or” entre dos palabras para encontrar cualquiera de ellas y un signo menos para excluir una palabra.',
    type: 'Tipo',
    anyType: 'Cualquier tipo',
    team: 'Equipo',
    anyTeam: 'Cualquier equipo',
    tag: 'Etiqueta',
    anyTag: 'Cualquier etiqueta',
    from: 'Desde',
    to: 'Hasta',
    submit: 'Buscar',
    clear: 'Quitar filtros',
    optionCount: '{{label}} ({{count}})',
  },
  kind: {
    success: 'Logro',
    dilemma: 'Problema de práctica',
    observation: 'Observación',
    minutes: 'Acta',
    note: 'Nota compartida',
    'next-step': 'Próximo paso',
  },
  kinds: {
    success: 'Logros',
    dilemma: 'Problemas de práctica',
    observation: 'Observaciones',
    minutes: 'Actas',
    note: 'Notas compartidas',
    'next-step': 'Próximos pasos',
  },
  scope: {
    school: 'Compartido con tu escuela',
    district: 'Compartido con el distrito',
    network: 'Compartido con la red',
  },
  results: {
    heading: 'Resultados',
    loading: 'Buscando…',
    count_one: '{{count}} resultado para “{{q}}”',
    count_other: '{{count}} resultados para “{{q}}”',
    none: 'No se encontró nada para “{{q}}”. Prueba con otras palabras o con menos filtros.',
    start: 'Escribe algunas palabras y presiona Buscar.',
    tags: 'Etiquetas',
    page: 'Página {{page}} de {{pages}}',
    previous: 'Página anterior',
    next: 'Página siguiente',
    pagination: 'Páginas de resultados',
  },
};
