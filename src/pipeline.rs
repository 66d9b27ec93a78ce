//! The stages in order. [`AnalyzedArticle::new`] runs the per-article ones
//! (segment → grammar → speakers → sources → claims); [`analyse`] runs them
//! over a set in parallel and then [`finish`], the set-level ones (aliases →
//! entity table → comparator). The rules and the reports come after, in the
//! commands ([`crate::run`]).

use crate::analysis::{Analysis, AnalyzedArticle, Settings};
use crate::article::Article;
use crate::claims::{self, ArticleClaims};
use crate::compare::{self, Comparison};
use crate::grammar;
use crate::ingest::{Ingested, InputRecord};
use crate::resolve::{self, entities::Entities};
use crate::segment;
use crate::sources;
use crate::speakers;

impl AnalyzedArticle {
    /// Runs every per-article stage on one article.
    pub fn new(article: Article, settings: &Settings) -> Self {
        let segments = segment::segment(&article);
        // Claims and reported clauses are read off the parse; the parse is
        // kept only when it is asked for (`extract --syntax`).
        let mut syntax = if settings.syntax || settings.claims || settings.parse {
            crate::syntax::analyse(&article, &segments)
        } else {
            crate::syntax::Syntax::default()
        };
        let mut parsed = grammar::parse(&article, &segments, &settings.lexicon);
        // Reported speech the token rules miss, read off the parse.
        if !syntax.sentences.is_empty() {
            grammar::clauses::add(
                &article.text,
                &segments,
                &syntax,
                &settings.lexicon,
                &mut parsed.statements,
            );
        }
        let issues = parsed.issues.clone();
        let (statements, people) = speakers::resolve_with_people(&article, &segments, parsed);
        let chains = sources::chains(&article, &statements, &settings.outlets);
        let claims = if settings.claims {
            claims::extract(
                &claims::Context {
                    article: &article,
                    segments: &segments,
                    statements: &statements,
                    chains: &chains,
                    people: &people,
                    outlets: &settings.outlets,
                    syntax: &syntax,
                },
                &settings.claim_settings,
            )
        } else {
            ArticleClaims::default()
        };
        if !settings.syntax {
            syntax = crate::syntax::Syntax::default();
        }
        AnalyzedArticle {
            article,
            segments,
            statements,
            issues,
            chains,
            people,
            claims,
            syntax,
        }
    }
}

/// Runs the pipeline stages that follow ingestion.
pub fn analyse(ingested: Ingested, settings: &Settings) -> Analysis {
    analyse_with_progress(ingested, settings, &|_| {})
}

/// [`analyse`], calling `tick` with the number of articles done so far
/// (for a progress bar). Articles are analysed in parallel (rayon; the
/// thread count follows `RAYON_NUM_THREADS`); the result keeps their order,
/// so reports do not depend on the thread count.
pub fn analyse_with_progress(
    ingested: Ingested,
    settings: &Settings,
    tick: &(dyn Fn(usize) + Sync),
) -> Analysis {
    let articles = articles_with_progress(ingested.articles, settings, tick);
    let mut analysis = finish(ingested.inputs, articles, settings);
    analysis.warnings = ingested.warnings;
    analysis
}

/// The per-article half of [`analyse_with_progress`]: each article through
/// the stages of one article, in parallel, in input order.
pub fn articles_with_progress(
    articles: Vec<Article>,
    settings: &Settings,
    tick: &(dyn Fn(usize) + Sync),
) -> Vec<AnalyzedArticle> {
    use rayon::prelude::*;
    let done = std::sync::atomic::AtomicUsize::new(0);
    articles
        .into_par_iter()
        .map(|article| {
            let a = AnalyzedArticle::new(article, settings);
            tick(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
            a
        })
        .collect()
}

/// The stages after extraction, over the whole set: aliases, the entity
/// table and the comparator (the last two only with [`Settings::claims`],
/// the comparator not with [`Settings::claims_only`]).
/// Analysed articles may come from [`AnalyzedArticle::new`] or from claim
/// records ([`crate::record`]).
pub fn finish(
    inputs: Vec<InputRecord>,
    articles: Vec<AnalyzedArticle>,
    settings: &Settings,
) -> Analysis {
    let mut analysis = resolve_set(inputs, articles, settings);
    if settings.claims && !settings.claims_only {
        analysis.comparison = compare::compare(&analysis);
    }
    analysis
}

/// [`finish`] without the comparator: aliases and the entity table.
pub fn resolve_set(
    inputs: Vec<InputRecord>,
    mut articles: Vec<AnalyzedArticle>,
    settings: &Settings,
) -> Analysis {
    if !settings.aliases.is_empty() {
        apply_aliases(&mut articles, &settings.aliases);
    }
    let entities = if settings.claims {
        let claims: Vec<&ArticleClaims> = articles.iter().map(|a| &a.claims).collect();
        let mut entities = resolve::entities::resolve(&claims);
        // An alias's canonical name names the entity its spellings joined.
        for e in &mut entities.entities {
            if let Some((name, _)) = settings.aliases.iter().find(|(name, spellings)| {
                e.variants.iter().any(|v| {
                    v.text.eq_ignore_ascii_case(name)
                        || spellings.iter().any(|s| v.text.eq_ignore_ascii_case(s))
                })
            }) {
                e.name = name.clone();
            }
        }
        entities
    } else {
        Entities::default()
    };
    let stories = if settings.claims {
        let texts: Vec<&crate::article::Article> = articles.iter().map(|a| &a.article).collect();
        resolve::stories::stories(&texts)
    } else {
        resolve::stories::Stories::default()
    };
    Analysis {
        inputs,
        warnings: Vec::new(),
        articles,
        entities,
        stories,
        comparison: Comparison::default(),
        findings: Vec::new(),
        claim_check: None,
    }
}

/// Configured aliases: a mention spelt like an alias resolves under the
/// alias's canonical name.
fn apply_aliases(articles: &mut [AnalyzedArticle], aliases: &[(String, Vec<String>)]) {
    let lookup: Vec<(String, &str)> = aliases
        .iter()
        .flat_map(|(name, spellings)| {
            spellings
                .iter()
                .chain(std::iter::once(name))
                .map(move |s| (s.to_lowercase(), name.as_str()))
        })
        .collect();
    for a in articles {
        for m in &mut a.claims.mentions {
            let text = m.text.to_lowercase();
            if let Some((_, name)) = lookup.iter().find(|(s, _)| *s == text) {
                m.name = (*name).to_string();
                if m.kind == crate::claims::mentions::EntityKind::Other {
                    m.kind = crate::claims::mentions::EntityKind::Person;
                }
            }
        }
    }
}

/// For unit tests of the stages: one article named `id`, analysed with
/// claims, as a run over a file would.
#[cfg(test)]
pub(crate) fn analysed(id: &str, text: &str) -> AnalyzedArticle {
    let settings = Settings {
        claims: true,
        ..Settings::default()
    };
    let origin = crate::article::Origin {
        path: id.to_string(),
        record_line: None,
    };
    AnalyzedArticle::new(
        Article::new(id.to_string(), origin, text.to_string()),
        &settings,
    )
}

/// For unit tests of the set-level stages: articles `0.txt`, `1.txt`, …
/// analysed with claims and resolved as one set.
#[cfg(test)]
pub(crate) fn analysed_set<T: AsRef<str>>(texts: &[T]) -> Analysis {
    let settings = Settings {
        claims: true,
        ..Settings::default()
    };
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| analysed(&format!("{i}.txt"), t.as_ref()))
        .collect();
    resolve_set(Vec::new(), articles, &settings)
}
