/**
 * Hand-written word lists for entity typing, kept as data in one module. All entries lowercase.
 * The CoNLL-derived statistics live in ./entities-conll.ts (generated).
 */

export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 
]);

/** Nationality adjectives and group nouns: adjectives, not entities, unless part of a name. */
export const DEMONYMS: ReadonlySet<string> = new Set([
  'afghan', 'albanian', 'algerian', 'american', 'americans', 'arab', 'arabs', 'argentine', 'argentinian', 'armenian',
  'asian', 'australian', 'austrian', 'azerbaijani', 'azeri', 'belarusian', 'belgian', 'bosnian', 'brazilian',
  'british', 'briton', 'britons', 'bulgarian', 'burmese', 'buryat', 'buryats', 'canadian', 'chechen', 'chilean',
  'chinese', 'colombian', 'croatian', 'cuban', 'czech', 'danish', 'dutch', 'egyptian', 'emirati', 'english',
  'eritrean', 'estonian', 'ethiopian', 'european', 'europeans', 'filipino', 'finnish', 'french', 'georgian',
  'german', 'germans', 'greek', 'hungarian', 'indian', 'indonesian', 'iranian', 'iranians', 'iraqi', 'irish',
  'israeli', 'israelis', 'italian', 'japanese', 'jordanian', 'kazakh', 'kenyan', 'korean', 'koreans', 'kurdish',
  'kurd', 'kurds', 'kuwaiti', 'kyrgyz', 'latvian', 'lebanese', 'libyan', 'lithuanian', 'malaysian', 'mexican',
  'moldovan', 'mongolian', 'moroccan', 'nigerian', 'north korean', 'north koreans', 'south korean', 'south koreans',
  'norwegian', 'pakistani', 'palestinian', 'palestinians', 'persian', 'polish', 'pole', 'poles', 'portuguese',
  'qatari', 'romanian', 'russian', 'russians', 'rwandan', 'saudi', 'scottish', 'serbian', 'serb', 'serbs', 'sakha',
  'sakhas', 'siberian', 'slovak', 'slovenian', 'somali', 'spanish', 'sudanese', 'swedish', 'swiss', 'syrian',
  'syrians', 'taiwanese', 'tajik', 'thai', 'tibetan', 'turkish', 'turk', 'turks', 'turkmen', 'ukrainian',
  'ukrainians', 'uzbek', 'venezuelan', 'vietnamese', 'welsh', 'western', 'eastern', 'yemeni', 'african',
  'soviet', 'western', 'nordic', 'baltic', 'balkan', 'latin', 'sunni', 'shia', 'shiite', 'muslim', 'muslims',
  'christian', 'christians', 'jewish', 'jews', 'catholic', 'orthodox', 'islamic', 'islamist', 'islamists',
  'communist', 'democrat', 'democrats', 'republican', 'republicans', 'kremlin-backed', 'pro-russian',
  'pro-kremlin', 'pro-western', 'russian-occupied', 'russian-backed', 'iranian-made', 'russian-made',
]);

/** Countries, territories, continents and well-known regions. */
const BASE_COUNTRIES_AND_REGIONS = [
  'afghanistan', 'albania', 'algeria', 'angola', 'argentina', 'armenia', 'australia', 'austria', 'azerbaijan',
  'bahrain', 'bangladesh', 'belarus', 'belgium', 'bolivia', 'bosnia', 'brazil', 'britain', 'great britain',
  'bulgaria', 'burma', 'cambodia', 'cameroon', 'canada', 'chad', 'chile', 'china', 'colombia', 'congo', 'croatia',
  'cuba', 'cyprus', 'czech republic', 'czechia', 'denmark', 'ecuador', 'egypt', 'england', 'eritrea', 'estonia',
  'ethiopia', 'finland', 'france', 'gaza', 'gaza strip', 'georgia', 'germany', 'ghana', 'greece', 'guatemala',
  'haiti', 'honduras', 'hong kong', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland',
  'israel', 'italy', 'japan', 'jordan', 'kazakhstan', 'kenya', 'korea', 'north korea', 'south korea', 'kosovo',
  'kuwait', 'kyrgyzstan', 'laos', 'latvia', 'lebanon', 'libya', 'lithuania', 'luxembourg', 'malaysia', 'mali',
  'mexico', 'moldova', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar', 'nepal', 'netherlands',
  'new zealand', 'nicaragua', 'niger', 'nigeria', 'north macedonia', 'norway', 'oman', 'pakistan', 'palestine',
  'panama', 'paraguay', 'peru', 'philippines', 'poland', 'portugal', 'qatar', 'romania', 'russia',
  'russian federation', 'rwanda', 'saudi arabia', 'scotland', 'senegal', 'serbia', 'singapore', 'slovakia',
  'slovenia', 'somalia', 'south africa', 'south sudan', 'spain', 'sri lanka', 'sudan', 'sweden', 'switzerland',
  'syria', 'taiwan', 'tajikistan', 'tanzania', 'thailand', 'transnistria', 'tunisia', 'turkey', 'turkiye',
  'turkmenistan', 'uganda', 'ukraine', 'united arab emirates', 'uae', 'united kingdom', 'uk', 'u.k.',
  'united states', 'united states of america', 'us', 'u.s.', 'usa', 'uruguay', 'uzbekistan', 'venezuela',
  'vietnam', 'wales', 'west bank', 'yemen', 'zambia', 'zimbabwe', 'dprk', 'prc', 'rok',
  'africa', 'asia', 'europe', 'north america', 'south america', 'latin america', 'middle east', 'far east',
  'russian far east', 'siberia', 'caucasus', 'balkans', 'arctic', 'antarctica', 'scandinavia', 'crimea',
  'donbas', 'donbass', 'kashmir', 'tibet', 'xinjiang', 'chechnya', 'dagestan', 'buryatia', 'kaliningrad',
  'abkhazia', 'nagorno-karabakh', 'sinai', 'golan heights', 'korean peninsula', 'black sea', 'baltic sea',
  'sea of azov', 'sea of japan', 'east sea', 'yellow sea', 'south china sea', 'east china sea', 'red sea',
  'mediterranean', 'persian gulf', 'gulf', 'pacific', 'atlantic', 'indian ocean', 'pacific ocean',
  'atlantic ocean', 'arctic ocean', 'taiwan strait', 'strait of hormuz', 'bosporus', 'dnipro river',
  'west', 'the west', 'kursk oblast', 'donetsk oblast', 'luhansk oblast', 'kharkiv oblast', 'zaporizhzhia oblast',
  'kherson oblast', 'belgorod oblast', 'bryansk oblast', 'sumy oblast',
];

