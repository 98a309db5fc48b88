//! A generator of realistic synthetic press articles about any official document, for benchmarks
//! and load tests. Each article, from a seeded RNG (so runs repeat), has a dateline, a headline
//! made from a compressed official sentence, body paragraphs that sample the official points in
//! order (some points dropped), with sentences kept verbatim, compressed (clauses or words dropped),
//! reordered (clauses rotated), merged (a clause of the next point appended), or with a number
//! changed; unrelated sentences inserted; photo captions; and sometimes a byline. Nothing here
//! depends on the language or the content of the official text.

#![allow(dead_code)] // Shared by the bench and the example, which each use part of it.

use crosscheck_parse::Document;

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same corpus on every
/// machine, with no dependency on a random-number crate's version.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How articles are made; the defaults give a mix close to real coverage of a statement.
#[derive(Debug, Clone)]
pub struct Recipe {
    /// Chance that an article keeps a given point (drawn per article between these bounds).
    pub keep_point: (f64, f64),
    /// Chance that a kept sentence is copied as it is.
    pub verbatim: f64,
    /// Chance that a sentence is compressed (clauses or a run of words dropped).
    pub compress: f64,
    /// Chance that a sentence's clauses are reordered.
    pub reorder: f64,
    /// Chance that a clause of the next point is merged into a sentence.
    pub merge: f64,
    /// Chance that a number in a sentence is changed.
    pub change_number: f64,
    /// Chance of an unrelated sentence after each paragraph.
    pub unrelated: f64,
    /// Chance of a photo caption after each paragraph.
    pub caption: f64,
    /// Chance that an article ends with a byline.
    pub byline: f64,
    /// Most official sentences taken from one point.
    pub max_sentences_per_point: usize,
}

impl Default for Recipe {
    fn default() -> Self {
        Recipe {
            keep_point: (0.3, 0.9),
            verbatim: 0.25,
            compress: 0.5,
            reorder: 0.2,
            merge: 0.15,
            change_number: 0.1,
            unrelated: 0.3,
            caption: 0.15,
            byline: 0.6,
            max_sentences_per_point: 2,
        }
    }
}

/// Makes articles about one official document.
#[derive(Debug, Clone)]
pub struct Generator {
    /// The official points, each a list of sentences.
    points: Vec<Vec<String>>,
    /// Every word of the official text, for unrelated filler sentences and names.
    vocabulary: Vec<String>,
    recipe: Recipe,
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn end_sentence(mut s: String) -> String {
    let trimmed = s.trim_end_matches([',', ';', ':', ' ', '-']).len();
    s.truncate(trimmed);
    if !s.ends_with(['.', '!', '?']) {
        s.push('.');
    }
    s
}

impl Generator {
    /// A generator for `official` with the default recipe.
    pub fn new(official: &Document) -> Generator {
        Generator::with_recipe(official, Recipe::default())
    }

    /// A generator for `official` with `recipe`.
    pub fn with_recipe(official: &Document, recipe: Recipe) -> Generator {
        let points: Vec<Vec<String>> = official
            .sections
            .iter()
            .map(|s| s.sentences.iter().map(|t| t.text.clone()).collect::<Vec<_>>())
            .filter(|s: &Vec<String>| !s.is_empty())
            .collect();
        let mut vocabulary: Vec<String> = points
            .iter()
            .flatten()
            .flat_map(|s| s.split_whitespace())
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| w.chars().count() > 1 && !w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        vocabulary.sort();
        vocabulary.dedup();
        if vocabulary.is_empty() {
            vocabulary.push("text".to_string());
        }
        Generator { points, vocabulary, recipe }
    }

    /// Drops clauses (at commas) or, in a sentence without them, a run of words.
    fn compress(&self, rng: &mut Rng, s: &str) -> String {
        let clauses: Vec<&str> = s.split(", ").collect();
        if clauses.len() >= 3 {
            let keep: Vec<&str> = clauses
                .iter()
                .enumerate()
                .filter(|(i, _)| *i == 0 || rng.chance(0.6))
                .map(|(_, c)| *c)
                .collect();
            return end_sentence(keep.join(", "));
        }
        let w = words(s);
        if w.len() < 8 {
            return s.to_string();
        }
        let len = 2 + rng.below(w.len() / 3);
        let start = 1 + rng.below(w.len() - len - 1);
        let kept: Vec<&str> = w[..start].iter().chain(&w[start + len..]).copied().collect();
        end_sentence(kept.join(" "))
    }

    /// Rotates the clauses of a sentence (`A, B, C` → `B, C, A`).
    fn reorder(&self, rng: &mut Rng, s: &str) -> String {
        let body = s.trim_end_matches(['.', '!', '?']);
        let mut clauses: Vec<&str> = body.split(", ").collect();
        if clauses.len() < 2 {
            return s.to_string();
        }
        let k = 1 + rng.below(clauses.len() - 1);
        clauses.rotate_left(k);
        end_sentence(capitalise(&clauses.join(", ")))
    }

