//! The readable, coloured report. Colour is decided once by the caller
//! ([`crate::paint`]'s switch); this file only asks for styles.

use super::findings::plural;
use super::{Reporter, View, clip, position};
use crate::analysis::Analysis;
use crate::article::Article;
use crate::grammar::{IssueKind, Kind};
use crate::ingest::InputStatus;
use crate::paint::Paint;
use crate::sources::{Chain, SourceKind};
use crate::speakers::Resolved;
use std::io::{self, Write};

/// Human-readable output.
#[derive(Debug, Default)]
pub struct Human;

impl Reporter for Human {
    fn write(&self, analysis: &Analysis, view: View, out: &mut dyn Write) -> io::Result<()> {
        if view == View::Sources {
            return write_sources(analysis, out);
        }
        if view == View::Compare {
            return write_compare(analysis, out);
        }
        if view == View::Check {
            return super::diagnostics::write_check(analysis, out);
        }
        for (index, item) in analysis.articles.iter().enumerate() {
            let a = &item.article;
            let seg = &item.segments;
            let date = a
                .date
                .map_or_else(|| "no date".to_string(), |d| d.to_string());
            writeln!(
                out,
                "{}  {}  {}, {} in {}",
                a.id.bold(),
                date.cyan(),
                plural(item.statements.len(), "statement"),
                plural(seg.sentences.len(), "sentence"),
                plural(seg.paragraphs.len(), "paragraph")
            )?;
            for (label, value) in [
                ("title", &a.title),
                ("outlet", &a.outlet),
                ("author", &a.author),
                ("url", &a.url),
            ] {
                if let Some(v) = value {
                    writeln!(out, "  {:<8} {}", label.dimmed(), v)?;
                }
            }
            for ex in &a.excluded {
                let (line, col) = position(a, ex.span);
                let kind = serde_json::to_value(ex.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "  {:>4}:{:<3} {:<9} {} {}",
                    line.to_string().dimmed(),
                    col.to_string().dimmed(),
                    "excluded".yellow(),
                    kind,
                    format!("\"{}\"", clip(a.slice(ex.span), 70)).dimmed()
                )?;
            }
            for issue in &item.issues {
                let (line, col) = position(a, issue.span);
                let what = match issue.kind {
                    IssueKind::UnclosedQuote => "quote mark never closes",
                    IssueKind::UnopenedQuote => "closing quote mark with nothing open",
                    IssueKind::NestingTooDeep => "quotes nested too deeply",
                };
                writeln!(
                    out,
                    "  {:>4}:{:<3} {:<9} {what}",
                    line.to_string().dimmed(),
                    col.to_string().dimmed(),
                    "warning".yellow().bold()
                )?;
            }
            if view == View::Extract {
                for (r, chain) in item.statements.iter().zip(&item.chains) {
                    write_statement(out, a, r, chain)?;
                }
            }
            if view == View::Claims {
                for c in super::claims::claims_out(analysis, index) {
                    write_claim(out, &c)?;
                }
            }
            writeln!(out)?;
        }
        if view == View::Claims {
            write_entities(analysis, out)?;
        }
        let mut read = 0;
        let mut failed = 0;
        let mut skipped = 0;
        for input in &analysis.inputs {
            match &input.status {
                InputStatus::Read { .. } => read += 1,
                InputStatus::Failed { error } => {
                    failed += 1;
                    writeln!(out, "{} {}", "failed:".red().bold(), error)?;
                }
                InputStatus::Skipped { reason } => {
                    skipped += 1;
                    writeln!(out, "{} {}: {}", "skipped:".yellow(), input.path, reason)?;
                }
            }
        }
        for w in &analysis.warnings {
            writeln!(out, "{} {}", "warning:".yellow().bold(), w)?;
        }
        let statements: usize = analysis.articles.iter().map(|a| a.statements.len()).sum();
        let sentences: usize = analysis
            .articles
            .iter()
            .map(|a| a.segments.sentences.len())
            .sum();
        let excluded: usize = analysis
            .articles
            .iter()
            .map(|a| a.article.excluded.len())
            .sum();
        let mut summary = format!(
            "{} from {} read, {failed} failed",
            plural(analysis.articles.len(), "article"),
            plural(read, "input"),
        );
        if skipped > 0 {
            summary.push_str(&format!(", {skipped} skipped"));
        }
        summary.push_str(&format!(
            "; {}; {}; {}",
            plural(statements, "statement"),
            plural(sentences, "sentence"),
            plural(excluded, "excluded region")
        ));
        let summary = if failed > 0 {
            summary.red().bold()
        } else {
            summary.green().bold()
        };
        writeln!(out, "{summary}")
    }
}