/** States, provinces and regions below the nation (they field clubs, not national teams). */
export const FIRST_LEVEL_DIVISIONS: readonly string[] = [
  'british columbia', 'alberta', 'ontario', 'quebec',
  'manitoba', 'saskatchewan', 'nova scotia', 'new brunswick', 'newfoundland', 'new south wales', 'queensland',
  'victoria', 'tasmania', 'western australia', 'south australia', 'bavaria', 'catalonia', 'andalusia',
  'lombardy', 'sicily', 'sardinia', 'corsica', 'brittany', 'normandy', 'flanders', 'wallonia', 'punjab',
  'kerala', 'gujarat', 'bengal', 'west bengal', 'kurdistan', 'darfur', 'tigray', 'xinjiang', 'guangdong',
  'sichuan', 'yunnan', 'hainan', 'okinawa', 'hokkaido', 'mindanao', 'sumatra', 'java', 'bali', 'borneo',
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'new hampshire', 'new jersey', 'new mexico', 'new york state', 'north carolina', 'north dakota', 'ohio',
  'oklahoma', 'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas',
  'utah', 'vermont', 'virginia', 'west virginia', 'wisconsin', 'wyoming', 'calif', 'calif.', 'fla', 'fla.',
  'mass.', 'penn.', 'conn.', 'wash.', 'mich.', 'minn.', 'wis.', 'ariz.', 'colo.', 'tenn.', 'okla.', 'ore.',
];

/** Sovereign states and territories missing above, the divisions, and regions often named bare in news. */
export const MORE_COUNTRIES_AND_REGIONS: readonly string[] = [
  'andorra', 'antigua', 'antigua and barbuda', 'bahamas', 'the bahamas', 'barbados', 'belize', 'benin', 'bhutan',
  'botswana', 'brunei', 'burkina faso', 'burundi', 'cape verde', 'cabo verde', 'central african republic',
  'comoros', 'costa rica', 'ivory coast', "cote d'ivoire", 'djibouti', 'dominica', 'dominican republic',
  'east timor', 'timor-leste', 'el salvador', 'equatorial guinea', 'eswatini', 'swaziland', 'fiji', 'gabon',
  'gambia', 'grenada', 'guinea', 'guinea-bissau', 'guyana', 'jamaica', 'kiribati', 'lesotho', 'liberia',
  'liechtenstein', 'macedonia', 'madagascar', 'malawi', 'maldives', 'malta', 'marshall islands', 'mauritania',
  'mauritius', 'micronesia', 'monaco', 'namibia', 'nauru', 'palau', 'papua new guinea', 'puerto rico',
  'saint lucia', 'samoa', 'san marino', 'sao tome', 'seychelles', 'sierra leone', 'solomon islands',
  'suriname', 'togo', 'tonga', 'trinidad', 'trinidad and tobago', 'tuvalu', 'vanuatu', 'vatican', 'zaire',
  'yugoslavia', 'soviet union', 'ussr', 'czechoslovakia', 'greenland', 'faroe islands', 'bermuda', 'guam',
  'new caledonia', 'tahiti', 'northern ireland', ...FIRST_LEVEL_DIVISIONS,
  'mideast', 'middle east', 'gulf region', 'persian gulf', 'horn of africa', 'sahel', 'sahara', 'amazon',
  'himalayas', 'alps', 'andes', 'pyrenees', 'urals', 'caribbean', 'central america', 'central asia',
  'southeast asia', 'south asia', 'east asia', 'north africa', 'west africa', 'east africa', 'southern africa',
  'eastern europe', 'western europe', 'central europe', 'northern europe', 'southern europe', 'oceania',
  'pacific islands', 'indochina', 'levant', 'maghreb', 'anatolia', 'english channel', 'north sea',
  'irish sea', 'adriatic', 'aegean', 'caspian', 'caspian sea', 'baltic', 'balkan peninsula', 'iberia',
];

