//! Reading the richer input formats, in bytes of the file per second on one
//! core: a saved web page (the main-text choice and the source map), a
//! Markdown file, an RSS feed. Each is built at two sizes from the news-bulk
//! corpus where it exists, else from the project's fixtures, so the figures
//! show the cost per byte staying flat as a page grows.
//!
//! ```sh
//! cargo bench --bench ingest
//! ```

use claimcheck::ingest::{DayOrder, parse_html, read_markdown};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// Paragraphs of real prose: news-bulk's where it is, else the fixtures'.
fn paragraphs() -> Vec<String> {
    let dirs = [
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpora/news-bulk/articles"
        ),
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/grammar"),
    ];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        files.sort();
        let out: Vec<String> = files
            .iter()
            .take(400)
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .flat_map(|t| {
                t.split("\n\n")
                    .map(|p| p.trim().to_string())
                    .filter(|p| p.len() > 40)
                    .collect::<Vec<_>>()
            })
            .collect();
        if !out.is_empty() {
            return out;
        }
    }
    vec!["The council said the depot would close, and residents objected.".into()]
}

fn escape(p: &str) -> String {
    p.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('“', "&ldquo;")
        .replace('”', "&rdquo;")
}

/// A news page of about `bytes`: furniture around an article of paragraphs
/// with entities, links and emphasis.
fn page(bytes: usize) -> String {
    let mut out = String::from(
        "<!DOCTYPE html><html><head><title>Story</title>\
         <script>var config = {\"a\": \"“\"};</script><style>p{margin:0}</style>\
         <meta property=\"og:site_name\" content=\"Example\"></head><body>\
         <nav><a href=\"/\">Home</a><a href=\"/news\">News</a></nav><main><article>",
    );
    for (i, p) in paragraphs().iter().cycle().enumerate() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(&format!("<p>{}</p>\n", escape(p)));
        if i % 7 == 6 {
            out.push_str("<div class=\"related\"><a href=\"/x\">A related story</a></div>\n");
        }
    }
    out.push_str("</article></main><footer>© Example</footer></body></html>");
    out
}

/// A Markdown file of about `bytes`: front matter, paragraphs with links
/// and emphasis.
fn markdown(bytes: usize) -> String {
    let mut out = String::from("---\ntitle: Story\ndate: 2024-05-01\nauthor: [A. Writer]\n---\n");
    for (i, p) in paragraphs().iter().cycle().enumerate() {
        if out.len() >= bytes {
            break;
        }
        let p = if i % 3 == 0 {
            format!("**{p}** [more](https://example.org/{i} \"t\")")
        } else {
            p.clone()
        };
        out.push_str(&p);
        out.push_str("\n\n");
    }
    out
}

#[divan::bench(args = [100_000, 1_000_000])]
fn html_page(bencher: Bencher, bytes: usize) {
    let page = page(bytes);
    bencher.counter(BytesCount::new(page.len())).bench(|| {
        parse_html("p.html", black_box(page.clone()), DayOrder::DayFirst)
            .map(|p| p.article.text.len())
    });
}

#[divan::bench(args = [100_000, 1_000_000])]
fn markdown_file(bencher: Bencher, bytes: usize) {
    let md = markdown(bytes);
    bencher.counter(BytesCount::new(md.len())).bench(|| {
        read_markdown("m.md", black_box(md.clone()), DayOrder::DayFirst)
            .map(|p| p.article.text.len())
    });
}

#[divan::bench(args = [100, 1_000])]
fn rss_feed(bencher: Bencher, items: usize) {
    let mut feed =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>\n");
    for (i, p) in paragraphs().iter().cycle().take(items).enumerate() {
        feed.push_str(&format!(
            "<item><title>Item {i}</title><guid>g{i}</guid><pubDate>Mon, 28 Feb 2022 09:30:00 +0000</pubDate>\
             <description><![CDATA[<p>{}</p><p>{}</p>]]></description></item>\n",
            escape(p),
            escape(p)
        ));
    }
    feed.push_str("</channel></rss>");
    bencher.counter(BytesCount::new(feed.len())).bench(|| {
        claimcheck::ingest::feed::read("f.xml", black_box(&feed), DayOrder::DayFirst)
            .0
            .len()
    });
}
