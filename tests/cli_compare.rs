//! `claimcheck compare`: alignments with their verdicts, both sides'
//! evidence and chains, quote drift, on the seeds and on our own stories.

mod common;

use common::claimcheck;
use serde_json::Value;

fn compare(paths: &[&str]) -> Value {
    let out = claimcheck()
        .args(["compare", "--format", "json"])
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

fn alignments(doc: &Value) -> &Vec<Value> {
    doc["alignments"].as_array().unwrap()
}

/// The alignment with this topic and verdict.
fn alignment<'a>(doc: &'a Value, topic: &str, verdict: &str) -> &'a Value {
    alignments(doc)
        .iter()
        .find(|a| a["topic"] == topic && a["verdict"] == verdict)
        .unwrap_or_else(|| {
            let all: Vec<String> = alignments(doc)
                .iter()
                .map(|a| format!("{} {}", a["topic"], a["verdict"]))
                .collect();
            panic!("no {topic:?} {verdict:?} among {all:#?}")
        })
}

/// (side, value words in the text, source) of each claim of an alignment.
fn sides(a: &Value) -> Vec<(u64, String, String)> {
    a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["side"].as_u64().unwrap(),
                c["value_at"]["text"].as_str().unwrap_or("").to_string(),
                c["source"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn verdicts(doc: &Value, verdict: &str) -> usize {
    alignments(doc)
        .iter()
        .filter(|a| a["verdict"] == verdict)
        .count()
}

#[test]
fn seeds_venue_gomel_against_the_border_near_chernobyl() {
    let doc = compare(&["seeds/"]);
    assert_eq!(doc["version"], 1);
    let venue = alignment(&doc, "Venue of the talks", "contradiction");
    assert_eq!(venue["type"], "place");
    assert_eq!(venue["rule"], "place-apart");
    let s = sides(venue);
    let gomel: Vec<&(u64, String, String)> = s.iter().filter(|c| c.0 == 0).collect();
    let border: Vec<&(u64, String, String)> = s.iter().filter(|c| c.0 == 1).collect();
    assert!(
        gomel
            .iter()
            .any(|c| c.1 == "in Belarus' Gomel" && c.2.is_empty())
    );
    assert!(
        gomel
            .iter()
            .any(|c| c.1 == "in the Gomel Region" && c.2 == "RT ← Vladimir Medinsky")
    );
    assert!(gomel.iter().any(|c| c.1 == "reached Gomel"));
    assert_eq!(border.len(), 1);
    assert!(border[0].1.contains("border with Belarus") && border[0].1.contains("Chernobyl"));
    assert_eq!(border[0].2, "AFP ← Ukraine’s presidency");
    // Every claim carries its evidence.
    for c in venue["claims"].as_array().unwrap() {
        assert!(c["line"].as_u64().unwrap() >= 1);
        let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
        assert!(start < end);
    }
    // Why: the event and who the claims name.
    let shared: Vec<&str> = venue["why"]["shared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        shared.contains(&"Ukraine") && shared.contains(&"Russia"),
        "{shared:?}"
    );
}

#[test]
fn seeds_agreements_the_issue_lists() {
    let doc = compare(&["seeds/"]);
    // Zelenskyy first turned down talks in Belarus, in both articles.
    let refused = alignment(&doc, "Whether the talks happened", "agreement");
    let cues: Vec<String> = sides(refused).into_iter().map(|c| c.1).collect();
    assert_eq!(cues, ["refused", "rejected"]);
    // He spoke with Lukashenka / Lukashenko.
    let call = alignment(&doc, "Reports of the call", "agreement");
    let shared = call["why"]["shared"].to_string();
    assert!(shared.contains("Alexander Lukashenka") && shared.contains("Volodymyr Zelenskyy"));
    // Medinsky is Putin's aide in both.
    let role = alignment(&doc, "Role of Vladimir Medinsky", "agreement");
    assert_eq!(role["claims"][0]["value"], "aide");
    assert_eq!(role["claims"].as_array().unwrap().len(), 2);
    // February 24 lies in "this week" of an article dated 2022-02-27.
    let date = alignment(&doc, "Date of the attack", "refinement");
    let values: Vec<String> = sides(date).into_iter().map(|c| c.1).collect();
    assert!(
        values.contains(&"on February 24".to_string()) && values.contains(&"this week".to_string())
    );
}

#[test]
fn seeds_minsk_denial_answers_the_complicity_claim() {
    let doc = compare(&["seeds/"]);
    let denial = alignments(&doc)
        .iter()
        .find(|a| {
            a["verdict"] == "contradiction"
                && a["topic"]
                    .as_str()
                    .unwrap()
                    .starts_with("Whether Minsk takes part")
        })
        .unwrap_or_else(|| panic!("no denial among {:#?}", alignments(&doc)));
    assert_eq!(denial["type"], "polarity");
    let claims = denial["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "exactly two sides: {claims:#?}");
    // Side A: Zelenskiy's claim that Minsk is complicit; side B: Minsk's
    // denial that its forces take part.
    assert_eq!(claims[0]["source"], "Volodymyr Zelenskiy");
    assert!(claims[0]["text"].as_str().unwrap().contains("complicit"));
    assert_eq!(claims[1]["source"], "Minsk");
    assert_eq!(claims[1]["value"], "denied");
    assert!(
        claims[1]["text"]
            .as_str()
            .unwrap()
            .contains("participating")
    );
    // And nothing else contradicts: the venue and the denial.
    assert_eq!(verdicts(&doc, "contradiction"), 2);
}

#[test]
fn seeds_entities_in_the_compare_document() {
    let doc = compare(&["seeds/"]);
    let entities = doc["entities"].as_array().unwrap();
    let people: Vec<&str> = entities
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"Vladimir Putin") && people.contains(&"Vladimir Medinsky"));
    assert_eq!(
        people.iter().filter(|p| p.contains("Zelensk")).count(),
        1,
        "{people:?}"
    );
    assert_eq!(
        people.iter().filter(|p| p.contains("Lukashenk")).count(),
        1,
        "{people:?}"
    );
    assert!(!doc["claims"].as_array().unwrap().is_empty());
}

#[test]
fn human_report_heads_each_verdict_and_shows_both_sides() {
    let out = claimcheck()
        .args(["compare", "--color", "never", "seeds/"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Venue of the talks: CONTRADICTION (place)"),
        "{text}"
    );
    assert!(text.contains("side A: Gomel (BY)"), "{text}");
    assert!(text.contains("side B: Chernobyl (UA)"), "{text}");
    assert!(
        text.contains("= source: AFP ← Ukraine’s presidency"),
        "{text}"
    );
    assert!(
        text.contains("--> seeds/002_1f062e236fa650bf.txt:3:1"),
        "{text}"
    );
    assert!(text.contains("2 contradictions"), "{text}");
}

#[test]
fn story_fisheries_two_venues_and_a_date_that_fits_next_week() {
    let doc = compare(&["fixtures/stories/fisheries"]);
    let venue = alignment(&doc, "Venue of the talks", "contradiction");
    let values: Vec<&str> = venue["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert!(values.iter().any(|v| v.starts_with("Bergen")));
    assert!(values.iter().any(|v| v.starts_with("Reykjav")));
    alignment(&doc, "Date of the talks", "refinement");
}

#[test]
fn story_frontline_different_death_counts_same_place_and_day() {
    let doc = compare(&["fixtures/stories/frontline"]);
    let deaths = alignment(&doc, "Number of deaths", "contradiction");
    assert_eq!(deaths["type"], "quantity");
    let values: Vec<String> = sides(deaths).into_iter().map(|c| c.1).collect();
    assert_eq!(values, ["four civilians", "three people"]);
    // Luhansk and Lugansk are one region.
    alignment(&doc, "Place of deaths", "agreement");
    alignment(&doc, "Role of Serhiy Hordiienko", "agreement");
}

#[test]
fn story_protest_figures_that_only_look_different_agree() {
    let doc = compare(&["fixtures/stories/protest"]);
    assert_eq!(verdicts(&doc, "contradiction"), 0, "{doc:#}");
    let figure = alignment(&doc, "Figure in the protest", "agreement");
    let values: Vec<String> = sides(figure).into_iter().map(|c| c.1).collect();
    assert_eq!(
        values,
        ["More than 10,000 people", "About 12,000 protesters"]
    );
    // "the Georgian capital" is Tbilisi.
    alignment(&doc, "Place of the protest", "agreement");
}

#[test]
fn story_quake_a_risen_toll_is_an_update_not_a_contradiction() {
    let doc = compare(&["fixtures/stories/quake"]);
    assert_eq!(verdicts(&doc, "contradiction"), 0, "{doc:#}");
    let toll = alignment(&doc, "Number of deaths", "update");
    assert_eq!(toll["rule"], "figure-revised");
    // The city lies in the province: a refinement.
    alignment(&doc, "Place of the disaster", "refinement");
}

#[test]
fn story_rail_denied_injuries_and_one_city_under_two_names() {
    let doc = compare(&["fixtures/stories/rail"]);
    let injuries = alignments(&doc)
        .iter()
        .find(|a| a["verdict"] == "contradiction" && a["type"] == "polarity")
        .expect("the injuries denied");
    let s = sides(injuries);
    // "nobody was injured" against "two workers were injured".
    assert!(
        s.iter()
            .any(|c| c.0 == 0 && c.1 == "injured" && c.2 == "Minsk")
    );
    assert!(s.iter().any(|c| c.0 == 1 && c.1.contains("nobody")));
    // Homel and Gomel: one city, each side as its article spells it.
    let place = alignment(&doc, "Place of the crash", "agreement");
    let values: Vec<&str> = place["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["Homel (BY)", "Gomel (BY)"]);
}

#[test]
fn story_volkov_a_denied_hack_and_namesakes_kept_apart() {
    let doc = compare(&["fixtures/stories/volkov"]);
    let hack = alignment(&doc, "Whether the grid was attacked", "contradiction");
    let s = sides(hack);
    assert!(s.iter().any(|c| c.0 == 0 && c.2 == "Anna Sokolova"));
    assert!(s.iter().any(|c| c.0 == 1 && c.2 == "Anna Petrova"));
    let people: Vec<&str> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "person")
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(
        people.contains(&"Anna Petrova") && people.contains(&"Anna Sokolova"),
        "{people:?}"
    );
}

#[test]
fn story_drift_the_same_quote_worded_differently() {
    let doc = compare(&["fixtures/stories/drift"]);
    let drifts = doc["quote_drift"].as_array().unwrap();
    assert_eq!(drifts.len(), 1, "{drifts:#?}");
    let d = &drifts[0];
    assert_eq!(d["speaker"], "Tomas Lindqvist");
    let removed: Vec<&str> = d["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["op"] == "removed")
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        removed.iter().any(|t| t.contains("northern")),
        "{removed:?}"
    );
    let articles: Vec<&str> = d["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["article"].as_str().unwrap())
        .collect();
    assert!(articles[0].ends_with("a.txt") && articles[1].ends_with("b.txt"));
}

#[test]
fn the_report_is_the_same_whatever_the_argument_order() {
    let a = compare(&[
        "fixtures/stories/quake/a.txt",
        "fixtures/stories/quake/b.txt",
    ]);
    let b = compare(&[
        "fixtures/stories/quake/b.txt",
        "fixtures/stories/quake/a.txt",
    ]);
    assert_eq!(a, b);
}

#[test]
fn story_summit_two_dates_contradict_and_a_moved_venue_is_an_update() {
    let doc = compare(&["fixtures/stories/summit"]);
    let date = alignment(&doc, "Date of the meeting", "contradiction");
    let values: Vec<String> = sides(date).into_iter().map(|c| c.1).collect();
    assert_eq!(values, ["on June 12", "on June 19"]);
    let venue = alignment(&doc, "Venue of the meeting", "update");
    assert_eq!(venue["rule"], "place-moved");
    // "officials said on Friday" dates the report, not the meeting.
    assert!(sides(date).iter().all(|c| c.1 != "on Friday"));
}

#[test]
fn claim_verdicts_one_per_article_with_evidence_and_chain() {
    let out = claimcheck()
        .args([
            "compare",
            "--format",
            "json",
            "--claim",
            "A giant squid was found alive on a beach in Porto",
            "fixtures/claim",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdicts = doc["claim_verdicts"].as_array().unwrap();
    let of = |name: &str| {
        verdicts
            .iter()
            .find(|v| v["article"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no verdict for {name}: {verdicts:#?}"))
    };
    assert_eq!(verdicts.len(), 3);
    assert_eq!(of("hoax.txt")["verdict"], "contradiction");
    assert_eq!(of("confirmed.txt")["verdict"], "agreement");
    assert_eq!(of("other.txt")["verdict"], "unrelated");
    let ev = &of("hoax.txt")["evidence"][0];
    assert!(ev["text"].as_str().unwrap().contains("hoax"));
    assert!(ev["line"].as_u64().unwrap() >= 1 && ev["chain"].is_array());
    assert!(of("hoax.txt")["rule"].is_string() && of("hoax.txt")["type"].is_string());
    assert_eq!(
        doc["claim"],
        "A giant squid was found alive on a beach in Porto"
    );
}
