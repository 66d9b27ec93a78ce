//! The comparator split by block, for cluster runs.
//!
//! Claims are only aligned when their events are equal, so the alignment of
//! one event's claims needs nothing from the other events but the entity
//! table. A cluster job therefore:
//! 1. extracts claim records per article (a map: `extract --records`);
//! 2. builds the entity table once ([`EntityTable`], `compare --from-records
//!    ALL --write-entities FILE`) and ships it to every worker (a broadcast);
//! 3. groups the records by block key, the events of their claims (a
//!    shuffle);
//! 4. aligns each block (a reduce: `compare --from-records - --entities FILE
//!    --block EVENT`), writing [`BlockAlignment`]s that name articles by key,
//!    not by position;
//! 5. merges the blocks' alignments into the whole set's (`check
//!    --from-records ALL --alignments FILES`), which then adds what spans
//!    events (roles, quote drift) and runs the rules.
//!
//! The merged alignments equal [`super::align::align`]'s on the whole set;
//! `scale/spark/check.sh` checks it on real and generated sets.

use super::align::{self, Alignment, ClaimId, Side, SlotKind, Verdict, Why};
use crate::analysis::{Analysis, AnalyzedArticle};
use crate::claims::mentions::EntityKind;
use crate::resolve::entities::{Entities, Entity};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An article's key in cluster files: its path, and `:line` for a JSON Lines
/// record. Unique within a set (paths are de-duplicated).
pub fn article_key(a: &AnalyzedArticle) -> String {
    match a.article.origin.record_line {
        Some(line) => format!("{}:{line}", a.article.origin.path),
        None => a.article.origin.path.clone(),
    }
}

/// One entity as the comparator reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableEntity {
    pub name: String,
    pub kind: EntityKind,
}

/// The entity table of a whole set, with each article's mentions mapped to
/// entities by article key (so a worker holding some articles can use it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityTable {
    pub claimcheck_entities: u32,
    pub entities: Vec<TableEntity>,
    pub of: BTreeMap<String, Vec<usize>>,
    /// The story of each article (claims are aligned only within one).
    #[serde(default)]
    pub stories: BTreeMap<String, usize>,
}

impl EntityTable {
    /// The table of an analysed set.
    pub fn of(analysis: &Analysis) -> Self {
        EntityTable {
            claimcheck_entities: 1,
            entities: analysis
                .entities
                .entities
                .iter()
                .map(|e| TableEntity {
                    name: e.name.clone(),
                    kind: e.kind,
                })
                .collect(),
            of: analysis
                .articles
                .iter()
                .zip(&analysis.entities.of)
                .map(|(a, ids)| (article_key(a), ids.clone()))
                .collect(),
            stories: analysis
                .articles
                .iter()
                .zip(&analysis.stories.of)
                .map(|(a, &s)| (article_key(a), s))
                .collect(),
        }
    }

    /// The stories of some articles of the set, as [`Stories::same`] reads
    /// them (a table without stories: one story).
    ///
    /// [`Stories::same`]: crate::resolve::stories::Stories::same
    pub fn stories_for(&self, articles: &[AnalyzedArticle]) -> crate::resolve::stories::Stories {
        crate::resolve::stories::Stories {
            of: articles
                .iter()
                .map(|a| self.stories.get(&article_key(a)).copied().unwrap_or(0))
                .collect(),
            stories: Vec::new(),
        }
    }

    /// The [`Entities`] of some articles of the set (those of `articles`,
    /// in their order). Fails when an article or a mention is not in the
    /// table (a table from another set).
    pub fn entities_for(&self, articles: &[AnalyzedArticle]) -> Result<Entities, String> {
        let mut of = Vec::with_capacity(articles.len());
        for a in articles {
            let key = article_key(a);
            let ids = self
                .of
                .get(&key)
                .ok_or_else(|| format!("article {key} is not in the entity table"))?;
            if ids.len() != a.claims.mentions.len() || ids.iter().any(|&i| i >= self.entities.len())
            {
                return Err(format!(
                    "the entity table does not match the mentions of {key}"
                ));
            }
            of.push(ids.clone());
        }
        Ok(Entities {
            entities: self
                .entities
                .iter()
                .enumerate()
                .map(|(id, e)| Entity {
                    id,
                    name: e.name.clone(),
                    kind: e.kind,
                    place: None,
                    variants: Vec::new(),
                })
                .collect(),
            of,
        })
    }
}

/// A claim named by article key and claim index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub article: String,
    pub claim: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockSide {
    pub value: String,
    pub claims: Vec<ClaimRef>,
}

/// One alignment of a block, as a worker writes it (one JSON line).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockAlignment {
    pub block: String,
    pub topic: String,
    pub event: String,
    pub slot: SlotKind,
    pub verdict: Verdict,
    pub rule: String,
    pub sides: Vec<BlockSide>,
    pub why: WhyOut,
}

/// [`Why`] as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WhyOut {
    pub event: String,
    pub shared: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// Aligns the claims of one block (one event) of `analysis`, whose entities
/// come from the whole set's table.
pub fn align_block(analysis: &Analysis, block: &str) -> Vec<BlockAlignment> {
    let keys: Vec<String> = analysis.articles.iter().map(article_key).collect();
    align::groups(analysis, Some(block))
        .into_iter()
        .map(|a| BlockAlignment {
            block: block.to_string(),
            topic: a.topic,
            event: a.event,
            slot: a.slot,
            verdict: a.verdict,
            rule: a.rule.to_string(),
            sides: a
                .sides
                .into_iter()
                .map(|s| BlockSide {
                    value: s.value,
                    claims: s
                        .claims
                        .into_iter()
                        .map(|c| ClaimRef {
                            article: keys[c.article].clone(),
                            claim: c.claim,
                        })
                        .collect(),
                })
                .collect(),
            why: WhyOut {
                event: a.why.event,
                shared: a.why.shared,
                from: a.why.from,
                to: a.why.to,
            },
        })
        .collect()
}

/// The whole set's alignments from its blocks' (any order) plus what spans
/// events (roles), sorted as [`align::align`] sorts them.
pub fn merge(analysis: &Analysis, blocks: Vec<BlockAlignment>) -> Result<Vec<Alignment>, String> {
    let index: FxHashMap<String, usize> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (article_key(a), i))
        .collect();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let rule = align::rule_id(&b.rule)
            .ok_or_else(|| format!("unknown comparator rule `{}`", b.rule))?;
        let mut sides = Vec::with_capacity(b.sides.len());
        for s in b.sides {
            let mut claims = Vec::with_capacity(s.claims.len());
            for c in s.claims {
                let article = *index
                    .get(&c.article)
                    .ok_or_else(|| format!("article {} is not in the records", c.article))?;
                if c.claim >= analysis.articles[article].claims.claims.len() {
                    return Err(format!("article {} has no claim {}", c.article, c.claim));
                }
                claims.push(ClaimId {
                    article,
                    claim: c.claim,
                });
            }
            sides.push(Side {
                value: s.value,
                claims,
            });
        }
        out.push(Alignment {
            topic: b.topic,
            event: b.event,
            slot: b.slot,
            verdict: b.verdict,
            rule,
            sides,
            why: Why {
                event: b.why.event,
                shared: b.why.shared,
                from: b.why.from,
                to: b.why.to,
            },
        });
    }
    // Blocks arrive in any order: first into the order one run gives.
    out.sort_by(|a, b| a.sides[0].claims.cmp(&b.sides[0].claims));
    out.extend(align::roles(analysis));
    align::sort(&mut out);
    Ok(out)
}
