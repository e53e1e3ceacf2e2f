//! The small hand-written word lists the mention finder and the gazetteer builder need.
//!
//! GeoNames holds tens of thousands of names that are also English words ("Of", "Police",
//! "Split", "Nice", "Mobile") or person names ("Jackson", "Victoria"), and news text
//! capitalises many words that are not names (sentence starts, titles, days). These lists let
//! the finder skip such words cheaply, without a tagger: common words are never taken at the
//! start of a sentence, titles and surnames mark person names, locative prepositions tie a
//! place to an event. The seats of government and the core country aliases are facts written
//! here so that the geocoder works even without the CAMEO country dictionary.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Common English words (as name keys) that are also GeoNames names or aliases. An alternate
/// name that is one of these is not indexed; a primary name is kept only for a large place and is
/// never taken at the start of a sentence.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    // function words and frequent adverbs
    "a", "about", "after", "again", "against", "ago", "all", "also", "although", "among", "an",
    "and", "another", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each",
    "earlier", "either", "even", "ever", "every", "few", "for", "from", "had", "has", "have", "he",
    "her", "here", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
    "last", "later", "least", "less", "like", "many", "me", "meanwhile", "might", "more", "most",
    "much", "must", "my", "neither", "never", "next", "no", "nor", "not", "now", "of", "off", "on",
    "once", "one", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should",
    "since", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "those", "though", "through", "thus", "to", "today", "tomorrow",
    "tonight", "too", "two", "three", "under", "until", "up", "upon", "very", "was", "we", "were",
    "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "without", "would", "yesterday", "yet", "you", "your",
    // days and months
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
    // capitalised news vocabulary
    "army", "navy", "air", "police", "government", "ministry", "minister", "president",
    "parliament", "court", "state", "city", "capital", "province", "region", "district", "county",
    "council", "party", "group", "officials", "official", "forces", "troops", "military",
    "security", "foreign", "defence", "defense", "interior", "justice", "health", "national",
    "international", "islamic", "democratic", "republican", "labour", "labor", "conservative",
    "prime", "general", "supreme", "royal", "press", "news", "agency", "times", "post", "daily",
    "service", "department", "office", "house", "senate", "congress", "assembly", "committee",
    "commission", "embassy", "consulate", "mayor", "governor", "king", "queen", "prince", "pope",
    "church", "mosque", "christian", "muslim", "jewish", "catholic", "orthodox", "arab", "african",
    "european", "asian", "western", "eastern", "northern", "southern", "north", "south", "east",
    "west", "central", "federal", "union", "republic", "independence", "freedom", "liberty",
    "alliance", "summit", "mission", "officer", "god", "reuters", "associated", "breaking",
    "update", "live", "video", "photo",
    // frequent English words that GeoNames lists as names or alternate names
    "time", "say", "deal", "human", "media", "area", "come", "put", "set", "man", "seen", "due",
    "far", "best", "shot", "name", "along", "ban", "lot", "center", "centre", "hit", "young",
    "side", "care", "big", "market", "airport", "drug", "bank", "date", "tell", "opportunity",
    "buy", "turn", "bad", "wave", "worth", "rest", "port", "nice", "bid", "aim", "tank", "cars",
    "begun", "rise", "shut", "goes", "cat", "downtown", "rich", "born", "male", "normal",
    "university", "basic", "gold", "cage", "pet", "mine", "era", "gay", "save", "spray", "reading",
    "bar", "marks", "tour", "chair", "wedding", "surprise", "manage", "sale", "mile", "hub", "bear",
    "torn", "spring", "mobile", "holiday", "luck", "green", "hire", "hall", "spoken", "riding",
    "van", "split", "keen", "grenade", "veto", "possession", "dawn", "metro", "banning", "sole",
    "salon", "risen", "forest", "fate", "bag", "tire", "sake", "liberal", "canal", "rugby", "okay",
    "dire", "annex", "pets", "tsunami", "shields", "outer", "grants", "golden", "dual", "bat",
    "pace", "mosquito", "dam", "worms", "valley", "tours", "retreat", "plain", "delta", "yoga",
    "roles", "plaza", "paradise", "hurricane", "hang", "fleet", "bay", "barn", "trap", "temple",
    "tame", "sue", "soul", "semi", "rapid", "plunge", "nails", "forge", "bush", "yen", "orange",
    "lone", "enterprise", "bust", "borne", "boon", "alter", "vans", "thorn", "superior", "sour",
    "slaughter", "pop", "plantation", "marathon", "garrison", "gap", "elk", "earnest", "drama",
    "defiance", "cordon", "clay", "bore", "ate", "angle", "walnut", "tape", "tall", "springs",
    "soda", "seaside", "savage", "rot", "proclamation", "plaque", "pan", "overland", "lens", "lend",
    "humble", "empire", "canton", "butterfly", "brick", "bell", "hope", "victory", "unity",
    "progress", "harmony", "concord", "commerce", "industry", "molotov", "google", "apple",
    "amazon", "river", "commonwealth", "confederation", "bridge", "allah", "ramadan", "aka",
    "sandy", "rosa", "grace", "faith", "joy", "eden", "genesis", "zion",
];

