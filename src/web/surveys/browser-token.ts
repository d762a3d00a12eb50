/**
 * MEASURE-WAVE-6, MEASURE-WEB-2: a survey answered through its anonymous link is answered once per browser. The
 * browser keeps a random token per wave (never anything about the person) and sends it with the answer; the
 * server keeps only its hash, and refuses a second answer with the same one. After an answer, the browser also
 * remembers that it answered, so it says so at once instead of showing the questions again. A weak guard, by
 * design (a private window is a new browser), said on the page.
 */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const tokenKey = (waveId: string) => `ensemble.survey.${waveId}.token`;
const answeredKey = (waveId: string) => `ensemble.survey.${waveId}.answered`;

/** Tokens of this page's life when storage is refused (a locked-down browser): still one per wave. */
const inMemory = new Map<string, string>();

/** 24 random bytes as base64url: 32 characters of [A-Za-z0-9_-]. */
export function newBrowserToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused: the token lives in memory for this page (`inMemory`).
  }
}

/** This browser's token for a wave, made and kept on first use. */
export function browserTokenFor(waveId: string): string {
  const stored = read(tokenKey(waveId));
  if (stored !== null && TOKEN.test(stored)) return stored;
  const kept = inMemory.get(waveId);
  if (kept) return kept;
  const token = newBrowserToken();
  inMemory.set(waveId, token);
  write(tokenKey(waveId), token);
  return token;
}

export function answeredFromThisBrowser(waveId: string): boolean {
  return read(answeredKey(waveId)) === '1';
}

export function noteAnsweredFromThisBrowser(waveId: string): void {
  write(answeredKey(waveId), '1');
}
