//! `claimcheck extract --claims`: claims with their slots, chains and
//! evidence, and the entity table across the set.

mod common;

use common::claimcheck;
use serde_json::Value;

/// The JSON document of `extract --claims` over `paths`.
fn claims_doc(paths: &[&str]) -> Value {
    let out = claimcheck()
        .args(["extract", "--claims", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn claims(doc: &Value) -> &Vec<Value> {
    doc["claims"].as_array().unwrap()
}

/// The claims of one event in an article whose id contains `article`.
fn of<'a>(doc: &'a Value, article: &str, event: &str) -> Vec<&'a Value> {
    claims(doc)
        .iter()
        .filter(|c| c["article"].as_str().unwrap().contains(article) && c["event"] == event)
        .collect()
}

fn find<'a>(list: &[&'a Value], pred: impl Fn(&Value) -> bool) -> &'a Value {
    list.iter()
        .copied()
        .find(|c| pred(c))
        .unwrap_or_else(|| panic!("no such claim among {list:#?}"))
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn seed_talks_in_gomel_on_monday() {
    let doc = claims_doc(&["seeds/"]);
    let talks = of(&doc, "000", "talks");
    let c = find(&talks, |c| s(&c["place"]["text"]).contains("Gomel"));
    assert_eq!(c["place"]["country"], "BY");
    assert_eq!(c["place"]["place"]["kind"], "city");
    assert_eq!(c["time"]["text"], "on Monday");
    assert_eq!(c["time"]["from"], "2022-02-28");
    assert_eq!(c["time"]["precision"], "day");
    assert_eq!(c["polarity"], "asserted");
    // Evidence: the sentence, its offsets and line.
    assert!(s(&c["text"]).starts_with("Amid heightened tensions"));
    assert_eq!(c["line"], 1);
}

#[test]
fn seed_planned_talks_in_the_gomel_region_come_from_medinsky_via_rt() {
    let doc = claims_doc(&["seeds/"]);
    let talks = of(&doc, "002", "talks");
    let c = find(&talks, |c| s(&c["place"]["text"]).contains("Gomel Region"));
    assert_eq!(c["place"]["place"]["kind"], "region");
    assert_eq!(c["place"]["country"], "BY");
    assert_eq!(c["modality"], "planned");
    assert_eq!(c["source"], "RT ← Vladimir Medinsky");
}

