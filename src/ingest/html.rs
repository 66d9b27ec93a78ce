//! HTML: a saved web page's article text and its metadata, or an HTML
//! fragment's text (a feed item's content, a CMS record's body).
//!
//! The page is read by lol_html, a streaming HTML5 tokenizer that follows
//! the tree builder's text states (script, style, RCDATA, CDATA and
//! comments are never text), with the byte range of every tag and text
//! chunk. From those this module builds blocks (a paragraph, a list item, a
//! heading) and picks the article's main text the way readability tools do:
//! furniture (navigation, share bars, related links, comments, captions,
//! cookie banners) is left out by its element, role and class, unless it
//! wraps most of the page; each block of real prose scores its container
//! and, less and less, the container's ancestors; the best container and
//! its strong siblings are the article. The text is what a reader sees (entities
//! decoded, white space collapsed, blocks apart by a blank line), and a
//! [`SourceMap`](crate::article::SourceMap) keeps every byte of it tied to
//! the file, so reports name the page's own lines.
//!
//! Metadata comes from JSON-LD (`NewsArticle` and kin: headline,
//! datePublished, publisher, author, url), then `og:`/`article:` and named
//! `<meta>` tags, then `<title>`, `<link rel=canonical>`, the first
//! `<time datetime>` and the first byline element.

use super::*;
use crate::article::MappedText;
use lol_html::html_content::{Element, TextType};
use std::cell::RefCell;
use std::rc::Rc;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "textarea", "button", "audio", "video", "dialog", "h1", "label", "title",
];

/// Elements that are furniture unless they hold most of the page's text (a
/// site that wraps the whole page in a `<form>` or a `<header>`).
const FURNITURE_ELEMENTS: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "header",
    "menu",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "menu",
];

/// Blocks that hold text themselves rather than other blocks: their
/// nearest other ancestor is the container their score goes to.
const TEXT_BLOCKS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "pre",
    "td",
    "th",
    "blockquote",
    "address",
    "summary",
];

/// Words of a class or id that mark site furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "promo",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "mostread",
    "byline",
    "caption",
    "credit",
    "credits",
    "sronly",
    "toolbar",
    "masthead",
    "signup",
    "paywall",
    "tags",
    "topics",
    "bio",
    "disclaimer",
    "widget",
];

/// Words of a class or id that mark the article itself.
const CONTENT: &[&str] = &[
    "article",
    "articlebody",
    "story",
    "storybody",
    "content",
    "entry",
    "entrycontent",
    "post",
    "postcontent",
    "body",
    "main",
    "text",
    "prose",
];

/// JSON-LD types whose fields describe the article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
];

/// A block's words must reach this many characters to count as prose.
const PROSE_CHARS: usize = 25;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The date as written (read by the caller, who warns if it cannot).
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// One open element.
#[derive(Debug)]
struct Open {
    name: String,
    /// The element it opened in.
    parent: Option<usize>,
    skip: bool,
    /// Furniture by its element, role, class or id: left out unless it
    /// holds most of the page's text.
    furniture: bool,
    boost: bool,
    link: bool,
}

/// A piece of a block: text bytes of the file, or a line break.
#[derive(Debug, Clone, Copy)]
enum Piece {
    Text {
        start: usize,
        end: usize,
        link: bool,
    },
    Break {
        at: usize,
    },
}

/// One block of text and where it sits in the page.
#[derive(Debug, Default)]
struct Block {
    pieces: Vec<Piece>,
    /// The ids of the open elements when its first piece came.
    path: Vec<usize>,
    /// A kept comment (`<!-- claimcheck-… -->`), not text.
    comment: bool,
    /// Whether `path` was taken (at the block's first words).
    placed: bool,
}

/// Everything the handlers gather while the page streams through.
#[derive(Debug, Default)]
struct Gather {
    elements: Vec<Open>,
    stack: Vec<usize>,
    blocks: Vec<Block>,
    current: Block,
    meta: Metas,
    json_ld: Vec<String>,
    in_json_ld: Option<String>,
    title: Option<String>,
    in_title: Option<String>,
    /// The page's visible byline, and the element being read for it.
    byline: Option<String>,
    in_byline: Option<(usize, String)>,
}

/// `<meta>`, `<link>` and `<time>` values, first one of each kind.
#[derive(Debug, Default)]
struct Metas {
    og_title: Option<String>,
    site: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    published: Option<String>,
    named_date: Option<String>,
    time: Option<String>,
    author: Option<String>,
}

fn set(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none()
        && let Some(v) = value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    {
        *slot = Some(v);
    }
}

/// The lowercase words of a class or id (`story-body__inner` → `story`,
/// `body`, `inner`, and the whole run `storybodyinner`).
fn words(value: &str) -> Vec<String> {
    let lower = value.to_ascii_lowercase();
    let mut out: Vec<String> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    for token in lower.split_whitespace() {
        out.push(token.chars().filter(char::is_ascii_alphanumeric).collect());
    }
    out
}

