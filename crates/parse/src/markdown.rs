//! Markdown → the article's plain text, with pulldown-cmark (CommonMark, plus tables and YAML front
//! matter). Every block (paragraph, heading, list item, quote, code block, table row) becomes one
//! paragraph; emphasis, links and inline code keep their text; images, raw HTML and footnote
//! markers are dropped. The headline is the front matter's `title`, else the first level-1 heading;
//! the front matter's `date` (or `published`) opens the text as a dateline and its `author` closes
//! it as a byline.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::document::Role;
use crate::markup::{dateline, Extracted};
use crate::normalize::fold_whitespace;

/// The fields of a YAML front matter block this module reads (`key: value` lines, quotes removed).
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
}

impl FrontMatter {
    fn read(block: &str) -> FrontMatter {
        let mut fm = FrontMatter::default();
        for line in block.lines() {
            let Some((key, value)) = line.split_once(':') else { continue };
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if value.is_empty() {
                continue;
            }
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "title" => &mut fm.title,
                "date" | "published" | "published_time" | "pubdate" => &mut fm.date,
                "author" | "byline" => &mut fm.author,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.to_string());
        }
        fm
    }
}

fn is_block(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Item
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

/// True for tags inside a paragraph (or a table row), which do not start a new one.
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Superscript
            | Tag::Subscript
            | Tag::TableCell
    )
}

/// Extracts the plain text of a Markdown document.
pub(crate) fn extract(source: &str) -> Extracted {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut blocks: Vec<String> = Vec::new();
    let mut buffer = String::new();
    let mut front = String::new();
    let (mut in_front, mut in_image) = (false, 0usize);
    let mut h1: Option<(usize, String)> = None;
    let mut heading_level = None;
    let flush = |buffer: &mut String, blocks: &mut Vec<String>| {
        let text = fold_whitespace(buffer);
        buffer.clear();
        if !text.is_empty() {
            blocks.push(text);
        }
    };
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_front = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_front = false,
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut buffer, &mut blocks);
                heading_level = Some(level);
            }
            Event::End(TagEnd::Heading(_)) => {
                let is_h1 = heading_level.take() == Some(pulldown_cmark::HeadingLevel::H1);
                if is_h1 && h1.is_none() {
                    let text = fold_whitespace(&buffer);
                    buffer.clear();
                    if !text.is_empty() {
                        h1 = Some((blocks.len(), text));
                    }
                } else {
                    flush(&mut buffer, &mut blocks);
                }
            }
            Event::Start(tag) if !is_inline(&tag) => flush(&mut buffer, &mut blocks),
            Event::End(TagEnd::TableCell) => buffer.push(' '),
            Event::End(tag) if is_block(&tag) => flush(&mut buffer, &mut blocks),
            Event::Text(t) if in_front => front.push_str(&t),
            Event::Text(t) | Event::Code(t) if in_image == 0 => buffer.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buffer.push(' '),
            _ => {}
        }
    }
    flush(&mut buffer, &mut blocks);

    let fm = FrontMatter::read(&front);
    let headline = match (fm.title, h1) {
        (Some(title), Some((at, text))) => {
            // A level-1 heading that repeats the title is not a body paragraph.
            if fold_whitespace(&title) != text {
                blocks.insert(at, text);
            }
            Some(title)
        }
        (Some(title), None) => Some(title),
        (None, h1) => h1.map(|(_, text)| text),
    };
    let mut out = Extracted::default();
    if let Some(date) = fm.date {
        out.block(&dateline(&date), Some(Role::Dateline));
    }
    if let Some(headline) = headline {
        out.block(&headline, Some(Role::Headline));
    }
    for block in &blocks {
        out.block(block, None);
    }
    if let Some(author) = fm.author {
        out.block(&author, Some(Role::Byline));
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_structure_is_stripped_and_paragraphs_are_kept() {
        let source = "# Leaders agree on trade\n\nThe two leaders met on **Monday**.\nThey agreed to [expand \
                      trade](https://example.org) by 2030.\n\n![a photo](a.jpg)\n\n## Next steps\n\n- Officials \
                      will meet `next year`.\n- A second item.\n\n<div>raw html</div>\n\n> A quoted line.\n";
        let out = extract(source);
        assert_eq!(
            out.text,
            "Leaders agree on trade\n\nThe two leaders met on Monday. They agreed to expand trade by 2030.\n\nNext \
             steps\n\nOfficials will meet next year.\n\nA second item.\n\nA quoted line.\n"
        );
        assert_eq!(out.marks.len(), 1);
        assert_eq!(out.marks[0].role, Role::Headline);
        assert_eq!(&out.text[out.marks[0].start..out.marks[0].end], "Leaders agree on trade");
    }

    #[test]
    fn front_matter_gives_dateline_headline_and_byline() {
        let source =
            "---\ntitle: \"Leaders agree\"\ndate: 2025-08-11T09:30:00+07:00\nauthor: Jane Doe\n---\n\nBody \
                      text here.\n";
        let out = extract(source);
        assert_eq!(out.text, "2025-08-11 09:30\n\nLeaders agree\n\nBody text here.\n\nJane Doe\n");
        let roles: Vec<Role> = out.marks.iter().map(|m| m.role).collect();
        assert_eq!(roles, [Role::Dateline, Role::Headline, Role::Byline]);
    }

    #[test]
    fn table_rows_become_paragraphs() {
        let out = extract("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(out.text, "a b\n\n1 2\n");
    }
}