#[test]
fn seed_talks_at_the_border_near_chernobyl_come_from_the_presidency_via_afp() {
    let doc = claims_doc(&["seeds/"]);
    let talks = of(&doc, "002", "talks");
    let c = find(&talks, |c| {
        s(&c["place"]["text"]).contains("border with Belarus")
    });
    assert!(s(&c["place"]["text"]).contains("Chernobyl"), "{c:#}");
    // The place near Chernobyl puts the talks in Ukraine.
    assert_eq!(c["place"]["country"], "UA");
    let relations: Vec<&str> = c["place"]["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| s(&p["relation"]))
        .collect();
    assert_eq!(relations, ["border", "near"]);
    assert_eq!(c["modality"], "ready");
    assert_eq!(c["source"], "AFP ← Ukraine’s presidency");
}

#[test]
fn seed_arrival_in_gomel_on_sunday() {
    let doc = claims_doc(&["seeds/"]);
    let arrivals = of(&doc, "002", "arrival");
    let c = find(&arrivals, |c| s(&c["place"]["text"]).contains("Gomel"));
    assert_eq!(c["time"]["from"], "2022-02-27");
    assert_eq!(c["place"]["country"], "BY");
}

#[test]
fn seed_troops_offensive_and_attack_this_week() {
    let doc = claims_doc(&["seeds/"]);
    let deploy = of(&doc, "000", "deployment");
    let c = find(&deploy, |c| !c["quantity"].is_null());
    assert_eq!(c["quantity"]["value"], 150000.0);
    assert_eq!(c["quantity"]["qualifier"], "at-least");
    assert_eq!(c["quantity"]["unit"], "troop");
    let attacks = of(&doc, "000", "attack");
    find(&attacks, |c| {
        c["time"]["from"] == "2022-02-24" && c["time"]["precision"] == "day"
    });
    let attacks = of(&doc, "002", "attack");
    let week = find(&attacks, |c| c["time"]["text"] == "this week");
    assert_eq!(week["time"]["precision"], "week");
    assert_eq!(week["time"]["from"], "2022-02-21");
    assert_eq!(week["time"]["to"], "2022-02-27");
}

#[test]
fn seed_refusal_rejection_and_denial() {
    let doc = claims_doc(&["seeds/"]);
    let talks = of(&doc, "000", "talks");
    let c = find(&talks, |c| c["polarity"] == "refused");
    assert_eq!(c["place"]["country"], "BY");
    let talks = of(&doc, "002", "talks");
    find(&talks, |c| c["polarity"] == "rejected");
    let attacks = of(&doc, "002", "attack");
    let denied = find(&attacks, |c| c["polarity"] == "denied");
    assert_eq!(denied["polarity_cue"]["text"], "denied");
    // Minsk denies it, speaking for Belarus; the operation is Russia's.
    let role = |r: &str| {
        denied["participants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["role"] == r)
            .unwrap_or_else(|| panic!("no {r} in {denied:#}"))
            .clone()
    };
    assert_eq!(role("speaker")["text"], "Minsk");
    assert_eq!(role("speaker")["entity"], "Belarus");
    assert_eq!(role("agent")["entity"], "Russia");
    assert_eq!(denied["source"], "Minsk");
}

/// The entity whose variants include `spelling`.
fn entity_with<'a>(doc: &'a Value, spelling: &str) -> &'a Value {
    doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["variants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["text"] == spelling)
        })
        .unwrap_or_else(|| panic!("no entity spelt {spelling:?}"))
}

#[test]
fn seed_entities_merge_spellings_and_keep_different_people_apart() {
    let doc = claims_doc(&["seeds/"]);
    let z = entity_with(&doc, "Zelenskyy");
    assert_eq!(z["kind"], "person");
    assert_eq!(z["name"], "Volodymyr Zelenskyy");
    for spelling in ["Zelenesky", "Volodymyr Zelensky", "Volodymyr Zelenskiy"] {
        assert_eq!(entity_with(&doc, spelling)["id"], z["id"], "{spelling}");
    }
    // Roles stand for the people who hold them.
    assert_eq!(entity_with(&doc, "Ukraine's President")["id"], z["id"]);
    assert_eq!(
        entity_with(&doc, "Russian chief negotiator")["name"],
        "Vladimir Medinsky"
    );
    let l = entity_with(&doc, "Alexander Lukashenka");
    assert_eq!(entity_with(&doc, "Lukashenko")["id"], l["id"]);
    assert_ne!(
        entity_with(&doc, "Vladimir Putin")["id"],
        entity_with(&doc, "Vladimir Medinsky")["id"]
    );
    // Kyiv and Kiev are one place; as a government, both stand for Ukraine.
    assert_eq!(
        entity_with(&doc, "Kiev")["id"],
        entity_with(&doc, "Kyiv")["id"]
    );
    assert_eq!(entity_with(&doc, "Ukrainian")["name"], "Ukraine");
}

#[test]
fn claims_as_json_lines_one_per_claim() {
    let out = claimcheck()
        .args(["extract", "--claims", "--format", "jsonl", "seeds/"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), claims(&claims_doc(&["seeds/"])).len());
    assert!(
        lines
            .iter()
            .all(|c| c["event"].is_string() && c["chain"].is_array())
    );
}