/** Countries, territories, continents and well-known regions (both lists above). */
export const COUNTRIES_AND_REGIONS: ReadonlySet<string> = new Set([...BASE_COUNTRIES_AND_REGIONS, ...MORE_COUNTRIES_AND_REGIONS]);

/** Capitals and major cities (world capitals plus large and regional-capital cities). */
export const CITIES: ReadonlySet<string> = new Set([
  'abu dhabi', 'abuja', 'accra', 'addis ababa', 'algiers', 'amman', 'amsterdam', 'ankara', 'astana', 'athens',
  'baghdad', 'baku', 'bamako', 'bangkok', 'beijing', 'beirut', 'belgrade', 'berlin', 'bern', 'bishkek', 'bogota',
  'brasilia', 'bratislava', 'brussels', 'bucharest', 'budapest', 'buenos aires', 'cairo', 'canberra', 'caracas',
  'chisinau', 'copenhagen', 'damascus', 'dhaka', 'doha', 'dublin', 'dushanbe', 'hanoi', 'havana', 'helsinki',
  'islamabad', 'jakarta', 'jerusalem', 'kabul', 'kathmandu', 'khartoum', 'kyiv', 'kiev', 'kinshasa',
  'kuala lumpur', 'lima', 'lisbon', 'ljubljana', 'london', 'luanda', 'madrid', 'manila', 'mexico city', 'minsk',
  'mogadishu', 'moscow', 'muscat', 'nairobi', 'new delhi', 'delhi', 'nicosia', 'oslo', 'ottawa', 'paris',
  'phnom penh', 'podgorica', 'prague', 'pretoria', 'pyongyang', 'rabat', 'riga', 'riyadh', 'rome', 'santiago',
  'sarajevo', 'seoul', 'skopje', 'sofia', 'stockholm', 'taipei', 'tallinn', 'tashkent', 'tbilisi', 'tehran',
  'tirana', 'tokyo', 'tripoli', 'tunis', 'ulaanbaatar', 'vienna', 'vilnius', 'warsaw', 'washington', 'wellington',
  'yerevan', 'zagreb', 'sanaa', "sana'a", 'naypyidaw', 'yangon', 'tel aviv', 'ramallah', 'geneva', 'the hague',
  'new york', 'los angeles', 'chicago', 'houston', 'san francisco', 'boston', 'miami', 'seattle', 'atlanta',
  'philadelphia', 'dallas', 'detroit', 'shanghai', 'hong kong', 'shenzhen', 'guangzhou', 'wuhan', 'chongqing',
  'tianjin', 'harbin', 'shenyang', 'dandong', 'osaka', 'kyoto', 'yokohama', 'nagoya', 'busan', 'incheon',
  'daegu', 'gwangju', 'daejeon', 'ulsan', 'mumbai', 'bangalore', 'kolkata', 'chennai', 'karachi', 'lahore',
  'istanbul', 'izmir', 'dubai', 'jeddah', 'mecca', 'basra', 'mosul', 'erbil', 'aleppo', 'homs', 'idlib', 'gaza city',
  'rafah', 'khan younis', 'haifa', 'benghazi', 'alexandria', 'lagos', 'johannesburg', 'cape town', 'sydney',
  'melbourne', 'toronto', 'montreal', 'vancouver', 'sao paulo', 'rio de janeiro', 'munich', 'hamburg',
  'frankfurt', 'cologne', 'milan', 'naples', 'barcelona', 'marseille', 'lyon', 'manchester', 'birmingham',
  'glasgow', 'edinburgh', 'brussels', 'antwerp', 'rotterdam', 'gdansk', 'krakow', 'rzeszow', 'lviv', 'kharkiv',
  'odesa', 'odessa', 'dnipro', 'zaporizhzhia', 'donetsk', 'luhansk', 'mariupol', 'kherson', 'mykolaiv',
  'bakhmut', 'avdiivka', 'pokrovsk', 'kramatorsk', 'sloviansk', 'sumy', 'chernihiv', 'poltava', 'vinnytsia',
  'zhytomyr', 'ivano-frankivsk', 'uzhhorod', 'ternopil', 'lutsk', 'rivne', 'kropyvnytskyi', 'melitopol',
  'sevastopol', 'simferopol', 'kerch', 'saint petersburg', 'st. petersburg', 'st petersburg', 'novosibirsk',
  'yekaterinburg', 'kazan', 'nizhny novgorod', 'chelyabinsk', 'samara', 'omsk', 'rostov', 'rostov-on-don', 'ufa',
  'krasnoyarsk', 'voronezh', 'perm', 'volgograd', 'krasnodar', 'saratov', 'tyumen', 'irkutsk', 'khabarovsk',
  'vladivostok', 'ulan-ude', 'chita', 'blagoveshchensk', 'ussuriysk', 'yakutsk', 'murmansk', 'arkhangelsk',
  'kursk', 'belgorod', 'bryansk', 'oryol', 'smolensk', 'pskov', 'novorossiysk', 'sochi', 'grozny', 'makhachkala',
  'tula', 'ryazan', 'tver', 'yaroslavl', 'lipetsk', 'tambov', 'penza', 'kaluga', 'engels', 'taganrog',
  'petropavlovsk-kamchatsky', 'magadan', 'nakhodka', 'komsomolsk-on-amur', 'yuzhno-sakhalinsk', 'chongjin',
  'hamhung', 'wonsan', 'nampo', 'sinuiju', 'kaesong', 'rason', 'hyesan', 'panmunjom', 'minsk', 'grodno', 'brest',
  'gomel', 'mogilev', 'vitebsk', 'almaty', 'tashkent', 'samarkand',
]);