/// Given names and surnames common in the news that GeoNames also lists as towns or as
/// alternate names of cities ("Hassan", "Chen", "Murphy"). Alone, such a word is taken as a
/// place only with support (a preposition, a qualifier or the same country nearby).
#[rustfmt::skip]
const PERSON_NAMES: &[&str] = &[
    "ali", "hassan", "hussein", "hussain", "mohammed", "muhammad", "ahmed", "ahmad", "omar", "umar",
    "abbas", "karim", "rashid", "saleh", "salih", "khalid", "ibrahim", "yusuf", "mahmoud",
    "mustafa", "abdullah", "hamid", "nasser", "said", "salem", "sultan", "morsi", "musa", "issa",
    "khan", "singh", "kumar", "chen", "wang", "li", "zhang", "liu", "yang", "huang", "zhao", "wu",
    "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang",
    "xie", "tang", "song", "han", "deng", "feng", "cao", "peng", "zeng", "xiao", "tian", "dong",
    "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
    "shen", "yao", "xi", "kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang", "lim",
    "nguyen", "tran", "le", "pham", "allen", "murphy", "clinton", "jackson", "johnson", "smith",
    "taylor", "moore", "martin", "thompson", "wilson", "davis", "miller", "brown", "harris",
    "lewis", "walker", "young", "hall", "king", "scott", "adams", "baker", "nelson", "carter",
    "mitchell", "roberts", "turner", "phillips", "campbell", "parker", "evans", "edwards",
    "collins", "stewart", "morris", "rogers", "reed", "cook", "morgan", "bell", "bailey", "cooper",
    "howard", "ward", "cox", "richardson", "wood", "watson", "brooks", "bennett", "gray", "james",
    "hughes", "price", "sanders", "myers", "long", "ross", "foster", "powell", "jenkins", "perry",
    "russell", "sullivan", "fisher", "henderson", "coleman", "simmons", "patterson", "reynolds",
    "graham", "wallace", "gibson", "chase", "david", "paul", "peter", "john", "george", "maria",
    "anna", "obama", "bush", "trump", "biden", "putin", "kerry", "blair", "assad", "erdogan",
    "modi", "macron", "merkel", "netanyahu", "luca", "lula", "juan", "jose", "carlos", "luis",
    "pedro", "manuel", "antonio", "ismail",
];

