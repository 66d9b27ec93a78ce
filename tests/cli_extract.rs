//! `claimcheck extract`: the quotation grammar on our own fixture articles and
//! on the seeds, through the JSON Lines contract.

mod common;

use assert_cmd::Command;
use common::extract;
use serde_json::Value;

/// The one statement whose text starts with `start`.
fn find<'a>(all: &'a [Value], start: &str) -> &'a Value {
    let hits: Vec<&Value> = all
        .iter()
        .filter(|s| s["text"].as_str().unwrap().starts_with(start))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "one statement starting {start:?} in {all:#?}"
    );
    hits[0]
}

fn texts(all: &[Value]) -> Vec<&str> {
    all.iter().map(|s| s["text"].as_str().unwrap()).collect()
}

#[test]
fn every_quote_mark_style_with_its_speaker_and_cue() {
    let all = extract(&["fixtures/grammar/marks.txt"]);
    for (start, speaker, cue) in [
        ("We will stay out", "Dale Okoro", "said"),
        ("The port is losing money", "Ana Ruiz", "told"),
        ("Nobody here wants", "Dale Okoro", "said"),
        ("Les quais sont vides", "a visiting French trader", "told"),
        ("Wir warten", "Jonas Weber", "said"),
    ] {
        let s = find(&all, start);
        assert_eq!(s["kind"], "direct", "{s}");
        assert_eq!(s["speaker"], speaker, "{s}");
        assert_eq!(s["cue"], cue, "{s}");
    }
}

#[test]
fn apostrophes_are_never_quote_marks() {
    let all = extract(&["fixtures/grammar/marks.txt"]);
    for t in texts(&all) {
        for bad in ["s, the dockers", "90s", "n' roll", "s office"] {
            assert!(!t.contains(bad), "apostrophe read as a quote mark: {t:?}");
        }
    }
}

#[test]
fn partial_quotes_inside_indirect_speech() {
    let all = extract(&["fixtures/grammar/marks.txt"]);
    let indirect = find(&all, "the strikers had been");
    assert_eq!(indirect["kind"], "indirect");
    let nested: Vec<&str> = indirect["nested"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(nested, ["polite", "as soon as the paperwork is done."]);
    let partial = find(&all, "polite");
    assert_eq!(partial["kind"], "partial");
    assert_eq!(partial["speaker"], "Ana Ruiz");
}

#[test]
fn nested_quotes_also_with_the_outer_marks() {
    let all = extract(&["fixtures/grammar/nesting.txt"]);
    for start in ["The owners “accepted”", "The owners \"accepted\""] {
        let s = find(&all, start);
        assert_eq!(s["kind"], "direct");
        assert_eq!(s["speaker"], "Dale Okoro");
        assert_eq!(s["nested"][0]["text"], "accepted");
        assert_eq!(s["nested"][0]["kind"], "scare");
    }
    let s = find(&all, "When the inspector came");
    assert_eq!(s["speaker"], "Ana Ruiz");
    assert_eq!(s["nested"][0]["text"], "Please check the cranes first,");
}

#[test]
fn multi_paragraph_quote_is_one_statement_in_parts() {
    let all = extract(&["fixtures/grammar/multi.txt"]);
    let s = find(&all, "The first ships will dock");
    assert_eq!(s["speaker"], "Ana Ruiz");
    let parts: Vec<&str> = s["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(parts.len(), 3);
    assert!(parts[1].starts_with("The inner berths"));
    assert_eq!(parts[2], "After that, the port is back to normal.");
    assert!(
        !texts(&all)
            .iter()
            .any(|t| t.contains("Ships waiting offshore"))
    );
}

#[test]
fn unclosed_quote_is_reported_and_swallows_nothing() {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "extract",
            "fixtures/grammar/unbalanced.txt",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let issues = v["articles"][0]["issues"].as_array().unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0]["kind"], "unclosed-quote");
    assert_eq!(issues[0]["line"], 3);
    let all = v["statements"].as_array().unwrap();
    // The quote stops at its paragraph; the next paragraphs are read normally.
    let unclosed = find(all, "The gate stays closed");
    assert!(!unclosed["text"].as_str().unwrap().contains("Okoro"));
    assert_eq!(find(all, "It was never meant")["speaker"], "Dale Okoro");
    assert_eq!(find(all, "the notice was a mistake")["kind"], "indirect");
}