#[test]
fn claims_in_human_form_show_slots_and_sources() {
    let out = claimcheck()
        .args(["extract", "--claims", "--color", "never", "seeds/"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("talks (planned)"), "{text}");
    assert!(text.contains("source: RT ← Vladimir Medinsky"), "{text}");
    assert!(text.contains("\"on Monday\" → 2022-02-28"), "{text}");
    assert!(text.contains("Entities"), "{text}");
}

/// The entity (from the document's table) with a variant spelt `spelling`,
/// and the spellings it has.
fn spellings(doc: &Value, spelling: &str) -> Vec<String> {
    entity_with(doc, spelling)["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| s(&v["text"]).to_string())
        .collect()
}

#[test]
fn story_quake_counts_updates_and_transliterated_names() {
    let doc = claims_doc(&["fixtures/stories/quake"]);
    let a = of(&doc, "quake/a", "deaths");
    let first = find(&a, |c| !c["quantity"].is_null());
    assert_eq!(first["quantity"]["value"], 12.0);
    assert_eq!(first["quantity"]["qualifier"], "at-least");
    let quake = find(&of(&doc, "quake/a", "disaster"), |c| !c["place"].is_null());
    assert_eq!(quake["place"]["parts"][0]["relation"], "near");
    assert_eq!(quake["place"]["country"], "TR");
    assert_eq!(quake["time"]["from"], "2023-03-05");
    // "struck" after an earthquake is not an attack.
    assert!(of(&doc, "quake/a", "attack").is_empty());
    let b = of(&doc, "quake/b", "deaths");
    let later = find(&b, |c| !c["quantity"].is_null());
    assert_eq!(later["quantity"]["value"], 15.0);
    assert_eq!(later["update_cue"]["text"], "rose");
    assert_eq!(later["place"]["place"]["kind"], "region");
    find(&of(&doc, "quake/b", "crash"), |c| c["polarity"] == "denied");
    let governor = spellings(&doc, "Mehmet Yildirim");
    assert!(
        governor.contains(&"Mehmet Yıldırım".to_string()),
        "{governor:?}"
    );
    assert_eq!(entity_with(&doc, "Ankara")["name"], "Turkey");
}

#[test]
fn story_fisheries_planned_venues_dates_and_metonyms() {
    let doc = claims_doc(&["fixtures/stories/fisheries"]);
    let a = find(&of(&doc, "fisheries/a", "talks"), |c| !c["place"].is_null());
    assert_eq!(a["modality"], "planned");
    assert_eq!(a["place"]["country"], "NO");
    assert_eq!(a["time"]["precision"], "week");
    assert_eq!(a["time"]["from"], "2024-03-11");
    let b = find(&of(&doc, "fisheries/b", "talks"), |c| {
        c["place"]["country"] == "IS"
    });
    assert_eq!(b["time"]["from"], "2024-03-14");
    let refused = find(&of(&doc, "fisheries/b", "talks"), |c| {
        c["polarity"] == "denied"
    });
    assert_eq!(refused["place"]["country"], "NO");
    assert!(spellings(&doc, "Gudrun Einarsdottir").contains(&"Guðrún Einarsdóttir".to_string()));
    assert_eq!(entity_with(&doc, "Oslo")["name"], "Norway");
}

#[test]
fn story_volkov_same_given_name_different_people_stay_apart() {
    let doc = claims_doc(&["fixtures/stories/volkov"]);
    assert_ne!(
        entity_with(&doc, "Anna Petrova")["id"],
        entity_with(&doc, "Anna Sokolova")["id"]
    );
    assert_eq!(
        entity_with(&doc, "Sergei Morozov")["id"],
        entity_with(&doc, "Sergey Morozov")["id"]
    );
    let meeting = find(&of(&doc, "volkov/a", "meeting"), |c| !c["place"].is_null());
    assert_eq!(meeting["place"]["country"], "RU");
    assert_eq!(meeting["time"]["from"], "2022-11-09");
    let share = find(&of(&doc, "volkov/a", "statement"), |c| {
        !c["quantity"].is_null()
    });
    assert_eq!(share["quantity"]["unit"], "percent");
    assert_eq!(share["quantity"]["qualifier"], "about");
    let visit = find(&of(&doc, "volkov/b", "visit"), |_| true);
    assert_eq!(visit["time"]["from"], "2022-11-10");
    assert_eq!(visit["place"]["country"], "RU");
}

#[test]
fn story_protest_qualified_counts_and_a_capital_by_description() {
    let doc = claims_doc(&["fixtures/stories/protest"]);
    let a = find(&of(&doc, "protest/a", "protest"), |c| {
        !c["quantity"].is_null()
    });
    assert_eq!(a["quantity"]["qualifier"], "at-least");
    assert_eq!(a["quantity"]["value"], 10000.0);
    assert_eq!(a["place"]["place"]["name"], "Tbilisi");
    let b = find(&of(&doc, "protest/b", "protest"), |c| {
        !c["quantity"].is_null()
    });
    assert_eq!(b["quantity"]["qualifier"], "about");
    assert_eq!(
        b["place"]["place"]["name"], "Tbilisi",
        "the Georgian capital"
    );
    let arrests = find(&of(&doc, "protest/b", "arrest"), |_| true);
    assert_eq!(arrests["quantity"]["value"], 30.0);
}

#[test]
fn story_frontline_exonyms_regions_and_relative_years() {
    let doc = claims_doc(&["fixtures/stories/frontline"]);
    assert_eq!(
        entity_with(&doc, "Luhansk region")["id"],
        entity_with(&doc, "Lugansk region")["id"]
    );
    assert_eq!(entity_with(&doc, "Luhansk region")["kind"], "place");
    assert_eq!(
        entity_with(&doc, "Sievierodonetsk")["id"],
        entity_with(&doc, "Severodonetsk")["id"]
    );
    assert_eq!(
        entity_with(&doc, "Serhiy Hordiienko")["id"],
        entity_with(&doc, "Sergei Gordienko")["id"]
    );
    assert_eq!(entity_with(&doc, "Kremlin")["name"], "Russia");
    let rejected = find(&of(&doc, "frontline/b", "talks"), |c| {
        c["polarity"] == "rejected"
    });
    assert_eq!(rejected["time"]["precision"], "year");
    assert_eq!(rejected["time"]["from"], "2021-01-01");
    let deaths = find(&of(&doc, "frontline/a", "deaths"), |_| true);
    assert_eq!(deaths["quantity"]["value"], 4.0);
    assert_eq!(deaths["time"]["from"], "2022-05-19");
}

#[test]
fn story_rail_old_spellings_of_a_city_and_negated_injuries() {
    let doc = claims_doc(&["fixtures/stories/rail"]);
    let homel = entity_with(&doc, "Homel");
    assert_eq!(homel["id"], entity_with(&doc, "Gomel")["id"]);
    assert_eq!(homel["place"]["country"], "BY");
    assert_eq!(
        entity_with(&doc, "Pavel Kuzmich")["id"],
        entity_with(&doc, "Pavel Kuzmitch")["id"]
    );
    find(&of(&doc, "rail/a", "injuries"), |c| {
        c["polarity"] == "denied"
    });
    let crash = find(&of(&doc, "rail/b", "crash"), |c| !c["place"].is_null());
    assert_eq!(crash["time"]["from"], "2021-10-02");
    assert_eq!(crash["quantity"]["unit"], "tonne");
    assert_eq!(crash["place"]["parts"][0]["relation"], "near");
}

#[test]
fn configured_event_words_make_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "date 2021-06-01 Nurses vaccinated 500 people in Lagos on Monday.\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let without = claims_doc(&[path]);
    assert!(of(&without, "a.txt", "vaccination").is_empty());
    let with = claims_doc(&["--event", "vaccination=vaccinate", path]);
    let c = find(&of(&with, "a.txt", "vaccination"), |_| true);
    assert_eq!(c["quantity"]["value"], 500.0);
    assert_eq!(c["place"]["country"], "NG");
    assert_eq!(c["time"]["from"], "2021-05-31");
    claimcheck()
        .args(["extract", "--claims", "--event", "nonsense", path])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("EVENT=WORD"));
}