/// Titles that, right before a capitalised word, make it a person's name ("President Jackson").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "president", "mr", "mrs", "ms", "miss", "dr", "gen", "general", "sen", "senator", "rep",
    "representative", "gov", "governor", "secretary", "minister", "judge", "justice", "prince",
    "princess", "king", "queen", "pope", "sheikh", "sheik", "lt", "col", "colonel", "capt",
    "captain", "adm", "admiral", "sgt", "sergeant", "maj", "major", "prof", "professor", "rev",
    "reverend", "chancellor", "mayor", "ambassador", "commissioner", "chairman", "chairwoman",
    "chief", "lord", "lady", "sir", "dame", "emir", "sultan", "ayatollah", "imam", "rabbi",
    "father", "bishop", "archbishop", "cardinal", "premier", "speaker", "coach", "detective",
    "prosecutor", "attorney", "deputy", "vice", "crown", "marshal", "commander", "brig", "cpl",
    "pvt", "inspector", "superintendent", "spokesman", "spokeswoman", "leader",
];

/// Capitalised words that may follow a place name without making it part of another name
/// ("Aleppo Governorate", "Kabul Airport"); any other capitalised follower ("Washington Post",
/// "Paris Hilton") marks the place word as part of a non-place name.
#[rustfmt::skip]
const PLACE_FOLLOWERS: &[&str] = &[
    "city", "province", "governorate", "district", "region", "state", "county", "oblast",
    "prefecture", "municipality", "island", "islands", "airport", "airbase", "base",
    "international", "valley", "port", "harbour", "harbor", "bay", "strait", "square", "street",
    "river", "border", "crossing", "camp", "mountains", "hills", "heights", "desert", "peninsula",
    "coast", "gulf", "lake", "sea", "area", "metropolitan", "suburb", "university", "stadium",
    "station", "bridge", "road", "highway", "prison", "hospital", "palace", "cathedral", "refinery",
    "plant", "zone", "plains", "basin", "park", "town", "village", "township", "army", "navy",
    "police", "government", "ministry", "parliament", "forces", "troops",
];

/// Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Port-au-Prince").
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la",
    "le", "les", "el", "al", "upon", "on", "sur", "am", "an", "der", "den", "y", "i", "e", "au",
    "aux", "en", "ad", "ar", "as", "bin", "ibn", "im", "bei", "sul", "van", "von", "ter", "sous",
];

/// Prepositions that put an event at the place after them.
#[rustfmt::skip]
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "outside", "inside", "across", "into", "throughout", "around", "within",
    "off", "along", "through", "toward", "towards", "onto", "nearby", "beyond", "outskirts",
];

/// Prepositions that point at a place more loosely: the event may have started there.
#[rustfmt::skip]
const WEAK_LOCATIVE: &[&str] = &["from"];

/// Prepositions that introduce an argument of the verb (a partner, recipient or topic) rather
/// than where it happened ("talks with Washington", "sanctions on Iran", "aid for Ukraine").
#[rustfmt::skip]
const ARGUMENT: &[&str] = &[
    "with", "for", "against", "to", "about", "between", "by", "on", "over", "than", "like",
    "versus", "vs", "among",
];

/// Lower-case words that may follow a country name that is a clause's subject or object; any
/// other lower-case word after it makes it a modifier ("a US base", "U.S. troops").
#[rustfmt::skip]
const CLAUSE_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "so", "yet", "for", "to", "of", "in", "on", "at", "by", "from",
    "with", "into", "onto", "over", "under", "after", "before", "since", "during", "until", "amid",
    "despite", "against", "between", "among", "about", "as", "than", "that", "which", "who",
    "where", "when", "while", "whose", "is", "are", "was", "were", "be", "been", "has", "have",
    "had", "will", "would", "could", "should", "can", "may", "might", "must", "does", "did", "do",
    "said", "says", "say", "told", "tells", "this", "last", "next", "early", "late", "earlier",
    "later", "overnight", "today", "tonight", "yesterday", "now", "then", "also", "again", "too",
    "itself", "alone", "recently", "instead", "including", "near", "outside", "inside", "across",
    "through", "throughout", "around", "within", "along", "toward", "towards", "off", "its", "his",
    "her", "their", "there", "here", "not", "no", "if", "because", "although", "though", "unless",
    "whether", "where", "accused", "denied", "announced",
];