/** Trailing words that make a name a place ("Kursk Oblast", "Sumy region"). */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'oblast', 'region', 'province', 'krai', 'kray', 'republic', 'city', 'island', 'islands', 'sea', 'ocean', 'river',
  'mountains', 'mountain', 'county', 'district', 'strait', 'peninsula', 'gulf', 'bay', 'valley', 'desert',
  'lake', 'coast', 'raion', 'territory', 'prefecture', 'governorate', 'municipality', 'village', 'town',
  'airport', 'airbase', 'ground', 'base', 'port', 'harbor', 'harbour', 'square', 'street', 'avenue', 'bridge',
  'dam', 'reservoir', 'canal', 'gorge',
]);

/** Lowercase nouns that right after a capitalised name mark it as a place ("the Kursk region"). */
export const PLACE_CUE_NOUNS: ReadonlySet<string> = new Set([
  'region', 'oblast', 'province', 'city', 'district', 'area', 'direction', 'sector', 'border', 'village', 'town',
  'port', 'peninsula', 'coast', 'front', 'airfield', 'airport',
]);

/** Head words that make a name an organisation. */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'agency', 'service', 'services', 'council', 'party', 'institute', 'university', 'movement',
  'committee', 'commission', 'bank', 'group', 'forces', 'force', 'office', 'department', 'command', 'school',
  'academy', 'center', 'centre', 'union', 'organization', 'organisation', 'association', 'corporation', 'corp',
  'inc', 'ltd', 'llc', 'plc', 'co', 'company', 'court', 'parliament', 'assembly', 'administration', 'bureau',
  'authority', 'intelligence', 'police', 'navy', 'government', 'cabinet', 'senate', 'congress', 'duma', 'rada',
  'federation', 'foundation', 'fund', 'alliance', 'coalition', 'front', 'league', 'club', 'team', 'network',
  'society', 'church', 'brotherhood', 'directorate', 'staff', 'guard', 'guards', 'secretariat', 'tribunal',
  'programme', 'program', 'project', 'initiative', 'observatory', 'watch', 'monitor', 'partners', 'holdings',
  'industries', 'systems', 'technologies', 'airlines', 'airways', 'railways', 'laboratory', 'lab', 'hospital',
  'college', 'board', 'chamber', 'mission', 'embassy', 'consulate', 'kremlin', 'pentagon', 'politburo',
  // Company and club suffixes.
  'limited', 'incorporated', 'ag', 'gmbh', 'nv', 'bv', 'pty', 'holding', 'securities', 'investments',
  'insurance', 'pharmaceuticals', 'motors', 'airline', 'telecom', 'bancorp', 'newsroom', 'nations',
  'united', 'fc', 'afc', 'rovers', 'wanderers', 'athletic', 'albion', 'hotspur',
  'hydro', 'energy', 'electric', 'utilities', 'petroleum',
]);

/** Head nouns of military units; with an ordinal or a proper name before them they name a unit. */
export const UNIT_HEADS: ReadonlySet<string> = new Set([
  'brigade', 'brigades', 'division', 'regiment', 'battalion', 'corps', 'army', 'fleet', 'flotilla', 'squadron',
  'wing', 'battery', 'detachment', 'legion', 'platoon', 'company', 'group', 'task force', 'military district',
  'air army', 'guards army', 'marines', 'infantry', 'cavalry', 'artillery',
]);

/** Unit heads that name a unit even without an ordinal ("Pacific Fleet", "Azov Brigade"). */
export const UNIT_HEADS_STANDALONE: ReadonlySet<string> = new Set([
  'brigade', 'regiment', 'battalion', 'fleet', 'flotilla', 'squadron', 'legion', 'detachment', 'corps', 'division',
]);

/** Person titles and roles (a trailing period is ignored); they go to `title`, not into the name. */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father',
  'sheikh', 'imam', 'rabbi', 'pope', 'king', 'queen', 'prince', 'princess', 'emperor', 'sultan', 'emir', 'crown',
  'president',  'prime', 'premier', 'minister', 'secretary', 'general', 'chief', 'chancellor', 'governor',
  'gov', 'mayor', 'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman', 'lawmaker', 'mp',
  'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'leader', 'commander', 'commander-in-chief',
  'head', 'director', 'deputy', 'adviser', 'advisor', 'chairman', 'chairwoman', 'chair', 'ceo', 'founder',
  'gen', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'sgt', 'sergeant', 'cpl',
  'corporal', 'pvt', 'private', 'adm', 'admiral', 'cmdr', 'brig', 'brigadier', 'marshal', 'field', 'officer',
  'judge', 'justice', 'attorney', 'prosecutor', 'defense', 'defence', 'foreign', 'interior', 'finance',
  'economy', 'health', 'justice', 'national', 'security', 'state', 'supreme', 'first', 'lady', 'acting',
  'former', 'intelligence', 'military', 'army', 'navy', 'opposition', 'rebel', 'militia', 'analyst', 'expert',
  'reporter', 'correspondent', 'editor', 'journalist', 'blogger', 'ombudsman', 'speaker', 'regent', 'ruler',
  'dictator', 'strongman', 'warlord', 'patriarch', 'metropolitan', 'archbishop', 'bishop', 'cardinal',
  // Sporting and business roles ("coach Pia Sundhage", "striker Alan Shearer").
  'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'forward', 'winger', 'playmaker',
  'pitcher', 'quarterback', 'batsman', 'bowler', 'spinner', 'opener', 'manager', 'teammate', 'skipper',
  'chief executive', 'executive', 'president-elect', 'candidate', 'nominee',
]);

