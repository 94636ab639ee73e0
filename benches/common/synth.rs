//! Synthetic news articles for benchmarks: a deterministic generator shared by the corpus
//! example (`examples/corpus.rs`) and the criterion benches (`benches/extract.rs`).
//!
//! Article `i` of seed `s` at scale `k` is a pure function of `(s, i, k)`: a small
//! SplitMix64 generator seeded from the three, and fixed word pools and templates below.
//! Nothing depends on the platform, the build or a third-party generator, so the same
//! arguments give byte-identical articles on every machine. Changing a pool or a template
//! changes the corpus: bump [`GENERATOR_VERSION`] when doing so.
//!
//! Every person, town, region, organisation, outlet and sentence is invented for this
//! file (the states are those of the country lexicon). The articles exercise the
//! extraction rules (quotations, cues, sources, actors, hedges, figures, teaser lines) and
//! convert to about 11 claims per article at scale 1.

#![allow(dead_code)]

use serde::Serialize;

/// Version of the generated text; recorded beside a corpus so a stale one is not reused.
pub const GENERATOR_VERSION: u32 = 1;

/// Target body length of an article at scale 1, in bytes; each article's target varies by
/// ±15%, and bodies end on a whole paragraph (5.15 KB on average).
pub const ARTICLE_BYTES: usize = 5000;

/// A small, fast, well-mixed generator (SplitMix64) whose output is fixed by its seed.
pub struct Rng(u64);

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator for one article: independent streams per seed, index and scale.
    pub fn for_article(seed: u64, index: u64, scale: u32) -> Self {
        let s = mix(seed ^ 0x636C_6169_6D73_6574);
        let s = mix(s ^ index.wrapping_add(1).wrapping_mul(GOLDEN));
        Rng(mix(s ^ u64::from(scale)))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `p` percent.
    pub fn percent(&mut self, p: u32) -> bool {
        self.below(100) < p as usize
    }

    /// One element of `xs` (non-empty).
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    /// `k` distinct indices of `0..n`, in random order (`k <= n`).
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

/// One generated article, with the fields of a JSONL input line.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Body: paragraphs separated by blank lines.
    pub text: String,
    /// Address (on the reserved `.example` domain).
    pub url: String,
    /// Publishing outlet.
    pub outlet: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Language tag, always `en`.
    pub language: String,
}

impl Article {
    /// The article as one JSONL line, newline included.
    pub fn jsonl(&self) -> String {
        let mut line = serde_json::to_string(self).expect("an article serialises");
        line.push('\n');
        line
    }

    /// The article as a `.txt` input: the headline, a blank line, the body.
    pub fn txt(&self) -> String {
        format!("{}\n\n{}\n", self.title, self.text)
    }
}

/// Generates article `index` of `seed`, with a body about `scale` × [`ARTICLE_BYTES`] long.
pub fn article(seed: u64, index: u64, scale: u32) -> Article {
    let mut rng = Rng::for_article(seed, index, scale);
    let mut story = Story::new(&mut rng, scale);
    let target = ARTICLE_BYTES * scale as usize * story.rng.between(85, 115) as usize / 100;
    let text = story.body(target);
    let title = story.headline();
    let outlet = story.outlet.to_string();
    let (y, m, d) = (
        story.rng.between(2016, 2024),
        story.rng.between(1, 12),
        story.rng.between(1, 28),
    );
    let domain: String = outlet
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' => 'a',
            'é' | 'è' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            'ñ' => 'n',
            c => c,
        })
        .collect::<String>()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    Article {
        url: format!("https://www.{domain}.example/{y}/{m:02}/{slug}-{index}"),
        title,
        text,
        outlet,
        published: format!("{y}-{m:02}-{d:02}"),
        language: "en".into(),
    }
}

// ---------------------------------------------------------------------------------------
// Word pools. All invented, except the states, which must be the lexicon's.