/// Multi-word names of regions, seas and groups that contain a place or demonym word but are not
/// places GDELT codes ("South China Sea", "Latin America", "Persian Gulf"); the finder consumes
/// them so that the inner word is not taken.
#[rustfmt::skip]
pub(crate) const NOT_PLACES: &[&str] = &[
    "South America", "North America", "Central America", "Latin America", "Latin American",
    "Latin Americans", "Middle East", "Near East", "Far East", "South Asia", "Southeast Asia",
    "East Asia", "Central Asia", "West Africa", "East Africa", "North Africa", "Southern Africa",
    "Sub-Saharan Africa", "Western Europe", "Eastern Europe", "Central Europe", "South China Sea",
    "East China Sea", "Sea of Japan", "Persian Gulf", "Gulf of Mexico", "Indian Ocean",
    "Korean Peninsula", "New England", "Native American", "Native Americans", "African American",
    "African Americans", "Gulf of Guinea", "Gulf of Aden", "Gulf of Oman", "Gulf of Thailand",
    "Bay of Bengal", "Sea of Azov", "Irish Sea", "Arabian Sea", "Philippine Sea",
    "Arabian Peninsula", "Horn of Africa", "Indian Subcontinent", "Balkan Peninsula",
    // continents and regions
    "Africa", "Asia", "Europe", "Oceania", "Americas", "Arctic", "Antarctic", "Caribbean",
    "Balkans", "Caucasus", "Sahel", "Scandinavia", "Mideast", "Eurasia", "Latin",
    // organisations and groups whose names GeoNames also lists as places
    "UN", "U.N.", "EU", "E.U.", "NATO", "OPEC", "ASEAN", "IMF", "WHO", "UNESCO", "UNICEF", "Hamas",
    "Hezbollah", "Hizbollah", "Taliban", "Houthi", "Houthis", "Kurd", "Kurds", "Kurdish", "Shiite",
    "Sunni", "ISIS", "ISIL", "Daesh", "Al Qaeda", "al-Qaeda", "Boko Haram", "al-Shabaab",
    "Al-Shabaab", "United Nations", "European Union", "African Union", "Arab League", "World Bank",
    "Red Cross", "Red Crescent", "State Duma", "Xinhua", "SANA", "IRNA", "KCNA", "Yonhap",
    "Interfax", "TASS", "Anadolu",
];

/// Words before a place name that qualify it rather than make it a surname ("Greater London").
#[rustfmt::skip]
const PLACE_QUALIFIERS: &[&str] = &[
    "greater", "upper", "lower", "old", "new", "inner", "outer", "rural", "coastal", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "metropolitan", "occupied", "besieged", "eastern", "western", "northern",
    "southern", "central", "downtown", "suburban", "mainland", "continental", "little", "big",
];

/// Seats of government and capitals used as actors: (name, city, country ISO-3). The name
/// resolves to the city (or to the country where the gazetteer lacks the city).
#[rustfmt::skip]
pub(crate) const SEATS: &[(&str, &str, &str)] = &[
    ("Kremlin", "Moscow", "RUS"), ("Lubyanka", "Moscow", "RUS"),
    ("White House", "Washington", "USA"), ("Washington", "Washington", "USA"),
    ("Capitol Hill", "Washington", "USA"), ("Pentagon", "Washington", "USA"),
    ("Foggy Bottom", "Washington", "USA"), ("Downing Street", "London", "GBR"),
    ("Whitehall", "London", "GBR"), ("Westminster", "London", "GBR"), ("Elysee", "Paris", "FRA"),
    ("Elysee Palace", "Paris", "FRA"), ("Quai d'Orsay", "Paris", "FRA"),
    ("Zhongnanhai", "Beijing", "CHN"), ("Great Hall of the People", "Beijing", "CHN"),
    ("Blue House", "Seoul", "KOR"), ("Knesset", "Jerusalem", "ISR"), ("Bundestag", "Berlin", "DEU"),
    ("Kantei", "Tokyo", "JPN"), ("Vatican", "Vatican City", "VAT"),
    ("Holy See", "Vatican City", "VAT"), ("Parliament Hill", "Ottawa", "CAN"),
    ("Casa Rosada", "Buenos Aires", "ARG"), ("Planalto", "Brasilia", "BRA"),
    ("Union Buildings", "Pretoria", "ZAF"), ("Aso Rock", "Abuja", "NGA"),
    ("Bankova", "Kyiv", "UKR"), ("Berlaymont", "Brussels", "BEL"),
];

