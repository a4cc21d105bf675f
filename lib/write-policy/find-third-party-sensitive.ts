// Sensitive facts about someone other than the user (health, sexuality, religion, legal trouble,
// money): never stored, even when the user says them (docs/memory-taxonomy.md). The user's own
// sensitive facts may be stored; so the question is only whose fact it is. A sensitive term
// that comes after a mention of another person (or under another person as the subject) is
// theirs: "User's mother has dementia", "Tom was arrested", "User cares for her wife, who has MS".
// One that comes first, in a sentence about the user, is the user's: "User has diabetes".

export type SensitiveTopic = "health" | "sexuality" | "religion" | "legal" | "money" | "relationship";

const TOPICS: { topic: SensitiveTopic; pattern: RegExp }[] = [
  {
    topic: "health",
    pattern:
      /\b(?:cancer|tumou?r|leukaemia|leukemia|diabet(?:es|ic)|dementia|alzheimer'?s?|parkinson'?s?|multiple sclerosis|\bms\b|hiv|aids|stds?|stis?|depress(?:ed|ion)|anxiety|bipolar|schizophreni\w*|adhd|autis(?:m|tic)|ocd|ptsd|eating disorder|anorexi\w*|bulimi\w*|addict(?:ed|ion)?|alcoholi[cs]m?|rehab|overdose[ds]?|suicid\w*|self[- ]harm\w*|mental (?:health|illness|breakdown)|breakdown|therapy|therapist|psychiatr\w*|diagnos(?:ed|is)|disease|illness|terminal(?:ly ill)?|chemo(?:therapy)?|radiotherapy|surgery|operation|hospitali[sz]ed|in hospital|miscarr\w*|pregnan\w*|infertil\w*|ivf|abortion|stroke|heart attack|seizures?|epilep\w*|disabilit(?:y|ies)|disabled|medication|antidepressants?|insulin|chronic(?:ally)? ill|illness|syndrome|disorder|injur(?:y|ies|ed)|covid|herpes|hepatitis|lupus|crohn'?s|arthritis|asthma|allerg(?:y|ies|ic)|concussion|coma|palliative|hospice|dialysis|transplant|sick)\b/i,
  },
  { topic: "sexuality", pattern: /\b(?:gay|lesbian|bisexual|queer|transgender|trans (?:man|woman|person)|came out|coming out|sexuality|sexual orientation|asexual|non-?binary)\b/i },
  { topic: "religion", pattern: /\b(?:muslim|christian|jewish|hindu|buddhist|sikh|atheist|agnostic|catholic|protestant|mormon|evangelical|religio(?:n|us)|converted to|church|mosque|synagogue|temple|devout|prays?)\b/i },
  {
    topic: "legal",
    pattern:
      /\b(?:arrest(?:ed)?|charged with|convicted|conviction|prison|jail(?:ed)?|inmate|parole|probation|criminal record|court case|lawsuit|sued|suing|dui|dwi|custody (?:battle|case|fight)|deport(?:ed|ation)|undocumented|immigration status|restraining order|on trial)\b/i,
  },
  {
    topic: "money",
    pattern:
      /\b(?:debts?|in debt|owes|bankrupt(?:cy)?|broke\b(?! (?:his|her|their|my) \w)|arrears|evict(?:ed|ion)|gambling|payday loan|repossess\w*|salary|earns|income|can'?t (?:pay|afford)|food bank|on benefits|on welfare|unemployed|laid off|lost (?:his|her|their) job|fired)\b/i,
  },
  { topic: "relationship", pattern: /\b(?:divorc\w*|affair|cheat(?:ed|ing) on|separated|separating|breaking up|broke up)\b/i },
];

// Someone who is not the user: relations, roles, third-person pronouns. "they/them/their" are
// left out: memories use them for the user ("User takes their medication"). Names are caught
// when a capitalised word other than "User" is the subject.
const OTHER_PERSON =
  /\b(?:wife|husband|partner|spouse|fianc[eé]e?|boyfriend|girlfriend|ex|mum|mom|mother|dad|father|parents?|step-?\w+|sister|brother|siblings?|sons?|daughters?|kids?|child(?:ren)?|baby|babies|grand(?:ma|mother|pa|dad|father|son|daughter|child(?:ren)?|parents?)|nan|nana|gran|aunt(?:ie)?|uncle|cousins?|niece|nephew|in-laws?|\w+-in-law|friends?|mates?|bestie|best friend|colleagues?|co-?workers?|boss|manager|employees?|staff|teammates?|neighbou?rs?|room-?mates?|flat-?mates?|house-?mates?|landlord|landlady|tenants?|clients?|patients?|customers?|students?|pupils?|he|she|him|her|his|hers|someone|somebody)\b/i;

/** The sensitive topic of another person's fact in the content, or null. */
export function findThirdPartySensitive(content: string): SensitiveTopic | null {
  const text = content.trim();
  const person = OTHER_PERSON.exec(text);
  // "Tom has cancer", "Priya's divorce": a capitalised name (not User, not a sentence word) as the subject.
  const named = /^(?!User\b|The\b|A\b|An\b|My\b|I\b|It\b|This\b|That\b|There\b)[A-Z][a-z]+(?:'s|’s)?\s/.exec(text);
  const otherAt = Math.min(person?.index ?? Infinity, named ? 0 : Infinity);
  if (otherAt === Infinity) return null;
  for (const { topic, pattern } of TOPICS) {
    const hit = pattern.exec(text);
    if (!hit) continue;
    // The user's own sensitive fact, with someone else mentioned later ("User has asthma, like her dad").
    if (hit.index < otherAt && /^(?:the\s+)?user\b/i.test(text) && !/^(?:the\s+)?user(?:'s|’s)\s/i.test(text)) continue;
    return topic;
  }
  return null;
}
