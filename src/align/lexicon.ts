/**
 * Word classes for proposition keys, kept as data in one module: which counted things are one
 * class, which predicates turn a head count into a toll, and which qualifiers narrow what is counted
 * (scope). Every entry is lowercase; stems match the start of a word.
 */

/** A class of counted things: nouns (lemmas) that count the same kind of thing, and how to name it. */
export interface ThingClass {
  id: string;
  label: string;
  nouns: readonly string[];
}

/** Counted-thing classes: soldiers, troops, forces and personnel are one thing; ships and vessels another. */
export const THING_CLASSES: readonly ThingClass[] = [
  {
    id: 'personnel',
    label: 'troops',
    nouns: [
      'soldier', 'troop', 'force', 'personnel', 'serviceman', 'servicemen', 'servicemember', 'service member', 'fighter',
      'combatant', 'recruit', 'conscript', 'infantryman', 'infantrymen', 'paratrooper', 'marine', 'militant', 'mercenary',
      'reservist', 'guardsman', 'military',
    ],
  },
  { id: 'people', label: 'people', nouns: ['person', 'people', 'resident', 'civilian', 'citizen', 'inhabitant', 'individual', 'villager', 'man', 'woman', 'child', 'adult', 'family', 'household', 'other', 'national'] },
  { id: 'vessel', label: 'ships', nouns: ['ship', 'vessel', 'boat', 'warship', 'submarine'] },
  { id: 'aircraft', label: 'aircraft', nouns: ['aircraft', 'plane', 'jet', 'helicopter', 'airlifter', 'drone'] },
  { id: 'shell', label: 'shells', nouns: ['shell', 'round', 'munition'] },
  { id: 'home', label: 'homes', nouns: ['home', 'house', 'building', 'dwelling'] },
];

/** Predicates that make a count of people or troops a toll of a kind; the nearest one in the clause wins. */
export interface PredicateClass {
  id: string;
  label: string;
  /** Word stems, matched at the start of a lowercase word ("evacuat" matches evacuated, evacuation). */
  stems: readonly string[];
  /** Nouns that are the toll themselves ("deaths", "evacuees"). */
  nouns: readonly string[];
}

export const PREDICATE_CLASSES: readonly PredicateClass[] = [
  { id: 'killed', label: 'killed', stems: ['kill', 'dead', 'die', 'died', 'death', 'lost their lives', 'lost his life', 'perish', 'fatal', 'bodies'], nouns: ['death', 'fatality', 'dead', 'body', 'casualty'] },
  { id: 'injured', label: 'injured', stems: ['injur', 'wound', 'hurt', 'hospitali'], nouns: ['injury', 'wounded', 'injured'] },
  { id: 'missing', label: 'missing', stems: ['missing', 'unaccounted', 'looking for'], nouns: [] },
  {
    id: 'displaced',
    label: 'displaced',
    stems: ['evacuat', 'displac', 'fled', 'flee', 'forced from', 'forced out', 'abandon', 'homeless', 'uprooted', 'left their homes'],
    nouns: ['evacuee', 'refugee', 'displaced'],
  },
  { id: 'rescued', label: 'rescued', stems: ['rescu', 'pulled', 'saved', 'airlifted'], nouns: [] },
  { id: 'detained', label: 'detained', stems: ['arrest', 'detain', 'captur', 'taken prisoner', 'jailed'], nouns: ['prisoner', 'detainee', 'captive', 'pow'] },
];

/** Group nouns that name a part of a larger whole when an ordinal stands before them ("the first batch"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'batch', 'group', 'contingent', 'detachment', 'wave', 'cadre', 'round', 'shipment', 'tranche', 'deployment', 'units',
  'unit', 'echelon', 'rotation', 'consignment', 'delivery', 'convoy', 'party',
]);

/** Ordinals and similar words that mark one part of a sequence. */
export const GROUP_ORDINALS: Readonly<Record<string, string>> = {
  first: 'first', initial: 'first', second: 'second', third: 'third', fourth: 'fourth', next: 'next', another: 'another',
  further: 'another', additional: 'another', last: 'last', final: 'last', new: 'new', latest: 'latest',
};