/** Title words that are enough on their own to mark what follows as a person ("Gen.", "President"). */
export const PERSON_TITLE_HEADS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'rev', 'sheikh', 'imam', 'rabbi', 'pope',
  'king', 'queen', 'prince', 'princess', 'emperor', 'sultan', 'emir', 'president', 'premier', 'minister',
  'secretary', 'general', 'chief', 'chancellor', 'governor', 'gov', 'mayor', 'senator', 'sen', 'rep',
  'congressman', 'congresswoman', 'lawmaker', 'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman',
  'leader', 'commander', 'commander-in-chief', 'head', 'director', 'deputy', 'adviser', 'advisor', 'chairman',
  'chairwoman', 'ceo', 'founder', 'gen', 'lt', 'lieutenant', 'col', 'colonel', 'maj', 'capt', 'captain', 'sgt',
  'sergeant', 'cpl', 'pvt', 'adm', 'admiral', 'cmdr', 'brig', 'brigadier', 'marshal', 'judge', 'prosecutor',
  'analyst', 'reporter', 'correspondent', 'editor', 'journalist', 'speaker', 'patriarch', 'archbishop', 'bishop',
  'cardinal', 'dictator', 'officer',
  'coach', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'forward', 'winger', 'playmaker',
  'pitcher', 'quarterback', 'batsman', 'bowler', 'spinner', 'opener', 'manager', 'teammate', 'skipper',
  'executive', 'president-elect', 'candidate', 'nominee',
]);

/** News outlets and agencies (lowercase, without a leading "the"). */
export const OUTLETS: ReadonlySet<string> = new Set([
  'reuters', 'associated press', 'ap', 'afp', 'agence france-presse', 'bloomberg', 'bbc', 'bbc news', 'cnn',
  'fox news', 'msnbc', 'nbc', 'nbc news', 'abc', 'abc news', 'cbs', 'cbs news', 'npr', 'pbs', 'al jazeera',
  'al arabiya', 'sky news', 'euronews', 'dw', 'deutsche welle', 'france 24', 'rfi', 'rfe/rl',
  'radio free europe', 'radio liberty', 'voice of america', 'voa', 'new york times', 'washington post',
  'wall street journal', 'financial times',  'the guardian',   
   'daily mail',  'sun',  'politico', 'axios', 'vox', 'the atlantic',
  'new yorker',  'newsweek', 'usa today', 'los angeles times', 'chicago tribune', 'boston globe',
  'the hill', 'huffpost', 'huffington post', 'buzzfeed news', 'vice', 'vice news', 'business insider',
   'forbes',  'cnbc', 'the daily beast', 'daily beast', 'the intercept', 'propublica',
  'the war zone', 'twz', 'the drive', 'defense news', 'breaking defense', 'military times', 'janes', "jane's",
  'the kyiv independent', 'kyiv independent', 'kyiv post', 'ukrainska pravda', 'ukrinform', 'unian',
  'liga', 'liga.net', 'militarnyi', 'hromadske', 'suspilne', 'meduza', 'novaya gazeta', 'tass', 'ria novosti',
   'interfax', 'kommersant', 'vedomosti', 'izvestia', 'rt', 'russia today', 'sputnik', 'rbc',
  'the moscow times', 'moscow times', 'mediazona', 'kcna', 'korean central news agency', 'rodong sinmun',
  'yonhap', 'yonhap news agency', 'korea herald', 'the korea herald', 'korea times', 'the korea times',
  'chosun ilbo', 'joongang ilbo', 'dong-a ilbo', 'nk news', 'daily nk', 'xinhua', 'cgtn', 'global times',
  "people's daily", 'south china morning post', 'scmp', 'kyodo', 'kyodo news', 'nhk', 'asahi shimbun',
  'nikkei', 'japan times', 'the hindu', 'times of india',  'haaretz', 'times of israel',
  'jerusalem post', 'ynet', 'anadolu', 'anadolu agency', 'irna', 'tasnim', 'fars', 'press tv', 'al-monitor',
  'le monde', 'le figaro',  'der spiegel',   'die zeit',  'el pais',
  'corriere della sera', 'la repubblica',      'the new york times',
  'the washington post', 'the wall street journal', 'the financial times', 'the times', 'the telegraph',
  'the independent', 'the economist', 'the sun', 'the mirror', 'the observer', 'der spiegel', 'ansa', 'dpa', 'efe', 'bellingcat', 'the insider', 'kyiv independent', 'euromaidan press',
  'radio svoboda',  'the new voice of ukraine',  'rferl', 'abc australia', 'cbc', 'ctv',
]);

