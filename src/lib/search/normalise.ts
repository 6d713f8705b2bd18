// What people type, made comparable: lower case, straight quotes, contractions written out (with or without
// the apostrophe: "can't" and "cant" both become "can not"), punctuation turned into spaces. The characters
// the index keeps searchable (* + #: star codes, country codes, DTMF) and hyphens inside words ("one-way",
// "wi-fi") stay. Plural and tense variants are left to Pagefind's stemming; `stem` is only for comparing
// a customer's words with the synonym table's phrases.

/** Contractions, written with or without the apostrophe, and what they stand for. */
const contractions: Record<string, string> = {
  "can't": 'can not',
  cannot: 'can not',
  "won't": 'will not',
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "isn't": 'is not',
  "aren't": 'are not',
  "wasn't": 'was not',
  "weren't": 'were not',
  "haven't": 'have not',
  "hasn't": 'has not',
  "hadn't": 'had not',
  "wouldn't": 'would not',
  "shouldn't": 'should not',
  "couldn't": 'could not',
  "ain't": 'is not',
  "i'm": 'i am',
  "i've": 'i have',
  "you're": 'you are',
  "they're": 'they are',
  "we've": 'we have',
  "they've": 'they have',
  "it's": 'it is',
  "that's": 'that is',
  "there's": 'there is',
  "what's": 'what is',
  "we're": 'we are',
  "i'll": 'i will',
  "i'd": 'i would',
  "we'll": 'we will',
};

/**
 * Forms without the apostrophe that are contractions, not words. Left out on purpose: "were" (we're), "well"
 * (we'll), "ill" (i'll), "id" (i'd: caller ID), "its", "lets", "shell": real words a customer means as written.
 */
const withoutApostrophe = new Set([
  'cant',
  'wont',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'wouldnt',
  'shouldnt',
  'couldnt',
  'aint',
  'im',
  'ive',
  'youre',
  'theyre',
  'weve',
  'theyve',
  'thats',
  'theres',
  'whats',
]);

const expansions = new Map<string, string>();
// The index keeps a negative contraction as one word without its apostrophe ("won't" -> wont): titles say
// "My phone won't register", so a search keeps that word in that form.
const indexForms = new Map<string, string>();
for (const [short, long] of Object.entries(contractions)) {
  const bare = short.replace("'", '');
  const forms = withoutApostrophe.has(bare) ? [short, bare] : [short];
  for (const form of forms) {
    expansions.set(form, long);
    indexForms.set(form, long.endsWith(' not') ? (short === 'cannot' ? 'cant' : bare) : long);
  }
}

/** Negative contractions as the index holds them: cant, wont, dont, doesnt... */
export const negativeContractions: ReadonlySet<string> = new Set(
  [...indexForms.values()].filter((form) => !form.includes(' ')),
);

/**
 * Lower case, straight apostrophes, contractions written out, punctuation as spaces, single spaces. With
 * `contractions: 'index'`, negative contractions become the word the index holds ("won't", "wont" -> wont)
 * instead of two words ("will not").
 */
export function normalise(
  text: string,
  { contractions: mode = 'expand' }: { contractions?: 'expand' | 'index' } = {},
): string {
  const table = mode === 'index' ? indexForms : expansions;
  const straight = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-');
  const words = straight.split(/\s+/).flatMap((chunk) => {
    // Possessives and quotes around a word go; an apostrophe inside a contraction stays for the lookup.
    const word = chunk
      .replace(/[^\p{L}\p{N}'*+#-]+/gu, ' ')
      .trim()
      .split(' ');
    return word.map((w) => {
      const bare = w.replace(/^['-]+|['-]+$/g, '');
      const expanded = table.get(bare);
      if (expanded) return expanded;
      return bare.replace(/'s$/, '').replace(/'/g, '');
    });
  });
  return words.filter((w) => w.length > 0).join(' ');
}

/** The words of `text`, normalised. */
export function tokenize(text: string, options: { contractions?: 'expand' | 'index' } = {}): string[] {
  const normal = normalise(text, options);
  return normal === '' ? [] : normal.split(' ');
}

/**
 * A crude English stem for comparing words with the synonym phrases (not for the index, which Pagefind stems):
 * drops -ing, -ed, -es, -s, a final e and a doubled final consonant, so "dropped"/"drops"/"drop",
 * "ringing"/"rings"/"ring" and "arriving"/"arrive" compare equal. Hyphens are ignored ("one-way" = "oneway").
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/-/g, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}