#[test]
fn kinds_and_attribution_positions() {
    let all = extract(&["fixtures/grammar/kinds.txt"]);
    assert_eq!(find(&all, "This is a fair deal")["kind"], "direct");
    // The first statement of the sentence stops before the second one.
    assert_eq!(
        find(&all, "the report “wrong”")["text"],
        "the report “wrong” on Friday"
    );
    let scare = find(&all, "illegal stoppage");
    assert_eq!(scare["kind"], "scare");
    assert!(scare["speaker"].is_null());
    for (start, speaker, cue) in [
        ("that the dockers would return", "Dale Okoro", "said"),
        (
            "The deal includes a new shift rota",
            "port authority",
            "according to",
        ),
        ("the first ship will leave", "Ana Ruiz", "According to"),
        ("that the strike had cost the port", "Ana Ruiz", "said"),
        ("The rota will be reviewed", "union", "said"),
        // A coordinated cue after a phrase: "… and in a short statement said".
        ("the audit was finished", "Ana Ruiz", "said"),
        // A contrasting clause ends the content: ", while the rest said …".
        ("the deal was fair", "dockers", "said"),
        ("they would vote against it", "rest", "said"),
    ] {
        let s = find(&all, start);
        assert_eq!(s["kind"], "indirect", "{s}");
        assert_eq!(s["speaker"], speaker, "{s}");
        assert_eq!(s["cue"], cue, "{s}");
    }
}

#[test]
fn speakers_resolve_through_pronouns_roles_and_surnames() {
    let all = extract(&["fixtures/grammar/speakers.txt"]);
    let he = find(&all, "the fleet would be compensated");
    assert_eq!(
        (he["speaker"].as_str(), he["speaker_mention"].as_str()),
        (Some("Ola Berg"), Some("He"))
    );
    let role = find(&all, "We will pay for the nets");
    assert_eq!(role["speaker"], "Ola Berg");
    assert_eq!(role["speaker_mention"], "the Norwegian fisheries minister");
    assert_eq!(
        find(&all, "the port was ready")["speaker"],
        "Maria Lindqvist"
    );
    assert_eq!(
        find(&all, "that two new berths")["speaker"],
        "Maria Lindqvist"
    );
    // A misspelt surname still finds its person.
    assert_eq!(
        find(&all, "that the berths would be named")["speaker"],
        "Maria Lindqvist"
    );
    // Organisations and capitals speak for themselves.
    assert_eq!(
        find(&all, "it would review the harbour fees")["speaker"],
        "Portbury council"
    );
    assert_eq!(find(&all, "it wants the fees cut")["speaker"], "Oslo");
}

#[test]
fn relayed_quote_names_the_origin_and_the_reporter() {
    let all = extract(&["fixtures/grammar/relay.txt"]);
    let s = find(&all, "The fund has nothing left");
    assert_eq!(s["speaker"], "Ivo Marsh");
    assert_eq!(s["reporter"], "Coast Radio");
    assert_eq!(
        find(&all, "The union will hold a vote")["speaker"],
        "news agency Nordwire"
    );
}

#[test]
fn configured_cue_verbs_extend_the_grammar() {
    let text = "date 2023-05-21 Okoro grumbled that the rota was unfair.";
    let run = |extra: &[&str]| -> Vec<Value> {
        let out = Command::cargo_bin("claimcheck")
            .unwrap()
            .args(["extract", "-", "--format", "jsonl"])
            .args(extra)
            .write_stdin(text)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    assert!(run(&[]).is_empty());
    let with = run(&["--cue", "grumbled"]);
    assert_eq!(with[0]["text"], "that the rota was unfair");
    assert_eq!(with[0]["cue"], "grumbled");
}

#[test]
fn offsets_line_and_column_point_at_the_text() {
    let all = extract(&["fixtures/grammar/marks.txt"]);
    let file = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/grammar/marks.txt"),
    )
    .unwrap();
    for s in &all {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&file[start..end], s["text"].as_str().unwrap());
        let line = s["line"].as_u64().unwrap() as usize;
        let col = s["column"].as_u64().unwrap() as usize;
        let line_start = file[..start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(file[..start].matches('\n').count() + 1, line);
        assert_eq!(file[line_start..start].chars().count() + 1, col);
    }
}

