//! Saved web pages → the article's plain text. The page is parsed with a real HTML parser
//! (html5ever, through scraper), so broken markup, entities and unclosed tags are read as a browser
//! reads them. The article body is the largest `<article>`, else `<main>` (or `role="main"`), else
//! `<body>`. Inside it, scripts, styles, navigation, headers, footers, asides, forms, hidden
//! elements, blocks whose class or id marks them as page furniture (related links, sharing,
//! comments, advertising, bylines) and blocks whose text is nearly all links (menus, related-article
//! boxes, tag lists) are dropped. Each block element
//! (paragraph, heading, list item, quote, table row…) becomes a paragraph; a `<figcaption>` becomes
//! a caption paragraph. The headline is the body's first `<h1>`, else `og:title`, else `<title>`; the
//! publication time (`article:published_time` and similar) opens the text as a dateline, and the
//! author (`<meta name="author">`, `rel="author"`, a byline element) closes it as a byline.

use std::collections::HashMap;
use std::sync::LazyLock;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node, Selector};

use crate::document::Role;
use crate::markup::{dateline, Extracted};
use crate::normalize::fold_whitespace;

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
    "iframe", "svg", "select", "input", "textarea", "menu", "object", "embed", "canvas", "audio", "video",
    "head", "title", "dialog",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "br",
    "hr",
    "address",
    "details",
    "summary",
    "center",
];

/// Words in a class or id that mark a block as page furniture rather than article text.
const FURNITURE: &[&str] = &[
    "related",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "promo",
    "sidebar",
    "tags",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "navbar",
    "menu",
    "byline",
    "author",
    "recommended",
];

/// Longest text (in characters) taken as an author's name from a byline element.
const MAX_BYLINE_CHARS: usize = 80;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid built-in selector")
}

/// The CSS selectors extraction uses, parsed once.
struct Selectors {
    meta: Selector,
    article: Selector,
    main: Selector,
    role_main: Selector,
    body: Selector,
    author: Selector,
    time: Selector,
    h1: Selector,
    title: Selector,
}

static SELECTORS: LazyLock<Selectors> = LazyLock::new(|| Selectors {
    meta: selector("meta[content]"),
    article: selector("article"),
    main: selector("main"),
    role_main: selector("[role=main]"),
    body: selector("body"),
    author: selector("[rel=author], [itemprop=author], [class], [id]"),
    time: selector("time[datetime]"),
    h1: selector("h1"),
    title: selector("title"),
});

/// The words of an element's class and id attributes, lower-cased.
fn name_words(el: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|v| v.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The text of an element, whitespace folded, skipping dropped elements.
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut skip: Option<NodeId> = None;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) if skip.is_none() => match node.value() {
                Node::Element(e) if node.id() != el.id() && DROPPED.contains(&e.name()) => {
                    skip = Some(node.id())
                }
                Node::Element(e) if BLOCKS.contains(&e.name()) => out.push(' '),
                Node::Text(t) => out.push_str(t),
                _ => {}
            },
            Edge::Close(node) if skip == Some(node.id()) => skip = None,
            _ => {}
        }
    }
    fold_whitespace(&out)
}

/// Blocks dropped when nearly all their text is link text (menus, related-article boxes, tag lists).
const LINK_BLOCKS: &[&str] = &["ul", "ol", "div", "section", "table", "p", "dl"];

/// Share of a block's text inside links from which the block counts as a list of links.
const LINKED_BLOCK_SHARE: f64 = 0.8;