impl Gather {
    fn top(&self) -> Option<&Open> {
        self.stack.last().map(|&i| &self.elements[i])
    }

    fn hidden(&self) -> bool {
        self.top().is_some_and(|o| o.skip)
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        if block.pieces.iter().any(|p| matches!(p, Piece::Text { .. })) {
            self.blocks.push(block);
        }
    }

    /// Adds a piece to the current block; the block's place in the page is
    /// where its first words are (white space before them is no place).
    fn push_piece(&mut self, piece: Piece, words: bool) {
        if words && !self.current.placed {
            self.current.path = self.stack.clone();
            self.current.placed = true;
        }
        self.current.pieces.push(piece);
    }

    fn start(&mut self, el: &Element, at: usize, has_end: bool) {
        let name = el.tag_name();
        let attr = |k: &str| el.get_attribute(k);
        self.read_meta(&name, el);
        // `<body>` ends `<head>`, whether or not `</head>` came.
        if name == "body"
            && let Some(k) = self
                .stack
                .iter()
                .position(|&i| self.elements[i].name == "head")
        {
            self.stack.truncate(k);
        }
        if BLOCKS.contains(&name.as_str()) {
            self.flush();
        }
        if name == "br" && !self.hidden() {
            self.push_piece(Piece::Break { at }, false);
        }
        if name == "script"
            && attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        {
            self.in_json_ld = Some(String::new());
        }
        if name == "title" && self.title.is_none() {
            self.in_title = Some(String::new());
        }
        if !has_end {
            return;
        }
        let parent = self.top();
        let parent_skip = parent.is_some_and(|p| p.skip);
        let class_id = format!(
            "{} {}",
            attr("class").unwrap_or_default(),
            attr("id").unwrap_or_default()
        );
        let w = words(&class_id);
        let content = w.iter().any(|x| CONTENT.contains(&x.as_str()));
        let role = attr("role").unwrap_or_default().to_ascii_lowercase();
        let style = attr("style")
            .unwrap_or_default()
            .replace(' ', "")
            .to_ascii_lowercase();
        // The elements that mean content are never furniture by a class.
        let landmark = matches!(name.as_str(), "html" | "body" | "main" | "article");
        let furniture = FURNITURE_ELEMENTS.contains(&name.as_str())
            || (!landmark && w.iter().any(|x| FURNITURE.contains(&x.as_str())) && !content)
            || matches!(
                role.as_str(),
                "navigation"
                    | "complementary"
                    | "banner"
                    | "contentinfo"
                    | "dialog"
                    | "menu"
                    | "menubar"
                    | "search"
                    | "alert"
            );
        // What no reader sees is never text.
        let unseen = attr("aria-hidden").is_some_and(|v| v == "true")
            || el.has_attribute("hidden")
            || style.contains("display:none")
            || style.contains("visibility:hidden");
        let boost = matches!(name.as_str(), "article" | "main")
            || attr("itemprop").is_some_and(|v| v.contains("articleBody"))
            || w.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "articlebody"
                        | "storybody"
                        | "entrycontent"
                        | "postcontent"
                        | "articlecontent"
                        | "storycontent"
                        | "bodytext"
                        | "articletext"
                )
            });
        let link = name == "a" || parent.is_some_and(|p| p.link);
        let skip = parent_skip || unseen || SKIPPED.contains(&name.as_str());
        // The first byline element (`rel=author`, `itemprop=author`, a
        // `byline` or `author` class): its words name the author when no
        // metadata does.
        let byline = attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || attr("itemprop").is_some_and(|v| v.contains("author"))
            || w.iter().any(|x| x == "byline" || x == "author");
        if byline && self.byline.is_none() && self.in_byline.is_none() && !parent_skip {
            self.in_byline = Some((self.elements.len(), String::new()));
        }
        self.elements.push(Open {
            name,
            parent: self.stack.last().copied(),
            skip,
            furniture,
            boost,
            link,
        });
        self.stack.push(self.elements.len() - 1);
    }

    fn end(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if name == "script"
            && let Some(json) = self.in_json_ld.take()
        {
            self.json_ld.push(json);
        }
        if name == "title"
            && let Some(t) = self.in_title.take()
        {
            self.title = Some(t);
        }
        // `</body>` and `</html>` close nothing: text after them is still
        // the page's (as browsers read it), and a tokenizer that closes them
        // early (an `<iframe>` in `<head>`) must not leave the rest homeless.
        if name == "body" || name == "html" {
            return;
        }
        if let Some(k) = self
            .stack
            .iter()
            .rposition(|&i| self.elements[i].name == name)
        {
            self.stack.truncate(k);
        }
        if let Some((id, _)) = &self.in_byline
            && !self.stack.contains(id)
            && let Some((_, words)) = self.in_byline.take()
        {
            self.byline = byline_name(&words);
        }
    }

    fn text(&mut self, raw: &str, start: usize, end: usize, kind: TextType) {
        match kind {
            TextType::Data if !self.hidden() => {
                if let Some((_, words)) = &mut self.in_byline {
                    words.push_str(raw);
                    words.push(' ');
                }
                let link = self.top().is_some_and(|o| o.link);
                let words = !raw.trim().is_empty();
                self.push_piece(Piece::Text { start, end, link }, words);
            }
            TextType::ScriptData => {
                if let Some(json) = &mut self.in_json_ld {
                    json.push_str(raw);
                }
            }
            TextType::RCData => {
                if let Some(t) = &mut self.in_title {
                    t.push_str(raw);
                }
            }
            _ => {}
        }
    }

    fn comment(&mut self, raw: &str, start: usize, end: usize) {
        if raw.trim_start().starts_with("claimcheck") && !self.hidden() {
            self.flush();
            self.current = Block {
                pieces: vec![Piece::Text {
                    start,
                    end,
                    link: false,
                }],
                path: self.stack.clone(),
                comment: true,
                placed: true,
            };
            self.flush();
        }
    }

    fn read_meta(&mut self, name: &str, el: &Element) {
        let attr = |k: &str| el.get_attribute(k);
        match name {
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let content = attr("content");
                let m = &mut self.meta;
                match key.as_str() {
                    "og:title" | "twitter:title" => set(&mut m.og_title, content),
                    "og:site_name" | "application-name" => set(&mut m.site, content),
                    "og:url" => set(&mut m.og_url, content),
                    "article:published_time" | "datepublished" => set(&mut m.published, content),
                    "date" | "pubdate" | "publishdate" | "publish-date" | "dc.date"
                    | "dc.date.issued" | "dcterms.date" | "dcterms.created" | "sailthru.date"
                    | "parsely-pub-date" | "article.published" | "og:published_time" => {
                        set(&mut m.named_date, content)
                    }
                    "author" | "article:author" | "dc.creator" | "parsely-author"
                    | "sailthru.author" => {
                        // `article:author` is often a profile URL: not a name.
                        set(&mut m.author, content.filter(|c| !c.contains("://")))
                    }
                    _ => {}
                }
            }
            "link" if attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                set(&mut self.meta.canonical, attr("href"));
            }
            "time" => set(&mut self.meta.time, attr("datetime")),
            _ => {}
        }
    }
}

