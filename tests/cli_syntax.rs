//! `extract --syntax`: the analysis a journalist or developer reads to see
//! why a sentence was understood as it was, as a table, JSON and CoNLL-U.

mod common;

use common::claimcheck;
use serde_json::Value;

fn run(args: &[&str]) -> (String, String, i32) {
    let out = claimcheck().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn article() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("port.txt");
    std::fs::write(
        &path,
        "date 2026-03-02\n\nThe harbour master denied that the crane had collapsed.\n\n\
         Seven workers weren't hurt, officials said.\n",
    )
    .unwrap();
    let p = path.to_str().unwrap().to_string();
    (dir, p)
}

#[test]
fn conllu_gives_every_word_its_tags_head_and_byte_span() {
    let (_dir, path) = article();
    let (out, err, code) = run(&["extract", "--syntax", "--format", "conllu", &path]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&path).unwrap();
    let sentences: Vec<&str> = out.split("\n\n").filter(|s| s.contains('\t')).collect();
    assert_eq!(sentences.len(), 2, "{out}");
    assert!(out.starts_with(&format!("# newdoc id = {path}\n")));
    assert!(
        sentences[0].contains("# text = The harbour master denied that the crane had collapsed.")
    );
    for s in &sentences {
        let rows: Vec<Vec<&str>> = s
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        assert_eq!(rows.iter().filter(|r| r[6] == "0").count(), 1, "{s}");
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.len(), 10);
            assert_eq!(r[0], (i + 1).to_string());
            let head: usize = r[6].parse().unwrap();
            assert!(head <= rows.len());
            let misc = r[9];
            let span = |key: &str| -> usize {
                let at = misc.find(key).unwrap() + key.len();
                misc[at..].split('|').next().unwrap().parse().unwrap()
            };
            assert_eq!(&text[span("start_byte=")..span("end_byte=")], r[1]);
        }
    }
    // UD's words: the clitic is a word of its own.
    assert!(
        sentences[1].contains("\twere\tbe\tAUX\t"),
        "{}",
        sentences[1]
    );
    assert!(
        sentences[1].contains("\tn't\tnot\tPART\t"),
        "{}",
        sentences[1]
    );
}

#[test]
fn the_table_and_json_show_who_did_what() {
    let (_dir, path) = article();
    let (out, _, code) = run(&["extract", "--syntax", "--color", "never", &path]);
    assert_eq!(code, 0);
    assert!(out.contains("2 sentences, 19 words"), "{out}");
    let denied = out
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some("denied"))
        .unwrap();
    assert!(
        denied.contains("root") && denied.contains("(root)"),
        "{denied}"
    );
    let (out, _, code) = run(&["extract", "--syntax", "--format", "json", &path]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let words = doc["articles"][0]["sentences"][0]["words"]
        .as_array()
        .unwrap();
    let word = |form: &str| words.iter().find(|w| w["form"] == form).unwrap();
    let collapsed = word("collapsed");
    assert_eq!(collapsed["deprel"], "ccomp");
    assert_eq!(collapsed["head"], word("denied")["id"]);
    assert_eq!(word("master")["deprel"], "nsubj");
}

#[test]
fn syntax_refuses_formats_it_does_not_write_and_conllu_needs_it() {
    let (_dir, path) = article();
    let (_, err, code) = run(&["extract", "--syntax", "--format", "jsonl", &path]);
    assert_eq!(code, 2);
    assert!(
        err.contains("extract --syntax writes human, json or conllu"),
        "{err}"
    );
    let (_, err, code) = run(&["extract", "--format", "conllu", &path]);
    assert_eq!(code, 2);
    assert!(err.contains("add --syntax"), "{err}");
    let (_, _, code) = run(&["extract", "--syntax", "--claims", &path]);
    assert_eq!(code, 2);
    let (_, err, code) = run(&["check", "--format", "conllu", &path]);
    assert_eq!(code, 2);
    assert!(err.contains("claimcheck extract --syntax"), "{err}");
}

#[test]
fn conllu_streams_a_directory_in_path_order_and_matches_each_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&b, "date 2026-03-02\n\nThe fire was put out by noon.\n").unwrap();
    std::fs::write(&a, "date 2026-03-02\n\nTwo cranes fell, the port said.\n").unwrap();
    let (whole, err, code) = run(&[
        "extract",
        "--syntax",
        "--format",
        "conllu",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let alone = |p: &std::path::Path| {
        let (out, _, code) = run(&["extract", "--syntax", "-f", "conllu", p.to_str().unwrap()]);
        assert_eq!(code, 0);
        out
    };
    let (one, two) = (alone(&a), alone(&b));
    // Each file alone names itself as given; the walk names it by its path
    // under the directory, which is the same path here.
    assert_eq!(whole, format!("{one}{two}"));
    let out = dir.path().join("out.conllu");
    let (_, _, code) = run(&[
        "extract",
        "--syntax",
        "-f",
        "conllu",
        "-o",
        out.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), whole);
}