/// One statement: position, kind, who and how, then the words.
fn write_statement(
    out: &mut dyn Write,
    a: &Article,
    r: &Resolved,
    chain: &Chain,
) -> io::Result<()> {
    let st = &r.statement;
    let (line, col) = position(a, st.span);
    let kind = match st.kind {
        Kind::Direct => "direct".green(),
        Kind::Partial => "partial".cyan(),
        Kind::Scare => "scare".magenta(),
        Kind::Indirect => "indirect".blue(),
    };
    let mut who = match (&r.speaker, st.speaker) {
        (Some(name), Some(m)) if a.slice(m) != name => format!("{} ({})", name.bold(), a.slice(m)),
        (Some(name), _) => name.bold().to_string(),
        (None, Some(m)) => a.slice(m).to_string(),
        (None, None) => "no speaker".dimmed().to_string(),
    };
    if let Some(c) = st.cue {
        who.push(' ');
        who.push_str(a.slice(c));
    }
    if chain.0.len() > 2 {
        let via: Vec<&str> = chain.0[1..chain.0.len() - 1]
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        who.push_str(&format!(" {} {}", "via".dimmed(), via.join(" ← ")));
    }
    if st.inherited {
        who.push_str(&" (continued)".dimmed().to_string());
    }
    writeln!(
        out,
        "  {:>4}:{:<3} {:<9} {}",
        line.to_string().dimmed(),
        col.to_string().dimmed(),
        kind,
        who
    )?;
    let text = clip(a.slice(st.span), 160);
    let shown = if st.kind == Kind::Indirect {
        text
    } else {
        format!("“{text}”")
    };
    writeln!(out, "             {shown}")?;
    for n in &st.nested {
        writeln!(
            out,
            "             {} {} “{}”",
            "↳".dimmed(),
            n.kind.as_str(),
            clip(a.slice(n.span), 60)
        )?;
    }
    Ok(())
}

/// Per article, the sources it relies on and how many statements each
/// carries; then every source of the set with its independent origins.
fn write_sources(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    for item in &analysis.articles {
        writeln!(out, "{}", item.article.id.bold())?;
        let mut counts: Vec<(SourceKind, &str, usize)> = Vec::new();
        for chain in &item.chains {
            for link in chain.0.iter().skip(1) {
                match counts
                    .iter_mut()
                    .find(|(k, n, _)| *k == link.kind && *n == link.name)
                {
                    Some(c) => c.2 += 1,
                    None => counts.push((link.kind, &link.name, 1)),
                }
            }
        }
        counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(b.1)));
        for (kind, name, n) in &counts {
            writeln!(
                out,
                "  {:<12} {:<40} {}",
                kind_label(*kind),
                name,
                plural(*n, "statement")
            )?;
        }
        let unattributed = item.chains.iter().filter(|c| c.0.len() == 1).count();
        if unattributed > 0 {
            writeln!(
                out,
                "  {:<12} {:<40} {}",
                "(own words)".dimmed(),
                "",
                plural(unattributed, "statement")
            )?;
        }
        for (r, chain) in item.statements.iter().zip(&item.chains) {
            if chain.0.len() > 2 {
                let (line, col) = position(&item.article, r.statement.span);
                writeln!(
                    out,
                    "  {:>4}:{:<3} {} {}",
                    line.to_string().dimmed(),
                    col.to_string().dimmed(),
                    "chain".dimmed(),
                    chain
                        .0
                        .iter()
                        .skip(1)
                        .map(|l| l.name.as_str())
                        .collect::<Vec<_>>()
                        .join(" → ")
                )?;
            }
        }
        writeln!(out)?;
    }
    let graph = super::source_graph(analysis);
    writeln!(out, "{}", "sources across the set".bold())?;
    for n in graph.nodes.iter().filter(|n| n.kind != SourceKind::Article) {
        writeln!(
            out,
            "  {:<12} {:<40} {} in {}, {}",
            kind_label(n.kind),
            n.name,
            plural(n.statements, "statement"),
            plural(n.articles, "article"),
            plural(n.origins, "independent origin")
        )?;
    }
    Ok(())
}