/// Country names and aliases the gazetteer always knows, with the CAMEO dictionary or without:
/// (name, country ISO-3).
#[rustfmt::skip]
pub(crate) const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("United States", "USA"), ("United States of America", "USA"), ("US", "USA"), ("U.S.", "USA"),
    ("USA", "USA"), ("U.S.A.", "USA"), ("America", "USA"), ("UK", "GBR"), ("U.K.", "GBR"),
    ("Britain", "GBR"), ("Great Britain", "GBR"), ("England", "GBR"), ("Scotland", "GBR"),
    ("Wales", "GBR"), ("Northern Ireland", "GBR"), ("Palestine", "PSE"),
    ("Palestinian territories", "PSE"), ("West Bank", "PSE"), ("Gaza Strip", "PSE"),
    ("Czech Republic", "CZE"), ("Burma", "MMR"), ("East Timor", "TLS"), ("Timor-Leste", "TLS"),
    ("DRC", "COD"), ("DR Congo", "COD"), ("Holland", "NLD"), ("North Macedonia", "MKD"),
    ("Swaziland", "SWZ"), ("Eswatini", "SWZ"), ("Cabo Verde", "CPV"), ("Türkiye", "TUR"),
    ("Côte d'Ivoire", "CIV"), ("UAE", "ARE"), ("Russian Federation", "RUS"), ("Bosnia", "BIH"),
    ("South Korea", "KOR"), ("North Korea", "PRK"), ("Congo", "COD"), ("Congo", "COG"),
    ("Trinidad", "TTO"), ("Tobago", "TTO"),
];

/// Admin-1 divisions of countries whose news names cities as "City, Province": (country ISO-3,
/// GeoNames admin-1 code, name, other names separated by ';').
#[rustfmt::skip]
pub(crate) const WORLD_ADMIN1: &[(&str, &str, &str, &str)] = &[
    ("CAN", "01", "Alberta", ""), ("CAN", "02", "British Columbia", "B.C."),
    ("CAN", "03", "Manitoba", ""), ("CAN", "04", "New Brunswick", ""),
    ("CAN", "05", "Newfoundland and Labrador", "Newfoundland"), ("CAN", "07", "Nova Scotia", ""),
    ("CAN", "08", "Ontario", ""), ("CAN", "09", "Prince Edward Island", "P.E.I."),
    ("CAN", "10", "Quebec", "Québec"), ("CAN", "11", "Saskatchewan", ""),
    ("CAN", "12", "Yukon", ""), ("CAN", "13", "Northwest Territories", ""),
    ("CAN", "14", "Nunavut", ""), ("AUS", "01", "Australian Capital Territory", "ACT"),
    ("AUS", "02", "New South Wales", "NSW"), ("AUS", "03", "Northern Territory", ""),
    ("AUS", "04", "Queensland", ""), ("AUS", "05", "South Australia", ""),
    ("AUS", "06", "Tasmania", ""), ("AUS", "07", "Victoria", ""),
    ("AUS", "08", "Western Australia", ""),
];

