/** The catalogue's own reflections across meetings; merged in `api.ts`, loaded by the web client on first use (ADR 0026). */
import { z } from './zod';
import {
  MyReflectionItem,
  MyReflectionsExportQuery,
  MyReflectionsPage,
  MyReflectionsQuery,
} from './reflections';
import { e, type Endpoint, anySpace } from './endpoint';

export const reflectionsApi = {
  myReflections: e({
    method: 'GET',
    path: '/api/me/reflections',
    auth: 'session',
    spaces: anySpace,
    query: MyReflectionsQuery,
    response: MyReflectionsPage,
    summary: "The signed-in person's own private reflections across meetings, newest first (only the author)",
    tag: 'reflections',
  }),
  myReflectionsMarkdown: e({
    method: 'GET',
    path: '/api/me/reflections.md',
    auth: 'session',
    spaces: anySpace,
    query: MyReflectionsExportQuery,
    response: z.string(),
    produces: 'text/markdown',
    summary: "The signed-in person's own reflections as Markdown",
    tag: 'reflections',
  }),
  myReflectionsCsv: e({
    method: 'GET',
    path: '/api/me/reflections.csv',
    auth: 'session',
    spaces: anySpace,
    query: MyReflectionsExportQuery,
    response: z.string(),
    produces: 'text/csv',
    summary: "The signed-in person's own reflections as CSV (RFC 4180, spreadsheet-safe)",
    tag: 'reflections',
  }),
  shareMyReflection: e({
    method: 'POST',
    path: '/api/me/reflections/:reflectionId/share',
    auth: 'session',
    spaces: anySpace,
    response: MyReflectionItem,
    summary: 'Share one of your reflections with the team after the meeting (it then appears in the minutes)',
    tag: 'reflections',
  }),
} as const satisfies Record<string, Endpoint>;