fn kind_label(kind: SourceKind) -> crate::paint::Painted<&'static str> {
    match kind {
        SourceKind::Article => "article".plain(),
        SourceKind::Outlet => "outlet".blue(),
        SourceKind::Person => "person".green(),
        SourceKind::Organisation => "organisation".cyan(),
        SourceKind::Medium => "medium".magenta(),
        SourceKind::Anonymous => "anonymous".yellow(),
        SourceKind::Group => "group".green(),
    }
}

/// One claim: event, modality and polarity, source, then one line per slot.
fn write_claim(out: &mut dyn Write, c: &super::claims::ClaimOut<'_>) -> io::Result<()> {
    let mut head = c.event.to_string();
    if c.modality != "actual" {
        head.push_str(&format!(" ({})", c.modality));
    }
    let polarity = if c.polarity == "asserted" {
        String::new()
    } else {
        format!(" {}", c.polarity.to_uppercase().red().bold())
    };
    let source = if c.source.is_empty() {
        "the article".to_string()
    } else {
        c.source.clone()
    };
    writeln!(
        out,
        "  {:>4}:{:<3} {}{polarity}  {} {}",
        c.line.to_string().dimmed(),
        c.column.to_string().dimmed(),
        head.bold(),
        "source:".dimmed(),
        source
    )?;
    if let Some(p) = &c.place {
        let mut value = match p.place {
            Some(pl) => format!("{} ({} {})", pl.name, kind_name(pl), pl.country),
            None => String::new(),
        };
        if let Some(country) = p.country
            && p.place.is_none_or(|pl| pl.country != country)
        {
            value.push_str(&format!(" in {country}"));
        }
        if !p.between.is_empty() {
            value = format!("border {}", p.between.join("–"));
        }
        writeln!(
            out,
            "             {:<10} \"{}\" → {}",
            "place".cyan(),
            clip(p.at.text, 60),
            value
        )?;
    }
    if let Some(t) = &c.time {
        let value = t.value.clone().unwrap_or_else(|| "unresolved".to_string());
        writeln!(
            out,
            "             {:<10} \"{}\" → {}",
            "time".cyan(),
            t.at.text,
            value
        )?;
    }
    if let Some(q) = &c.quantity {
        let qualifier = serde_json::to_value(q.qualifier)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut value = format!("{} {}", qualifier, q.value);
        if let Some(u) = q.upper {
            value.push_str(&format!("–{u}"));
        }
        if let Some(unit) = q.unit {
            value.push_str(&format!(" {unit}"));
        }
        writeln!(
            out,
            "             {:<10} \"{}\" → {}",
            "quantity".cyan(),
            q.at.text,
            value
        )?;
    }
    if !c.participants.is_empty() {
        // One entry per entity: the first role the claim gives it.
        let mut seen: Vec<&str> = Vec::new();
        let who: Vec<String> = c
            .participants
            .iter()
            .filter(|p| {
                let name = p.entity.unwrap_or(p.at.text);
                let new = !seen.contains(&name);
                seen.push(name);
                new
            })
            .map(|p| {
                let role = serde_json::to_value(p.role)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                format!("{} ({role})", p.entity.unwrap_or(p.at.text))
            })
            .collect();
        writeln!(out, "             {:<10} {}", "who".cyan(), who.join(", "))?;
    }
    writeln!(
        out,
        "             {}",
        format!("\"{}\"", clip(c.text, 100)).dimmed()
    )
}

fn kind_name(p: &crate::claims::mentions::PlaceRef) -> &'static str {
    use crate::resolve::gazetteer::PlaceKind;
    match p.kind {
        PlaceKind::City => "city",
        PlaceKind::Region => "region",
        PlaceKind::Country => "country",
        PlaceKind::Continent => "continent",
    }
}

