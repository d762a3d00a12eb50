import { createHash, randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '#contracts/org';

/** A bearer secret for links and cookies: 256 bits, URL-safe. Only its hash is stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A human-typable join code: 8 characters from an alphabet without look-alikes (~40 bits). */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += JOIN_CODE_ALPHABET.charAt(randomInt(JOIN_CODE_ALPHABET.length));
  return code;
}

/** A demo passphrase that is easy to type on a projector-lit keyboard yet not guessable. */
export function newDemoPassword(): string {
  const words = [
    'maple',
    'river',
    'cedar',
    'harbor',
    'meadow',
    'quartz',
    'orchard',
    'lantern',
    'summit',
    'prairie',
    'willow',
    'beacon',
  ];
  const pick = () => words[randomInt(words.length)] as string;
  return `${pick()}-${pick()}-${pick()}-${randomInt(10, 100)}`;
}
