/** Meeting codes are shown in two halves ("K7M-Q2P"): easier to read aloud and to copy from across a room. */
export function formatMeetingCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** What people type, loosely ("k7m q2p", "K7M-Q2P"), to the code the server knows. */
export function normalizeMeetingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
