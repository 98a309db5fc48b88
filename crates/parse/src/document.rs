//! The document model and how a text becomes one.

use std::borrow::Cow;

use serde::Serialize;

use crate::normalize::{fold_whitespace, fold_whitespace_cow, Normalized};
use crate::token::{tokenize, Token};
use crate::{numbering, press, segment};

/// Whether a document is the official text or a press article about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The reference text (a statement, a law, a report).
    Official,
    /// An article written about the official text.
    Press,
}

/// How the sections of a document were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Structure {
    /// Numbered points (`1.`, `(2)`, `Điều 3`…), with the text before the first one as the preamble.
    NumberedPoints,
    /// No numbered points: each paragraph is a section, numbered 1, 2, … in order.
    Paragraphs,
    /// A press article: dateline, headline, body paragraphs, captions, byline.
    Article,
}

/// What a section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The text of an official document before its first numbered point (number 0).
    Preamble,
    /// A numbered point of an official document.
    Point,
    /// A paragraph of an official document without numbered points.
    Paragraph,
    /// The date (and place) line of an article.
    Dateline,
    /// The headline or one-sentence lead of an article.
    Headline,
    /// A body paragraph of an article.
    Body,
    /// A photo caption.
    Caption,
    /// The author's name.
    Byline,
    /// A paragraph that only names the source (`Theo TTXVN`).
    Attribution,
}

/// What a sentence is for the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Content.
    Body,
    /// The headline or one-sentence lead.
    Headline,
    /// Date and place of publication.
    Dateline,
    /// A photo caption.
    Caption,
    /// The author's name.
    Byline,
    /// A sentence that only names the source.
    Attribution,
}

impl Role {
    /// True for the roles that carry content to compare (body and headline).
    pub fn is_content(self) -> bool {
        matches!(self, Role::Body | Role::Headline)
    }
}

/// One sentence, with everything needed to cite it.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// The sentence as displayed: NFC, hard-wrapped lines joined with one space.
    pub text: String,
    /// First and last line of the sentence in the file, 1-based.
    pub lines: [usize; 2],
    /// Byte range of the sentence in the file as given.
    pub span: [usize; 2],
    /// What the sentence is.
    pub role: Role,
    /// The source an article credits in this sentence (`TTXVN` in `…, theo TTXVN.`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Words of `text` with their comparison keys (none from a parser built with
    /// `structure_only(true)`, or after [`Document::drop_match_data`]).
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Byte offsets in `text` where each line after the first begins (one entry per line break of
    /// the file inside the sentence), so a word can be cited by its own line.
    #[serde(skip)]
    pub breaks: Vec<usize>,
}

impl Sentence {
    /// Adjacent token-key pairs (for Vietnamese, two-syllable words).
    pub fn bigrams(&self) -> impl Iterator<Item = (&str, &str)> {
        self.tokens.windows(2).map(|w| (w[0].key.as_str(), w[1].key.as_str()))
    }

    /// The 1-based file line of byte `offset` of `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines[0] + self.breaks.partition_point(|&b| b <= offset)
    }

    /// The text of token `i` as displayed.
    pub fn token_text(&self, i: usize) -> &str {
        let [a, b] = self.tokens[i].span;
        &self.text[a..b]
    }
}

