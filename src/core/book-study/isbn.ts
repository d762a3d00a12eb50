/**
 * ISBNs (BOOK-ISBN): ISBN-10 (nine digits and a check digit 0-9 or X, weights 10..1, sum divisible by 11) and
 * ISBN-13 (twelve digits and a check digit, weights 1 and 3 alternating, sum divisible by 10). People type them
 * with hyphens or spaces; they are stored without.
 */

/** The ISBN without hyphens and spaces, the X of an ISBN-10 upper-cased. */
export function normalizeIsbn(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** The check digit of the first nine digits of an ISBN-10 (`X` stands for 10). */
export function isbn10CheckDigit(first9: string): string {
  if (!/^\d{9}$/.test(first9)) throw new Error('nine digits expected');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(first9[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The check digit of the first twelve digits of an ISBN-13. */
export function isbn13CheckDigit(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new Error('twelve digits expected');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i]);
  return String((10 - (sum % 10)) % 10);
}

export type IsbnProblem = 'format' | 'check_digit';

/** Why a (normalized) ISBN is refused, or null when it is a valid ISBN-10 or ISBN-13. */
export function isbnProblem(isbn: string): IsbnProblem | null {
  if (/^\d{9}[\dX]$/.test(isbn)) return isbn10CheckDigit(isbn.slice(0, 9)) === isbn[9] ? null : 'check_digit';
  if (/^97[89]\d{10}$/.test(isbn))
    return isbn13CheckDigit(isbn.slice(0, 12)) === isbn[12] ? null : 'check_digit';
  return 'format';
}

export const isValidIsbn = (isbn: string) => isbnProblem(normalizeIsbn(isbn)) === null;
