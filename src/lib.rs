//! claimcheck checks claims and their sources across sets of news articles.
//!
//! The library is a pipeline of stages with one data type between each:
//! files → [`ingest`] → [`Article`](article::Article) → [`segment`] →
//! [`Segmented`](segment::Segmented) → [`syntax`] → … → [`report`]. [`pipeline`] runs the
//! stages in order; [`analysis`] holds the data types between them
//! ([`AnalyzedArticle`](analysis::AnalyzedArticle) per article,
//! [`Analysis`](analysis::Analysis) for the set). The binary is a thin
//! wrapper over [`run::run`].
//!
//! ```
//! use claimcheck::{ingest, segment};
//!
//! let article = ingest::parse_text(
//!     "a.txt",
//!     "date 2022-02-28 Talks began on Monday. Both sides attended.".to_string(),
//! )
//! .unwrap();
//! assert_eq!(article.date.unwrap().to_string(), "2022-02-28");
//! let seg = segment::segment(&article);
//! assert_eq!(seg.sentences.len(), 2);
//! assert_eq!(article.slice(seg.sentences[1].span), "Both sides attended.");
//!
//! // Words, tags, lemmas and the dependency tree of each sentence.
//! let syntax = claimcheck::syntax::analyse(&article, &seg);
//! let first = &syntax.sentences[0].tokens;
//! let root = first.iter().find(|t| t.head == 0).unwrap();
//! assert_eq!((article.slice(root.span), root.lemma.as_str()), ("began", "begin"));
//! ```

pub mod analysis;
pub mod article;
pub mod baseline;
pub mod boilerplate;
pub mod claims;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod config;
pub mod error;
pub mod eval;
pub mod finding;
pub mod fnv;
pub mod grammar;
pub mod ingest;
pub mod output;
pub mod paint;
pub mod pipeline;
pub mod progress;
pub mod record;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod run;
pub mod segment;
pub mod sources;
pub mod speakers;
pub mod syntax;
pub mod wordnet;
