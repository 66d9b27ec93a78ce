//! The module graph of `src/`, computed from the source: every `crate::` and
//! `super::` path outside test modules and comments is an edge from its file
//! to the file of the longest module path it names. The arrows must run one
//! way (no cycle), nothing may import the orchestrator (`run.rs`), and the
//! binary stays thin.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, by its module path (`["compare", "align"]`).
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        if path.is_dir() {
            let mut p = prefix.to_vec();
            p.push(name);
            modules(&path, &p, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut p = prefix.to_vec();
            if !matches!(name.as_str(), "mod" | "lib" | "main") {
                p.push(name);
            }
            out.entry(p).or_insert(path);
        }
    }
}

/// The text without comments and `#[cfg(test)]` items.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if rest.starts_with("//") {
            let end = rest.find('\n').unwrap_or(rest.len());
            rest = &rest[end..];
        } else if rest.starts_with("#[cfg(test)]") {
            // Skip the attribute and the item after it: up to its `;` or
            // through its braces.
            let after = &rest["#[cfg(test)]".len()..];
            let semi = after.find(';');
            let brace = after.find('{');
            match (semi, brace) {
                (Some(s), b) if b.is_none_or(|b| s < b) => rest = &after[s + 1..],
                (_, Some(b)) => {
                    let mut depth = 0;
                    let mut end = after.len();
                    for (i, c) in after[b..].char_indices() {
                        match c {
                            '{' => depth += 1,
                            '}' => {
                                depth -= 1;
                                if depth == 0 {
                                    end = b + i + 1;
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                    rest = &after[end..];
                }
                _ => rest = "",
            }
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The module paths a file's code names, absolute (from the crate root).
fn named_paths(code: &str, me: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // `use` groups first: `use crate::a::{b, c::d}`.
    for (at, _) in code.match_indices("use ") {
        let stmt = &code[at + 4..];
        let Some(end) = stmt.find(';') else { continue };
        let stmt = stmt[..end].trim();
        for root in ["crate::", "super::"] {
            if let Some(body) = stmt.strip_prefix(root) {
                for p in expand(body) {
                    out.push(absolute(root, &p, me));
                }
            }
        }
    }
    // Inline paths: `crate::compare::align::Verdict`.
    for root in ["crate::", "super::"] {
        for (at, _) in code.match_indices(root) {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let tail = &code[at + root.len()..];
            // Segments up to the first that does not end at a `::`.
            let mut path = Vec::new();
            for seg in tail.split("::") {
                let ident: String = seg
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if ident.is_empty() {
                    break;
                }
                let whole = ident.len() == seg.len();
                path.push(ident);
                if !whole {
                    break;
                }
            }
            out.push(absolute(root, &path, me));
        }
    }
    out
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(body: &str) -> Vec<Vec<String>> {
    let body = body.trim();
    if let Some(open) = body.find('{') {
        let prefix: Vec<String> = body[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let inner = &body[open + 1..body.rfind('}').unwrap_or(body.len())];
        let mut parts = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&inner[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&inner[start..]);
        return parts
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .flat_map(expand)
            .map(|p| prefix.iter().cloned().chain(p).collect())
            .collect();
    }
    let name = body.split(" as ").next().unwrap_or(body);
    vec![
        name.split("::")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    ]
}

fn absolute(root: &str, path: &[String], me: &[String]) -> Vec<String> {
    if root == "crate::" {
        return path.to_vec();
    }
    // `super` of `a/b.rs` (module a::b) is `a`; of `a/mod.rs` (module a) it
    // is the root: the parent module either way.
    let mut base = me[..me.len().saturating_sub(1)].to_vec();
    base.extend_from_slice(path);
    base
}

/// File → the files it depends on.
fn graph() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut mods = BTreeMap::new();
    modules(&src, &[], &mut mods);
    let mut edges = BTreeMap::new();
    for (me, file) in &mods {
        let text = std::fs::read_to_string(file).unwrap();
        let mut deps = BTreeSet::new();
        for path in named_paths(&code_only(&text), me) {
            let target = (1..=path.len()).rev().find_map(|k| mods.get(&path[..k]));
            if let Some(t) = target
                && t != file
            {
                deps.insert(t.clone());
            }
        }
        edges.insert(file.clone(), deps);
    }
    edges
}

/// A cycle through `start`, if there is one (depth-first search).
fn cycle_from(
    graph: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    start: &PathBuf,
) -> Option<Vec<PathBuf>> {
    fn walk(
        g: &BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        at: &PathBuf,
        start: &PathBuf,
        path: &mut Vec<PathBuf>,
        seen: &mut BTreeSet<PathBuf>,
    ) -> bool {
        for next in &g[at] {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(g, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.clone()];
    let mut seen = BTreeSet::new();
    walk(graph, start, start, &mut path, &mut seen).then_some(path)
}

fn short(p: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    p.strip_prefix(&src).unwrap_or(p).display().to_string()
}

#[test]
fn the_module_graph_has_no_cycle() {
    let g = graph();
    assert!(g.len() > 40, "{} files", g.len());
    let cycles: Vec<String> = g
        .keys()
        .filter_map(|f| cycle_from(&g, f))
        .map(|c| c.iter().map(|p| short(p)).collect::<Vec<_>>().join(" → "))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn nothing_imports_the_orchestrator() {
    let g = graph();
    let run = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/run.rs");
    let importers: Vec<String> = g
        .iter()
        .filter(|(f, deps)| deps.contains(&run) && !f.ends_with("main.rs"))
        .map(|(f, _)| short(f))
        .collect();
    assert!(importers.is_empty(), "{importers:?} import run.rs");
}

#[test]
fn the_binary_is_thin() {
    let main =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    assert!(
        main.lines().count() <= 30,
        "main.rs has {} lines",
        main.lines().count()
    );
}

#[test]
fn the_graph_reader_sees_uses_groups_and_inline_paths() {
    let code = code_only(
        "use crate::a::{b, c::{d, e as f}};\n// crate::commented::out\nfn x() { crate::g::h(); super::i::j(); }\n#[cfg(test)]\nmod tests { use crate::hidden; }\n",
    );
    let me = vec!["m".to_string(), "n".to_string()];
    let paths = named_paths(&code, &me);
    let has = |p: &[&str]| {
        paths
            .iter()
            .any(|q| q.iter().map(String::as_str).eq(p.iter().copied()))
    };
    assert!(has(&["a", "b"]));
    assert!(has(&["a", "c", "d"]));
    assert!(has(&["a", "c", "e"]));
    assert!(has(&["g", "h"]));
    assert!(has(&["m", "i", "j"]));
    assert!(
        !paths
            .iter()
            .any(|p| p.iter().any(|s| s == "commented" || s == "hidden"))
    );
}