#[test]
fn seeds_statements_the_issue_lists() {
    let all = extract(&["seeds/"]);
    let zel = find(&all, "Any other city in a country");
    assert_eq!(zel["kind"], "direct");
    assert_eq!(zel["cue"], "said");
    assert_eq!(zel["speaker_mention"], "he");
    assert_eq!(zel["speaker"], "Volodymyr Zelenskyy");

    let kyiv = find(&all, "Kyiv “confirmed” the planned talks");
    assert_eq!(kyiv["kind"], "direct");
    assert_eq!(kyiv["speaker"], "Vladimir Medinsky");
    assert_eq!(kyiv["nested"][0]["text"], "confirmed");

    let guarantee = find(&all, "We guarantee that the travel route");
    assert_eq!(guarantee["kind"], "direct");
    assert_eq!(guarantee["speaker"], "Vladimir Medinsky");
    assert_eq!(guarantee["speaker_mention"], "Russian chief negotiator");

    for (partial, speaker) in [
        ("had little or no hope", "Volodymyr Zelenskyy"),
        ("our President did not try enough", "Volodymyr Zelenskyy"),
        ("maximum security", "Vladimir Medinsky"),
        ("neutral ground", "Kiev"),
    ] {
        let s = find(&all, partial);
        assert_eq!(s["kind"], "partial", "{s}");
        assert_eq!(s["speaker"], speaker, "{s}");
    }
    for scare in ["special military operation", "demilitarise", "talks"] {
        let s = all.iter().find(|s| s["text"] == scare).unwrap();
        assert_eq!(s["kind"], "scare");
    }
    for (start, speaker) in [
        ("that he agreed to the talks", "Volodymyr Zelenskyy"),
        ("that the parties are now deciding", "Vladimir Medinsky"),
        ("Kyiv to sit down and hold talks", "Alexander Lukashenko"),
        ("Kyiv is ready to hold talks", "Ukraine’s presidency"),
        ("that its forces were participating", "Minsk"),
    ] {
        let s = find(&all, start);
        assert_eq!(s["kind"], "indirect", "{s}");
        assert_eq!(s["speaker"], speaker, "{s}");
    }
    // Nothing from the "Also Read" furniture.
    for t in texts(&all) {
        assert!(
            !t.contains("Deterrence Forces") && !t.contains("Full Control"),
            "{t}"
        );
    }
}

/// A JSON Lines file longer than the streaming batch (512 articles), with
/// bad lines in different batches: the output is the same for one thread
/// and for several, both bad lines are named, and no good line is lost.
#[test]
fn streaming_keeps_order_and_errors_across_batches_and_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("set.jsonl");
    let mut lines = Vec::new();
    for i in 0..1300 {
        lines.push(match i {
            3 => "{not json".to_string(),
            700 => r#"{"id":"no-text"}"#.to_string(),
            _ => format!(
                r#"{{"id":"a{i}","date":"2022-03-01","text":"\"Stock {i} is gone,\" the mayor said on Monday."}}"#
            ),
        });
    }
    std::fs::write(&path, lines.join("\n")).unwrap();
    let run = |threads: &str| {
        common::claimcheck()
            .env("RAYON_NUM_THREADS", threads)
            .args(["extract", "--format", "jsonl"])
            .arg(&path)
            .output()
            .unwrap()
    };
    let one = run("1");
    let two = run("2");
    assert_eq!(one.status.code(), Some(2));
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stderr, two.stderr);
    let err = String::from_utf8(one.stderr).unwrap();
    assert!(err.contains("set.jsonl:4: malformed JSON"), "{err}");
    assert!(
        err.contains("set.jsonl:701: record has no article text"),
        "{err}"
    );
    let out: Vec<Value> = String::from_utf8(one.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(out.len(), 1298, "one statement per good line");
    let ids: Vec<&str> = out.iter().map(|s| s["article"].as_str().unwrap()).collect();
    let expected: Vec<String> = (0..1300)
        .filter(|i| *i != 3 && *i != 700)
        .map(|i| format!("a{i}"))
        .collect();
    assert_eq!(ids, expected);
}