/// A part of a document: the preamble, a numbered point, or a paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// For an official text: 0 for the preamble, then the point's or paragraph's number. For a
    /// press article: `None`.
    pub number: Option<u32>,
    /// What the section is.
    pub kind: SectionKind,
    /// First and last line of the section in the file, 1-based.
    pub lines: [usize; 2],
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// A parsed document: sections of sentences of tokens, every piece traceable to its lines and bytes.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The path (or name) the document was read from.
    pub path: String,
    /// Official text or press article.
    pub kind: Kind,
    /// How sections were found.
    pub structure: Structure,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// What the parser had to decide or fall back on, in words (for example that no numbered
    /// points were found).
    pub notes: Vec<String>,
    /// Problems with the input the reader should see (for example that the file was not UTF-8 and
    /// was read as Windows-1258). Empty for a clean UTF-8 file; left out of the JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Document {
    /// Frees each sentence's tokens; the text, places and roles stay (after it, `tokens` is empty:
    /// [`Sentence::token_text`] has no valid index, [`Sentence::bigrams`] yields nothing). For an
    /// article read only as text from then on: a batch keeps thousands of aligned articles for the
    /// consistency checks, which read an article's text only, and the tokens are most of their
    /// memory. Not for an official text: aligning and checking read its tokens.
    pub fn drop_match_data(&mut self) {
        for s in self.sections.iter_mut().flat_map(|s| s.sentences.iter_mut()) {
            s.tokens = Vec::new();
        }
    }

    /// Every sentence of the document, in order, with its section.
    pub fn sentences(&self) -> impl Iterator<Item = (&Section, &Sentence)> {
        self.sections.iter().flat_map(|s| s.sentences.iter().map(move |t| (s, t)))
    }
}

/// Line starts of the normalised text, for byte → line look-ups.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// 1-based line of byte `b`.
    fn line_of(&self, b: usize) -> usize {
        self.starts.partition_point(|&s| s <= b)
    }

    fn count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of line `i` (0-based), without its `\n`.
    fn range(&self, text: &str, i: usize) -> (usize, usize) {
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(text.len(), |&n| n - 1);
        (start, end)
    }
}

/// A run of lines with no blank line inside, as a byte range of the normalised text.
#[derive(Debug, Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
}

/// Share of the longest line under which a line inside a paragraph is taken as ending it (a heading
/// or a headline above its text, in a file with no blank line between them).
const SHORT_LINE_RATIO: f64 = 0.5;

/// Splits line range `[from, to)` into paragraphs: at blank lines, and after a short line that ends
/// a unit and is followed by a line that can start one.
fn paragraphs(text: &str, lines: &Lines, from: usize, to: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut group: Vec<(usize, usize)> = Vec::new();
    let flush = |group: &mut Vec<(usize, usize)>, out: &mut Vec<Block>| {
        if group.is_empty() {
            return;
        }
        let widest = group.iter().map(|&(a, b)| text[a..b].chars().count()).max().unwrap_or(0);
        let mut start = group[0].0;
        for (j, &(a, b)) in group.iter().enumerate() {
            let last = j + 1 == group.len();
            let line = text[a..b].trim_end();
            let short = (line.chars().count() as f64) < SHORT_LINE_RATIO * widest as f64;
            let next_opens = group
                .get(j + 1)
                .and_then(|&(na, nb)| text[na..nb].trim_start().chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            let continues = line.ends_with([',', ';', '-', '–', '(', '/']);
            if last || (short && next_opens && !continues) {
                out.push(Block { start, end: b });
                if let Some(&(na, _)) = group.get(j + 1) {
                    start = na;
                }
            }
        }
        group.clear();
    };
    for i in from..to {
        let (a, b) = lines.range(text, i);
        if text[a..b].trim().is_empty() {
            flush(&mut group, &mut out);
        } else {
            group.push((a, b));
        }
    }
    flush(&mut group, &mut out);
    out
}

/// Numbered points found in the text: (0-based line, marker).
fn find_points(text: &str, lines: &Lines) -> Vec<(usize, numbering::Marker)> {
    let mut found = Vec::new();
    let mut expected = 1;
    let mut prev_line = "";
    for i in 0..lines.count() {
        let (a, b) = lines.range(text, i);
        let line = &text[a..b];
        let trimmed = line.trim_start();
        if let Some(mut m) = numbering::marker(trimmed) {
            let same_style =
                found.first().is_none_or(|(_, f): &(usize, numbering::Marker)| f.style == m.style);
            if m.number == expected && same_style && numbering::ends_unit(prev_line) {
                m.len += line.len() - trimmed.len();
                found.push((i, m));
                expected += 1;
            }
        }
        prev_line = line;
    }
    found
}

/// Where each line after the first begins in `fold_whitespace(raw)`: the offset of the first word
/// after every line break (repeated when one gap holds several breaks).
fn line_breaks(raw: &str) -> Vec<usize> {
    let mut breaks = Vec::new();
    // Most sentences of an article are on one line.
    if !raw.contains('\n') {
        return breaks;
    }
    let mut len = 0;
    let mut newlines = 0;
    let mut in_word = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            newlines += usize::from(c == '\n' && len > 0);
            in_word = false;
            continue;
        }
        if !in_word {
            if len > 0 {
                len += 1;
            }
            breaks.extend(std::iter::repeat_n(len, newlines));
            newlines = 0;
            in_word = true;
        }
        len += c.len_utf8();
    }
    breaks
}