/** Nouns that, right after a name, mark it as an outlet ("the Yonhap news agency"). */
export const OUTLET_CUE_NOUNS: ReadonlySet<string> = new Set([
  'news agency', 'news service', 'newspaper', 'outlet', 'broadcaster', 'channel', 'daily', 'tabloid', 'magazine',
  'website', 'news site', 'wire service', 'agency', 'television', 'tv', 'radio', 'network',
]);

/** Title words of newspapers: "the Herald" alone, or a name ending in one ("Tallis Courier"), is an outlet. */
export const NEWSPAPER_TITLE_WORDS: ReadonlySet<string> = new Set([
  'herald', 'courier', 'gazette', 'tribune', 'chronicle', 'telegraph', 'examiner', 'inquirer', 'dispatch', 'times',
  'post', 'journal', 'observer', 'guardian', 'independent', 'globe', 'mail', 'mirror', 'express', 'monitor', 'ledger',
]);

/** Title words that mark an outlet only alone after "the": ending a longer name they are as often an org or a thing ("Command Post", "Ceasefire Monitor"). */
export const NEWSPAPER_TITLE_WORDS_ALONE_ONLY: ReadonlySet<string> = new Set(['monitor', 'independent', 'guardian', 'observer', 'post', 'mail', 'express']);

/** Named weapon systems and platforms that carry no model code. */
export const EQUIPMENT_NAMES: ReadonlySet<string> = new Set([
  'himars', 'atacms', 'javelin', 'stinger', 'patriot', 'nasams', 'iris-t', 'leopard', 'abrams', 'bradley',
  'challenger', 'storm shadow', 'scalp', 'taurus', 'iskander', 'kinzhal', 'kalibr', 'onyx', 'zircon', 'shahed',
  'geran', 'lancet', 'bayraktar', 'switchblade', 'excalibur', 'harpoon', 'tomahawk', 'hellfire', 'reaper',
  'caesar', 'krab', 'archer', 'gepard', 'marder', 'stryker', 'humvee', 'tor', 'buk', 'pantsir', 'tochka',
  'grad', 'smerch', 'uragan', 'tornado', 'oreshnik', 'sarmat', 'hwasong', 'kn-23', 'kn-24', 'koksan',
  'cheongung', 'chunmoo', 'k9 thunder', 'k2 black panther', 'iron dome', "david's sling", 'arrow', 'thaad',
  'aegis', 'tiger', 'apache', 'black hawk', 'chinook', 'osprey', 'rafale', 'typhoon', 'gripen', 'mirage',
  'eurofighter', 'starlink', 'mavic', 'hwasong-18', 'hwasong-19',
]);

/** Nouns that after a name or code mark it as equipment ("Cheongung-II … missile system"). */
export const EQUIPMENT_CUE_NOUNS: ReadonlySet<string> = new Set([
  'missile', 'missiles', 'system', 'systems', 'tank', 'tanks', 'jet', 'jets', 'fighter', 'fighters', 'aircraft',
  'drone', 'drones', 'launcher', 'launchers', 'howitzer', 'howitzers', 'carrier', 'carriers', 'helicopter',
  'helicopters', 'rifle', 'rifles', 'vehicle', 'vehicles', 'rocket', 'rockets', 'bomber', 'bombers', 'submarine',
  'submarines', 'warship', 'frigate', 'destroyer', 'cruiser', 'corvette', 'interceptor', 'interceptors',
  'artillery', 'gun', 'guns', 'transport', 'plane', 'planes', 'airplane', 'munition', 'munitions', 'shell',
  'shells', 'bomb', 'bombs', 'torpedo', 'mortar', 'mortars', 'radar', 'apc', 'apcs', 'ifv', 'ifvs', 'mlrs',
]);

/** Letter-digit codes that are not equipment. */
export const NON_EQUIPMENT_CODES: ReadonlySet<string> = new Set([
  'covid-19', 'covid', 'g7', 'g-7', 'g20', 'g-20', 'g8', 'p5', 'mh17', 'mh370', 'a4', 'a3', 'h1n1', 'h5n1',
  'sars-cov-2', 'u-20', 'u-21', 'u-17', 'u-23', 'cop28', 'cop29', 'cop27', 'cop26', 'brics', 'e3', 'p5+1',
  'f1', 'formula 1', '5g', '4g', 'a1', 'm1', 'm25', 'b2b', 'ps5', 'iphone', 'windows', 'mp3',
]);