/// Indirect speech the reporting clause frames in the ways copy most often
/// does: a speaker named in an appositive after a description, an
/// appositive of several parts, a possessive speaker at the start of a
/// sentence, denials of a report ("denied claims that"), a clause without
/// "that" after a verb that otherwise needs it, a passive with its agent.
#[test]
fn indirect_speech_in_the_frames_copy_uses() {
    let all = extract(&["fixtures/grammar/indirect.txt"]);
    for (text, speaker, cue) in [
        (
            "his daughter moved to the terminal in March",
            "Tomasz Reed",
            "says",
        ),
        ("the fire started near the silos", "Lena Voss", "said"),
        ("he had warned the managers twice", "His lawyer", "said"),
        (
            "that the alarms were switched off",
            "terminal operator",
            "denied",
        ),
        ("that the night shift was cut", "dockers' union", "refuting"),
        ("that inspections had lapsed", "city", "dismissed"),
        ("she had not seen the last audit", "Mara Kell", "admitted"),
        ("Bram Ortel ignored the safety notices", "owners", "allege"),
        (
            "that the terminal will reopen on Monday",
            "harbour board",
            "announced",
        ),
        ("they would return to work on Monday", "Several", "said"),
        // After a direct quote, "adding that" takes the quote's speaker; the
        // speaker's next act ("but did not act") is not what was said.
        (
            "that the insurers had been warned in May",
            "Ewa Sobota",
            "adding",
        ),
        // A dateline in capitals is no subject.
        ("the repairs would take a year", "harbour board", "saying"),
        // The holder of a report speaks, also when the report is the
        // subject of the sentence.
        ("that the cranes were unsafe", "union", "claim"),
        ("that the fire was set deliberately", "owner", "claim"),
        ("that the quay was safe", "mayor", "statement"),
        // Two named speakers after a place are the two, not the place; a
        // short adverbial may stand before a clause with no "that".
        (
            "the night shift would resume",
            "Lena Voss and Tomasz Reed",
            "said",
        ),
        ("she regretted the delay", "Lena Voss", "said"),
    ] {
        let s = find(&all, text);
        assert_eq!(s["text"], text, "{s}");
        assert_eq!(s["kind"], "indirect", "{s}");
        assert_eq!(s["speaker"], speaker, "{s}");
        assert_eq!(s["cue"], cue, "{s}");
    }
    // A straight closing mark after a space, then a hyphen for a dash.
    let direct = find(&all, "We will not pay");
    assert_eq!(direct["kind"], "direct", "{direct}");
    assert_eq!(direct["speaker"], "Ewa Sobota", "{direct}");
    // What was announced is no speaker, and a description is no content.
    for t in texts(&all) {
        assert!(!t.contains("dockers marched"), "{t:?}");
        assert!(!t.starts_with("Her father"), "{t:?}");
    }
}

/// A photo caption between two paragraphs of one quote: the quote steps
/// over it, keeps one part per paragraph of speech, and is no unclosed mark.
#[test]
fn a_quote_runs_on_past_a_photo_caption() {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .args([
            "extract",
            "--format",
            "json",
            "fixtures/grammar/caption.txt",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["articles"][0]["issues"].as_array().unwrap().is_empty(),
        "{v:#}"
    );
    let all = v["statements"].as_array().unwrap();
    let quote = find(all, "We have never seen a fire");
    assert_eq!(quote["speaker"], "Ewa Lis");
    let parts: Vec<&str> = quote["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        parts,
        [
            "We have never seen a fire like this one. The silos went up in minutes.",
            "Nobody was hurt, and that is what matters,"
        ]
    );
}

#[test]
fn the_parse_adds_reported_clauses_and_mixed_quotes_the_token_rules_miss() {
    let fixture = "fixtures/grammar/parse.txt";
    let plain = extract(&[fixture]);
    let parsed = extract(&["--parse", fixture]);
    let starting = |all: &[Value], start: &str| {
        all.iter()
            .filter(|s| s["text"].as_str().unwrap().starts_with(start))
            .count()
    };
    // A relative clause's speaker, a subject with a participle in it, an
    // infinitive after "urge": only the parse reads them.
    for (start, speaker, cue) in [
        ("that the fines had doubled", "Ines Ortega", "noted"),
        ("most of its members had voted", "dockers' union", "said"),
        ("to boil their water", "council", "urge"),
    ] {
        assert_eq!(starting(&plain, start), 0, "{start}: {plain:#?}");
        let s = find(&parsed, start);
        assert_eq!(s["kind"], "indirect", "{s}");
        assert_eq!(s["speaker"], speaker, "{s}");
        assert_eq!(s["cue"], cue, "{s}");
    }
    // A quote in what a naming verb takes is mixed speech: the statement
    // holds it, and the quote is said by the same speaker.
    let mixed = find(&parsed, "the new tariff plan a “gift to smugglers”");
    assert_eq!(mixed["speaker"], "senator");
    assert_eq!(mixed["nested"][0]["kind"], "partial");
    let quote = parsed
        .iter()
        .find(|s| {
            s["kind"] == "partial" && s["text"].as_str().unwrap().contains("gift to smugglers")
        })
        .unwrap();
    assert_eq!(quote["kind"], "partial");
    assert_eq!(quote["speaker"], "senator");
    // A whole quote after "said that" is part of the reported clause.
    let duarte = find(&parsed, "that “the bridge will reopen");
    assert_eq!(duarte["kind"], "indirect");
    assert!(parsed.iter().all(|s| s["kind"] != "direct"), "{parsed:#?}");
    // An object is no reported clause: the token rules' reading of "added"
    // is dropped once the parse shows no verb in it.
    assert_eq!(starting(&plain, "three more goals"), 1);
    assert_eq!(starting(&parsed, "three more goals"), 0);
}
