// Word classes the extraction rules read. Each list names a general category (kin terms,
// verbs of liking, verbs of choosing, moods …), never a phrase from one example; a rule
// that needs a new word adds it to the category it belongs to.

const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Discourse openers that carry no content: stripped from the front of a clause, repeatedly. */
export const OPENERS = [
  "by the way", "just so you know", "for the record", "for context", "fun fact", "to be clear", "to clarify", "to be honest",
  "for what it is worth", "just a heads up", "heads up", "quick one", "quick q", "quick question", "quick note", "one more thing",
  "one thing to know about me", "a bit about me", "about me", "in other news", "oh and", "oh also", "and also", "you know what",
  "i mean", "ok so", "okay so", "so yeah", "all right", "alright", "to be fair", "truth be told", "if i may", "if you must know",
  "ok", "okay", "so", "well", "oh", "hey", "hi", "hello", "yo", "hiya", "heya", "oi", "also", "and", "but", "anyway", "anyways", "honestly", "basically", "actually",
  "yeah", "yes", "yep", "no", "nah", "hmm", "hm", "um", "uh", "right", "ah", "aah", "sorry", "look", "listen", "wait", "fyi", "btw",
  "ps", "plus", "then", "now", "just", "lovely", "cool", "great", "nice", "perfect", "thanks", "again", "still", "pipe dream",
  "change of plan", "scratch that", "i take that back", "let me correct that", "let me correct", "correction", "update", "i changed my mind",
  "i have changed my mind", "changed my mind", "on second thought", "on second thoughts", "you know what", "hold on", "in fact",
  "like i said", "as i said", "like i mentioned", "as i mentioned", "as i told you", "like i told you", "as mentioned", "just to repeat",
  "to repeat", "reminder that", "reminder", "quick heads up", "heads up", "just a reminder",
].map((p) => p.split(" "));

/** Say it was said before: a restatement adds nothing new ("like I said, I'm vegetarian"). */
export const RESTATEMENT = /\b(like i (said|mentioned|told you)|as i (said|mentioned|told you|say)|as (mentioned|said)( before| earlier)?|just to repeat|to repeat|i already (said|told you)|reminder that|(yeah|yes)?,? ?again\b|like i mentioned)/i;

/** The user asks for something to be kept: "remember that …", "jot that down", "keep a note". */
export const EXPLICIT_LEADS = [
  "i want you to remember", "i would like you to remember", "please to remember", "kindly remember", "you must remember", "remember please", "can you please remember", "could you please remember", "can you remember",
  "could you remember", "would you remember", "will you remember", "please remember", "please do remember", "do remember", "remember for me",
  "remember", "do not forget", "please note", "note for later", "note for me", "note to self", "note", "make a note of", "make a note",
  "keep a note of", "keep a note", "can you keep a note", "can you note", "can you save", "please save", "save", "store", "memorise",
  "memorize", "for future reference", "for future ref", "for later", "keep in mind", "please keep in mind", "bear in mind",
  "can you keep hold of", "keep hold of", "hold onto", "hang onto",
].map((p) => p.split(" "));
export const EXPLICIT_ANYWHERE =
  /\b(remember (that|this|it|both|these|them)|(jot|write|note|take) (that|this|it) down|keep (that|this|it) in mind|(keep|make) a note|note (that|this|it)|for future ref(erence)?|hang onto (it|that|this)|keep hold of|save (that|this|it)|(can you|could you|please) (remember|note|save|store)|note for (later|me))\b/i;

/** A standing instruction or lasting habit, not a one-off: "from now on", "always", "whenever". */
export const LASTING =
  /\b(from now on|going forward|in future|in the future|from here on( out)?|always|never|every (single )?time|each time|any ?time|whenever|for (all|any|anything|everything|every)\b|by default|as a rule|at all times|no matter what|ever|for good|permanently|in every (reply|answer|response|message))\b/i;
/** A one-off request: "just this once", "for this reply". */
export const ONE_OFF = /\b(just this once|this once|for this (reply|answer|one|message|time)|just for this|this time only|just this time|this time|for now)\b/i;

/** What an answer is made of: an instruction about these is about answering, so it stands. */
export const ANSWER_STYLE = words(
  "answer answers reply replies response responses explanation explanations paragraph paragraphs bullet bullets words sentences " +
    "tone emoji emojis jargon format formatting steps step units metric imperial celsius fahrenheit grams cups kilometres kilometers " +
    "km miles ounces pounds kilos litres liters examples spelling",
);

