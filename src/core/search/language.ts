/**
 * SEARCH-LANG-1: the text search configuration of a document, guessed from its own words. A document is indexed
 * with one configuration (its `lang`), and a query is matched against both (SEARCH-LANG-2), so a wrong guess
 * costs stemming quality, never a hit on an exact word.
 */
export type SearchLanguage = 'english' | 'spanish';

/** Frequent function words of each language that are rarely words of the other. */
const ENGLISH = new Set(
  (
    'the and of to in is that it was for on are with as his they be at one have this from or had by but not ' +
    'what all were we when your can said there use an each which she do how their if will up other about ' +
    'out many then them these so some her would make like him into time has two more write go see number ' +
    'way could people my than first been who its now find did get come made may part our students ' +
    'student class teacher they our because'
  ).split(' '),
);
const SPANISH = new Set(
  (
    'el la los las de del y en que un una por con para es su sus al lo como más pero fue este esta ' +
    'son entre cuando muy sin sobre también hasta hay donde quien desde todo nos durante todos uno ' +
    'les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto ' +
    'esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ' +
    'ti tu tus ellas nosotras vosotros os mío mía míos mías tuyo tuya suyo suya nuestro nuestra ' +
    'estudiantes alumnos alumnas clase equipo maestra maestro se le ya o'
  ).split(' '),
);

const WORD = /[\p{L}]+/gu;

/**
 * `spanish` when Spanish function words outnumber English ones (ties, and texts without any, are `english`).
 * Case and accents as written; a word of both lists (none today) would count for neither.
 */
export function detectLanguage(text: string): SearchLanguage {
  let en = 0;
  let es = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const w = match[0];
    const inEn = ENGLISH.has(w);
    const inEs = SPANISH.has(w);
    if (inEn && !inEs) en += 1;
    else if (inEs && !inEn) es += 1;
  }
  return es > en ? 'spanish' : 'english';
}