/// The entity table: each entity with its spellings.
fn write_entities(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let entities = super::claims::entities_out(analysis);
    if entities.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", "Entities".bold())?;
    for e in entities {
        let variants: Vec<String> = e
            .variants
            .iter()
            .map(|v| {
                let via = match v.via {
                    crate::claims::mentions::Via::Name => String::new(),
                    other => format!(
                        " [{}]",
                        serde_json::to_value(other)
                            .ok()
                            .and_then(|x| x.as_str().map(str::to_string))
                            .unwrap_or_default()
                    ),
                };
                format!("{} ×{}{via}", v.text, v.count)
            })
            .collect();
        writeln!(
            out,
            "  {:<28} {:<12} {}",
            e.name.bold(),
            e.kind.as_str().dimmed(),
            variants.join(", ")
        )?;
    }
    writeln!(out)
}

/// The sentence of a claim with the value's words highlighted, clipped
/// around them.
fn highlighted(text: &str, sentence: (usize, usize), value: Option<(usize, usize)>) -> String {
    let (s0, s1) = sentence;
    let Some((v0, v1)) = value.filter(|&(v0, v1)| s0 <= v0 && v1 <= s1 && v0 < v1) else {
        return clip(&text[s0..s1], 110);
    };
    let before = clip_left(&text[s0..v0], 50);
    let rest = &text[v1..s1];
    let lead = if rest.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let after = format!("{lead}{}", clip(rest, 50));
    format!("{}{}{}", before, text[v0..v1].bold().yellow(), after)
}

/// The last `max` characters of a text, with an ellipsis in front.
fn clip_left(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let trailing = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let n = flat.chars().count();
    if n <= max {
        return format!("{flat}{trailing}");
    }
    let tail: String = flat.chars().skip(n - max + 1).collect();
    format!("…{tail}{trailing}")
}

/// `compare`: every alignment, contradictions first, each side's claims with
/// their sentence and chain; then quote drift; then counts.
fn write_compare(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    use crate::compare::align::Verdict;
    if let Some(check) = &analysis.claim_check {
        return write_claim_check(analysis, &check.claim, out);
    }
    let cmp = &analysis.comparison;
    for al in &cmp.alignments {
        let verdict = al.verdict.as_str().to_uppercase();
        let verdict = match al.verdict {
            Verdict::Contradiction => verdict.red().bold(),
            Verdict::Update => verdict.yellow().bold(),
            Verdict::Uncorroborated => verdict.magenta().bold(),
            _ => verdict.green().bold(),
        };
        writeln!(
            out,
            "{}: {} ({})",
            al.topic.bold(),
            verdict,
            al.slot.as_str()
        )?;
        let mut why = format!("same event ({})", al.why.event);
        if !al.why.shared.is_empty() {
            why.push_str(&format!(", naming {}", al.why.shared.join(", ")));
        }
        if let (Some(f), Some(t)) = (&al.why.from, &al.why.to) {
            why.push_str(&format!(", {f}..{t}"));
        }
        writeln!(out, "  {} {why}; rule {}", "why:".dimmed(), al.rule)?;
        for (si, side) in al.sides.iter().enumerate() {
            let label = if al.sides.len() > 1 {
                format!("side {}", (b'A' + (si as u8 % 26)) as char)
            } else {
                "claims".to_string()
            };
            writeln!(
                out,
                "  {} {}",
                format!("{label}:").bold(),
                side.value.cyan()
            )?;
            for id in &side.claims {
                let item = &analysis.articles[id.article];
                let a = &item.article;
                let c = &item.claims.claims[id.claim];
                let (line, col) = position(a, c.sentence);
                let value = super::claims::value_span(c, al.slot).map(|s| (s.start, s.end));
                writeln!(
                    out,
                    "    {} {}",
                    "-->".blue(),
                    format!("{}:{line}:{col}", a.id).dimmed()
                )?;
                writeln!(
                    out,
                    "        {}",
                    highlighted(&a.text, (c.sentence.start, c.sentence.end), value)
                )?;
                let chain = c.chain.display();
                let chain = if chain.is_empty() {
                    "the article's own narration".to_string()
                } else {
                    chain
                };
                writeln!(out, "        {} {chain}", "= source:".dimmed())?;
            }
        }
        writeln!(out)?;
    }
    for c in &cmp.conflicts {
        writeln!(
            out,
            "{}: {} ({})",
            c.topic.bold(),
            "CONTRADICTION".red().bold(),
            c.slot.as_str()
        )?;
        writeln!(
            out,
            "  {} about {}; rule {}",
            "why:".dimmed(),
            c.why.event,
            c.rule
        )?;
        for (si, e) in c.sides.iter().enumerate() {
            let label = format!("side {}", (b'A' + si as u8) as char);
            writeln!(out, "  {} {}", format!("{label}:").bold(), e.value.cyan())?;
            let item = &analysis.articles[e.article];
            let a = &item.article;
            let (line, col) = position(a, e.sentence);
            writeln!(
                out,
                "    {} {}",
                "-->".blue(),
                format!("{}:{line}:{col}", a.id).dimmed()
            )?;
            writeln!(
                out,
                "        {}",
                highlighted(
                    &a.text,
                    (e.sentence.start, e.sentence.end),
                    Some((e.cue.start, e.cue.end))
                )
            )?;
            let chain = e
                .statement
                .and_then(|i| item.chains.get(i))
                .map(crate::sources::Chain::display)
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| "the article's own narration".to_string());
            writeln!(out, "        {} {chain}", "= source:".dimmed())?;
        }
        if c.more > 0 {
            writeln!(
                out,
                "  {} {} more tell it as side A does",
                "note:".dimmed(),
                plural(c.more, "article")
            )?;
        }
        writeln!(out)?;
    }
    for d in super::claims::drifts_out(analysis) {
        writeln!(
            out,
            "{}: {} ({:.0}% of words shared)",
            format!("Quote of {}", d.speaker).bold(),
            "DRIFT".yellow().bold(),
            d.overlap * 100.0
        )?;
        for q in &d.quotes {
            writeln!(
                out,
                "    {} {}",
                "-->".blue(),
                format!("{}:{}", q.article, q.line).dimmed()
            )?;
            writeln!(out, "        “{}”", clip(q.text, 110))?;
        }
        let diff: String = d
            .diff
            .iter()
            .map(|p| match p.op {
                "removed" => format!("[-{}-]", p.text).red().to_string(),
                "added" => format!("{{+{}+}}", p.text).green().to_string(),
                _ => p.text.clone(),
            })
            .collect();
        writeln!(out, "  {} {}", "diff:".dimmed(), diff)?;
        writeln!(out)?;
    }
    let count = |v: Verdict| cmp.alignments.iter().filter(|a| a.verdict == v).count();
    let claims: usize = analysis
        .articles
        .iter()
        .map(|a| a.claims.claims.len())
        .sum();
    writeln!(
        out,
        "{}; {}, {} entities; {} contradictions, {} updates, {} refinements, {} agreements, {} uncorroborated; {} quote drift",
        plural(analysis.articles.len(), "article"),
        plural(claims, "claim"),
        analysis.entities.entities.len(),
        count(Verdict::Contradiction) + cmp.conflicts.len(),
        count(Verdict::Update),
        count(Verdict::Refinement),
        count(Verdict::Agreement),
        count(Verdict::Uncorroborated),
        cmp.drifts.len()
    )
}