/// Demonyms the gazetteer always knows: (demonym, country ISO-3). Plurals are derived.
#[rustfmt::skip]
pub(crate) const DEMONYMS: &[(&str, &str)] = &[
    ("American", "USA"), ("British", "GBR"), ("Briton", "GBR"), ("Brit", "GBR"), ("Brits", "GBR"),
    ("English", "GBR"), ("Scottish", "GBR"), ("Welsh", "GBR"), ("Palestinian", "PSE"),
    ("Afghan", "AFG"), ("Albanian", "ALB"), ("Algerian", "DZA"), ("Argentine", "ARG"),
    ("Argentinian", "ARG"), ("Armenian", "ARM"), ("Australian", "AUS"), ("Austrian", "AUT"),
    ("Azerbaijani", "AZE"), ("Bahraini", "BHR"), ("Bangladeshi", "BGD"), ("Belarusian", "BLR"),
    ("Belgian", "BEL"), ("Bolivian", "BOL"), ("Bosnian", "BIH"), ("Brazilian", "BRA"),
    ("Bulgarian", "BGR"), ("Burkinabe", "BFA"), ("Burmese", "MMR"), ("Cambodian", "KHM"),
    ("Cameroonian", "CMR"), ("Canadian", "CAN"), ("Chadian", "TCD"), ("Chilean", "CHL"),
    ("Chinese", "CHN"), ("Colombian", "COL"), ("Congolese", "COD"), ("Costa Rican", "CRI"),
    ("Croatian", "HRV"), ("Cuban", "CUB"), ("Cypriot", "CYP"), ("Czech", "CZE"), ("Danish", "DNK"),
    ("Dutch", "NLD"), ("Ecuadorian", "ECU"), ("Egyptian", "EGY"), ("Emirati", "ARE"),
    ("Eritrean", "ERI"), ("Estonian", "EST"), ("Ethiopian", "ETH"), ("Filipino", "PHL"),
    ("Philippine", "PHL"), ("Finnish", "FIN"), ("French", "FRA"), ("Georgian", "GEO"),
    ("German", "DEU"), ("Ghanaian", "GHA"), ("Greek", "GRC"), ("Guatemalan", "GTM"),
    ("Guinean", "GIN"), ("Haitian", "HTI"), ("Honduran", "HND"), ("Hungarian", "HUN"),
    ("Indian", "IND"), ("Indonesian", "IDN"), ("Iranian", "IRN"), ("Persian", "IRN"),
    ("Iraqi", "IRQ"), ("Irish", "IRL"), ("Israeli", "ISR"), ("Italian", "ITA"), ("Ivorian", "CIV"),
    ("Jamaican", "JAM"), ("Japanese", "JPN"), ("Jordanian", "JOR"), ("Kazakh", "KAZ"),
    ("Kenyan", "KEN"), ("Kosovar", "XKX"), ("Kuwaiti", "KWT"), ("Kyrgyz", "KGZ"),
    ("Latvian", "LVA"), ("Lebanese", "LBN"), ("Libyan", "LBY"), ("Lithuanian", "LTU"),
    ("Malaysian", "MYS"), ("Malian", "MLI"), ("Mexican", "MEX"), ("Moldovan", "MDA"),
    ("Mongolian", "MNG"), ("Moroccan", "MAR"), ("Mozambican", "MOZ"), ("Nepali", "NPL"),
    ("Nepalese", "NPL"), ("Nicaraguan", "NIC"), ("Nigerian", "NGA"), ("Nigerien", "NER"),
    ("North Korean", "PRK"), ("Norwegian", "NOR"), ("Omani", "OMN"), ("Pakistani", "PAK"),
    ("Panamanian", "PAN"), ("Paraguayan", "PRY"), ("Peruvian", "PER"), ("Polish", "POL"),
    ("Portuguese", "PRT"), ("Qatari", "QAT"), ("Romanian", "ROU"), ("Russian", "RUS"),
    ("Rwandan", "RWA"), ("Salvadoran", "SLV"), ("Saudi", "SAU"), ("Senegalese", "SEN"),
    ("Serbian", "SRB"), ("Serb", "SRB"), ("Singaporean", "SGP"), ("Slovak", "SVK"),
    ("Slovenian", "SVN"), ("Somali", "SOM"), ("South African", "ZAF"), ("South Korean", "KOR"),
    ("South Sudanese", "SSD"), ("Spanish", "ESP"), ("Sri Lankan", "LKA"), ("Sudanese", "SDN"),
    ("Swedish", "SWE"), ("Swiss", "CHE"), ("Syrian", "SYR"), ("Taiwanese", "TWN"), ("Tajik", "TJK"),
    ("Tanzanian", "TZA"), ("Thai", "THA"), ("Tunisian", "TUN"), ("Turkish", "TUR"),
    ("Turkmen", "TKM"), ("Ugandan", "UGA"), ("Ukrainian", "UKR"), ("Uruguayan", "URY"),
    ("Uzbek", "UZB"), ("Venezuelan", "VEN"), ("Vietnamese", "VNM"), ("Yemeni", "YEM"),
    ("Zambian", "ZMB"), ("Zimbabwean", "ZWE"),
];