/** Verbs of liking and disliking (lemmas). */
export const PREFERENCE_VERBS = words("like love enjoy prefer hate dislike adore detest loathe despise fancy dig favour favor relish");
/** Preference idioms whose main verb is something else: "can't stand", "don't care for", "would rather". */
export const PREFERENCE_IDIOMS =
  /\b(can ?not stand|cannot stand|can ?not bear|cannot bear|can ?not abide|do(es)? not care for|never cared for|(would|had|'d) (much |far |always |so much )?(rather|sooner)|(can ?not|cannot) (do|handle|stomach|tolerate|take) (?!it\b|this\b|that\b|anything\b|much\b|more\b|any\b|the\b|a\b)\w+|a (\w+ )?fan of|not a fan|(really |so |very |far more |more |super |not )?(keen|fond) (on|of)|big on|a sucker for|obsessed with|partial to|can ?not get enough of|not my (thing|cup of tea)|my (thing|jam)|do(es)? not do\b|do(es)? not mind\b|(a|such a|more of a|not a|not really a|big) \w+ person\b|would never\b|(a|big|huge|massive|lifelong|die-hard|diehard|total|real) (\w+ ){0,2}(fan|nerd|geek|buff|enthusiast|lover|fanatic|junkie)\b|(can ?not|can't) (beat|go wrong with)\b|(only|exclusively) (use|uses|drink|drinks|eat|eats|wear|wears|listen|read|reads|watch|watches|pay|pays|buy|buys|fly|flies))/i;