/// For every element of [`LINK_BLOCKS`] under `root`, the share of its text that is inside links, in
/// one pass over the tree.
fn link_shares(root: ElementRef<'_>) -> HashMap<NodeId, f64> {
    // (element, text characters, of which inside a link, is a link)
    let mut stack: Vec<(NodeId, usize, usize, bool)> = Vec::new();
    let mut link_depth = 0usize;
    let mut shares = HashMap::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let link = e.name() == "a";
                    link_depth += usize::from(link);
                    stack.push((node.id(), 0, 0, link));
                }
                Node::Text(t) => {
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    if let Some(top) = stack.last_mut() {
                        top.1 += n;
                        if link_depth > 0 {
                            top.2 += n;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Some(el) = node.value().as_element() else { continue };
                let Some((id, total, linked, link)) = stack.pop() else { continue };
                link_depth -= usize::from(link);
                if let Some(parent) = stack.last_mut() {
                    parent.1 += total;
                    parent.2 += linked;
                }
                if total > 0 && LINK_BLOCKS.contains(&el.name()) {
                    shares.insert(id, linked as f64 / total as f64);
                }
            }
        }
    }
    shares
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is one of `keys`.
fn meta(doc: &Html, keys: &[&str]) -> Option<String> {
    let metas = &SELECTORS.meta;
    keys.iter().find_map(|key| {
        doc.select(metas).find_map(|m| {
            let named = ["property", "name", "itemprop"]
                .iter()
                .any(|a| m.value().attr(a).is_some_and(|v| v.eq_ignore_ascii_case(key)));
            let content = fold_whitespace(m.value().attr("content").unwrap_or_default());
            (named && !content.is_empty()).then_some(content)
        })
    })
}

/// The element holding the article: the `<article>` with the most text, else `<main>`, else the body.
fn body_root(doc: &Html) -> ElementRef<'_> {
    let longest = |css: &Selector| doc.select(css).max_by_key(|e| e.text().map(str::len).sum::<usize>());
    let s = &*SELECTORS;
    longest(&s.article)
        .or_else(|| longest(&s.main))
        .or_else(|| longest(&s.role_main))
        .or_else(|| longest(&s.body))
        .unwrap_or_else(|| doc.root_element())
}

fn author(doc: &Html) -> Option<String> {
    let from_meta = meta(doc, &["author", "article:author", "dc.creator", "sailthru.author"])
        .filter(|a| !a.starts_with("http://") && !a.starts_with("https://"));
    from_meta.or_else(|| {
        doc.select(&SELECTORS.author)
            .filter(|e| {
                e.value().attr("rel") == Some("author")
                    || e.value().attr("itemprop") == Some("author")
                    || name_words(e.value()).any(|w| w == "byline" || w == "author")
            })
            .map(text_of)
            .find(|t| !t.is_empty() && t.chars().count() <= MAX_BYLINE_CHARS)
    })
}

fn published(doc: &Html, root: ElementRef<'_>) -> Option<String> {
    meta(
        doc,
        &[
            "article:published_time",
            "og:published_time",
            "datePublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
        ],
    )
    .or_else(|| {
        root.select(&SELECTORS.time)
            .find_map(|t| t.value().attr("datetime").map(fold_whitespace).filter(|d| !d.is_empty()))
    })
}

/// Walks the article body and returns its paragraphs, captions marked.
struct Walker {
    blocks: Vec<(String, Option<Role>)>,
    buffer: String,
    /// Share of link text of each block that may be a list of links.
    link_shares: HashMap<NodeId, f64>,
    /// Whether blocks are dropped for a class or id that names page furniture.
    by_name: bool,
}

impl Walker {
    fn flush(&mut self, role: Option<Role>) {
        let text = fold_whitespace(&self.buffer);
        self.buffer.clear();
        if !text.is_empty() {
            self.blocks.push((text, role));
        }
    }

    fn dropped(&self, node: NodeRef<'_, Node>, headline: &str) -> bool {
        let Some(el) = ElementRef::wrap(node) else { return false };
        let e = el.value();
        let name = e.name();
        DROPPED.contains(&name)
            || e.attr("hidden").is_some()
            || e.attr("aria-hidden") == Some("true")
            || (self.by_name && name_words(e).any(|w| FURNITURE.contains(&w.as_str())))
            || self.link_shares.get(&node.id()).is_some_and(|&share| share >= LINKED_BLOCK_SHARE)
            || (name == "h1" && text_of(el) == headline)
    }

    fn walk(&mut self, root: ElementRef<'_>, headline: &str) {
        let mut skip: Option<NodeId> = None;
        let mut caption: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    if node.id() != root.id() && self.dropped(node, headline) {
                        skip = Some(node.id());
                        continue;
                    }
                    match node.value() {
                        Node::Element(e) if BLOCKS.contains(&e.name()) => {
                            self.flush(caption.map(|_| Role::Caption));
                            if e.name() == "figcaption" && caption.is_none() {
                                caption = Some(node.id());
                            }
                        }
                        Node::Text(t) => self.buffer.push_str(t),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skip.is_some() {
                        if skip == Some(node.id()) {
                            skip = None;
                        }
                        continue;
                    }
                    if node.value().as_element().is_some_and(|e| BLOCKS.contains(&e.name())) {
                        self.flush(caption.map(|_| Role::Caption));
                    }
                    if caption == Some(node.id()) {
                        caption = None;
                    }
                }
            }
        }
        self.flush(None);
    }
}