/// Builds sentences, keeping everything needed to cite them.
struct Builder<'a> {
    norm: &'a Normalized,
    lines: Lines,
    /// Whether sentences get tokens (with their comparison keys).
    tokens: bool,
}

impl Builder<'_> {
    fn text(&self) -> &str {
        &self.norm.text
    }

    /// The sentence at normalised bytes `start..end`, widened to whole characters of the input (a
    /// cut inside a composed or reordered cluster would give a span that does not slice back to the
    /// text); `None` when nothing is left. `folded` is a block known to have no white space to
    /// fold: a piece of it with no space at either end has none either.
    fn sentence(&self, start: usize, end: usize, role: Role, folded: Option<Block>) -> Option<Sentence> {
        let start = self.norm.cluster_boundary(start);
        let end = self.norm.cluster_boundary(end);
        let raw = &self.norm.text[start..end];
        let inside = folded.is_some_and(|b| b.start <= start && end <= b.end);
        let text = if inside && !raw.starts_with(' ') && !raw.ends_with(' ') {
            raw.to_owned()
        } else {
            fold_whitespace(raw)
        };
        if text.is_empty() {
            return None;
        }
        let breaks = line_breaks(raw);
        let attribution = if role == Role::Body { press::inline_attribution(&text) } else { None };
        let role = if role == Role::Body && press::is_attribution(&text) { Role::Attribution } else { role };
        let tokens = if self.tokens { tokenize(&text) } else { Vec::new() };
        Some(Sentence {
            tokens,
            lines: [self.lines.line_of(start), self.lines.line_of(end.saturating_sub(1).max(start))],
            span: [self.norm.orig_start(start), self.norm.orig_end(end)],
            role,
            attribution,
            text,
            breaks,
        })
    }

    /// The sentences of normalised bytes `start..end` (inside `folded`, if given: see
    /// [`Builder::sentence`]).
    fn sentences(&self, start: usize, end: usize, role: Role, folded: Option<Block>) -> Vec<Sentence> {
        segment::sentences(self.text(), start, end)
            .into_iter()
            .filter_map(|(a, b)| self.sentence(a, b, role, folded))
            .collect()
    }

    /// The whole block as one sentence, trimmed (for captions and bylines).
    fn whole(&self, block: Block, role: Role) -> Option<Sentence> {
        let piece = &self.text()[block.start..block.end];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        let (a, b) = (block.start + lead, block.end - trail);
        if a < b {
            self.sentence(a, b, role, None)
        } else {
            None
        }
    }

    fn section(&self, number: Option<u32>, kind: SectionKind, sentences: Vec<Sentence>) -> Option<Section> {
        let first = sentences.first()?.lines[0];
        let last = sentences.last()?.lines[1];
        Some(Section { number, kind, lines: [first, last], sentences })
    }

    fn official_points(&self, points: &[(usize, numbering::Marker)]) -> Vec<Section> {
        let mut sections = Vec::new();
        let text = self.text();
        let body = |from: usize, to: usize, skip: usize| -> Vec<Sentence> {
            paragraphs(text, &self.lines, from, to)
                .into_iter()
                .flat_map(|mut p| {
                    if p.start == self.lines.range(text, from).0 {
                        p.start = (p.start + skip).min(p.end);
                    }
                    self.sentences(p.start, p.end, Role::Body, None)
                })
                .collect()
        };
        let first_line = points.first().map_or(self.lines.count(), |p| p.0);
        let preamble = body(0, first_line, 0);
        sections.extend(self.section(Some(0), SectionKind::Preamble, preamble));
        for (k, (line, marker)) in points.iter().enumerate() {
            let to = points.get(k + 1).map_or(self.lines.count(), |p| p.0);
            let sentences = body(*line, to, marker.len);
            if let Some(s) = self.section(Some(marker.number), SectionKind::Point, sentences) {
                sections.push(s);
            } else {
                let l = line + 1;
                sections.push(Section {
                    number: Some(marker.number),
                    kind: SectionKind::Point,
                    lines: [l, l],
                    sentences: vec![],
                });
            }
        }
        sections
    }

    fn official_paragraphs(&self) -> Vec<Section> {
        let blocks = paragraphs(self.text(), &self.lines, 0, self.lines.count());
        let mut sections = Vec::new();
        for block in blocks {
            let number = sections.len() as u32 + 1;
            let sentences = self.sentences(block.start, block.end, Role::Body, None);
            sections.extend(self.section(Some(number), SectionKind::Paragraph, sentences));
        }
        sections
    }

    fn article(&self) -> Vec<Section> {
        let text = self.text();
        let mut blocks = paragraphs(text, &self.lines, 0, self.lines.count());
        let mut sections = Vec::new();
        // A dateline opens the first paragraph, or a wire dateline one of the first few.
        if let Some(first) = blocks.first_mut() {
            if let Some(n) = press::leading_date(&text[first.start..first.end]) {
                let dateline = Block { start: first.start, end: first.start + n };
                first.start += n;
                sections.extend(
                    self.whole(dateline, Role::Dateline)
                        .and_then(|s| self.section(None, SectionKind::Dateline, vec![s])),
                );
            }
        }
        blocks.retain(|b| !text[b.start..b.end].trim().is_empty());
        let count = blocks.len();
        let mut headline_done = false;
        for (i, mut block) in blocks.into_iter().enumerate() {
            let folded = fold_whitespace_cow(&text[block.start..block.end]);
            // Its sentences need no folding of their own when it needs none.
            let clean = matches!(folded, Cow::Borrowed(_)).then_some(block);
            if press::is_caption(&folded) {
                let s = self.whole(block, Role::Caption);
                sections.extend(s.and_then(|s| self.section(None, SectionKind::Caption, vec![s])));
                continue;
            }
            if press::is_byline(&folded, i + 1 == count) {
                let s = self.whole(block, Role::Byline);
                sections.extend(s.and_then(|s| self.section(None, SectionKind::Byline, vec![s])));
                continue;
            }
            if i < 3 {
                if let Some(n) = press::wire_dateline(&text[block.start..block.end]) {
                    let dateline = Block { start: block.start, end: block.start + n };
                    block.start += n;
                    let s = self.whole(dateline, Role::Dateline);
                    sections.extend(s.and_then(|s| self.section(None, SectionKind::Dateline, vec![s])));
                }
            }
            let mut sentences = self.sentences(block.start, block.end, Role::Body, clean);
            if !headline_done {
                headline_done = true;
                if sentences.len() == 1 {
                    sentences[0].role = Role::Headline;
                    sections.extend(self.section(None, SectionKind::Headline, sentences));
                    continue;
                }
            }
            let kind = if sentences.iter().all(|s| s.role == Role::Attribution) {
                SectionKind::Attribution
            } else {
                SectionKind::Body
            };
            sections.extend(self.section(None, kind, sentences));
        }
        sections
    }
}

