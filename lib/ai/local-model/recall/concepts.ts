// Groups of words that talk about the same part of a person's life. A question and a memory
// that share a group are about the same thing even with no word in common ("suggest a dinner"
// and "User is vegetarian"; "where am I based" and "User lives in Leeds").

const group = (s: string) => new Set(s.split(/\s+/));

export const CONCEPTS: Set<string>[] = [
  group("food eat eating dinner lunch breakfast brunch dessert meal meals recipe recipes cook cooking bake baking restaurant takeaway snack dish dishes cuisine menu curry pasta sauce pie cake vegetarian vegan pescatarian meat fish diet gluten dairy lactose coeliac celiac diabetic diabetes halal kosher spicy allergic allergy allergies shellfish peanut peanuts nut nuts intolerant intolerance food foods order hungry cheese platter board"),
  group("work job jobs living career office employer company profession role shift shifts boss colleague colleagues team working works worked retire retired teach teaches teacher field department business manager management"),
  group("live lives living home house flat apartment city town address move moved moving based base from neighbourhood neighborhood area here local near nearby where country"),
  group("family kid kids child children son sons daughter daughters sister brother mum mom dad mother father parent parents wife husband partner missus half girlfriend boyfriend twins baby little one boy girl girls boys grandchildren grandkids niece nephew"),
  group("pet pets dog dogs cat cats puppy pup pups kitten animal animals vet breed bird parrot horse horses rabbit"),
  group("health medicine medication doctor penicillin condition sick symptoms prescription antibiotic allergy allergic pain back knee injury injured recovering recover insomnia sleep adhd arthritis asthma hearing latex gloves exercise exercises workout headache ache pill pills painkiller painkillers ibuprofen paracetamol take amoxicillin antibiotic antibiotics warfarin"),
  group("weekend activity activities hobby hobbies fun free time day off project evening evenings relax hiking hike climbing running run swim swimming walk walking garden gardening plant plants grow growing board games game games cosy knit knitting craft read reading sport sports"),
  group("trip travel holiday holidays vacation visit visiting see seeing flight fly flying abroad summer winter christmas going trips passport documents spend spending"),
  group("drink drinks drinking coffee tea beer wine alcohol cocktail cocktails bottle sober spirit spirits whisky whiskey dram gin rum vodka mezcal tequila sake cider lager ale stout brandy cognac"),
  group("car cars drive driving vehicle van commute bike cycle bus train electric mot insurance"),
  group("date dates when appointment appointments meeting meetings schedule calendar day time due renew renews renewal expire expires deadline viewing test demo"),
  group("answer answers reply replies short long format bullet bullets words explain explanation style tone"),
  group("name names called call nickname"),
  group("age old birthday born years young"),
  group("speak language languages english spanish french german fluent phrases phrase vocabulary grammar practise practice irish welsh gaelic italian portuguese japanese mandarin korean arabic"),
  group("music band bands song songs listen listening playlist concert gig genre instrument play plays fiddle guitar piano podcast podcasts audiobooks rumba salsa reggae afrobeats jazz"),
  group("code coding program programming snippet function hook typescript javascript python react language framework editor config tabs spaces bundler database stack tool tools"),
  group("study studying student university uni school college degree phd thesis dissertation exam exams course class lecture field research"),
  group("money salary budget pay paid bank savings finance spend cost costs price prices expensive cheap afford currency"),
  group("watch movie movies film films show shows series tv horror comedy"),
  group("book books novel novels read reading reader author authors mystery mysteries thriller thrillers crime fiction poetry library kindle"),
  group("team teams support supports fan football club follow match"),
  group("spring summer autumn fall winter january february march april may june july august september october november december cold warm months season"),
  group("units metric imperial celsius fahrenheit kilometres miles grams cups temperature temperatures distance far warm hot degrees metres meters metre feet foot inches inch centimetres cm tall height measurements measure weight kilos pounds"),
  group("friend friends catch-up meet cafe cafes café cafés quiet pub"),
  group("gift gifts present presents christmas birthday get buy ideas"),
];

/** The group of words about the form of answers: a preference about form shapes every reply and answers none. */
export const ANSWER_FORM = CONCEPTS.findIndex((g) => g.has("bullet"));

/** The group of times of the year. */
export const CALENDAR_GROUP = CONCEPTS.findIndex((g) => g.has("november"));
const MONTHS = new Set("january february march april may june july august september october november december".split(" "));
/**
 * Whether two sets of words are about the same time of year: a season and a month may be, two
 * different months are not ("in July" and "on 20 November").
 */
export function sameTimeOfYear(asked: string[], known: string[]): boolean {
  const a = asked.filter((w) => CONCEPTS[CALENDAR_GROUP]!.has(w));
  const k = known.filter((w) => CONCEPTS[CALENDAR_GROUP]!.has(w));
  return a.some((w) => k.includes(w)) || !(a.every((w) => MONTHS.has(w)) && k.every((w) => MONTHS.has(w)));
}

/** The concept groups a set of words touches. */
export function conceptsOf(words: string[]): Set<number> {
  const out = new Set<number>();
  CONCEPTS.forEach((g, i) => {
    if (words.some((w) => g.has(w))) out.add(i);
  });
  return out;
}
