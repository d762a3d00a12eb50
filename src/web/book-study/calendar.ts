/**
 * The study's calendar file (BOOK-6, BOOK-WEB-4). In one's district the link is a plain download; in a network the
 * request must name the network (`x-ensemble-network`, NET-WEB-1), which a link cannot, so it is fetched with the
 * tab's headers and handed to the browser as a file.
 */
import { pathFor } from '#contracts/endpoint';
import { currentNetwork } from '../api/client';
import { NETWORK_HEADER } from '../api/space';

export const calendarPath = (studyId: string) =>
  pathFor('/api/book-studies/:studyId/calendar.ics', { studyId });

/** A file name from the book's title: letters, digits and hyphens. */
export function calendarFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'book-study'}.ics`;
}

/** Downloads the feed naming the tab's network; rejects when the server says no. */
export async function saveCalendarInNetwork(studyId: string, title: string): Promise<void> {
  const network = currentNetwork();
  const response = await fetch(calendarPath(studyId), {
    credentials: 'same-origin',
    headers: { Accept: 'text/calendar', ...(network ? { [NETWORK_HEADER]: network } : {}) },
  });
  if (!response.ok) throw new Error(`calendar: ${String(response.status)}`);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = calendarFileName(title);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the file over; the address is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