/// True when the text shows a press article's furniture: a leading dateline or photo captions.
fn looks_like_press(text: &str, blocks: &[Block]) -> bool {
    let first = blocks.first().map_or("", |b| &text[b.start..b.end]);
    press::leading_date(first).is_some()
        || blocks.iter().take(3).any(|b| press::wire_dateline(&text[b.start..b.end]).is_some())
        || blocks.iter().any(|b| press::is_caption(&fold_whitespace_cow(&text[b.start..b.end])))
}

/// Parses normalised text into a document. `kind` forces the kind; `None` decides from the text.
pub(crate) fn build(path: &str, norm: &Normalized, kind: Option<Kind>, tokens: bool) -> Document {
    let builder = Builder { norm, lines: Lines::new(&norm.text), tokens };
    let text = builder.text();
    let points = find_points(text, &builder.lines);
    let numbered = points.len() >= 2;
    let mut notes = Vec::new();
    let kind = kind.unwrap_or_else(|| {
        let blocks = paragraphs(text, &builder.lines, 0, builder.lines.count());
        if looks_like_press(text, &blocks) {
            notes.push("read as a press article (dateline or photo captions found)".to_string());
            Kind::Press
        } else if numbered {
            Kind::Official
        } else {
            notes.push("read as an official text (no press dateline or captions found)".to_string());
            Kind::Official
        }
    });
    let (structure, sections) = match kind {
        Kind::Press => (Structure::Article, builder.article()),
        Kind::Official if numbered => (Structure::NumberedPoints, builder.official_points(&points)),
        Kind::Official => {
            notes
                .push("no numbered points found: each paragraph is a section, numbered in order".to_string());
            (Structure::Paragraphs, builder.official_paragraphs())
        }
    };
    Document { path: path.to_string(), kind, structure, sections, notes, warnings: Vec::new() }
}