/// US state abbreviations that qualify a city after a comma ("Alexandria, Va.", "Paris, TX"):
/// (key, postal code). AP style abbreviations match in any case, two-letter postal codes only in
/// capitals.
#[rustfmt::skip]
const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ala", "AL"), ("ariz", "AZ"), ("ark", "AR"), ("calif", "CA"), ("colo", "CO"), ("conn", "CT"),
    ("del", "DE"), ("fla", "FL"), ("ga", "GA"), ("ill", "IL"), ("ind", "IN"), ("kan", "KS"),
    ("kans", "KS"), ("ky", "KY"), ("la", "LA"), ("md", "MD"), ("mass", "MA"), ("mich", "MI"),
    ("minn", "MN"), ("miss", "MS"), ("mo", "MO"), ("mont", "MT"), ("neb", "NE"), ("nebr", "NE"),
    ("nev", "NV"), ("nh", "NH"), ("nj", "NJ"), ("nm", "NM"), ("ny", "NY"), ("nc", "NC"),
    ("nd", "ND"), ("okla", "OK"), ("ore", "OR"), ("pa", "PA"), ("penn", "PA"), ("ri", "RI"),
    ("sc", "SC"), ("sd", "SD"), ("tenn", "TN"), ("tex", "TX"), ("vt", "VT"), ("va", "VA"),
    ("wash", "WA"), ("wva", "WV"), ("wis", "WI"), ("wisc", "WI"), ("wyo", "WY"), ("dc", "DC"),
];

/// Days and months: they may follow a place name ("in Tehran Monday").
#[rustfmt::skip]
const DAYS_MONTHS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

/// Whether `key` may stand before a place name without making it a surname.
pub(crate) fn is_place_qualifier(key: &str) -> bool {
    PLACE_QUALIFIERS.contains(&key)
}

/// Whether a preposition introduces an argument rather than a location.
pub(crate) fn is_argument_preposition(key: &str) -> bool {
    ARGUMENT.contains(&key)
}

/// Whether a lower-case word after a country name leaves it a subject or object (not a
/// modifier).
pub(crate) fn is_clause_word(key: &str) -> bool {
    static CELL: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    set(&CELL, CLAUSE_WORDS).contains(key)
}

/// Whether `key` is a day or a month (or a month's abbreviation).
pub(crate) fn is_day_or_month(key: &str) -> bool {
    DAYS_MONTHS.contains(&key)
}

/// The set of keys in a static list, built on first use.
fn set(
    cell: &'static OnceLock<FxHashSet<&'static str>>,
    list: &'static [&'static str],
) -> &'static FxHashSet<&'static str> {
    cell.get_or_init(|| list.iter().copied().collect())
}

/// Whether `key` is a common English word (see [`COMMON`]).
pub(crate) fn is_common(key: &str) -> bool {
    static CELL: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    set(&CELL, COMMON).contains(key)
}

/// Whether `key` is a common given name or surname.
pub(crate) fn is_person_name(key: &str) -> bool {
    static CELL: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    set(&CELL, PERSON_NAMES).contains(key)
}

/// Whether `key` is a personal title.
pub(crate) fn is_title(key: &str) -> bool {
    static CELL: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    set(&CELL, TITLES).contains(key)
}

