//! The data between the stages: one analysed article ([`AnalyzedArticle`]),
//! the settings the per-article stages read ([`Settings`]), and what a run
//! found over the whole set ([`Analysis`]). Types only, below every stage
//! that fills or reads them: [`crate::pipeline`] fills them, the comparator,
//! the rules and every reporter read them.

use crate::article::Article;
use crate::claims::{ArticleClaims, ClaimSettings};
use crate::compare::model::{ClaimVerdict, Comparison};
use crate::finding::Finding;
use crate::grammar::{ParseIssue, lexicon::Lexicon};
use crate::ingest::InputRecord;
use crate::resolve::entities::Entities;
use crate::segment::Segmented;
use crate::sources::{ArticleChains, Chain, Outlets};
use crate::speakers::{PersonName, Resolved};
use crate::syntax::Syntax;

/// One article with everything the pipeline found in it.
#[derive(Debug)]
pub struct AnalyzedArticle {
    pub article: Article,
    pub segments: Segmented,
    /// Statements in text order, speakers resolved.
    pub statements: Vec<Resolved>,
    /// Unbalanced or too deeply nested quote marks.
    pub issues: Vec<ParseIssue>,
    /// The attribution chain of each statement (same order as `statements`).
    pub chains: Vec<Chain>,
    /// The people the article introduces by full name.
    pub people: Vec<PersonName>,
    /// Claims and entity mentions (empty unless [`Settings::claims`]).
    pub claims: ArticleClaims,
    /// Words, tags, lemmas and the dependency tree of each sentence (empty
    /// unless [`Settings::syntax`]).
    pub syntax: Syntax,
}

/// What the user can extend (cue verbs, outlets, event words), and whether
/// claims are extracted.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lexicon: Lexicon,
    pub outlets: Outlets,
    pub claim_settings: ClaimSettings,
    /// Extract claims and resolve entities across the set.
    pub claims: bool,
    /// With `claims`: stop at the entity table, without the comparator
    /// (alignments, conflicts, quote drift), for a report that shows claims
    /// and entities only (`extract --claims`).
    pub claims_only: bool,
    /// Keep the syntax stage's parse in the analysis (`extract --syntax`);
    /// it runs whenever claims are extracted, which read it.
    pub syntax: bool,
    /// Run the syntax stage for the quotations even without claims: the
    /// reported clauses and mixed quotes only the parse shows
    /// ([`crate::grammar::clauses`]). Every command but a plain `extract`
    /// (which streams at the token rules' speed unless `--parse`).
    pub parse: bool,
    /// Spellings that name one entity: (canonical name, spellings).
    pub aliases: Vec<(String, Vec<String>)>,
}

impl AnalyzedArticle {
    /// This article's statements and chains, as the source graph reads them.
    pub fn article_chains(&self) -> ArticleChains<'_> {
        ArticleChains {
            article: &self.article,
            statements: &self.statements,
            chains: &self.chains,
        }
    }
}

/// Everything a run found: the input list and the analysed articles.
#[derive(Debug, Default)]
pub struct Analysis {
    pub inputs: Vec<InputRecord>,
    /// What could not be read in inputs that were read all the same (a
    /// date), in input order.
    pub warnings: Vec<crate::error::InputWarning>,
    pub articles: Vec<AnalyzedArticle>,
    /// Entities across the set (empty unless claims were extracted).
    pub entities: Entities,
    /// The stories the articles tell (empty unless claims were extracted:
    /// then every article is taken to be on one story).
    pub stories: crate::resolve::stories::Stories,
    /// Alignments, verdicts and quote drift (empty unless claims were
    /// extracted).
    pub comparison: Comparison,
    /// What `check` reports (empty for the other commands).
    pub findings: Vec<Finding>,
    /// `compare --claim`: the claim and what each article says about it.
    pub claim_check: Option<ClaimCheck>,
}

/// The claim of `compare --claim` and one verdict per article.
#[derive(Debug)]
pub struct ClaimCheck {
    pub claim: String,
    pub verdicts: Vec<ClaimVerdict>,
}