#[cfg(test)]
mod tests {
    use crate::{Kind, Parser};

    fn official(text: &str) -> Vec<(Option<u32>, Vec<String>)> {
        let doc = Parser::builder().kind(Kind::Official).build().parse_str("t.txt", text).unwrap();
        doc.sections
            .iter()
            .map(|s| (s.number, s.sentences.iter().map(|x| x.text.clone()).collect()))
            .collect()
    }

    #[test]
    fn numbered_paragraphs_inside_an_article_stay_in_that_article() {
        let text =
            "REGULATION\n\nArticle 1 – Scope\n(1) This applies to all roads.\n(2) It does not apply to \
                    private land.\n\nArticle 2 – Speed\n(1) The limit is 20 km/h.\n(2) In parks it is 10 \
                    km/h.\n\nArticle 3 – Entry into force\nThis enters into force on 1 June.\n";
        let sections = official(text);
        let numbers: Vec<Option<u32>> = sections.iter().map(|s| s.0).collect();
        assert_eq!(numbers, [Some(0), Some(1), Some(2), Some(3)]);
        assert!(sections[1].1.iter().any(|s| s.contains("private land")), "{sections:?}");
        assert!(sections[2].1.iter().any(|s| s.contains("In parks")), "{sections:?}");
        assert!(sections[2].1.iter().all(|s| !s.contains("–")), "the heading's dash stays out: {sections:?}");
    }

    #[test]
    fn a_word_of_a_hard_wrapped_sentence_is_cited_by_its_own_line() {
        let doc = Parser::new()
            .parse_str(
                "a.txt",
                "Intro line.\n\n1. The first part\nruns on to a second\nline and a third.\n\n2. Next.\n",
            )
            .unwrap();
        let s = &doc.sections[1].sentences[0];
        assert_eq!(s.lines, [3, 5]);
        let at = |w: &str| s.line_at(s.text.find(w).unwrap());
        assert_eq!((at("The"), at("part"), at("runs"), at("second"), at("third")), (3, 3, 4, 4, 5));
    }
}