/** Formation sizes: a count inside one of these is a part of the whole ("one battalion of about 3,000"). */
export const FORMATION_NOUNS: ReadonlySet<string> = new Set([
  'battalion', 'battalions', 'brigade', 'brigades', 'regiment', 'regiments', 'division', 'divisions', 'company', 'platoon',
  'squad', 'corps', 'battery', 'squadron', 'flotilla', 'fleet',
]);

/** Role nouns and modifiers that count a subset of the force ("officers", "special forces", "pilots"). */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'officer', 'officers', 'pilot', 'pilots', 'general', 'generals', 'commander', 'commanders', 'adviser', 'advisers',
  'advisor', 'advisors', 'instructor', 'instructors', 'engineer', 'engineers', 'technician', 'technicians', 'specialist',
  'specialists', 'medic', 'medics', 'sniper', 'snipers', 'special', 'elite', 'infantry', 'artillery', 'artillerymen',
  'workers', 'worker', 'labourers', 'laborers', 'official', 'officials', 'sapper', 'sappers', 'crew', 'crews',
]);

/** Nouns of role words that are themselves the counted thing (their class is personnel, narrowed to the role). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  'officer', 'pilot', 'general', 'commander', 'adviser', 'advisor', 'instructor', 'engineer', 'technician', 'specialist',
  'medic', 'sniper', 'sapper', 'artilleryman', 'artillerymen', 'official', 'worker', 'labourer', 'laborer',
]);

/** Stage of a deployment a count describes; a count "in training" is not a count "at the front". */
export const STAGE_STEMS: Readonly<Record<string, readonly string[]>> = {
  training: ['train', 'drill', 'exercis'],
  front: ['front', 'combat', 'battlefield', 'fighting', 'frontline', 'front-line'],
};

/** Markers that a figure is the whole ("a total of", "in total"), never a part. */
export const TOTAL_MARKERS = /\b(?:a total of|in total|in all|overall|altogether|total(?:ling|ing)?)\b/i;

/** Words after which a clause goes on about something else: a figure's scope stops there. */
export const SCOPE_STOPS = /(?:[,;:()–—]|\s(?:including|such as|as well as|while|whereas|which|who|because|although|though|but|and|after|before|when|amid|following|according|said|says|told|reported)\b)/i;

/** Directional prepositions after which a place narrows where the figure counts. */
export const PLACE_PREPOSITIONS = /\b(?:to|in|into|near|towards|toward|at|inside|within)\s+(?:the\s+|russia['’]s\s+)?$/i;

/** Heads that make a preceding name a sub-national place ("the Kursk region"). */
export const REGION_HEADS: ReadonlySet<string> = new Set([
  'region', 'oblast', 'province', 'district', 'sector', 'direction', 'area', 'front', 'county', 'state', 'krai', 'republic',
  'valley', 'city', 'town', 'village', 'border', 'peninsula',
]);

/** Compass words that turn a country into a part of it ("eastern Russia"). */
export const COMPASS_WORDS: ReadonlySet<string> = new Set([
  'eastern', 'western', 'northern', 'southern', 'central', 'far', 'north-eastern', 'north-western', 'south-eastern',
  'south-western', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
]);

/** Time bounds on a figure ("by December", "by year's end"): part of its scope. */
export const UNTIL_PATTERN = /\bby\s+((?:the\s+)?(?:end of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|year['’]s end|the end of the year|spring|summer|autumn|fall|winter|\d{4}))\b/i;

/**
 * Lengths and durations describe an event's geometry and timing (a distance downstream, a wait on a roof):
 * within one story they measure many different things, so they are not aligned as figures.
 */
export const NOT_ALIGNED_UNITS: ReadonlySet<string> = new Set([
  'metre', 'kilometre', 'mile', 'millimetre', 'centimetre', 'foot', 'feet', 'inch', 'yard',
  'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'season',
  // Multipliers and placeholders the quantity stage can take for a noun ("three times", "20 more").
  'time', 'more', 'figure',
]);