/** Given names seen across the world's news (complements the CoNLL list, which is 1996-European). */
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  'kyrylo', 'kirill', 'volodymyr', 'vladimir', 'dmytro', 'dmitry', 'dmitri', 'oleksandr', 'alexander',
  'aleksandr', 'alexei', 'alexey', 'oleksiy', 'andriy', 'andrei', 'andrey', 'sergei', 'sergey', 'serhiy',
  'mykhailo', 'mikhail', 'yuri', 'yuriy', 'ihor', 'igor', 'petro', 'pyotr', 'viktor', 'victor', 'valery',
  'valerii', 'valeriy', 'yevgeny', 'yevgeniy', 'evgeny', 'ivan', 'nikolai', 'mykola', 'oleg', 'oleh', 'denys',
  'denis', 'ruslan', 'vitali', 'vitaliy', 'vitaly', 'anatoly', 'arseniy', 'yulia', 'iryna', 'irina', 'olena',
  'elena', 'maria', 'mariya', 'tetiana', 'tatiana', 'natalia', 'olga', 'svetlana', 'anna', 'ramzan', 'maria',
  'kim', 'jong', 'moon', 'yoon', 'suk', 'lee', 'park', 'choi', 'xi', 'li', 'wang', 'zhang', 'shinzo', 'fumio',
  'narendra', 'recep', 'tayyip', 'emmanuel', 'olaf', 'friedrich', 'angela', 'ursula', 'josep', 'kaja',
  'jens', 'mark', 'antony', 'lloyd', 'jake', 'joe', 'kamala', 'donald', 'mike', 'john', 'james', 'robert',
  'william', 'david', 'richard', 'joseph', 'thomas', 'charles', 'christopher', 'daniel', 'matthew', 'anthony',
  'steven', 'paul', 'andrew', 'joshua', 'kevin', 'brian', 'george', 'edward', 'ronald', 'timothy', 'jason',
  'jeffrey', 'ryan', 'jacob', 'gary', 'nicholas', 'eric', 'jonathan', 'stephen', 'larry', 'justin', 'scott',
  'brandon', 'benjamin', 'samuel', 'gregory', 'frank', 'alexander', 'raymond', 'patrick', 'jack', 'dennis',
  'jerry', 'tyler', 'aaron', 'jose', 'adam', 'henry', 'nathan', 'douglas', 'zachary', 'peter', 'kyle', 'walter',
  'ethan', 'jeremy', 'harold', 'keith', 'christian', 'roger', 'noah', 'gerald', 'carl', 'terry', 'sean', 'austin',
  'arthur', 'lawrence', 'jesse', 'dylan', 'bryan', 'joe', 'jordan', 'billy', 'bruce', 'albert', 'willie',
  'gabriel', 'logan', 'alan', 'juan', 'wayne', 'roy', 'ralph', 'randy', 'eugene', 'vincent', 'russell', 'elijah',
  'louis', 'bobby', 'philip', 'johnny', 'mary', 'patricia', 'jennifer', 'linda', 'elizabeth', 'barbara', 'susan',
  'jessica', 'sarah', 'karen', 'nancy', 'lisa', 'betty', 'margaret', 'sandra', 'ashley', 'kimberly', 'emily',
  'donna', 'michelle', 'dorothy', 'carol', 'amanda', 'melissa', 'deborah', 'stephanie', 'rebecca', 'sharon',
  'laura', 'cynthia', 'kathleen', 'amy', 'shirley', 'angela', 'helen', 'brenda', 'pamela', 'nicole', 'emma',
  'samantha', 'katherine', 'christine', 'debra', 'rachel', 'catherine', 'carolyn', 'janet', 'ruth', 'heather',
  'hillary', 'nikki', 'marco', 'ron', 'rishi', 'keir', 'boris', 'theresa', 'liz', 'giorgia', 'pedro', 'luiz',
  'inacio', 'javier', 'benjamin', 'yoav', 'benny', 'isaac', 'ali', 'mohammed', 'muhammad', 'mohammad', 'ahmed',
  'ahmad', 'hassan', 'hussein', 'abdel', 'abdul', 'abu', 'bashar', 'ebrahim', 'masoud', 'hossein', 'yahya',
  'ismail', 'mahmoud', 'omar', 'khalid', 'salman', 'tamim', 'abdullah', 'fatima', 'aisha', 'antonio', 'volker',
  'rafael', 'mateusz', 'andrzej', 'donald', 'viktor', 'alexander', 'sauli', 'ulf', 'mette', 'jonas', 'gitanas',
  'maia', 'nikol', 'ilham', 'kassym-jomart', 'shavkat', 'emomali', 'aleksandar', 'milos', 'edi', 'klaus',
  'hakan', 'rustem', 'oleksii', 'valerii', 'rob', 'bob',
  'tom', 'jim', 'bill', 'dan', 'ben', 'sam', 'tim', 'nick', 'max', 'chris', 'matt', 'steve', 'tony', 'jeff',
]);

/** Capitalised words that never start or form a name by themselves (sentence openers, boilerplate). */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his',
  'her', 'their', 'our', 'my', 'your', 'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'however', 'meanwhile',
  'moreover', 'also', 'then', 'now', 'thus', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'as', 'after',
  'before', 'when', 'while', 'if', 'although', 'though', 'since', 'because', 'during', 'despite', 'according',
  'some', 'many', 'most', 'all', 'both', 'each', 'other', 'several', 'no', 'not', 'one', 'two', 'three', 'read',
  'more', 'photo', 'photos', 'video', 'comments', 'related', 'share', 'source', 'original', 'about', 'author',
  'advertisement', 'click', 'subscribe', 'sign', 'follow', 'watch', 'listen', 'update', 'updated', 'breaking',
  'live', 'exclusive', 'analysis', 'opinion', 'editorial', 'credit', 'credits', 'image', 'images', 'getty',
  'become', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'have', 'has', 'had', 'will', 'would', 'can',
  'could', 'should', 'may', 'might', 'must', 'what', 'who', 'why', 'how', 'where', 'which', 'yes', 'okay', 'ok',
  'mr', 'mrs', 'ms', 'dr', 'today', 'tomorrow', 'yesterday', 'tonight', 'god', 'recent', 'unconfirmed', 'if',
  'upon', 'speaking', 'shortly', 'simultaneously', 'further', 'earlier', 'later', 'last', 'next', 'first',
  'second', 'third', 'new', 'old', 'again', 'still', 'even', 'just', 'only', 'such', 'very', 'well', 'oh', 'please',
  'thank', 'thanks', 'hello', 'hi', 'dear', 'let', 'see', 'say', 'says', 'said', 'asked', 'told', 'note',
]);

