/** Book studies (issue 14, BOOK): ISBNs and the reading schedule. Pure: no I/O, no clock. */
export * from './isbn';
export * from './schedule';