/// Extracts the article text of an HTML page.
pub(crate) fn extract(page: &str) -> Extracted {
    let doc = Html::parse_document(page);
    let root = body_root(&doc);
    let h1 = root.select(&SELECTORS.h1).map(text_of).find(|t| !t.is_empty());
    let title = || {
        meta(&doc, &["og:title", "twitter:title"]).or_else(|| {
            doc.select(&SELECTORS.title)
                .map(|t| fold_whitespace(&t.text().collect::<String>()))
                .find(|t| !t.is_empty())
        })
    };
    let headline = h1.or_else(title).unwrap_or_default();
    let mut walker =
        Walker { blocks: Vec::new(), buffer: String::new(), link_shares: link_shares(root), by_name: true };
    walker.walk(root, &headline);
    if walker.blocks.is_empty() {
        // Class names are only a hint: a site whose main column is called `sidebar` would
        // otherwise lose its whole article.
        walker.by_name = false;
        walker.walk(root, &headline);
    }

    let mut out = Extracted::default();
    if let Some(date) = published(&doc, root) {
        out.block(&dateline(&date), Some(Role::Dateline));
    }
    out.block(&headline, Some(Role::Headline));
    for (text, role) in &walker.blocks {
        out.block(text, *role);
    }
    if let Some(author) = author(&doc) {
        out.block(&author, Some(Role::Byline));
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head>
  <title>Leaders agree on trade | Daily Example</title>
  <meta property="article:published_time" content="2025-08-11T09:30:00+07:00">
  <meta name="author" content="Jane Doe">
  <style>p { color: red }</style>
  <script>var tracking = "Not article text.";</script>
</head><body>
  <header><a href="/">Daily Example</a><nav><ul><li><a href="/world">World</a></li></ul></nav></header>
  <aside class="sidebar"><p>Most read: something else entirely.</p></aside>
  <article class="story">
    <header><h1>Leaders agree on trade</h1><p class="byline">By Jane Doe</p></header>
    <p>The two leaders met on Monday.
       They agreed to <a href="/t">expand trade</a> by 2030.</p>
    <figure><img src="a.jpg" alt="ignored alt text"><figcaption>The leaders at the ceremony.</figcaption></figure>
    <script>document.write("Also not article text.")</script>
    <p>Officials will meet again&nbsp;next year.</p>
    <div class="related-links"><h2>Related</h2><ul><li><a href="/x">Another story</a></li></ul></div>
    <ul><li><a href="/y">Link one</a></li><li><a href="/z">Link two</a></li></ul>
    <ul><li>A real list item.</li></ul>
  </article>
  <footer><p>Copyright Daily Example.</p></footer>
</body></html>"#;

    #[test]
    fn a_page_yields_dateline_headline_body_captions_and_byline_only() {
        let out = extract(PAGE);
        assert_eq!(
            out.text,
            "2025-08-11 09:30\n\nLeaders agree on trade\n\nThe two leaders met on Monday. They agreed to expand \
             trade by 2030.\n\nThe leaders at the ceremony.\n\nOfficials will meet again next year.\n\nA real \
             list item.\n\nJane Doe\n"
        );
        let roles: Vec<(&str, Role)> =
            out.marks.iter().map(|m| (&out.text[m.start..m.end], m.role)).collect();
        assert_eq!(
            roles,
            [
                ("2025-08-11 09:30", Role::Dateline),
                ("Leaders agree on trade", Role::Headline),
                ("The leaders at the ceremony.", Role::Caption),
                ("Jane Doe", Role::Byline),
            ]
        );
    }

    #[test]
    fn without_article_or_h1_the_body_and_title_are_used() {
        let out = extract(
            "<html><head><title>A title</title></head><body><p>One.</p><div>Two.</div></body></html>",
        );
        assert_eq!(out.text, "A title\n\nOne.\n\nTwo.\n");
    }

    #[test]
    fn the_largest_article_is_the_body_and_a_byline_element_gives_the_author() {
        let page = r#"<body><article><p>Teaser.</p></article>
            <article><p>The real story has much more text in it.</p><span class="author-name">Kim Lee</span></article></body>"#;
        let out = extract(page);
        assert_eq!(out.text, "The real story has much more text in it.\n\nKim Lee\n");
    }

    #[test]
    fn blocks_of_links_are_dropped_whatever_their_class_and_paragraphs_with_a_link_are_kept() {
        let page = r#"<body><div class="content">
            <p>The minister <a href="/m">Ana Silva</a> opened the new bridge on Monday.</p>
            <div class="box-tinlienquan"><b>Xem thêm</b><a href="/1">Another bridge opens in the north of the country</a>
              <a href="/2">Road toll prices rise again next year</a></div>
            <p>Traffic will start in <a href="/j">June</a>.</p>
            <p><a href="/all">All transport news from the last week</a></p>
            </div></body>"#;
        let out = extract(page);
        assert_eq!(
            out.text,
            "The minister Ana Silva opened the new bridge on Monday.\n\nTraffic will start in June.\n"
        );
    }

    #[test]
    fn deeply_nested_markup_keeps_its_text() {
        // html5ever's tree building is quadratic in nesting depth, so the depth here stays modest.
        let page = format!("{}<p>Deep text.</p>{}", "<div>".repeat(3_000), "</div>".repeat(3_000));
        assert_eq!(extract(&page).text, "Deep text.\n");
    }

    #[test]
    fn when_class_names_would_drop_everything_they_are_ignored() {
        let page = r#"<body><div class="sidebar-1"><h1>Title</h1><p>The whole story is here.</p></div>
            <div class="sidebar-2"><ul><li><a href="/x">Other</a></li></ul></div></body>"#;
        assert_eq!(extract(page).text, "Title\n\nThe whole story is here.\n");
    }

    #[test]
    fn broken_markup_does_not_panic_and_keeps_the_text() {
        let out = extract("<p>Unclosed <b>bold <i>text<p>Next &amp; last");
        assert_eq!(out.text, "Unclosed bold text\n\nNext & last\n");
    }

    #[test]
    fn parsed_pages_give_the_marked_blocks_their_roles() {
        use crate::{Format, Kind, Parser, SectionKind};
        let doc = Parser::builder()
            .kind(Kind::Press)
            .format(Format::Html)
            .build()
            .parse("page.html", PAGE.as_bytes());
        let doc = doc.unwrap_or_else(|e| panic!("{e}"));
        let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Dateline,
                SectionKind::Headline,
                SectionKind::Body,
                SectionKind::Caption,
                SectionKind::Body,
                SectionKind::Body,
                SectionKind::Byline
            ]
        );
        assert!(doc.notes.iter().any(|n| n.contains("extracted plain text")));
    }

    #[test]
    fn a_page_without_article_text_is_an_error_naming_the_file() {
        use crate::{ErrorKind, Format, Parser};
        let err = Parser::builder()
            .format(Format::Html)
            .build()
            .parse("empty.html", b"<html><script>x</script></html>");
        let err = err.err().map(|e| (e.kind(), e.to_string()));
        assert_eq!(
            err,
            Some((ErrorKind::Empty, "empty.html: no article text found in the html file".to_string()))
        );
    }

    proptest::proptest! {
        #[test]
        fn any_markup_parses_without_panicking_and_spans_are_in_the_extracted_text(page in "(<[a-z/ =\"]{0,12}>|[A-Za-zà-ỹ .,\n&;#0-9]{0,20}){0,40}") {
            for format in [crate::Format::Html, crate::Format::Markdown] {
                let extracted = match format {
                    crate::Format::Html => extract(&page),
                    _ => crate::markdown::extract(&page),
                };
                let parser = crate::Parser::builder().format(format).build();
                if let Ok(doc) = parser.parse("p", page.as_bytes()) {
                    for (_, s) in doc.sentences() {
                        proptest::prop_assert!(s.span[0] <= s.span[1] && s.span[1] <= extracted.text.len());
                    }
                }
            }
        }
    }
}
