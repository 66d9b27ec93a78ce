//! `claimcheck sources` and the `chain` of every extracted statement.

mod common;

use common::{claimcheck, extract as statements};
use serde_json::Value;
use std::collections::HashSet;

/// The chain of the statement starting with `start` (after the "that" of a
/// reported clause), as "name (kind)" after the article.
fn chain_of(all: &[Value], start: &str) -> Vec<String> {
    let s = all
        .iter()
        .find(|s| {
            let text = s["text"].as_str().unwrap();
            text.strip_prefix("that ")
                .unwrap_or(text)
                .starts_with(start)
        })
        .unwrap_or_else(|| panic!("no statement starting {start:?}"));
    let chain = s["chain"].as_array().unwrap();
    assert_eq!(chain[0]["kind"], "article");
    chain[1..]
        .iter()
        .map(|l| {
            format!(
                "{} ({})",
                l["name"].as_str().unwrap(),
                l["kind"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn seeds_chains_the_issue_lists() {
    let all = statements(&["seeds/"]);
    assert_eq!(
        chain_of(&all, "Kyiv “confirmed” the planned talks"),
        ["RT (outlet)", "Vladimir Medinsky (person)"]
    );
    assert_eq!(
        chain_of(&all, "the parties are now deciding"),
        ["RT (outlet)", "Vladimir Medinsky (person)"]
    );
    assert_eq!(
        chain_of(&all, "Kyiv is ready to hold talks"),
        ["AFP (outlet)", "Ukraine’s presidency (organisation)"]
    );
    assert_eq!(
        chain_of(&all, "Kyiv to sit down"),
        ["RIA (outlet)", "Alexander Lukashenko (person)"]
    );
    assert_eq!(
        chain_of(&all, "After some back-and-forth, Ukraine has agreed"),
        ["Russian State Media (outlet)"]
    );
    assert_eq!(
        chain_of(&all, "Any other city"),
        ["video message (medium)", "Volodymyr Zelenskyy (person)"]
    );
    assert_eq!(
        chain_of(&all, "its forces were participating"),
        ["Minsk (organisation)"]
    );
    assert_eq!(
        chain_of(&all, "it wanted to negotiate"),
        ["Kiev (organisation)"]
    );
}

#[test]
fn every_reporting_construction_of_our_fixture() {
    let all = statements(&[
        "fixtures/grammar/chains.txt",
        "--outlet",
        "Coast Radio",
        "--outlet",
        "Nordwire",
    ]);
    // X quoted Y as saying
    assert_eq!(
        chain_of(&all, "the strike fund would be refilled"),
        ["Coast Radio (outlet)", "Ivo Marsh (person)"]
    );
    // X reported, citing Y, that Z said: three levels
    assert_eq!(
        chain_of(&all, "the cranes would be repaired"),
        [
            "Nordwire (outlet)",
            "Coast Radio (outlet)",
            "Ana Ruiz (person)"
        ]
    );
    // Y told Nordwire
    assert_eq!(
        chain_of(&all, "We will not sign anything"),
        ["Nordwire (outlet)", "Dale Okoro (person)"]
    );
    // said in a statement
    assert_eq!(
        chain_of(&all, "the offer was final"),
        ["statement (medium)", "owners (organisation)"]
    );
    // anonymous sources
    assert_eq!(
        chain_of(&all, "the owners had hired a mediator"),
        ["Sources (anonymous)"]
    );
    assert_eq!(
        chain_of(&all, "the mediator would arrive"),
        ["A person familiar with the talks (anonymous)"]
    );
    // in an interview with an outlet
    assert_eq!(
        chain_of(&all, "the port would reopen on Thursday"),
        [
            "Harbour Times (outlet)",
            "interview (medium)",
            "Ana Ruiz (person)"
        ]
    );
    // …, X reported, quoting Y.
    assert_eq!(
        chain_of(&all, "The strike has ended"),
        ["Nordwire (outlet)", "Dale Okoro (person)"]
    );
    // according to an outlet found by its pattern ("the … Times")
    assert_eq!(
        chain_of(&all, "the mediator has settled"),
        ["Harbour Times (outlet)"]
    );
    // Without --outlet, an unknown name is not taken for an outlet.
    let plain = statements(&["fixtures/grammar/chains.txt"]);
    assert_ne!(
        chain_of(&plain, "We will not sign anything")[0],
        "Nordwire (outlet)"
    );
}

#[test]
fn relay_fixture_chains() {
    let all = statements(&["fixtures/grammar/relay.txt", "--outlet", "Coast Radio"]);
    assert_eq!(
        chain_of(&all, "The fund has nothing left"),
        ["Coast Radio (outlet)", "Ivo Marsh (person)"]
    );
    assert_eq!(
        chain_of(&all, "The union will hold a vote"),
        ["Nordwire (outlet)"]
    );
}

fn sources_json(args: &[&str]) -> Value {
    let out = claimcheck()
        .arg("sources")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn two_articles_relaying_one_wire_quote_are_one_origin() {
    let dir = tempfile::tempdir().unwrap();
    let story = |paper: &str| {
        format!(
            "date 2023-05-23 “The cranes are fixed,” Coast Radio reported quoting harbour master Ana Ruiz, the {paper} said.\n"
        )
    };
    std::fs::write(dir.path().join("a.txt"), story("Gazette")).unwrap();
    std::fs::write(dir.path().join("b.txt"), story("Courier")).unwrap();
    let d = dir.path().display().to_string();
    let v = sources_json(&[&d, "--outlet", "Coast Radio"]);
    let nodes = v["nodes"].as_array().unwrap();
    let radio = nodes.iter().find(|n| n["name"] == "Coast Radio").unwrap();
    assert_eq!(radio["kind"], "outlet");
    assert_eq!(radio["articles"], 2);
    assert_eq!(radio["statements"], 2);
    assert_eq!(radio["origins"], 1);
    let ruiz = nodes.iter().find(|n| n["name"] == "Ana Ruiz").unwrap();
    assert_eq!(ruiz["kind"], "person");
    // Edges carry their evidence.
    let edges = v["edges"].as_array().unwrap();
    let quotes = edges
        .iter()
        .find(|e| e["kind"] == "quotes" && e["to"] == ruiz["id"] && e["from"] == radio["id"])
        .unwrap();
    assert_eq!(quotes["evidence"].as_array().unwrap().len(), 2);
    assert_eq!(quotes["evidence"][0]["line"], 1);
}

/// A small structural check of DOT: balanced braces, one statement per
/// line, every edge between declared nodes, every label quoted.
fn check_dot(dot: &str) {
    let lines: Vec<&str> = dot.lines().collect();
    assert_eq!(lines[0], "digraph sources {");
    assert_eq!(*lines.last().unwrap(), "}");
    let mut declared = HashSet::new();
    for l in &lines[1..lines.len() - 1] {
        let l = l.trim();
        assert!(l.ends_with(';'), "statement without ';': {l}");
        if let Some((lhs, rest)) = l.split_once(" -> ") {
            let rhs = rest.split_whitespace().next().unwrap();
            assert!(declared.contains(lhs), "edge from undeclared node: {l}");
            assert!(declared.contains(rhs), "edge to undeclared node: {l}");
        } else if l.starts_with('n') {
            declared.insert(l.split_whitespace().next().unwrap().to_string());
        }
        // Quotes inside labels are escaped: an even number of unescaped '"'.
        let unescaped = l.replace("\\\"", "").matches('"').count();
        assert_eq!(unescaped % 2, 0, "unbalanced quotes: {l}");
    }
    assert!(!declared.is_empty());
}

#[test]
fn dot_output_is_valid() {
    let out = claimcheck()
        .args(["sources", "seeds/", "--format", "dot"])
        .output()
        .unwrap();
    let dot = String::from_utf8(out.stdout).unwrap();
    check_dot(&dot);
    assert!(dot.lines().count() > 10);
    assert!(dot.contains("label=\"RT\\noutlet\", shape=box"));
    // Where Graphviz is installed, it must accept the file too.
    if let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let res = child.wait_with_output().unwrap();
        assert!(res.status.success());
        assert!(String::from_utf8_lossy(&res.stdout).contains("<svg"));
    }
}

#[test]
fn dot_and_mermaid_escape_names() {
    let dir = tempfile::tempdir().unwrap();
    // A quote mark in the file name reaches the article node's label.
    let p = dir.path().join("the \"Bridge\" story.txt");
    std::fs::write(&p, "“Fine,” said the \"Bridge\" Gazette reporter Jo Lee.\n").unwrap();
    let p = p.display().to_string();
    let out = claimcheck()
        .args(["sources", &p, "--format", "dot"])
        .output()
        .unwrap();
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.contains("the \\\"Bridge\\\" story.txt"), "{dot}");
    check_dot(&dot);
    let out = claimcheck()
        .args(["sources", &p, "--format", "mermaid"])
        .output()
        .unwrap();
    check_mermaid(&String::from_utf8(out.stdout).unwrap());
}

/// Mermaid: a flowchart header, node lines with one quoted label and a
/// matching shape, edges between declared nodes.
fn check_mermaid(m: &str) {
    let lines: Vec<&str> = m.lines().collect();
    assert_eq!(lines[0], "flowchart LR");
    let mut declared = HashSet::new();
    for l in &lines[1..] {
        let l = l.trim();
        if l.contains("-->") || l.contains("-.->") {
            let parts: Vec<&str> = l.split_whitespace().collect();
            assert!(declared.contains(parts[0]), "{l}");
            assert!(declared.contains(*parts.last().unwrap()), "{l}");
            continue;
        }
        let id: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let shape = &l[id.len()..];
        let ok = [
            ("[[", "]]"),
            ("((", "))"),
            ("{{", "}}"),
            ("[/", "/]"),
            ("[", "]"),
            ("(", ")"),
        ]
        .iter()
        .any(|(o, c)| shape.starts_with(o) && shape.ends_with(c));
        assert!(ok, "bad node shape: {l}");
        assert_eq!(shape.matches('"').count(), 2, "one quoted label: {l}");
        declared.insert(id);
    }
}

#[test]
fn mermaid_output_is_valid() {
    let out = claimcheck()
        .args(["sources", "seeds/", "--format", "mermaid"])
        .output()
        .unwrap();
    let m = String::from_utf8(out.stdout).unwrap();
    check_mermaid(&m);
    assert!(m.contains("[[\"RT (outlet)\"]]"));
}

#[test]
fn human_sources_lists_per_article_sources_with_counts() {
    let out = claimcheck()
        .args(["sources", "seeds/", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("outlet       RT                                       3 statements"),
        "{text}"
    );
    assert!(text.contains("chain RT → Vladimir Medinsky"), "{text}");
    assert!(text.contains("sources across the set"));
}

#[test]
fn graph_formats_only_for_sources() {
    claimcheck()
        .args(["check", "seeds/", "--format", "dot"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "use it with `claimcheck sources`",
        ));
}

/// A broadcaster's call sign after "told" is an outlet in the chain, and
/// speakers named together are one group, not a person.
#[test]
fn call_signs_relay_and_coordinated_speakers_are_a_group() {
    let all = statements(&["fixtures/grammar/groups.txt"]);
    assert_eq!(
        chain_of(&all, "the damage to the quay"),
        ["TVN24 (outlet)", "Piotr Wisniewski (person)"]
    );
    assert_eq!(
        chain_of(&all, "the port will reopen"),
        ["Mayor Ewa Lis, her deputy and other officials (group)"]
    );
    assert_eq!(
        chain_of(&all, "the channel was clear"),
        ["Adam Nowak, Ewa Lis, and two harbour pilots (group)"]
    );
}