/// `compare --claim`: one verdict per article, with the rule, why, and the
/// evidence sentences.
fn write_claim_check(analysis: &Analysis, claim: &str, out: &mut dyn Write) -> io::Result<()> {
    use crate::compare::claim::Stance;
    writeln!(out, "{} {}", "Claim:".bold(), claim)?;
    writeln!(out)?;
    for v in super::claims::claim_verdicts_out(analysis) {
        let label = serde_json::to_value(v.verdict)
            .ok()
            .and_then(|x| x.as_str().map(str::to_uppercase))
            .unwrap_or_default();
        let label = match v.verdict {
            Stance::Contradiction => label.red().bold(),
            Stance::Agreement => label.green().bold(),
            Stance::Neutral => label.yellow().bold(),
            Stance::Unrelated => label.dimmed(),
        };
        let kind = v.kind.map(|k| format!(" ({k})")).unwrap_or_default();
        writeln!(out, "{}: {label}{kind}", v.article.bold())?;
        writeln!(
            out,
            "  {} {}; rule {}",
            "why:".dimmed(),
            v.why.trim_end_matches('.'),
            v.rule
        )?;
        for e in &v.evidence {
            writeln!(
                out,
                "    {} {}",
                "-->".blue(),
                format!("{}:{}", v.article, e.line).dimmed()
            )?;
            writeln!(out, "        {}", clip(e.text, 110))?;
            let chain = e.chain.display();
            if !chain.is_empty() {
                writeln!(out, "        {} {chain}", "= source:".dimmed())?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
