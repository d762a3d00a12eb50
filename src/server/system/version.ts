/** The app's version, in a module of its own so the CLI can print it without loading the server. */
export const VERSION = '0.1.0';