/** Connectors allowed inside a multi-word name ("Ministry of Defence", "Center for Strategic Studies"). */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'de', 'del', 'der', 'van', 'von', 'al', 'bin', 'la', 'le', 'du', 'da', '&']);

/** Reporting verbs after a name that mark an outlet when the name is not a person ("Yonhap reported"). */
export const OUTLET_REPORT_VERBS: ReadonlySet<string> = new Set(['reported', 'reports', 'reporting', 'broadcast', 'published', 'wrote']);

/**
 * Common English words and personal names that are also names of sizeable places in the GeoNames
 * gazetteer; they count as places only through the hand lists, never through the gazetteer alone.
 */
export const GAZETTEER_COMMON_WORDS: ReadonlySet<string> = new Set([
  'of', 'police', 'union', 'sale', 'mobile', 'reading', 'split', 'nice', 'bath', 'male', 'best', 'independence',
  'liberty', 'concord', 'normal', 'deal', 'bury', 'hull', 'wells', 'sandwich', 'mold', 'bend', 'eagle', 'orange',
  'buffalo', 'phoenix', 'aurora', 'marathon', 'spa', 'lens', 'troy', 'university', 'centre', 'center',
  'gift', 'hope', 'justice', 'progress', 'victory', 'unity', 'harmony', 'providence', 'paradise', 'enterprise',
  'industry', 'commerce', 'opportunity', 'friendship', 'prosperity', 'freedom', 'republic', 'federal', 'general',
  'march', 'may', 'bar', 'ball', 'bath', 'bay', 'beach', 'bell', 'bridge', 'brook', 'camp', 'castle',
  'church', 'city', 'cross', 'early', 'fair', 'field', 'forest', 'garden', 'gate', 'green', 'grove',
  'hall', 'harbour', 'harbor', 'hay', 'haven', 'heath', 'hill', 'home', 'hurst', 'lake', 'lane', 'lodge', 'long',
  'march', 'market', 'marsh', 'mill', 'moss', 'mount', 'new', 'north', 'south', 'east', 'west', 'oak', 'park',
  'rugby', 'golf', 'java', 'pine', 'plain', 'point', 'port', 'rock', 'rose', 'royal', 'salt', 'sand', 'silver', 'spring', 'springs',
  'station', 'stone', 'summit', 'sun', 'temple', 'tower', 'vale', 'valley', 'view', 'wood', 'worth', 'young',
  'police', 'army', 'navy', 'government', 'national', 'state', 'capital', 'central', 'colon', 'man',
  'asia', 'goes', 'cover', 'pay', 'ban', 'van', 'roman', 'santa', 'san', 'saint', 'st', 'sur',
  'mission', 'victoria', 'chelsea', 'essex', 'kent', 'bedford', 'lincoln', 'jackson', 'houston', 'austin',
  'charlotte', 'eugene', 'gary', 'irving', 'lawrence', 'tyler', 'warren', 'florence', 'hamilton', 'kingston',
  'sterling', 'clinton', 'franklin', 'madison', 'monroe', 'jefferson', 'washington', 'douglas', 'marion',
  'stanley', 'winston', 'henderson', 'wilson', 'johnson', 'milton', 'carlton', 'preston', 'shelby', 'marshall',
]);

/** Words beside a city name that make it a sports team ("Marseille beat Nantes", "Ajax v PSV"). */
export const MATCH_VERBS: ReadonlySet<string> = new Set([
  'beat', 'beats', 'drew', 'draw', 'v', 'vs', 'vs.', 'defeated', 'edged', 'routed', 'thrashed', 'trounced',
  'outscored', 'downed', 'blanked', 'whitewashed', 'overcame', 'eliminated', 'knocked',
]);

/**
 * Other names of states and unions that neither initials nor spelling link to their usual name
 * (normalised keys: lowercase, no dots): alias -> usual name.
 */
export const STATE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['dprk', 'north korea'],
  ["democratic people's republic of korea", 'north korea'],
  ['rok', 'south korea'],
  ['republic of korea', 'south korea'],
  ['prc', 'china'],
  ["people's republic of china", 'china'],
  ['russian federation', 'russia'],
  ['usa', 'united states'],
  ['united states of america', 'united states'],
  ['uk', 'united kingdom'],
  ['great britain', 'united kingdom'],
  ['britain', 'united kingdom'],
  ['uae', 'united arab emirates'],
  ['drc', 'democratic republic of the congo'],
  ['roc', 'taiwan'],
  ['republic of china', 'taiwan'],
  ['holland', 'netherlands'],
  ['the netherlands', 'netherlands'],
  ['czechia', 'czech republic'],
  ['türkiye', 'turkey'],
  ['burma', 'myanmar'],
  ['ivory coast', "côte d'ivoire"],
]);
