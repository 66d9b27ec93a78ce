//! Accuracy measurement against human-annotated quotations.
//!
//! The figures follow the corpora's `score.py` exactly, so the two agree on the
//! same predictions: per article, gold and predicted quotations are matched one
//! to one, greedily by best overlap (at least 50% of the longer span, in
//! characters); exact means the same span after trimming quote marks, white
//! space and trailing `.,;:!?`; speaker accuracy is over matched quotations.
//!
//! How claimcheck's statements become predictions: scare quotes are not
//! quotations and are left out; a partial quote inside an indirect statement is
//! part of that statement (the annotators' "mixed" quotation) and is not
//! predicted again; a multi-paragraph quote is predicted paragraph by
//! paragraph, as the annotators mark it.

use crate::analysis::AnalyzedArticle;
use crate::grammar::Kind;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One gold quotation.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub article: String,
    pub quote: String,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub speaker: Option<String>,
    pub speaker_ref: Option<String>,
    pub kind: Option<String>,
}

/// One predicted quotation (character offsets), as score.py reads it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Prediction {
    pub article: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
    pub speaker_mention: Option<String>,
    pub kind: Kind,
}

/// Predictions for one analysed article.
pub fn predictions(item: &AnalyzedArticle) -> Vec<Prediction> {
    let a = &item.article;
    let name = a.id.rsplit('/').next().unwrap_or(&a.id).to_string();
    let indirect: Vec<_> = item
        .statements
        .iter()
        .filter(|r| r.statement.kind == Kind::Indirect)
        .map(|r| r.statement.span)
        .collect();
    // Byte → char offsets, computed once per article.
    let mut char_at = vec![0usize; a.text.len() + 1];
    let mut n = 0;
    for (i, c) in a.text.char_indices() {
        for slot in &mut char_at[i..i + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    char_at[a.text.len()] = n;
    let mut out = Vec::new();
    for r in &item.statements {
        let st = &r.statement;
        match st.kind {
            Kind::Scare => continue,
            Kind::Partial if indirect.iter().any(|s| s.contains(st.span)) => continue,
            _ => {}
        }
        for part in &st.parts {
            out.push(Prediction {
                article: name.clone(),
                quote: a.slice(*part).to_string(),
                start: char_at[part.start],
                end: char_at[part.end],
                speaker: r.speaker.clone(),
                speaker_mention: st.speaker.map(|s| a.slice(s).to_string()),
                kind: st.kind,
            });
        }
    }
    out
}

/// The figures for one corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    pub n_gold: usize,
    pub n_pred: usize,
    pub matched: usize,
    pub exact: usize,
    pub speaker_total: usize,
    pub speaker_ok: usize,
    pub ignored: usize,
    pub recall_by_kind: BTreeMap<String, (usize, usize)>,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.n_pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.n_gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn exact_precision(&self) -> f64 {
        ratio(self.exact, self.n_pred)
    }
    pub fn exact_recall(&self) -> f64 {
        ratio(self.exact, self.n_gold)
    }
    pub fn exact_f1(&self) -> f64 {
        f1(self.exact_precision(), self.exact_recall())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_total)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

const QUOTE_CHARS: &[char] = &[
    '"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{201f}', '\u{ab}', '\u{bb}', '\'',
];

fn trim_left_char(c: char) -> bool {
    c == ' '
        || c == '\t'
        || c == '\r'
        || c == '\n'
        || QUOTE_CHARS.contains(&c)
        || c == '\u{2018}'
        || c == '\u{2019}'
        || c == '`'
}

fn trim_right_char(c: char) -> bool {
    trim_left_char(c) || ".,;:!?".contains(c)
}

/// A span with marks, white space and trailing punctuation trimmed, in
/// characters (score.py's `norm_span`).
fn norm_span(quote: &str, start: usize, end: usize) -> (usize, usize) {
    let chars: Vec<char> = quote.chars().collect();
    if chars.len() != end - start {
        return (start, end);
    }
    let l = chars.iter().take_while(|&&c| trim_left_char(c)).count();
    let r = chars
        .iter()
        .rev()
        .take_while(|&&c| trim_right_char(c))
        .count();
    if l + r < chars.len() {
        (start + l, end - r)
    } else {
        (start, end)
    }
}

struct Span2 {
    start: usize,
    end: usize,
    quote: String,
}

fn overlap_score(a: &Span2, b: &Span2) -> f64 {
    let ov = a.end.min(b.end) as i64 - a.start.max(b.start) as i64;
    if ov <= 0 {
        return 0.0;
    }
    ov as f64 / (a.end - a.start).max(b.end - b.start) as f64
}

fn greedy_match(golds: &[&Span2], preds: &[&Span2]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (i, g) in golds.iter().enumerate() {
        for (j, p) in preds.iter().enumerate() {
            let sc = overlap_score(g, p);
            if sc >= 0.5 {
                cands.push((sc, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut ug, mut up, mut pairs) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, i, j) in cands {
        if ug.contains(&i) || up.contains(&j) {
            continue;
        }
        ug.insert(i);
        up.insert(j);
        pairs.push((i, j));
    }
    pairs
}

fn name_tokens(s: &str) -> Vec<String> {
    let s = s.to_lowercase().replace('\u{2019}', "'");
    let mut cleaned = String::with_capacity(s.len());
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < b.len() {
        // Drop a possessive 's at a word end.
        if b[i] == '\''
            && i + 1 < b.len()
            && b[i + 1] == 's'
            && (i + 2 == b.len() || !b[i + 2].is_alphanumeric())
        {
            i += 2;
            continue;
        }
        cleaned.push(b[i]);
        i += 1;
    }
    cleaned
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn contiguous_in(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && a.len() <= b.len() && b.windows(a.len()).any(|w| w == a)
}

fn last_token(t: &[String]) -> Option<&String> {
    t.iter()
        .rev()
        .find(|x| !["jr", "sr", "ii", "iii", "iv"].contains(&x.as_str()))
}

fn speaker_ok(gold_names: &[String], pred: &[String]) -> bool {
    pred.iter().any(|p| {
        let pt = name_tokens(p);
        !pt.is_empty()
            && gold_names.iter().any(|g| {
                let gt = name_tokens(g);
                !gt.is_empty()
                    && (contiguous_in(&gt, &pt)
                        || contiguous_in(&pt, &gt)
                        || last_token(&gt).is_some_and(|l| Some(l) == last_token(&pt)))
            })
    })
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them",
];

fn gold_speakers(g: &Gold) -> Vec<String> {
    let mut out = Vec::new();
    let rf = g.speaker_ref.as_deref().filter(|s| !s.trim().is_empty());
    if let Some(s) = g.speaker.as_deref().filter(|s| !s.trim().is_empty())
        && !(rf.is_some() && PRONOUNS.contains(&s.trim().to_lowercase().as_str()))
    {
        out.push(s.to_string());
    }
    if let Some(r) = rf
        && !out.iter().any(|x| x == r)
    {
        out.push(r.to_string());
    }
    out
}

/// Scores predictions against gold, optionally restricted to gold kinds.
pub fn score(gold: &[Gold], preds: &[Prediction], kinds: Option<&[String]>) -> Scores {
    let mut s = Scores::default();
    let articles: HashSet<&str> = gold.iter().map(|g| basename(&g.article)).collect();
    let mut by_g: HashMap<&str, Vec<&Gold>> = HashMap::new();
    let mut by_x: HashMap<&str, Vec<&Gold>> = HashMap::new();
    for g in gold {
        let keep = kinds.is_none_or(|k| g.kind.as_ref().is_some_and(|gk| k.contains(gk)));
        if keep {
            by_g.entry(basename(&g.article)).or_default().push(g)
        } else {
            by_x.entry(basename(&g.article)).or_default().push(g)
        }
    }
    let mut by_p: HashMap<&str, Vec<&Prediction>> = HashMap::new();
    for p in preds {
        let a = basename(&p.article);
        if articles.contains(a) {
            by_p.entry(a).or_default().push(p);
        }
    }
    let mut names: Vec<&&str> = articles.iter().collect();
    names.sort();
    for art in names {
        let golds = by_g.get(*art).cloned().unwrap_or_default();
        let mut ps = by_p.get(*art).cloned().unwrap_or_default();
        let gspan: Vec<Span2> = golds.iter().map(|g| gold_span(g)).collect();
        if let Some(xs) = by_x.get(*art)
            && !ps.is_empty()
        {
            let xspan: Vec<Span2> = xs.iter().map(|g| gold_span(g)).collect();
            let pspan: Vec<Span2> = ps.iter().map(|p| pred_span(p)).collect();
            let pairs_x = greedy_match(
                &xspan.iter().collect::<Vec<_>>(),
                &pspan.iter().collect::<Vec<_>>(),
            );
            let pairs_k = greedy_match(
                &gspan.iter().collect::<Vec<_>>(),
                &pspan.iter().collect::<Vec<_>>(),
            );
            let matched_k: HashSet<usize> = pairs_k.iter().map(|p| p.1).collect();
            let drop: HashSet<usize> = pairs_x
                .iter()
                .map(|p| p.1)
                .filter(|j| !matched_k.contains(j))
                .collect();
            s.ignored += drop.len();
            ps = ps
                .into_iter()
                .enumerate()
                .filter(|(j, _)| !drop.contains(j))
                .map(|(_, p)| p)
                .collect();
        }
        let pspan: Vec<Span2> = ps.iter().map(|p| pred_span(p)).collect();
        s.n_gold += golds.len();
        s.n_pred += ps.len();
        let pairs = greedy_match(
            &gspan.iter().collect::<Vec<_>>(),
            &pspan.iter().collect::<Vec<_>>(),
        );
        s.matched += pairs.len();
        // Exact matches, one to one by normalised span.
        let mut by_key: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (i, g) in gspan.iter().enumerate() {
            by_key
                .entry(norm_span(&g.quote, g.start, g.end))
                .or_default()
                .push(i);
        }
        let mut used = HashSet::new();
        for p in &pspan {
            if let Some(c) = by_key.get(&norm_span(&p.quote, p.start, p.end))
                && let Some(&i) = c.iter().find(|i| !used.contains(*i))
            {
                used.insert(i);
                s.exact += 1;
            }
        }
        for g in &golds {
            let k = g.kind.clone().unwrap_or_default();
            s.recall_by_kind.entry(k).or_default().1 += 1;
        }
        for &(i, j) in &pairs {
            let g = golds[i];
            s.recall_by_kind
                .entry(g.kind.clone().unwrap_or_default())
                .or_default()
                .0 += 1;
            let names = gold_speakers(g);
            if !names.is_empty() {
                s.speaker_total += 1;
                let p = ps[j];
                let pred: Vec<String> = [p.speaker.clone(), p.speaker_mention.clone()]
                    .into_iter()
                    .flatten()
                    .filter(|x| !x.trim().is_empty())
                    .collect();
                if speaker_ok(&names, &pred) {
                    s.speaker_ok += 1;
                }
            }
        }
    }
    s
}

/// Prints the first `n` missed gold quotes, spurious predictions and wrong
/// speakers (for working on the grammar; never on the corpora's behalf).
#[allow(clippy::print_stdout)]
pub fn print_errors(gold: &[Gold], preds: &[Prediction], kinds: Option<&[String]>, n: usize) {
    let mut arts: Vec<&str> = gold.iter().map(|g| basename(&g.article)).collect();
    arts.sort();
    arts.dedup();
    let (mut fns, mut fps, mut spk) = (Vec::new(), Vec::new(), Vec::new());
    for art in arts {
        let golds: Vec<&Gold> = gold
            .iter()
            .filter(|g| basename(&g.article) == art)
            .filter(|g| kinds.is_none_or(|k| g.kind.as_ref().is_some_and(|gk| k.contains(gk))))
            .collect();
        let ps = without_excluded(gold, preds, kinds, art, &golds);
        let gs: Vec<Span2> = golds.iter().map(|g| gold_span(g)).collect();
        let pss: Vec<Span2> = ps.iter().map(|p| pred_span(p)).collect();
        let pairs = greedy_match(
            &gs.iter().collect::<Vec<_>>(),
            &pss.iter().collect::<Vec<_>>(),
        );
        let mg: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
        let mp: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
        for (i, g) in golds.iter().enumerate() {
            if !mg.contains(&i) {
                fns.push(format!(
                    "FN {art} [{}] {:?} speaker={:?}",
                    g.kind.clone().unwrap_or_default(),
                    clip(&g.quote),
                    g.speaker_ref.clone().or(g.speaker.clone())
                ));
            }
        }
        for (j, p) in ps.iter().enumerate() {
            if !mp.contains(&j) {
                fps.push(format!(
                    "FP {art} [{}] {:?} speaker={:?}",
                    p.kind.as_str(),
                    clip(&p.quote),
                    p.speaker
                ));
            }
        }
        for (i, j) in pairs {
            let names = gold_speakers(golds[i]);
            let p = ps[j];
            let pred: Vec<String> = [p.speaker.clone(), p.speaker_mention.clone()]
                .into_iter()
                .flatten()
                .collect();
            if !names.is_empty() && !speaker_ok(&names, &pred) {
                spk.push(format!(
                    "SPK {art} {:?} gold={names:?} pred={pred:?}",
                    clip(&p.quote)
                ));
            }
        }
    }
    for (title, list) in [("missed", fns), ("spurious", fps), ("wrong speaker", spk)] {
        println!("--- {title}: {} (first {n})", list.len());
        for l in list.iter().take(n) {
            println!("  {l}");
        }
    }
}

/// The predictions for one article, less those that match only a gold quote
/// of an excluded kind (as in [`score`]: neither right nor wrong).
fn without_excluded<'p>(
    gold: &[Gold],
    preds: &'p [Prediction],
    kinds: Option<&[String]>,
    art: &str,
    golds: &[&Gold],
) -> Vec<&'p Prediction> {
    let ps: Vec<&Prediction> = preds
        .iter()
        .filter(|p| basename(&p.article) == art)
        .collect();
    let excluded: Vec<Span2> = gold
        .iter()
        .filter(|g| basename(&g.article) == art)
        .filter(|g| !kinds.is_none_or(|k| g.kind.as_ref().is_some_and(|gk| k.contains(gk))))
        .map(gold_span)
        .collect();
    if excluded.is_empty() {
        return ps;
    }
    let gs: Vec<Span2> = golds.iter().map(|g| gold_span(g)).collect();
    let pss: Vec<Span2> = ps.iter().map(|p| pred_span(p)).collect();
    let px = greedy_match(
        &excluded.iter().collect::<Vec<_>>(),
        &pss.iter().collect::<Vec<_>>(),
    );
    let pk = greedy_match(
        &gs.iter().collect::<Vec<_>>(),
        &pss.iter().collect::<Vec<_>>(),
    );
    let mk: HashSet<usize> = pk.iter().map(|p| p.1).collect();
    let drop: HashSet<usize> = px.iter().map(|p| p.1).filter(|j| !mk.contains(j)).collect();
    ps.into_iter()
        .enumerate()
        .filter(|(j, _)| !drop.contains(j))
        .map(|(_, p)| p)
        .collect()
}

fn clip(s: &str) -> String {
    let c: String = s.chars().take(90).collect();
    if c.len() < s.len() {
        format!("{c}…")
    } else {
        c
    }
}

fn basename(p: &str) -> &str {
    p.rsplit('/').next().unwrap_or(p)
}

fn gold_span(g: &Gold) -> Span2 {
    let start = g.start.unwrap_or(0).max(0) as usize;
    let end = g.end.unwrap_or(0).max(0) as usize;
    Span2 {
        start,
        end: end.max(start),
        quote: g.quote.clone(),
    }
}

fn pred_span(p: &Prediction) -> Span2 {
    Span2 {
        start: p.start,
        end: p.end,
        quote: p.quote.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_rules_match_the_reference_scorer() {
        let s = |g: &[&str], p: &[&str]| {
            speaker_ok(
                &g.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
                &p.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            )
        };
        assert!(s(&["Mr. Obama"], &["President Barack Obama"]));
        assert!(s(&["Russia's RIA news agency"], &["RIA news agency"]));
        assert!(!s(&["he"], &["the president"]));
        assert!(!s(&["Medinsky"], &[]));
    }

    #[test]
    fn score_matches_the_reference_selftest() {
        // The example of score.py's self-test, in characters.
        let text = "date 2022-02-27\nRussia said talks would be held in Gomel. \"We are ready,\" Medinsky told RIA. Zelensky said he would not go to Belarus.";
        let pos = |q: &str| text.find(q).unwrap();
        let g = |q: &str, sp: Option<&str>, rf: Option<&str>, kind: &str| Gold {
            article: "a.txt".into(),
            quote: q.into(),
            start: Some(pos(q) as i64),
            end: Some((pos(q) + q.len()) as i64),
            speaker: sp.map(str::to_string),
            speaker_ref: rf.map(str::to_string),
            kind: Some(kind.into()),
        };
        let gold = vec![
            g(
                "talks would be held in Gomel",
                Some("Russia"),
                None,
                "indirect",
            ),
            g("We are ready,", Some("Vladimir Medinsky"), None, "direct"),
            g(
                "he would not go to Belarus",
                None,
                Some("Volodymyr Zelensky"),
                "indirect",
            ),
        ];
        let p = |q: &str, s: usize, e: usize, sp: &str| Prediction {
            article: "dir/a.txt".into(),
            quote: q.into(),
            start: s,
            end: e,
            speaker: Some(sp.into()),
            speaker_mention: None,
            kind: Kind::Direct,
        };
        let s1 = pos("We are ready,");
        let s2 = pos("talks would be held");
        let s3 = pos("he would not go");
        let preds = vec![
            p("\"We are ready,\"", s1 - 1, s1 + 14, "Medinsky"),
            p("would be held in Gomel", s2 + 6, s2 + 28, "Belarus"),
            p("he would not go to Belarus", s3, s3 + 26, "Zelensky"),
            p("Russia", 16, 22, "x"),
        ];
        let s = score(&gold, &preds, None);
        assert_eq!((s.matched, s.n_pred, s.n_gold, s.exact), (3, 4, 3, 2));
        assert_eq!((s.speaker_ok, s.speaker_total), (2, 3));
        let direct = score(&gold, &preds, Some(&["direct".to_string()]));
        assert_eq!((direct.n_gold, direct.matched, direct.n_pred), (1, 1, 2));
    }
}