/// Whether `key` may follow a place name without making it part of another name.
pub(crate) fn is_place_follower(key: &str) -> bool {
    static CELL: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    set(&CELL, PLACE_FOLLOWERS).contains(key)
}

/// Whether `key` names a part of a country by compass point ("northern", "south-east").
pub(crate) fn is_direction(key: &str) -> bool {
    matches!(
        key,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
    )
}

/// Whether `key` may stand in lower case inside a multi-word name.
pub(crate) fn is_connector(key: &str) -> bool {
    CONNECTORS.contains(&key)
}

/// How strongly a preposition ties the place after it to an event: 2 locative, 1 loose, 0 none.
pub(crate) fn locative_strength(key: &str) -> u8 {
    if LOCATIVE.contains(&key) {
        2
    } else if WEAK_LOCATIVE.contains(&key) {
        1
    } else {
        0
    }
}

/// The postal code of the US state an abbreviation after a comma names, if it is one.
pub(crate) fn us_state_abbreviation(key: &str, all_caps: bool) -> Option<&'static str> {
    if let Some(&(_, code)) = US_STATE_ABBREVIATIONS.iter().find(|(k, _)| *k == key) {
        return Some(code);
    }
    if all_caps && key.len() == 2 {
        let upper = key.to_ascii_uppercase();
        return US_STATE_ABBREVIATIONS
            .iter()
            .find(|(_, code)| *code == upper)
            .map(|&(_, code)| code);
    }
    None
}

/// The plural of a demonym where English forms one by adding "s" ("Iranians", "Serbs").
pub(crate) fn demonym_plural(demonym: &str) -> Option<String> {
    let lower = demonym.to_lowercase();
    if ["ese", "ish", "ch", "ss", "s", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return None;
    }
    if let Some(stem) = lower.strip_suffix("man") {
        return Some(format!("{stem}men"));
    }
    Some(format!("{lower}s"))
}

/// Whether an alias from the CAMEO dictionary looks like a demonym rather than a name: its
/// last word ends like English demonyms do, and it is not the country's own name.
pub(crate) fn looks_like_demonym(alias_key: &str, country_key: &str) -> bool {
    let last = alias_key.rsplit(' ').next().unwrap_or(alias_key);
    let country_last = country_key.rsplit(' ').next().unwrap_or(country_key);
    if last == country_last || last.ends_with("stan") || last.ends_with("land") || last.len() < 4 {
        return false;
    }
    const ENDINGS: &[&str] = &[
        "ians", "ian", "ans", "an", "ese", "ish", "ch", "i", "is", "ic", "ots", "ot", "man", "men",
        "woman", "women", "ers", "er", "ene", "enes", "ite", "ites", "ois", "oise",
    ];
    ENDINGS.iter().any(|e| last.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_keys() {
        for list in [
            COMMON,
            TITLES,
            PLACE_FOLLOWERS,
            CONNECTORS,
            LOCATIVE,
            WEAK_LOCATIVE,
            DAYS_MONTHS,
            ARGUMENT,
            CLAUSE_WORDS,
            PLACE_QUALIFIERS,
            PERSON_NAMES,
        ] {
            for w in list {
                assert_eq!(*w, crate::fold::name_key(w), "{w}");
            }
        }
    }

    #[test]
    fn abbreviations_and_plurals() {
        assert_eq!(us_state_abbreviation("va", false), Some("VA"));
        assert_eq!(us_state_abbreviation("tx", true), Some("TX"));
        assert_eq!(us_state_abbreviation("tx", false), None);
        assert_eq!(demonym_plural("Iranian").as_deref(), Some("iranians"));
        assert_eq!(demonym_plural("ENGLISHMAN").as_deref(), Some("englishmen"));
        assert_eq!(demonym_plural("Chinese"), None);
        assert!(looks_like_demonym("iranian", "iran"));
        assert!(!looks_like_demonym("afghanistan", "afghanistan"));
        assert!(!looks_like_demonym("iran", "iran"));
    }
}