/// The page read as a stream: blocks, metadata and kept comments.
fn gather(source: &str) -> Gather {
    use lol_html::{HtmlRewriter, Settings, doc_comments, doc_text, element};
    let state = Rc::new(RefCell::new(Gather::default()));
    let (on_start, on_text, on_comment) = (state.clone(), state.clone(), state.clone());
    let settings = Settings::new()
        .with_strict(false)
        .append_element_content_handler(element!("*", move |el| {
            let at = el.source_location().bytes().start;
            let name = el.tag_name();
            let has_end = el.end_tag_handlers().is_some();
            on_start.borrow_mut().start(el, at, has_end);
            if let Some(handlers) = el.end_tag_handlers() {
                let on_end = on_start.clone();
                let handler: lol_html::EndTagHandler<'static> = Box::new(move |_| {
                    on_end.borrow_mut().end(&name);
                    Ok(())
                });
                handlers.push(handler);
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let r = t.source_location().bytes();
            on_text
                .borrow_mut()
                .text(t.as_str(), r.start, r.end, t.text_type());
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(move |c| {
            let r = c.source_location().bytes();
            on_comment.borrow_mut().comment(&c.text(), r.start, r.end);
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // Without strict mode and with no memory limit, neither call can fail;
    // whatever was gathered before an error would still be used.
    let _ = rewriter.write(source.as_bytes());
    let _ = rewriter.end();
    let mut g = std::mem::take(&mut *state.borrow_mut());
    g.flush();
    g
}

/// Characters of a block's text (entities counted once), its link
/// characters and its commas.
fn block_stats(source: &str, block: &Block) -> (usize, usize, usize) {
    let (mut chars, mut link, mut commas) = (0, 0, 0);
    for p in &block.pieces {
        if let Piece::Text {
            start,
            end,
            link: l,
        } = *p
        {
            let decoded = html_escape::decode_html_entities(&source[start..end]);
            let n = decoded
                .split_whitespace()
                .map(|w| w.chars().count() + 1)
                .sum::<usize>();
            chars += n;
            if l {
                link += n;
            }
            commas += decoded.matches([',', '，']).count();
        }
    }
    (chars, link, commas)
}

/// Which blocks lie in furniture: inside an element marked as furniture
/// (its element, role, class or id) that holds less than
/// [`WRAPPER_SHARE`] of the page's text. An element holding more is a
/// wrapper (`<html class="ads-enabled">`, `<body class="footer-v2">`,
/// `<form>` around a whole page), not furniture.
fn furniture_blocks(g: &Gather, stats: &[(usize, usize, usize)]) -> Vec<bool> {
    let total: usize = stats.iter().map(|s| s.0).sum();
    let mut chars = vec![0usize; g.elements.len()];
    for (b, s) in g.blocks.iter().zip(stats) {
        for &i in &b.path {
            if g.elements[i].furniture {
                chars[i] += s.0;
            }
        }
    }
    let is_furniture =
        |i: usize| g.elements[i].furniture && (chars[i] as f64) < WRAPPER_SHARE * total as f64;
    g.blocks
        .iter()
        .map(|b| b.path.iter().any(|&i| is_furniture(i)))
        .collect()
}

/// The share of a page's text above which an element marked as furniture is
/// a wrapper of the page instead.
const WRAPPER_SHARE: f64 = 0.85;

/// The blocks that make the article: those under the best-scoring
/// container and its strong siblings; every block when no block is prose.
fn main_blocks(source: &str, g: &Gather) -> Vec<bool> {
    let stats: Vec<(usize, usize, usize)> =
        g.blocks.iter().map(|b| block_stats(source, b)).collect();
    let furniture = furniture_blocks(g, &stats);
    let mut score = vec![0.0f64; g.elements.len()];
    let container = |b: &Block| -> Option<usize> {
        b.path.iter().rev().copied().find(|&i| {
            !TEXT_BLOCKS.contains(&g.elements[i].name.as_str())
                && BLOCKS.contains(&g.elements[i].name.as_str())
        })
    };
    // The nearest block element around element `c`.
    let parent_of = |c: usize| -> Option<usize> {
        let mut at = g.elements[c].parent;
        while let Some(i) = at {
            if BLOCKS.contains(&g.elements[i].name.as_str()) {
                return Some(i);
            }
            at = g.elements[i].parent;
        }
        None
    };
    let mut any_prose = false;
    for ((b, &(chars, link, commas)), &f) in g.blocks.iter().zip(&stats).zip(&furniture) {
        if f || b.comment || chars < PROSE_CHARS || link * 2 > chars {
            continue;
        }
        any_prose = true;
        let s = 1.0 + commas as f64 + (chars / 100).min(3) as f64;
        // The container takes the block's score, and its block ancestors a
        // falling share (a half, then a sixth, a ninth, a twelfth), so an
        // article split over several boxes still scores as one.
        let mut at = container(b);
        for level in 0..5 {
            let Some(c) = at else { break };
            score[c] += match level {
                0 => s,
                1 => s / 2.0,
                _ => s / (level as f64 * 3.0),
            };
            at = parent_of(c);
        }
    }
    if !any_prose {
        return furniture.iter().map(|f| !f).collect();
    }
    for (i, e) in g.elements.iter().enumerate() {
        if e.boost {
            score[i] *= 1.5;
        }
    }
    // The best container (the first of equals); prose outside any element
    // (a bare fragment) leaves every block in.
    let mut best = None;
    for (i, &s) in score.iter().enumerate() {
        if s > 0.0 && best.is_none_or(|b: usize| s > score[b]) {
            best = Some(i);
        }
    }
    let Some(best) = best else {
        return furniture.iter().map(|f| !f).collect();
    };
    // The best container's parent, and the siblings of it that score well.
    let threshold = (score[best] * 0.2).max(10.0);
    let best_parent = parent_of(best);
    let kept_container =
        |c: usize| -> bool { c == best || (score[c] >= threshold && parent_of(c) == best_parent) };
    g.blocks
        .iter()
        .zip(&stats)
        .zip(&furniture)
        .map(|((b, &(chars, link, _)), &f)| {
            let inside = !f
                && (b.path.contains(&best)
                    || container(b).is_some_and(|c| c != best && kept_container(c)));
            // Link lists inside the article (related stories) are left out.
            inside && (b.comment || link * 2 <= chars || chars >= 200)
        })
        .collect()
}

/// Appends a block's text: entities decoded, white space collapsed to
/// single spaces, line breaks kept.
fn push_block(out: &mut MappedText, source: &str, block: &Block) {
    if block.comment {
        if let Some(Piece::Text { start, end, .. }) = block.pieces.first() {
            out.push(&source[*start..*end], *start, end - start);
        }
        return;
    }
    // Contiguous text pieces are one run, so an entity split between two
    // chunks still decodes.
    let mut runs: Vec<Piece> = Vec::new();
    for p in &block.pieces {
        match (runs.last_mut(), *p) {
            (Some(Piece::Text { end, .. }), Piece::Text { start, end: e, .. }) if *end == start => {
                *end = e;
            }
            _ => runs.push(*p),
        }
    }
    let block_start = out.text().len();
    // A space waiting to be written: the file bytes it stands for.
    let mut space: Option<(usize, usize)> = None;
    let at_start = |out: &MappedText| out.text().len() == block_start || out.text().ends_with('\n');
    for run in runs {
        match run {
            Piece::Break { at } => {
                space = None;
                if out.text().len() > block_start {
                    out.trim_end();
                    out.push("\n", at, 0);
                }
            }
            Piece::Text { start, end, .. } => {
                let raw = &source[start..end];
                let mut i = 0;
                while i < raw.len() {
                    let c = raw[i..].chars().next().unwrap_or(' ');
                    let (piece, len): (std::borrow::Cow<'_, str>, usize) = if c == '&' {
                        entity(&raw[i..])
                    } else {
                        (raw[i..i + c.len_utf8()].into(), c.len_utf8())
                    };
                    let at = start + i;
                    i += len;
                    if piece.chars().all(|c| c.is_whitespace()) {
                        space = Some(match space {
                            Some((s, _)) => (s, at + len),
                            None => (at, at + len),
                        });
                        continue;
                    }
                    if let Some((s, e)) = space.take()
                        && !at_start(out)
                    {
                        let copied = e - s == 1 && &source[s..e] == " ";
                        out.push(" ", s, if copied { 1 } else { e - s });
                    }
                    out.push(&piece, at, len);
                }
            }
        }
    }
    out.trim_end();
}

/// The entity at the start of `raw` (`&amp;`, `&#8220;`, `&#x201C;`),
/// decoded, and its length in bytes; a lone `&` is itself.
fn entity(raw: &str) -> (std::borrow::Cow<'_, str>, usize) {
    let body_len = raw[1..]
        .bytes()
        .take(32)
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'));
    if let Some(n) = body_len
        && n > 0
        && raw.as_bytes().get(1 + n) == Some(&b';')
    {
        let whole = &raw[..n + 2];
        let decoded = html_escape::decode_html_entities(whole);
        if decoded != whole {
            let decoded = match decoded.as_ref() {
                "\u{a0}" => " ".to_string(),
                d => d.to_string(),
            };
            return (decoded.into(), whole.len());
        }
    }
    ("&".into(), 1)
}

/// Decodes entities and collapses white space in an attribute or title.
fn plain(value: &str) -> String {
    html_escape::decode_html_entities(value)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The author named by a byline's words: `By Ann Lee` → `Ann Lee`; none
/// when the words are too many to be names (a whole sentence or box).
fn byline_name(words: &str) -> Option<String> {
    let words = plain(words);
    let lower = words.to_lowercase();
    let name = if lower.starts_with("by ") {
        &words[3..]
    } else {
        words.as_str()
    };
    let name = name.split(" | ").next().unwrap_or_default().trim();
    let count = name.split_whitespace().count();
    (count > 0 && count <= 8 && name.chars().any(char::is_alphabetic)).then(|| name.to_string())
}

/// Reads JSON-LD blocks for the first article object.
fn json_ld(blocks: &[String]) -> PageMeta {
    fn is_article(v: &serde_json::Value) -> bool {
        match v.get("@type") {
            Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
            Some(serde_json::Value::Array(ts)) => ts
                .iter()
                .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
            _ => false,
        }
    }
    fn find(v: &serde_json::Value) -> Option<&serde_json::Value> {
        match v {
            serde_json::Value::Array(items) => items.iter().find_map(find),
            serde_json::Value::Object(o) => {
                if is_article(v) {
                    return Some(v);
                }
                o.get("@graph").and_then(find)
            }
            _ => None,
        }
    }
    fn name(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(o) => o.get("name").and_then(name),
            serde_json::Value::Array(items) => {
                let names: Vec<String> = items.iter().filter_map(name).collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            _ => None,
        }
    }
    fn url(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(o) => o.get("@id").or_else(|| o.get("url")).and_then(url),
            _ => None,
        }
    }
    let mut meta = PageMeta::default();
    for block in blocks {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(block.trim()) else {
            continue;
        };
        let Some(article) = find(&value) else {
            continue;
        };
        let field = |k: &str| article.get(k);
        set(&mut meta.title, field("headline").and_then(name));
        set(
            &mut meta.date,
            field("datePublished")
                .or_else(|| field("dateCreated"))
                .and_then(|v| v.as_str().map(str::to_string)),
        );
        set(&mut meta.outlet, field("publisher").and_then(name));
        set(&mut meta.author, field("author").and_then(name));
        set(
            &mut meta.url,
            field("url")
                .or_else(|| field("mainEntityOfPage"))
                .and_then(url),
        );
    }
    meta
}

/// A saved web page: its main text (mapped to the file) and metadata.
pub fn page(source: &str) -> (MappedText, PageMeta) {
    let g = gather(source);
    let keep = main_blocks(source, &g);
    let mut out = MappedText::new();
    for (block, kept) in g.blocks.iter().zip(keep) {
        if !kept {
            continue;
        }
        let before = out.text().len();
        if before > 0 {
            let at = match block.pieces.first() {
                Some(Piece::Text { start, .. }) => *start,
                Some(Piece::Break { at }) => *at,
                None => 0,
            };
            out.push("\n\n", at, 0);
        }
        push_block(&mut out, source, block);
        if out.text().len() == before + 2 && before > 0 {
            out.trim_end();
        }
    }
    let mut meta = json_ld(&g.json_ld);
    let m = g.meta;
    set(&mut meta.title, m.og_title.as_deref().map(plain));
    set(&mut meta.title, g.title.as_deref().map(plain));
    set(&mut meta.date, m.published.or(m.named_date).or(m.time));
    set(&mut meta.outlet, m.site.as_deref().map(plain));
    set(&mut meta.author, m.author.as_deref().map(plain));
    set(&mut meta.author, g.byline);
    set(&mut meta.url, m.canonical.or(m.og_url));
    (out, meta)
}

/// An HTML fragment (a feed item's content, a CMS body): all its visible
/// text, no choosing, mapped to the fragment.
pub fn fragment(source: &str) -> MappedText {
    let g = gather(source);
    let stats: Vec<(usize, usize, usize)> =
        g.blocks.iter().map(|b| block_stats(source, b)).collect();
    let furniture = furniture_blocks(&g, &stats);
    let mut out = MappedText::new();
    for (block, _) in g
        .blocks
        .iter()
        .zip(&furniture)
        .filter(|(b, f)| !b.comment && !**f)
    {
        if !out.text().is_empty() {
            out.push("\n\n", 0, 0);
        }
        push_block(&mut out, source, block);
    }
    out.trim_end();
    out
}

/// A record's article (a JSON record, a feed item) from its text field: an
/// HTML body (a CMS export's `<p>…</p>`) is drawn out as a fragment, its
/// offsets mapped to the field's string; any other text is the article's
/// text as it is.
pub fn record_article(id: String, origin: Origin, text: String) -> Article {
    if !looks_like_markup(&text) {
        return Article::new(id, origin, text);
    }
    let (drawn, map) = fragment(&text).finish(text);
    let mut article = Article::mapped(id, origin, drawn, map);
    exclude_comments(&mut article);
    article
}

/// A page or feed that is not UTF-8, decoded by the character set it
/// declares in its first kilobyte (`<meta charset=windows-1252>`,
/// `<meta http-equiv=… content="text/html; charset=ISO-8859-1">`, `<?xml …
/// encoding="ISO-8859-1"?>`), as browsers would; `None` when it declares
/// none that encoding_rs knows, or decoding meets bytes the set has no
/// character for.
pub fn decode_declared(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let label = [&b"charset="[..], &b"encoding="[..]]
        .iter()
        .find_map(|key| {
            let at = lower.windows(key.len()).position(|w| w == *key)? + key.len();
            let rest = &lower[at..];
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                })
                .unwrap_or(rest.len());
            Some(&rest[..end])
        })?;
    let encoding = encoding_rs::Encoding::for_label(label)?;
    let (text, _, had_errors) = encoding.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// Whether a text is an HTML document rather than prose: it opens with a
/// doctype or an `<html>` tag (after white space and comments).
pub fn looks_like_page(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = t.chars().take(15).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head")
}

/// Whether a record's text is HTML markup (a CMS body): it opens with a
/// tag and has a paragraph or break tag.
pub fn looks_like_markup(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('<')
        && ["<p", "<div", "<br", "</"]
            .iter()
            .any(|tag| t.contains(tag))
}

/// A saved web page as an article: its main text, mapped to the file, and
/// its metadata; the `<!-- claimcheck-… -->` comments kept are markup. A
/// date that cannot be read is a warning naming the line it is on.
pub fn parse_html(label: &str, source: String, order: DayOrder) -> Result<Parsed, InputError> {
    let (mapped, meta) = page(&source);
    if mapped.text().trim().is_empty() {
        return Err(InputError::new(label, InputErrorKind::NoText));
    }
    let mut warnings = Vec::new();
    let date = meta.date.as_deref().and_then(|value| {
        let date = parse_loose(value, order);
        if date.is_none() {
            let line = source
                .find(value)
                .map(|at| super::text::line_of(&source, at));
            warnings.push(InputWarning::bad_date(label, line, value));
        }
        date
    });
    let (text, map) = mapped.finish(source);
    let mut article = Article::mapped(label.to_string(), origin(label, None), text, map);
    article.date = date;
    let shown = |v: Option<String>| v.map(|v| crate::article::visible(&v).into_owned());
    article.title = shown(meta.title);
    article.outlet = shown(meta.outlet);
    article.author = shown(meta.author);
    article.url = shown(meta.url);
    exclude_comments(&mut article);
    boilerplate::mark(&mut article);
    Ok(Parsed { article, warnings })
}

/// Marks the kept `<!-- … -->` comments of a drawn-out text as markup.
pub(super) fn exclude_comments(article: &mut Article) {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(i) = article.text[at..].find("<!--") {
        let s = at + i;
        let e = article.text[s..]
            .find("-->")
            .map_or(article.text.len(), |j| s + j + 3);
        spans.push(Span::new(s, e));
        at = e;
    }
    for span in spans {
        article.exclude(span, ExclusionKind::Markup);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        page(html).0.text().to_string()
    }

    #[test]
    fn scripts_styles_comments_and_furniture_are_not_text() {
        let html = r##"<!doctype html><html><head><title>Bridge &amp; road</title>
<style>p { color: "red" }</style><script>var s = "“quoted”";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header><h1>Bridge reopens</h1><p class="byline">By A. Writer</p></header>
<article><p>The mayor said the bridge would reopen on Monday, after repairs.</p>
<!-- an editor's note -->
<p>&ldquo;We are ready,&rdquo; she said, adding that traffic would be light.</p>
<div class="share-bar"><a href="#">Share on a network</a></div>
<figure><img src="x.jpg"><figcaption>The bridge, photographed on Sunday.</figcaption></figure>
</article>
<aside class="related"><p>Other stories you may like, with long titles here.</p></aside>
<footer>Copyright the paper, all rights reserved and so on.</footer></body></html>"##;
        let (mapped, meta) = page(html);
        assert_eq!(
            mapped.text(),
            "The mayor said the bridge would reopen on Monday, after repairs.\n\n\u{201c}We are ready,\u{201d} she said, adding that traffic would be light."
        );
        assert_eq!(meta.title.as_deref(), Some("Bridge & road"));
        // No metadata names the author: the visible byline does.
        assert_eq!(meta.author.as_deref(), Some("A. Writer"));
    }

    #[test]
    fn every_text_offset_maps_back_to_the_file() {
        let html = "<html><body><article><p>He said &ldquo;no&rdquo;\n   today.</p><p>Caf&eacute; <b>owners</b> agree, too many to count here.</p></article></body></html>";
        let (mapped, _) = page(html);
        let (text, map) = mapped.finish(html.to_string());
        assert_eq!(
            text,
            "He said \u{201c}no\u{201d} today.\n\nCaf\u{e9} owners agree, too many to count here."
        );
        // Copied words map byte for byte.
        let said = text.find("said").unwrap();
        assert_eq!(&html[map.start(said)..map.end(said + 4)], "said");
        // A decoded quotation mark maps to its entity, a span over it to the
        // whole entity.
        let open = text.find('\u{201c}').unwrap();
        let close = text.find('\u{201d}').unwrap() + '\u{201d}'.len_utf8();
        assert_eq!(&html[map.start(open)..map.end(close)], "&ldquo;no&rdquo;");
        // A word after a tag maps past the tag.
        let owners = text.find("owners").unwrap();
        assert_eq!(&html[map.start(owners)..map.end(owners + 6)], "owners");
        // The collapsed line break and indent map to the white space.
        let today = text.find("today").unwrap();
        assert_eq!(&html[map.start(today)..map.end(today + 5)], "today");
    }

    #[test]
    fn the_article_is_chosen_over_a_long_comment_thread_and_link_lists() {
        let prose = "The council voted on Tuesday, after a long debate, to close the old depot.";
        let mut html = String::from("<html><body><div id=\"main\"><div class=\"story\">");
        for _ in 0..4 {
            html.push_str(&format!("<p>{prose}</p>"));
        }
        html.push_str(
            "<ul><li><a href=\"/a\">A related story with a long enough title here</a></li></ul>",
        );
        html.push_str("</div></div><div class=\"comments\">");
        for _ in 0..8 {
            html.push_str(
                "<p>I disagree with this, strongly, and so do my neighbours, all of them.</p>",
            );
        }
        html.push_str("</div></body></html>");
        let text = text_of(&html);
        assert_eq!(text.matches("council voted").count(), 4, "{text}");
        assert!(!text.contains("disagree"), "{text}");
        assert!(!text.contains("related story"), "{text}");
    }

    #[test]
    fn json_ld_then_meta_tags_then_title() {
        let html = r#"<html><head><title>Page title | Site</title>
<meta property="og:title" content="OG title">
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2022-02-28T09:00:00Z">
<meta name="author" content="Ann Lee">
<link rel="canonical" href="https://example.org/a">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
{"@type":"NewsArticle","headline":"LD headline","datePublished":"2022-02-27",
"publisher":{"@type":"Organization","name":"Example Wire"},"author":[{"name":"Bo Ng"},{"name":"Cy Li"}]}]}</script>
</head><body><p>Text.</p></body></html>"#;
        let (_, meta) = page(html);
        assert_eq!(meta.title.as_deref(), Some("LD headline"));
        assert_eq!(meta.date.as_deref(), Some("2022-02-27"));
        assert_eq!(meta.outlet.as_deref(), Some("Example Wire"));
        assert_eq!(meta.author.as_deref(), Some("Bo Ng, Cy Li"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        // Without JSON-LD, the meta tags.
        let html = html.replace("application/ld+json", "text/plain");
        let (_, meta) = page(&html);
        assert_eq!(meta.title.as_deref(), Some("OG title"));
        assert_eq!(meta.date.as_deref(), Some("2022-02-28T09:00:00Z"));
        assert_eq!(meta.outlet.as_deref(), Some("The Example Times"));
        assert_eq!(meta.author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn hostile_markup_never_panics_and_yields_only_text() {
        let cases = [
            "<p>unclosed <b>bold <i>both</p> after",
            "<![CDATA[ not text in html ]]><p>Real text here, enough of it to count as prose.</p>",
            "<p>a &bogus; b &#xZZ; c &#99999999; d & e</p>",
            "<script>document.write('<p>fake</p>')</script><p>kept</p>",
            "<textarea><p>inside</p></textarea><p>out</p>",
            "<p>x</p></div></div></body></html></p><p>y",
            "<svg><text>chart</text><![CDATA[data]]></svg><p>z</p>",
            "<<<>>><p =>broken</p attr>",
            "",
            "<!-- unclosed comment <p>gone</p>",
        ];
        for html in cases {
            let (mapped, _) = page(html);
            let text = mapped.text().to_string();
            assert!(
                !text.contains('<') || html.contains("<<<"),
                "{html:?} → {text:?}"
            );
            assert!(
                !text.contains("fake") && !text.contains("inside") && !text.contains("chart"),
                "{text:?}"
            );
            let (text, map) = mapped.finish(html.to_string());
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert!(map.start(i) <= html.len() && map.end(i) <= html.len());
            }
        }
        assert_eq!(
            text_of("<p>a &bogus; b &#xZZ; c & e</p>"),
            "a &bogus; b &#xZZ; c & e"
        );
        assert_eq!(text_of("<p>x</p></div></p><p>y"), "x\n\ny");
    }

    #[test]
    fn wrappers_named_like_furniture_and_an_early_end_of_head_keep_the_article() {
        let prose = "The council voted on Tuesday, after a long debate, to close the old depot.";
        let pages = [
            // An <iframe> in <head> ends it early for the tokenizer.
            format!(
                "<html><head><title>T</title><iframe src=x></iframe><div>x</div></head><body><article><p>{prose}</p></article></body></html>"
            ),
            // Classes that name furniture on the elements that wrap everything.
            format!(
                "<html class=\"ads-enabled\"><body class=\"feature-footer-v2\"><main class=\"js-social-anchor\"><p>{prose}</p><p>{prose}</p></main><div class=\"social\"><p>Share this on every network you know of, now.</p></div></body></html>"
            ),
            // A page-wide <form> (as some site builders write).
            format!(
                "<body><form action=\"/\"><div><p>{prose}</p><p>{prose}</p></div></form></body>"
            ),
        ];
        for page in &pages {
            let text = text_of(page);
            assert!(text.contains("council voted"), "{page}: {text:?}");
            assert!(!text.contains("Share this"), "{page}: {text:?}");
        }
    }

    #[test]
    fn line_breaks_and_claimcheck_comments_are_kept() {
        let html = "<body><p>One line<br>two lines</p><!-- claimcheck-disable-next-line contradiction --><p>Next.</p></body>";
        assert_eq!(
            text_of(html),
            "One line\ntwo lines\n\n<!-- claimcheck-disable-next-line contradiction -->\n\nNext."
        );
    }

    #[test]
    fn a_page_in_its_declared_character_set_is_decoded() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body><p>".to_vec();
        page.extend(b"\x93We are ready,\x94 said the caf\xe9 owner.</p></body></html>");
        let text = decode_declared(&page).unwrap();
        assert!(text.contains("\u{201c}We are ready,\u{201d} said the caf\u{e9} owner."));
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><description>Caf\xe9</description></item></channel></rss>";
        assert!(decode_declared(feed).unwrap().contains("Caf\u{e9}"));
        assert_eq!(decode_declared(b"<p>caf\xe9</p>"), None);
    }

    #[test]
    fn pages_and_markup_are_told_from_prose() {
        assert!(looks_like_page("\n<!DOCTYPE html>\n<html>"));
        assert!(looks_like_page("<html lang=en>"));
        assert!(!looks_like_page("The <b>mayor</b> spoke."));
        assert!(looks_like_markup("<p>The mayor spoke.</p>"));
        assert!(!looks_like_markup("The mayor spoke <quietly>."));
    }
}
