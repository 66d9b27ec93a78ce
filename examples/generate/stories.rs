//! Generated story sets for benchmarks: many stories, each told by two to
//! four articles from different outlets, with contradictions planted on
//! purpose (another city, another figure, a denial). Every sentence comes
//! from the templates below, written for claimcheck; the places are real
//! (the gazetteer must know them), the people are made up from syllables.
//!
//! Deterministic: the same count and seed give the same articles.

/// A country, a demonym, and two of its cities.
const PLACES: &[(&str, &str, &str, &str)] = &[
    ("Norway", "Norwegian", "Bergen", "Trondheim"),
    ("Iceland", "Icelandic", "Reykjavik", "Akureyri"),
    ("Poland", "Polish", "Krakow", "Gdansk"),
    ("Romania", "Romanian", "Cluj-Napoca", "Iasi"),
    ("Portugal", "Portuguese", "Porto", "Braga"),
    ("Kenya", "Kenyan", "Mombasa", "Kisumu"),
    ("Ghana", "Ghanaian", "Kumasi", "Tamale"),
    ("Chile", "Chilean", "Valparaiso", "Antofagasta"),
    ("Peru", "Peruvian", "Arequipa", "Cusco"),
    ("Vietnam", "Vietnamese", "Haiphong", "Da Nang"),
    ("Indonesia", "Indonesian", "Surabaya", "Medan"),
    ("Morocco", "Moroccan", "Casablanca", "Marrakesh"),
    ("Turkey", "Turkish", "Izmir", "Bursa"),
    ("Georgia", "Georgian", "Batumi", "Kutaisi"),
    ("Finland", "Finnish", "Tampere", "Turku"),
    ("Canada", "Canadian", "Calgary", "Halifax"),
];

const OUTLETS: &[&str] = &["Reuters", "AFP", "AP", "DPA", "EFE", "Kyodo"];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ten", "vo", "sa", "dre", "ni", "po", "ul", "be", "tor", "an", "si",
    "mar", "el", "ko", "ru", "dan",
];

/// A tiny deterministic generator (xorshift).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A made-up name: two or three syllables each part.
fn name(rng: &mut Rng) -> String {
    let mut part = |n: usize| {
        let s: String = (0..n).map(|_| *rng.pick(SYLLABLES)).collect();
        capitalise(&s)
    };
    let given = part(2);
    let family = part(3);
    format!("{given} {family}")
}

/// One generated article.
pub struct Generated {
    pub id: String,
    pub date: String,
    pub outlet: String,
    pub text: String,
}

fn date(day: u64) -> String {
    // Days from 2021-01-04 (a Monday), kept simple: 28-day months.
    let y = 2021 + day / 336;
    let m = 1 + (day % 336) / 28;
    let d = 1 + day % 28;
    format!("{y:04}-{m:02}-{d:02}")
}

/// `count` articles, story after story.
pub fn generate(count: usize, seed: u64) -> Vec<Generated> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    let mut story = 0u64;
    while out.len() < count {
        story += 1;
        let a = *rng.pick(PLACES);
        let mut b = *rng.pick(PLACES);
        while b.0 == a.0 {
            b = *rng.pick(PLACES);
        }
        let host = if rng.chance(50) { a } else { b };
        let city = host.2;
        let other_city = host.3;
        let negotiator = name(&mut rng);
        let minister = name(&mut rng);
        // Three stories a day: a larger set spans more days, as an archive
        // does, rather than crowding more stories into the same week.
        let day = story / 3;
        let kind = rng.below(4);
        let figure = 20 + rng.below(400);
        let n = 2 + rng.below(3);
        for k in 0..n {
            if out.len() >= count {
                break;
            }
            let outlet = OUTLETS[(story as usize + k) % OUTLETS.len()];
            // Planted conflicts: another city, another figure, a denial.
            let moved = k > 0 && rng.chance(20);
            let recount = k > 0 && rng.chance(20);
            let denial = k > 0 && rng.chance(10);
            let place = if moved { other_city } else { city };
            let fig = if recount {
                figure + 7 + rng.below(50)
            } else {
                figure
            };
            let mut text = String::new();
            match kind {
                0 => {
                    text.push_str(&format!(
                        "Delegations of {} and {} held talks in {} on Monday, {} reported. ",
                        a.0, b.0, place, outlet
                    ));
                    text.push_str(&format!(
                        "{} negotiator {} said the talks would continue next week. ",
                        a.1, negotiator
                    ));
                    text.push_str(&format!(
                        "\"We are ready to sign an agreement on fishing quotas before the summer,\" {} told reporters.",
                        negotiator.split(' ').next_back().unwrap_or("")
                    ));
                }
                1 => {
                    text.push_str(&format!(
                        "At least {} people were killed when an earthquake struck near {} on Sunday, officials said. ",
                        fig, place
                    ));
                    text.push_str(&format!(
                        "{} interior minister {} said rescuers were still searching the rubble. ",
                        host.1, minister
                    ));
                    text.push_str(&format!(
                        "\"Every team we have is in {} tonight,\" {} said.",
                        place,
                        minister.split(' ').next_back().unwrap_or("")
                    ));
                }
                2 => {
                    text.push_str(&format!(
                        "About {},000 people rallied in {} on Saturday against a new tax law, police said. ",
                        fig, place
                    ));
                    text.push_str(&format!(
                        "Opposition leader {} called the law \"a tax on bread\". ",
                        negotiator
                    ));
                    if denial {
                        text.push_str(&format!(
                            "The {} government denied that police had detained protesters.",
                            host.1
                        ));
                    } else {
                        text.push_str(&format!(
                            "Police detained {} protesters after clashes near parliament, {} reported.",
                            3 + fig % 20,
                            outlet
                        ));
                    }
                }
                _ => {
                    text.push_str(&format!(
                        "A freight train derailed outside {} on Tuesday, spilling {} tonnes of grain, the {} railway said. ",
                        place, fig, host.1
                    ));
                    if denial {
                        text.push_str(&format!(
                            "Railway chief {} denied that anyone was injured. ",
                            minister
                        ));
                    } else {
                        text.push_str(&format!(
                            "Two workers were injured, railway chief {} said. ",
                            minister
                        ));
                    }
                    text.push_str(&format!(
                        "\"The line to {} will reopen within days,\" {} told {}.",
                        host.2,
                        minister.split(' ').next_back().unwrap_or(""),
                        outlet
                    ));
                }
            }
            out.push(Generated {
                id: format!("s{story:06}-{k}"),
                date: date(day + k as u64 % 2),
                outlet: outlet.to_string(),
                text,
            });
        }
    }
    out
}

/// The articles as JSON Lines (the format `claimcheck` reads).
pub fn to_jsonl(articles: &[Generated]) -> String {
    let mut s = String::new();
    for a in articles {
        let line = serde_json::json!({
            "id": a.id, "date": a.date, "outlet": a.outlet, "text": a.text,
        });
        s.push_str(&line.to_string());
        s.push('\n');
    }
    s
}