/// (state, demonym, capital), as in the country lexicon.
const STATES: &[(&str, &str, &str)] = &[
    ("Mali", "Malian", "Bamako"),
    ("Niger", "Nigerien", "Niamey"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Burkina Faso", "Burkinabe", "Ouagadougou"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Somalia", "Somali", "Mogadishu"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Senegal", "Senegalese", "Dakar"),
    ("Mauritania", "Mauritanian", "Nouakchott"),
    ("Cameroon", "Cameroonian", "Yaoundé"),
    ("Colombia", "Colombian", "Bogotá"),
    ("Philippines", "Filipino", "Manila"),
    ("Yemen", "Yemeni", "Sanaa"),
    ("Mozambique", "Mozambican", "Maputo"),
    ("Uganda", "Ugandan", "Kampala"),
    ("Central African Republic", "Central African", "Bangui"),
    ("Guinea", "Guinean", "Conakry"),
    ("Togo", "Togolese", "Lomé"),
];

const FIRST_F: &[&str] = &[
    "Awa", "Mariama", "Salimata", "Nafi", "Adjoa", "Halima", "Inès", "Leila", "Rokia", "Yasmin",
    "Zeinab", "Oumou", "Kadija", "Esi", "Nadia", "Sira", "Teodora", "Lucía", "Amara", "Fanta",
];

const FIRST_M: &[&str] = &[
    "Moussa", "Ibrahim", "Oumar", "Kwame", "Tiemoko", "Abdou", "Sekou", "Idriss", "Yaw", "Hamadou",
    "Bakary", "Emeka", "Joel", "Mateo", "Samuel", "Issa", "Cheick", "Aliou", "Tomás", "Kofi",
];

const SURNAMES: &[&str] = &[
    "Kone",
    "Dembara",
    "Sangolo",
    "Ouedrane",
    "Kalendi",
    "Nyamori",
    "Sowaro",
    "Diakanda",
    "Baraze",
    "Camboni",
    "Adewole",
    "Okonta",
    "Mensari",
    "Tambadou",
    "Kessely",
    "Yabrini",
    "Gomara",
    "Lutundi",
    "Habyara",
    "Sissoma",
    "Ndayeze",
    "Bokama",
    "Rwenzo",
    "Tounkara",
    "Assoumi",
    "Faradi",
    "Mahamane",
    "Zongora",
    "Mwenda",
    "Achebo",
    "Oyelami",
    "Quispel",
    "Valdoria",
    "Restrepan",
    "Marquela",
    "Ferrandi",
    "Ibarrola",
    "Sékara",
    "Ndiayé",
    "ag Mossali",
    "al-Tayebi",
    "Ould Sidina",
];

const TOWNS: &[&str] = &[
    "Kessora",
    "Tamberi",
    "Dounkassa",
    "Marouli",
    "Sékoura",
    "Niafolé",
    "Banzana",
    "Togoulé",
    "Kafinda",
    "Mbarou",
    "Diallassa",
    "Ouroumé",
    "Yelkani",
    "Sangara",
    "Fandoro",
    "Kolokani",
    "Tessaguel",
    "Boundia",
    "Gourmala",
    "Ansongué",
    "Doro Kanta",
    "San Lorvel",
    "Puerto Ameda",
    "Villa Serrana",
];

const REGIONS: &[&str] = &[
    "Lakaro",
    "Ouesso",
    "Tilemsa",
    "Garabou",
    "Kanfara",
    "Djelima",
    "Sahoré",
    "Mopaya",
    "Northern Tessit",
    "Upper Banfo",
];

const OUTLETS: &[&str] = &[
    "The Meridian Post",
    "Sahel Courier",
    "Daily Horizon",
    "Coastal Observer",
    "The Lantern",
    "Frontline Weekly",
    "Continental Wire",
    "The Northern Ledger",
];

/// (title before the name, apposition for her, apposition for him); `{...}` are slots.
const OFFICES: &[(&str, &str, &str)] = &[
    (
        "Defence Minister",
        "the defence minister",
        "the defence minister",
    ),
    (
        "Interior Minister",
        "the interior minister",
        "the interior minister",
    ),
    (
        "Health Minister",
        "the health minister",
        "the health minister",
    ),
    (
        "Foreign Minister",
        "the foreign minister",
        "the foreign minister",
    ),
    (
        "Governor",
        "the governor of the {region} region",
        "the governor of the {region} region",
    ),
    ("Colonel", "an army spokeswoman", "an army spokesman"),
    (
        "General",
        "the army chief of staff",
        "the army chief of staff",
    ),
    ("Mayor", "the mayor of {town}", "the mayor of {town}"),
    (
        "Dr.",
        "a doctor at the {town} district hospital",
        "a doctor at the {town} district hospital",
    ),
    (
        "Professor",
        "a researcher at {inst}",
        "a researcher at {inst}",
    ),
    (
        "Ambassador",
        "the {demonym} ambassador",
        "the {demonym} ambassador",
    ),
    (
        "Senator",
        "a senator from the {region} region",
        "a senator from the {region} region",
    ),
    (
        "Imam",
        "a community leader in {town}",
        "a community leader in {town}",
    ),
    ("", "a ministry spokeswoman", "a ministry spokesman"),
    ("", "a spokeswoman for {org}", "a spokesman for {org}"),
    ("", "an analyst at {inst}", "an analyst at {inst}"),
    ("", "a trader in {town}", "a trader in {town}"),
    ("", "a resident of {town}", "a resident of {town}"),
    ("", "the head of {org}", "the head of {org}"),
];

const PORTFOLIOS: &[&str] = &[
    "Defence",
    "Humanitarian Affairs",
    "Health",
    "Security",
    "Territorial Administration",
    "Agriculture",
    "Social Action",
];

const STUDIES: &[&str] = &["Security", "Peace", "Strategic", "Conflict", "Development"];

/// Organisation names with a head word; `{...}` are slots.
const ORGS: &[&str] = &[
    "the {region} Regional Council",
    "the National Transition Council",
    "the National Human Rights Commission",
    "the {region} Relief Agency",
    "the {town} Traders Union",
    "the Committee for the Defence of {region}",
    "the {region} Self-Defence Forces",
    "the National Emergency Agency",
    "the Network of {region} Women",
    "the Observatory for Rural Security",
];

/// Armed groups, defined with their acronym at first mention.
const GROUPS: &[&str] = &[
    "{region} Liberation Front",
    "Front for the Liberation of {region}",
    "Movement for Unity and Justice in {region}",
    "Patriotic Alliance of {region}",
    "Popular Resistance Front",
    "Coalition of {region} Patriots",
];

const HEADLINES: &[&str] = &[
    "At least {n} killed in attack on {town} market",
    "{demonym} army says it retook {town} from {acr} fighters",
    "Thousands flee fighting in {country}'s {region} region",
    "Aid groups warn of hunger as {region} roads stay closed",
    "Curfew extended in {town} after {weekday} attack",
    "{country} and {acr} to resume talks in {capital}",
    "Clinics in {town} run out of medicine as wounded arrive",
    "Hundreds of schools shut across the {region} region",
    "Gunmen seize aid trucks on road to {town}",
    "Inquiry ordered into killings near {town}",
    "Floods and fighting leave {big} homeless in {region}",
    "Traders in {town} count losses after market fire",
];

const LEADS: &[&str] = &[
    "At least {n} people were killed and {n2} wounded when gunmen stormed a market in {town}, in {country}'s {region} region, on {weekday}, local officials said.",
    "Fighting between government forces and the {group} has forced more than {big} people from their homes around {town} since {month}, according to the United Nations.",
    "Armed men on motorbikes attacked a convoy of aid trucks on the road between {town} and {town2} on {weekday}, killing at least {n} drivers, witnesses said.",
    "The authorities in {country} extended a night curfew in {town} until the end of {month} after a week of clashes in which at least {n} people died, officials said.",
    "Hundreds of families have reached {town} on foot over the past {few} days after fleeing villages in the {region} region, aid workers said on {weekday}.",
];

/// Background sentences, written in the outlet's own voice.
const BACKGROUND: &[&str] = &[
    "{country} has faced a wave of attacks since {year}, when armed groups took control of large parts of the {region} region and the state withdrew from dozens of rural districts.",
    "The {acr} emerged in {year} from a split in an older movement and has since {hedge} recruited fighters in the villages around {town} and {town2}.",
    "The road between {town} and {capital} is the main supply route for the north, and its closure has left markets short of grain, fuel and medicine for weeks.",
    "More than {big} people live in camps around {town}, most of them women and children who fled the fighting in the {region} region over the past {few} years.",
    "The {demonym} government has repeatedly promised to restore security in the {region} region, but attacks on villages, convoys and army posts have continued this year.",
    "Talks between the authorities and the {acr} broke down in {month} after both sides accused each other of violating a truce signed in {capital} the year before.",
    "Humanitarian agencies say the crisis in the {region} region is among the most neglected in the world, with less than {pct} percent of the aid budget for this year funded.",
    "The attack was the deadliest in the {region} region since {month}, when at least {n} people were killed in an ambush near {town2}.",
    "Much of the {region} region is inaccessible to journalists, and the figures given by the army and the armed groups could not be independently verified.",
    "Elections planned for {month} are likely to be postponed in several districts of the {region} region because of the fighting, according to the electoral commission.",
];

/// Reported content, lower case, after "said that" and the like.
const CLAUSES: &[&str] = &[
    "at least {n} people had been killed in the attack on {town}, a toll that {modal} rise as rescuers reach outlying villages",
    "the road between {town} and {town2} had been closed to civilian traffic since {weekday}, leaving convoys to wait for an army escort",
    "more than {big} people had fled their homes in the {region} region since {month}, most of them to camps around {town}",
    "the {acr} had {hedge} seized {few} trucks belonging to an aid convoy and held their drivers for several hours",
    "government troops would be deployed to {town} within {few} days to secure the market and the roads leading to it",
    "the curfew in {town} would be extended until the end of {month}, with patrols arresting anyone found outside after dark",
    "the attackers had arrived on motorbikes shortly after dawn, set fire to the market and fled towards the border before the army arrived",
    "food prices in {town} had risen by {pct} percent in a month because traders could no longer bring grain from the south",
    "talks between the government and the {acr} were expected to resume in {capital} in {month}, although no date had been set",
    "the clinic in {town} had run out of medicine for the wounded, who were being sent to {town2}, a day's drive away",
    "{org} had documented {n} attacks on schools in the {region} region this year, more than in the whole of the previous year",
    "the {demonym} army had {hedge} carried out air strikes near {town2} in which several civilians were killed",
    "aid agencies had received less than {pct} percent of the funding they requested for the {region} region this year",
    "{org} would open an inquiry into the killings and publish its findings within {few} months",
    "several villages north of {town} were {hedge} under the control of armed men who collected taxes from farmers and herders",
    "about {big} children were out of school because of the fighting, many of them for more than two years",
    "the bridge at {town2} had been destroyed in the fighting, cutting off dozens of villages from the only hospital in the area",
    "the {acr} {modal} try to disrupt the elections planned for {month} in the {region} region",
    "{n} soldiers had been killed in an ambush on a patrol between {town} and {town2}, while {few} others were still missing",
    "the army had regained control of {town} after two days of fighting and the situation was calm but tense",
];

/// Phrases that lengthen a clause without adding a claim.
const TAILS: &[&str] = &[
    ", a figure that could not be independently verified",
    " in the days after the attack",
    ", despite repeated promises from the authorities in {capital}",
    ", which is home to tens of thousands of displaced people",
    " over the past {few} weeks",
    ", according to a provisional count",
    ", in a region where the state has been absent for years",
    " while the rainy season made many tracks impassable",
];

/// First-person quotation sentences.
const QUOTES: &[&str] = &[
    "We will not abandon the people of {town}, whatever the armed groups say and however long it takes to bring back the state.",
    "Our forces remain in control of the situation, the main roads are open again and the markets will reopen as soon as the clearing work is done.",
    "The families here have lost everything they owned, their houses, their animals and their seed, and they need help now, not next month.",
    "We have been asking for reinforcements for {few} months, in letters, in meetings and on the radio, and nobody in {capital} has listened to us.",
    "This attack will not go unpunished, and those who planned it, paid for it or gave shelter to the attackers will answer for it before the courts.",
    "There is no food left in the market, the wells in the camp are almost dry and the last water truck came more than a week ago.",
    "We counted {n} bodies in the streets after the shooting stopped, and there are still people missing in the fields around the village.",
    "The {acr} is trying to divide our communities by setting herders against farmers and neighbours against neighbours, but it will fail.",
    "Nobody can tell us when we will be able to go home, whether our houses are still standing or who will protect us if we go back.",
    "We call on all parties to respect the ceasefire, to protect civilians and to let humanitarian workers reach the people who need them.",
    "The situation in the {region} region is the worst I have seen in {few} years of work here, and it is getting worse every month.",
    "Our teams are working day and night in the clinics and the camps, but the needs are enormous and the money is running out.",
    "We are ready to talk to anyone who lays down their weapons, but we will not negotiate while our villages are burning.",
    "I saw the trucks leave {town} before dawn with the drivers and the food for the camps, and they never came back to the depot.",
    "It may take weeks before the clinics can open their doors again, because the staff have fled and the medicine was looted.",
    "The government has a plan for the region that covers security, schools and roads, and it will be announced in {month}.",
    "We have registered more than {big} people in the camps around {town} since {month}, and every day the buses bring more.",
    "The schools have been closed since {month}, the teachers have left for the city and the children spend their days at home or in the fields.",
    "Prices have doubled since the road was closed, and most families here eat only once a day, sometimes not at all.",
    "We do not know who fired first, and we want an independent inquiry that can go to the village, speak to the survivors and publish what it finds.",
    "Every week more people arrive at the gates of the camp with nothing but the clothes they are wearing and the children they could carry.",
    "The army came too late, and by then the market was already on fire and the gunmen had left on their motorbikes towards the border.",
    "We have lost {few} of our colleagues this year, drivers, nurses and guards, and still we stay, because if we leave nobody will come.",
    "Without the road to {town2}, there is no way to bring in medicine, fuel or seed, and the planting season will be lost for a second year.",
];

const VAGUE: &[&str] = &[
    "Analysts",
    "Aid workers",
    "Residents",
    "Local officials",
    "Witnesses",
    "Diplomats",
    "Security sources",
    "Humanitarian sources",
    "Observers",
];

const ANONYMOUS: &[&str] = &[
    "A security source who asked not to be named",
    "An official, speaking on condition of anonymity,",
    "A senior army officer, who was not authorized to speak to the media,",
    "A diplomat in {capital}, who requested anonymity,",
];

const HEARERS: &[&str] = &[
    "reporters",
    "lawmakers",
    "a news conference in {capital}",
    "state television",
    "{outlet}",
    "a meeting of donors",
];

const HEDGES: &[&str] = &["reportedly", "allegedly", "apparently"];
const MODALS: &[&str] = &["may", "could", "is likely to", "might"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const TEASERS: &[&str] = &[
    "Read more: ",
    "RELATED: ",
    "Read also: ",
    "See also: ",
    "-\n",
];

// ---------------------------------------------------------------------------------------
// The story of one article: its cast and the paragraphs that mention them.

struct Person {
    first: &'static str,
    last: &'static str,
    she: bool,
    office: usize,
    introduced: bool,
}

struct Story<'r> {
    rng: &'r mut Rng,
    state: (&'static str, &'static str, &'static str),
    region: &'static str,
    towns: Vec<&'static str>,
    people: Vec<Person>,
    orgs: Vec<String>,
    inst: String,
    group: String,
    acr: String,
    outlet: &'static str,
    /// The person who spoke in the previous paragraph, for pronoun follow-ups.
    last_speaker: Option<usize>,
    /// Whether the group has been named with its acronym yet.
    group_defined: bool,
}

/// The initials of a name's capitalised words: "Front for the Liberation of Lakaro" → FLL.
fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "12,400" for 12400.
fn thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl<'r> Story<'r> {
    fn new(rng: &'r mut Rng, scale: u32) -> Self {
        let state = rng.pick(STATES);
        let region = rng.pick(REGIONS);
        let towns: Vec<&str> = rng
            .distinct(TOWNS.len(), 4)
            .into_iter()
            .map(|i| TOWNS[i])
            .collect();
        let cast = (4 + rng.below(3) + (scale as usize - 1).min(40) / 2).min(SURNAMES.len());
        let people = rng
            .distinct(SURNAMES.len(), cast)
            .into_iter()
            .map(|s| {
                let she = rng.percent(45);
                Person {
                    first: rng.pick(if she { FIRST_F } else { FIRST_M }),
                    last: SURNAMES[s],
                    she,
                    office: rng.below(OFFICES.len()),
                    introduced: false,
                }
            })
            .collect();
        let outlet = rng.pick(OUTLETS);
        let mut story = Story {
            rng,
            state,
            region,
            towns,
            people,
            orgs: Vec::new(),
            inst: String::new(),
            group: String::new(),
            acr: String::new(),
            outlet,
            last_speaker: None,
            group_defined: false,
        };
        let ministry = format!("the Ministry of {}", story.rng.pick(PORTFOLIOS));
        let others: Vec<String> = story
            .rng
            .distinct(ORGS.len(), 2)
            .into_iter()
            .map(|i| ORGS[i])
            .map(|t| story.fill(t))
            .collect();
        story.orgs.push(ministry);
        story.orgs.extend(others);
        story.inst = format!(
            "the {} Institute for {} Studies",
            story.towns[3],
            story.rng.pick(STUDIES)
        );
        let g = story.rng.pick(GROUPS);
        story.group = story.fill(g);
        story.acr = acronym(&story.group);
        story
    }

    /// Replaces each `{slot}` of `template` with a value of this story.
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let j = i + rest[i..].find('}').expect("slots are closed");
            let value = self.slot(&rest[i + 1..j]);
            out.push_str(&value);
            rest = &rest[j + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&mut self, key: &str) -> String {
        let r = &mut *self.rng;
        match key {
            "town" => self.towns[r.below(2)].to_string(),
            "town2" => self.towns[2].to_string(),
            "region" => self.region.to_string(),
            "country" => self.state.0.to_string(),
            "demonym" => self.state.1.to_string(),
            "capital" => self.state.2.to_string(),
            "acr" => self.acr.clone(),
            "group" => {
                self.group_defined = true;
                format!("{} ({})", self.group, self.acr)
            }
            "org" => self.orgs[r.below(self.orgs.len())].clone(),
            "inst" => self.inst.clone(),
            "outlet" => self.outlet.to_string(),
            "n" | "n2" => r.between(3, 95).to_string(),
            "few" => r.between(2, 9).to_string(),
            "big" => thousands(r.between(12, 950) * 100),
            "pct" => (r.between(2, 14) * 5).to_string(),
            "year" => r.between(2012, 2021).to_string(),
            "weekday" => r.pick(WEEKDAYS).to_string(),
            "month" => r.pick(MONTHS).to_string(),
            "hedge" => r.pick(HEDGES).to_string(),
            "modal" => r.pick(MODALS).to_string(),
            other => panic!("unknown slot {{{other}}}"),
        }
    }

    /// The headline: no final full stop, like most.
    fn headline(&mut self) -> String {
        let h = self.rng.pick(HEADLINES);
        capitalise(&self.fill(h))
    }

    /// The name of person `i` as written at this point: in full with the title the first
    /// time, then the surname.
    fn name(&mut self, i: usize) -> String {
        let p = &mut self.people[i];
        if p.introduced {
            return p.last.to_string();
        }
        p.introduced = true;
        let title = OFFICES[p.office].0;
        if title.is_empty() {
            format!("{} {}", p.first, p.last)
        } else {
            format!("{title} {} {}", p.first, p.last)
        }
    }

    /// The name of person `i` without a title (before an apposition): in full the first
    /// time, then the surname.
    fn plain_name(&mut self, i: usize) -> String {
        let p = &mut self.people[i];
        if p.introduced {
            return p.last.to_string();
        }
        p.introduced = true;
        format!("{} {}", p.first, p.last)
    }

    /// The person's apposition ("a spokesman for the Regional Council").
    fn apposition(&mut self, i: usize) -> String {
        let p = &self.people[i];
        let (_, her, his) = OFFICES[p.office];
        let t = if p.she { her } else { his };
        self.fill(t)
    }

    fn pronoun(&self, i: usize) -> &'static str {
        if self.people[i].she { "she" } else { "he" }
    }

    /// One clause of reported content, sometimes with a trailing phrase.
    fn clause(&mut self) -> String {
        let t = self.rng.pick(CLAUSES);
        let mut c = self.fill(t);
        if self.rng.percent(60) {
            let tail = self.rng.pick(TAILS);
            c.push_str(&self.fill(tail));
        }
        c
    }

    fn sentence(&mut self, templates: &[&str]) -> String {
        let t = self.rng.pick(templates);
        capitalise(&self.fill(t))
    }

    /// `k` different sentences of `templates`, joined by a space.
    fn sentences(&mut self, templates: &[&str], k: usize) -> Vec<String> {
        let picked = self.rng.distinct(templates.len(), k);
        picked
            .into_iter()
            .map(|i| capitalise(&self.fill(templates[i])))
            .collect()
    }

    /// `k` quotation sentences; the last ends with a comma when `comma` (`“…,” said X`).
    fn quotation(&mut self, k: usize, comma: bool) -> String {
        let mut q = self.sentences(QUOTES, k);
        if comma && let Some(last) = q.last_mut() {
            if last.ends_with('.') {
                last.pop();
            }
            last.push(',');
        }
        q.join(" ")
    }

    fn someone(&mut self) -> usize {
        self.rng.below(self.people.len())
    }

    /// Opening and closing marks: curly mostly, straight sometimes.
    fn marks(&mut self) -> (&'static str, &'static str) {
        if self.rng.percent(20) {
            ("\"", "\"")
        } else {
            ("“", "”")
        }
    }

    /// The body, paragraph by paragraph, until it is at least `target` bytes long.
    fn body(&mut self, target: usize) -> String {
        let mut paras: Vec<String> = Vec::new();
        if self.rng.percent(30) {
            let (f, l) = (self.rng.pick(FIRST_F), self.rng.pick(SURNAMES));
            paras.push(format!("By {f} {l}"));
        }
        let lead = self.sentence(LEADS);
        paras.push(lead);
        let mut len: usize = paras.iter().map(|p| p.len() + 2).sum();
        // Stop within half a paragraph of the target, so bodies average `target` bytes.
        while len + 200 < target {
            let p = self.paragraph();
            len += p.len() + 2;
            paras.push(p);
        }
        if self.rng.percent(20) {
            let (f, l) = (self.rng.pick(FIRST_M), self.rng.pick(SURNAMES));
            paras.push(format!("{f} {l} contributed to this report."));
        }
        paras.join("\n\n")
    }

    /// One paragraph of a kind drawn at random.
    fn paragraph(&mut self) -> String {
        if !self.group_defined {
            let group = self.slot("group");
            let tail = self.fill(
                "which has been active in the {region} region since {year}, claimed responsibility for the attack, in which {few} soldiers were {hedge} killed, in a statement posted online on {weekday}.",
            );
            return format!("The {group}, {tail}");
        }
        let speaker_before = self.last_speaker.take();
        match self.rng.below(100) {
            // “Q Q Q,” said Title Name.  /  “Q Q Q,” Name said.
            0..=21 => {
                let i = self.someone();
                let (o, c) = self.marks();
                let k = self.rng.between(4, 7) as usize;
                let q = self.quotation(k, true);
                let name = self.name(i);
                self.last_speaker = Some(i);
                if self.rng.percent(50) {
                    format!("{o}{q}{c} said {name}.")
                } else {
                    format!("{o}{q}{c} {name} said.")
                }
            }
            // Name, apposition, said: “Q Q Q”
            22..=28 => {
                let i = self.someone();
                let (o, c) = self.marks();
                let k = self.rng.between(3, 6) as usize;
                let q = self.quotation(k, false);
                let name = self.plain_name(i);
                let appos = self.apposition(i);
                self.last_speaker = Some(i);
                format!("{name}, {appos}, said: {o}{q}{c}")
            }
            // “Q,” she said, “Q Q”
            29..=32 => {
                let i = speaker_before.unwrap_or_else(|| self.someone());
                let who = match speaker_before {
                    Some(i) => self.pronoun(i).to_string(),
                    None => self.name(i),
                };
                let (o, c) = self.marks();
                let first = self.quotation(1, true);
                let k = self.rng.between(2, 3) as usize;
                let rest = self.quotation(k, false);
                // The sentence goes on after the cue: lower case, except "I".
                let rest = if rest.starts_with("I ") {
                    rest
                } else {
                    format!("{}{}", rest[..1].to_lowercase(), &rest[1..])
                };
                self.last_speaker = Some(i);
                format!("{o}{first}{c} {who} said, {o}{rest}{c}")
            }
            // Name said that C, that C, and that C.
            33..=41 => {
                let i = self.someone();
                let name = self.name(i);
                let content = self.reported(3);
                self.last_speaker = Some(i);
                if self.rng.percent(30) {
                    let opener = self.fill("Speaking in {capital} on {weekday}");
                    format!("{opener}, {name} said that {content}.")
                } else {
                    format!("{name} said that {content}.")
                }
            }
            // C, and C, Name told reporters.
            42..=44 => {
                let i = self.someone();
                let (a, b) = (self.clause(), self.clause());
                let name = self.name(i);
                let hearer = self.rng.pick(HEARERS);
                let hearer = self.fill(hearer);
                self.last_speaker = Some(i);
                format!("{}, and {b}, {name} told {hearer}.", capitalise(&a))
            }
            // According to X, C, and C.
            45..=48 => {
                let src = if self.rng.percent(50) {
                    self.inst.clone()
                } else {
                    let t = self.rng.pick(VAGUE);
                    t.to_lowercase()
                };
                let (a, b) = (self.clause(), self.clause());
                format!("According to {src}, {a}, and {b}.")
            }
            // Title Name told Y that C, and that C.
            49..=53 => {
                let i = self.someone();
                let name = self.name(i);
                let hearer = self.rng.pick(HEARERS);
                let hearer = self.fill(hearer);
                let content = self.reported(3);
                self.last_speaker = Some(i);
                format!("{name} told {hearer} that {content}.")
            }
            // “Q Q,” he added.  /  He also said that C, that C, and that C.
            54..=62 => {
                let (i, who) = match speaker_before {
                    Some(i) => (i, self.pronoun(i).to_string()),
                    None => {
                        let i = self.someone();
                        (i, self.name(i))
                    }
                };
                self.last_speaker = Some(i);
                if self.rng.percent(60) {
                    let (o, c) = self.marks();
                    let k = self.rng.between(3, 5) as usize;
                    let q = self.quotation(k, true);
                    format!("{o}{q}{c} {who} added.")
                } else {
                    let content = self.reported(3);
                    format!("{} also said that {content}.", capitalise(&who))
                }
            }
            // Name, apposition, said C, and that C.
            63..=67 => {
                let i = self.someone();
                let name = self.plain_name(i);
                let appos = self.apposition(i);
                let content = self.reported(3);
                self.last_speaker = Some(i);
                format!("{name}, {appos}, said {content}.")
            }
            // Vague and anonymous sources.
            68..=74 => {
                if self.rng.percent(55) {
                    let v = self.rng.pick(VAGUE);
                    if self.rng.percent(50) {
                        let content = self.reported(2);
                        format!("{v} said {content}.")
                    } else {
                        let (a, b) = (self.clause(), self.clause());
                        format!("{}, and {b}, {} said.", capitalise(&a), v.to_lowercase())
                    }
                } else {
                    let t = self.rng.pick(ANONYMOUS);
                    let who = self.fill(t);
                    let content = self.reported(2);
                    format!("{who} said {content}.")
                }
            }
            // The group or an organisation speaks; a document finds.
            75..=79 => {
                let content = self.reported(2);
                match self.rng.below(3) {
                    0 => format!("The {} said in a statement that {content}.", self.acr),
                    1 => {
                        let org = capitalise(&self.slot("org"));
                        format!("{org} said {content}.")
                    }
                    _ => {
                        let m = self.slot("month");
                        format!(
                            "A report published by {} in {m} found that {content}.",
                            self.inst
                        )
                    }
                }
            }
            // A quotation over two paragraphs.
            80..=88 => {
                let i = self.someone();
                let name = self.name(i);
                let k = self.rng.between(3, 5) as usize;
                let q1 = self.quotation(k, false);
                let k = self.rng.between(2, 4) as usize;
                let q2 = self.quotation(k, false);
                self.last_speaker = Some(i);
                format!("{name} said: “{q1}\n\n“{q2}”")
            }
            // Background in the outlet's voice.
            89..=91 => self.sentences(BACKGROUND, 2).join(" "),
            // A teaser line for another story.
            _ => {
                let prefix = self.rng.pick(TEASERS);
                let h = self.headline();
                format!("{prefix}{h}")
            }
        }
    }

    /// `k` clauses of reported content: "C", "C, and that C", "C, that C, and that C".
    fn reported(&mut self, k: usize) -> String {
        let picked = self.rng.distinct(CLAUSES.len(), k);
        let mut out = String::new();
        for (n, i) in picked.into_iter().enumerate() {
            if n > 0 {
                out.push_str(if n + 1 == k { ", and that " } else { ", that " });
            }
            let mut c = self.fill(CLAUSES[i]);
            if self.rng.percent(60) {
                let tail = self.rng.pick(TAILS);
                c.push_str(&self.fill(tail));
            }
            out.push_str(&c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256_of(articles: impl Iterator<Item = Article>) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for a in articles {
            h.update(a.jsonl());
        }
        format!("{:x}", h.finalize())
    }

    /// The corpus is pinned: a change here means the generated text changed, so bump
    /// GENERATOR_VERSION (cached corpora are then regenerated) and update the hashes.
    #[test]
    fn output_is_pinned() {
        assert_eq!(GENERATOR_VERSION, 1);
        assert_eq!(
            sha256_of((0..20).map(|i| article(1, i, 1))),
            "ee00d16e0d8d784f7f8d5c2be5defcb39708f9d119aa6aa0e64b407ef9594714"
        );
        assert_eq!(
            sha256_of((0..2).map(|i| article(1, i, 10))),
            "4ccf5b8d7dfe1c053de45df748d8bf787a70d12ddd27b9488b797f9f9a7dc32b"
        );
    }

    #[test]
    fn same_arguments_same_article() {
        let a = article(7, 3, 1).jsonl();
        assert_eq!(a, article(7, 3, 1).jsonl());
        assert_ne!(a, article(7, 4, 1).jsonl());
        assert_ne!(a, article(8, 3, 1).jsonl());
    }
}