    /// Changes one number of the sentence, if it has one.
    fn change_number(&self, rng: &mut Rng, s: &str) -> String {
        let spans: Vec<(usize, usize)> = {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in s.char_indices() {
                match (c.is_ascii_digit(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(a)) => {
                        out.push((a, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(a) = start {
                out.push((a, s.len()));
            }
            out
        };
        if spans.is_empty() {
            return s.to_string();
        }
        let (a, b) = *rng.pick(&spans);
        let n: u64 = s[a..b].parse().unwrap_or(0);
        let changed = n + 1 + rng.below(9) as u64;
        format!("{}{changed}{}", &s[..a], &s[b..])
    }

    /// A sentence of official words in random order: on topic in vocabulary, unsupported in content.
    fn unrelated(&self, rng: &mut Rng) -> String {
        let n = 8 + rng.below(12);
        let w: Vec<&str> = (0..n).map(|_| rng.pick(&self.vocabulary).as_str()).collect();
        end_sentence(capitalise(&w.join(" ")))
    }

    fn name(&self, rng: &mut Rng) -> String {
        let n = 2 + rng.below(2);
        (0..n).map(|_| capitalise(rng.pick(&self.vocabulary).as_str())).collect::<Vec<_>>().join(" ")
    }

    fn dateline(&self, rng: &mut Rng) -> String {
        let (y, m, d) = (2020 + rng.below(6), 1 + rng.below(12), 1 + rng.below(28));
        match rng.below(3) {
            0 => format!("{y}-{m:02}-{d:02} {:02}:{:02}", rng.below(24), rng.below(60)),
            1 => format!("{d}/{m}/{y}"),
            _ => format!("{y}-{m:02}-{d:02}"),
        }
    }

    /// One press sentence made from an official one (and maybe a clause of the next point).
    fn sentence(&self, rng: &mut Rng, source: &str, next: Option<&str>) -> String {
        let r = &self.recipe;
        let mut s = source.to_string();
        if !rng.chance(r.verbatim) {
            if rng.chance(r.compress) {
                s = self.compress(rng, &s);
            }
            if rng.chance(r.reorder) {
                s = self.reorder(rng, &s);
            }
        }
        if let Some(next) = next.filter(|_| rng.chance(r.merge)) {
            let clause = next.split(", ").next().unwrap_or(next).trim_end_matches(['.', '!', '?']);
            s = end_sentence(format!("{}, {}", s.trim_end_matches(['.', '!', '?']), clause));
        }
        if rng.chance(r.change_number) {
            s = self.change_number(rng, &s);
        }
        s
    }

    /// Article number `index` of the corpus with this seed, as plain text.
    pub fn article(&self, seed: u64, index: u64) -> String {
        let mut rng = Rng::new(seed.wrapping_mul(0x1000_0000_01B3).wrapping_add(index));
        let r = &self.recipe;
        let keep = r.keep_point.0 + (r.keep_point.1 - r.keep_point.0) * rng.below(1000) as f64 / 1000.0;
        let mut paragraphs: Vec<String> = vec![self.dateline(&mut rng)];
        if let Some(first) = self.points.first().and_then(|p| p.first()) {
            let headline = self.compress(&mut rng, first);
            paragraphs.push(headline.trim_end_matches('.').to_string());
        }
        let kept: Vec<usize> = (0..self.points.len()).filter(|_| rng.chance(keep)).collect();
        for (k, &p) in kept.iter().enumerate() {
            let point = &self.points[p];
            let next = kept.get(k + 1).and_then(|&q| self.points[q].first()).map(String::as_str);
            let n = 1 + rng.below(r.max_sentences_per_point.min(point.len()));
            let start = rng.below(point.len() - n + 1);
            let mut paragraph: Vec<String> = point[start..start + n]
                .iter()
                .enumerate()
                .map(|(i, s)| self.sentence(&mut rng, s, if i + 1 == n { next } else { None }))
                .collect();
            if rng.chance(r.unrelated) {
                let at = rng.below(paragraph.len() + 1);
                paragraph.insert(at, self.unrelated(&mut rng));
            }
            paragraphs.push(paragraph.join(" "));
            if rng.chance(r.caption) {
                let w = words(rng.pick(point).as_str());
                let caption = w[..w.len().min(10)].join(" ");
                paragraphs.push(format!(
                    "{}. Photo: {}",
                    caption.trim_end_matches(['.', ',']),
                    self.name(&mut rng)
                ));
            }
        }
        if rng.chance(r.byline) {
            paragraphs.push(self.name(&mut rng));
        }
        paragraphs.join("\n\n") + "\n"
    }
}