/** "favourite", "fav", "go-to": the thing named is a preference. */
export const FAVOURITE = words("favourite favorite fav fave favs faves preferred go-to goto lucky all-time");
/** Predicates that judge something for the user: "X is a hard no for me", "X works best for me". */
export const JUDGEMENT_FOR_ME =
  /\b((is|are) (a |an )?(hard |total |absolute )?(no|yes|must|must-have|no-go|dealbreaker|non-negotiable|life)|(is|are) (the )?only (thing|one|way)|(work|works|worked) (so much |much |way )?(better|best)|(is|are) (so much |much |way |far )?(better|best|nicer|easier)|nothing beats|(is|are) my (thing|jam|go-to)|(do not|don't|never) (get along|get on|agree)( with)?)\b/i;
/** Consuming without end: "I could eat olives by the jar", "could listen to it all day". */
export const CONSUMPTION_VERBS = words("eat drink listen watch read play live wear");
export const WITHOUT_END = /\b(all day|every day|every single day|forever|on repeat|by the (jar|bucket|tub|bowl|spoonful|kilo|litre|bagful|plateful)|for days|every night|nonstop|non-stop)\b/i;
/** Activities one "can't do without X": dependence on a thing is a preference for it. */
export const DEPENDENT_ACTIVITIES = words("study work focus sleep concentrate function cope write code run read relax think revise train live start");

/** Verbs of choosing and committing (lemmas; phrasal ones as "verb particle"). */
export const DECISION_VERBS = words(
  "decide choose pick opt settle commit switch migrate move change drop ditch scrap quit cancel book sign enrol enroll register " +
    "accept hand give defer pay buy purchase subscribe resign cut stick stay vote plump land lock go take adopt get join start standardise standardize " +
    "replace swap trade sell upgrade downgrade leave retire apply",
);
/** Of those, the ones that are a choice whatever the tense ("I switched", "we booked"); the rest only as plans. */
export const CHOICE_VERBS = words(
  "decide choose pick opt commit switch migrate drop ditch scrap quit cancel book enrol enroll register accept defer pay buy " +
    "purchase subscribe resign vote plump replace swap sell upgrade downgrade standardise standardize order",
);
/** Phrasal choices: "go with", "sign up", "hand in", "give up", "cut ties", "make up my mind". */
export const CHOICE_PHRASES =
  /\b(go(es|ing)?|went|gone) (with|for|ahead with)\b|\bagree(d|s)? (to \w+|on)\b|\b(sign(s|ed|ing)?|signed) up\b|\bhand(s|ed|ing)? in\b|\bgiv(e|es|ing)|gave up\b|\bcut(s|ting)? ties\b|\b(stick|sticking|stuck|stay|staying|stayed) with\b|\bsettl(e|ed|es|ing) on\b|\blanded on\b|\bchanged (banks|jobs|providers|careers|course|plans)\b|\bmov(e|ed|es|ing) (over )?(everything )?(over )?(to|onto|off)\b|\bmade up (my|our) minds?\b|\bopt(ed|ing)? (for|out)\b|\bclos(e|ed|ing) (my|our) (old )?account/i;
/** Life events: told in the past, they are facts about the user ("moved to Leeds", "grew up in Lagos"). */
export const LIFE_EVENT_VERBS = words(
  "move relocate emigrate immigrate settle grow bear marry graduate retire start join qualify adopt get become train " +
    "study work live spend raise found open launch diagnose lose win break convert",
);
/** State verbs: present simple or perfect, they describe the user as they are. */
export const STATE_VERBS = words("be have own live work know speak use need own believe belong contain hold keep mean run teach play");

/** Moods and bodily states that pass: "I'm shattered", "so stressed". */
export const PASSING_STATES = words(
  "tired exhausted sleepy knackered shattered drained wiped hungry starving thirsty bored stressed nervous worried anxious scared " +
    "excited pumped hyped sad upset angry annoyed irritated frustrated grumpy cranky moody overwhelmed hungover sick unwell poorly " +
    "freezing cold hot sweaty busy swamped slammed lonely relieved confused distracted sore achy jetlagged drunk tipsy restless " +
    "terrified thrilled gutted buzzing blank ready late fine good okay ok great sorry sure glad happy back here home away off free " +
    "around stuck lost done curious wondering asking trying testing browsing looking kidding joking thinking scatterbrained " +
    "frazzled fried dead dying broke bummed miserable rough awful terrible fed shook stoked chuffed delighted understaffed overworked mess wreck new",
);
/** Adjectives (and adjective-like nouns) of lasting traits: "I'm vegan", "I'm deaf", "I'm retired". */
export const TRAIT_WORDS = words(
  "vegetarian vegan veggie pescatarian pescetarian teetotal sober kosher halal allergic intolerant diabetic prediabetic coeliac celiac " +
    "asthmatic epileptic anaemic anemic deaf blind autistic dyslexic dyspraxic dyscalculic colourblind colorblind disabled pregnant " +
    "immunocompromised neurodivergent diabetic arthritic insulin-dependent married single divorced widowed engaged separated retired " +
    "unemployed freelance self-employed selfemployed semi-retired bilingual trilingual multilingual fluent native left-handed lefthanded " +
    "right-handed righthanded ambidextrous gay lesbian bisexual bi queer trans transgender nonbinary non-binary straight asexual " +
    "catholic muslim jewish hindu christian atheist agnostic buddhist sikh protestant orthodox mormon quaker pagan religious " +
    "short-sighted shortsighted long-sighted longsighted vision-impaired housebound childless homeschooled adopted",
);
/** Groups a person belongs to: "I'm in our parish choir", "the band's settled on Notion". */
export const GROUPS = words("band team family household choir club crew company startup orchestra society union committee league squad cast troupe group guild council board");
/** Roles and occupations a person can say they are ("nurse here", "software engineer, Bangalore"), beyond what the tagger marks as an actor. */
export const ROLE_NOUNS = words(
  "nurse paramedic runner student physio physiotherapist midwife vet barista retiree pensioner widow widower dev coder postie " +
    "translator interpreter postdoc carer caregiver teacher lecturer tutor engineer programmer freelancer contractor consultant manager " +
    "intern apprentice trainee chef cook baker butcher electrician plumber builder carpenter joiner roofer foreman landlord homeowner " +
    "musician drummer guitarist bassist singer artist illustrator photographer writer author journalist editor designer architect " +
    "lawyer solicitor barrister magistrate judge officer soldier veteran firefighter pilot driver courier cleaner childminder nanny " +
    "doula pharmacist dentist optician therapist counsellor counselor psychologist psychiatrist surgeon doctor scientist researcher " +
    "academic professor analyst accountant bookkeeper banker trader broker actuary marketer recruiter receptionist secretary clerk " +
    "cashier waiter waitress bartender farmer gardener landscaper mechanic technician developer churchwarden volunteer coach referee " +
    "goalkeeper vicar priest rabbi imam minister councillor cyclist climber swimmer triathlete gamer knitter baker beekeeper " +
    "undergrad postgrad fresher graduate grad phd sysadmin hairdresser beautician tattooist plasterer decorator welder machinist " +
    "paralegal sonographer radiographer dietitian nutritionist carpenter vegetarian vegan",
);
/** Health conditions said as a noun: "peanut allergy", "type 1 diabetes", "ADHD". */
export const HEALTH_CONDITIONS = words(
  "allergy allergies intolerance diabetes asthma epilepsy arthritis adhd autism dyslexia dyspraxia eczema psoriasis migraines " +
    "ibs crohns crohn's colitis tinnitus endometriosis pcos fibromyalgia lupus hypertension coeliac celiac anaemia anemia " +
    "hypothyroidism glaucoma scoliosis",
);
/** Things people eat and drink by taste (not diets: "meat", "dairy", "gluten" say what the user is, not what they like). */
export const FOOD_AND_DRINK = words(
  "milk coffee tea latte lattes cappuccino espresso americano decaf sugar sweetener honey oat almond soy soya juice smoothie beer wine " +
    "cider gin whisky whiskey vodka rum lager ale stout porridge cereal granola toast marmite jam butter cheese chocolate biscuits " +
    "curry pizza pasta noodles sushi ramen salad crisps chips sauce ketchup mayo mustard chilli hot-sauce cola coke pepsi lemonade " +
    "kombucha matcha chai cocoa flat-white cortado mocha",
);
/** Fields of work: "I'm in marketing", "I work in IT". */
export const WORK_FIELDS = words(
  "marketing sales finance banking insurance retail tech it hr recruitment recruiting education teaching healthcare nursing medicine " +
    "law publishing advertising logistics construction hospitality pharma pharmaceuticals accounting accountancy consulting design " +
    "engineering software research academia journalism media fashion property real estate admin administration government " +
    "politics charity manufacturing aviation shipping tourism catering events procurement compliance audit security cybersecurity",
);
/** What someone is "on" for good: medication and diets ("I'm on insulin", "on a low-FODMAP diet"). */
export const ONGOING_REGIMES = words(
  "insulin metformin antidepressants sertraline fluoxetine citalopram statins levothyroxine thyroxine hrt medication meds warfarin " +
    "blood-thinners inhaler inhalers diet keto prep dialysis methadone lithium",
);
/** The moment, not a lasting fact: "today", "right now", "this week". */
export const MOMENT =
  /\b(today|tonight|yesterday|right now|rn|just now|this (morning|afternoon|evening|minute|moment)|last night|(this|that) (week|weekend|month)|all (morning|day|week)|lately|recently|for a (conference|trip|trade fair|work trip|holiday|visit|wedding|meeting|course|funeral|festival))\b/i;

/** Short jobs of writing: "I'm writing a speech" is what the user is busy with, "I'm writing a novel" who they are. */
export const TASK_ARTIFACTS = words("speech toast email emails letter card message post caption invite invitation review essay cv resume report quote proposal bio list plan menu package parcel hamper playlist presentation slides");

/** Short illnesses: "I've got a stinking cold" passes. */
export const SHORT_ILLNESSES = /\b(cold|flu|cough|headache|migraine|hangover|temperature|fever|sore throat|stomach bug|bug|virus|chest infection|tummy bug|upset stomach|rash|sniffles)\b/;

/** Family: a named or counted one is part of the user's life ("my son Rohan", "three grandkids"). */
export const KIN = words(
  "sister sisters brother brothers sibling siblings son sons daughter daughters kid kids child children wife husband partner spouse " +
    "fiance fiancee fiancé fiancée boyfriend girlfriend grandchild grandchildren grandkid grandkids grandson grandsons granddaughter " +
    "granddaughters niece nieces nephew nephews twins twin eldest youngest stepson stepdaughter baby babies",
);
/** Family everyone has: only stored when named ("my mum" alone says nothing). */
export const UNIVERSAL_KIN = words("mum mom mother dad father parents parent grandma grandmother grandpa grandfather nan nana gran granny grandparents folks");
/** Animals people keep. */
export const PETS = words(
  "dog dogs cat cats puppy puppies kitten kittens pet pets rescue greyhound corgi labrador lab beagle whippet terrier spaniel " +
    "collie poodle retriever dachshund pug husky rabbit rabbits bunny hamster horse pony parrot budgie bird tortoise turtle fish " +
    "goldfish guinea lizard gecko snake ferret chickens hens",
);
/** Other people the user knows: their matters are theirs, not the user's. */
export const ACQUAINTANCES = words(
  "friend friends mate mates bestie colleague colleagues coworker coworkers co-worker boss manager neighbour neighbor neighbours " +
    "neighbors housemate housemates flatmate flatmates roommate roommates landlord landlady client clients patient patients student " +
    "students pupil pupils teacher doctor gp therapist reports crew guy girl someone somebody team-mate teammate cousin aunt " +
    "uncle ex in-laws",
);
/** Words for a person in general: "poor lad", "some guy", never a role of the user's. */
export const PEOPLE = words("man men woman women guy guys lad lads lass girl girls boy boys person people bloke chap fella fellow kid child lady gentleman folk");
/** What a person has in the abstract ("my mind is blank", "my time is fragmented"): never a memory. */
export const ABSTRACT_POSSESSIONS = words(
  "mind head time life day week stomach brain heart mood energy sleep memory question questions problem issue point fault turn god " +
    "word bad eyes nerves patience body legs self attention focus thoughts brain-dump",
);
/** What identifies the user: a possessive of these is a fact, not a note ("my birthday is …"). */
export const IDENTITY_NOUNS = words(
  "name birthday age job work career role title degree major pronouns nationality religion diet hometown home address accent " +
    "language languages first shoe size height blood type star sign",
);
/** Events that happen on a date: a dated one is a note. */
export const EVENT_NOUNS = words(
  "appointment appointments meeting meetings deadline deadlines flight flights exam exams interview interviews operation surgery " +
    "assessment renewal bazaar wedding party match concert dentist doctor vet checkup check-up demo launch standup stand-up review " +
    "reunion trip holiday birthday anniversary recital show gig booking reservation class lesson lessons course test call viewing " +
    "fair festival service mot inspection delivery move bin bins day evening report payment bill rent tax return contract membership " +
    "lease pass passport visa licence license subscription insurance due date dates train bus",
);
/** Work words: a "we" that talks about these is the user's team, not their household. */
export const WORK_WORDS = words(
  "team company startup project projects service services frontend backend stack database deployment deploy api app codebase sprint " +
    "client clients product release vendor framework library server servers infrastructure infra pipeline repo repository office " +
    "launch roadmap migration architecture cloud cluster work workplace ci engineering ship deploys hosting billing portal auth " +
    "customer customers platform cto leadership adr",
);
/** Things that are not the user's life but this chat: "my question", "my code". */
export const CHAT_THINGS = words(
  "question questions code essay draft homework bug error problem attempt answer issue cv resume point fault turn " +
    "mistake typo prompt request spreadsheet form",
);
/** Adverbs and auxiliaries that hedge a claim: "might", "probably", "I think". */
export const HEDGE_WORDS = words("might may maybe probably possibly perhaps prob probs potentially likely unlikely hopefully");
export const HEDGE_LEADS = [
  "i am not 100% sure but", "i am not sure but", "not 100% sure but", "not 100 % sure but", "not sure but", "i am not sure if",
  "not sure if", "i think", "i guess", "i suppose", "i believe", "i feel like", "i reckon", "i imagine", "maybe", "perhaps",
  "probably", "possibly", "hopefully", "could be",
].map((p) => p.split(" "));
/** The user says the matter is still open: plans in the same sentence are only proposals. */
export const UNDECIDED =
  /\b(nothing('s| is| has been)? (decided|final|settled|set in stone)|not (set in stone|decided|final|settled|certain)|(have not|haven't|not) (really |fully |yet )?(decided|committed)|undecided|still deciding|up in the air|depends on|not sure( yet)?|no idea|who knows|keep flip-flopping|flip-flopping|still thinking|thinking it over|we will see|we'll see|might still|or maybe not|in two minds|half thinking|toying with|on the fence|(could|might) (easily )?be talked out of)\b/i;
/** The user says the matter is settled: plans in the same message are decisions. */
export const COMMITTED =
  /\b(decided|decision('s| is| has been)? (made|taken)|decisions made|big decision|(made|taken|took|reached) (the|a|my|our) (final |big )?decision|(it's|it is|that's|that is|this is) (really |now |officially )?(official|final|settled|happening|decided)|officially|made up (my|our) minds?|done (dithering|deciding|comparing)|settled|signed off|booked|for sure|confirmed|locked in|it is happening|finally|final answer|my choice|pulled the trigger)\b/i;
/** A frame that makes the rest hypothetical: "if", "imagine", "suppose", "say …". */
export const HYPOTHETICAL_LEADS = words("if imagine suppose supposing hypothetically pretend say assuming");
