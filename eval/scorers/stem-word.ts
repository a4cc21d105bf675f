const VOWEL = /[aeiouy]/;
const DOUBLE_CONSONANT = /([b-df-hj-np-rtv-xz])\1$/;

/**
 * Reduces a lowercase word to a crude stem so simple inflections compare equal:
 * vegetarian/vegetarians, decide/decided/deciding, prefer/prefers/preferred, city/cities.
 * Deliberately much weaker than a Porter stemmer: keywords are the user's own words, so we only
 * need to forgive the agent for restating them in the third person or another tense, and a
 * weaker stemmer conflates fewer unrelated words (vegan stays apart from vegetarian).
 */
export function stemWord(word: string): string {
  let stem = word.toLowerCase();
  if (stem.length <= 3 || !/^[a-z]+$/.test(stem)) return stem;

  if (stem.endsWith("ies")) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith("sses")) stem = stem.slice(0, -2);
  else if (stem.endsWith("s") && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  const suffix = stem.endsWith("ied") ? "ied" : stem.endsWith("ing") ? "ing" : stem.endsWith("ed") ? "ed" : null;
  if (suffix) {
    const base = stem.slice(0, -suffix.length);
    // Only strip when a real stem remains ("bed", "sing" and "red" keep their endings).
    if (base.length >= 2 && VOWEL.test(base)) {
      stem = suffix === "ied" ? `${base}y` : base;
      // preferred → preferr → prefer, stopping → stopp → stop
      if (DOUBLE_CONSONANT.test(stem) && !/(ll|ss|zz)$/.test(stem)) stem = stem.slice(0, -1);
    }
  }

  if (stem.length > 3 && stem.endsWith("e")) stem = stem.slice(0, -1);
  if (stem.endsWith("y")) stem = `${stem.slice(0, -1)}i`;
  return stem;
}
