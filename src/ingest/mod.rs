//! Stage 1, ingest: a seed's plain text to a typed [`Article`] (pure: `&str -> Article`).
//!
//! Recognises the parts of news copy (standfirst, paragraphs, section headings, `•`
//! bullets, doubled photo captions with their credit, `READ MORE:` teasers, a closing
//! `Source:` line, trailing site chrome) and normalises typography. It never touches
//! the disk and never produces markup: escaping happens when the page is written.

pub mod dateline;
pub mod dates;
pub mod furniture;
pub mod html;
pub mod layout;
pub mod pubdate;
pub mod seed;
pub mod seedmeta;
pub mod title;

use std::sync::LazyLock;

use regex::Regex;

use serde::Serialize;

pub use dates::InferredDate;
pub use layout::Cut;
pub use seed::{ParsedSeed, is_seed_name, parse_seed};

/// One block of an article body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Block {
    Paragraph(String),
    /// A section heading: a short line without end punctuation between paragraphs.
    Heading(String),
    /// Consecutive `•` lines.
    List(Vec<String>),
    /// A photo caption (its duplicate dropped); `credit` is the agency, e.g. `AFP`.
    Caption {
        text: String,
        credit: String,
    },
}

/// A photo the text describes: its caption and credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Image {
    pub caption: String,
    pub credit: String,
}

/// A seed article, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// The lede: the story's first paragraph (the seeds' standfirst line).
    pub standfirst: String,
    /// The headline when the page has one; otherwise a readable title cut from the
    /// lede (at most about 90 characters).
    pub title: String,
    /// The page's own headline line, when it has one.
    pub headline: Option<String>,
    /// The body, standfirst first.
    pub blocks: Vec<Block>,
    pub images: Vec<Image>,
    /// `READ MORE:` teasers, in order.
    pub related: Vec<String>,
    /// The closing `Source: …` line's value, else the dateline's agency or outlet.
    pub source: Option<String>,
    pub date: Option<InferredDate>,
    /// The dateline's place ("Beijing").
    pub place: Option<String>,
    /// A byline's names.
    pub author: Option<String>,
    /// Where the seed says it was copied from (its own front matter or canonical link).
    pub source_url: Option<String>,
    /// The seed's language, when it says.
    pub language: Option<String>,
    /// Lines cut as site furniture, in order (listed by `briefing build -v`).
    pub cut: Vec<Cut>,
}

impl Article {
    /// The body's text blocks as plain strings, for word counts and summaries.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .flat_map(|b| -> Box<dyn Iterator<Item = &str>> {
                match b {
                    Block::Paragraph(t) | Block::Heading(t) => {
                        Box::new(std::iter::once(t.as_str()))
                    }
                    Block::Caption { text, .. } => Box::new(std::iter::once(text.as_str())),
                    Block::List(items) => Box::new(items.iter().map(String::as_str)),
                }
            })
    }

    /// The paragraphs and list items, the text analysis reads sentences from.
    pub fn prose(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for b in &self.blocks {
            match b {
                Block::Paragraph(t) => out.push(t.as_str()),
                Block::List(items) => out.extend(items.iter().map(String::as_str)),
                _ => {}
            }
        }
        out
    }
}

/// Agencies whose credit in parentheses marks a photo caption even without its duplicate.
const PHOTO_CREDITS: &[&str] = &[
    "AFP",
    "Reuters",
    "AP",
    "EPA",
    "Getty Images",
    "AA",
    "Anadolu Agency",
    "SANA",
    "TASS",
    "Xinhua",
    "Sputnik",
    "EPA-EFE",
];

/// Normalises typography: CRLF, non-breaking and other odd spaces, zero-width characters,
/// trailing spaces, a space before a closing bracket, and the final newline.
pub fn normalize_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len() + 1);
    for line in raw.split('\n') {
        let mut l = String::with_capacity(line.len());
        let mut last_space = false;
        for c in line.trim_end_matches('\r').chars() {
            let c = match c {
                '\u{00a0}' | '\u{2007}' | '\u{202f}' | '\t' | '\u{2002}' | '\u{2003}'
                | '\u{2009}' => ' ',
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => continue,
                c => c,
            };
            if c == ' ' {
                if last_space {
                    continue;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            l.push(c);
        }
        let l = l.replace(" )", ")").replace("( ", "(");
        out.push_str(l.trim_end());
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    let l = line.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    l.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Splits `text (CREDIT)` into its text and credit, when CREDIT looks like an agency.
fn split_credit(line: &str) -> Option<(&str, &str)> {
    let body = line.strip_suffix(')')?;
    let open = body.rfind(" (")?;
    let credit = &body[open + 2..];
    let text = body[..open].trim_end();
    if credit.is_empty() || credit.len() > 40 || text.is_empty() {
        return None;
    }
    let agency_like = credit
        .split(['/', ' ', '-'])
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    if !agency_like {
        return None;
    }
    Some((text, credit))
}

fn is_known_credit(credit: &str) -> bool {
    let credit = credit_text(credit);
    credit.split(['/', '|', ',']).any(|c| {
        PHOTO_CREDITS
            .iter()
            .any(|k| k.eq_ignore_ascii_case(c.trim()))
    })
}

fn strip_prefix_ci<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        Some(line[prefix.len()..].trim_start())
    } else {
        None
    }
}

/// Whether the blocks so far end with a lead-in ("… present at the inauguration:") or
/// with a list right under one: the next short line is an item of that list.
fn under_lead_in(blocks: &[Block]) -> bool {
    let lead =
        |b: Option<&Block>| matches!(b, Some(Block::Paragraph(p)) if p.trim_end().ends_with(':'));
    match blocks {
        [.., before, Block::List(_)] => lead(Some(before)),
        _ => lead(blocks.last()),
    }
}

/// The text of a bulleted line: `•`, `▪`, `◦`, or a `-`, `–`, `*` or `·` followed by a
/// space (a list copied from a page, or typed as Markdown).
fn bullet_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    t.strip_prefix('•')
        .or_else(|| t.strip_prefix('▪'))
        .or_else(|| t.strip_prefix('◦'))
        .or_else(|| {
            ["- ", "– ", "* ", "· "]
                .iter()
                .find_map(|m| t.strip_prefix(m))
                .filter(|rest| {
                    rest.trim_start()
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                })
        })
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// A list line keyed by a short capitalised label and a colon ("Ghana: President Kwame
/// Asante", "Heads of state: …").
fn keyed_item(line: &str) -> bool {
    let t = line.trim();
    t.find(':').is_some_and(|k| {
        let key = &t[..k];
        (1..=6).contains(&word_count(key))
            && key.chars().count() <= 45
            && key.chars().next().is_some_and(char::is_uppercase)
            && t[k + 1..]
                .trim()
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Removes one pair of quotes wrapping a whole heading: `‘Reconciliation agreement’`.
fn unwrap_quotes(s: &str) -> &str {
    for (open, close) in [('‘', '’'), ('“', '”'), ('"', '"'), ('\'', '\'')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close))
            && !inner.contains(open)
            && !inner.is_empty()
        {
            return inner.trim();
        }
    }
    s
}

/// Parses a seed's text into an [`Article`].
pub fn parse_article(raw: &str) -> Article {
    let text = normalize_text(raw);
    let layout = layout::analyse(&text);

    // Group lines into runs separated by blank lines, keeping order and line numbers.
    let mut runs: Vec<Vec<(usize, &str)>> = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    for (n, line) in layout.lines.iter().enumerate() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                runs.push(std::mem::take(&mut current));
            }
        } else {
            current.push((n, line.trim_end()));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }

    let mut article = Article {
        standfirst: String::new(),
        title: String::new(),
        headline: layout.headline.clone(),
        blocks: Vec::new(),
        images: Vec::new(),
        related: Vec::new(),
        source: None,
        date: None,
        place: None,
        author: layout.author.as_deref().map(byline_names),
        source_url: None,
        language: None,
        cut: layout.cut.clone(),
    };

    // Trailing site chrome: short unpunctuated lines after the last real paragraph.
    while let Some(last) = runs.last() {
        let chrome = last
            .iter()
            .all(|(_, l)| word_count(l) <= 3 && !ends_sentence(l) && split_credit(l).is_none())
            && !last
                .iter()
                .any(|(_, l)| strip_prefix_ci(l, "source:").is_some());
        if chrome && runs.len() > 1 {
            for (_, l) in runs.pop().unwrap_or_default() {
                article.cut.push(Cut {
                    line: l.to_string(),
                    kind: furniture::Kind::Debris,
                });
            }
        } else {
            break;
        }
    }
    // Without a lede found by the layout, the first line stands in for it.
    let lede = layout
        .lede
        .or_else(|| runs.first().and_then(|r| r.first()).map(|(n, _)| *n));

    let n_runs = runs.len();
    for (ri, run) in runs.iter().enumerate() {
        let mut i = 0;
        let mut para: Vec<&str> = Vec::new();
        let flush = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
            if !para.is_empty() {
                blocks.push(Block::Paragraph(para.join(" ")));
                para.clear();
            }
        };
        while i < run.len() {
            let (n, line) = (run[i].0, run[i].1.trim());
            // The lede: the story's first paragraph line, a paragraph of its own.
            if Some(n) == lede && article.standfirst.is_empty() {
                flush(&mut para, &mut article.blocks);
                article.standfirst = line.to_string();
                article.blocks.push(Block::Paragraph(line.to_string()));
                i += 1;
                continue;
            }
            if let Some(rest) = strip_prefix_ci(line, "read more:") {
                flush(&mut para, &mut article.blocks);
                if !rest.is_empty() {
                    article.related.push(rest.to_string());
                }
                i += 1;
                continue;
            }
            if let Some(rest) = strip_prefix_ci(line, "source:")
                && (ri + 1 == n_runs || ri + 2 == n_runs)
                && word_count(rest) <= 8
            {
                flush(&mut para, &mut article.blocks);
                article.source = Some(rest.trim_end_matches('.').to_string());
                i += 1;
                continue;
            }
            if let Some(item) = bullet_text(line) {
                flush(&mut para, &mut article.blocks);
                let mut items = vec![item.to_string()];
                i += 1;
                while i < run.len() {
                    match bullet_text(run[i].1) {
                        Some(next) => items.push(next.to_string()),
                        None => break,
                    }
                    i += 1;
                }
                article.blocks.push(Block::List(items));
                continue;
            }
            // "Image caption, …": the story's photo, its label dropped.
            if let Some(rest) = strip_prefix_ci(line, "image caption,")
                .or_else(|| strip_prefix_ci(line, "image caption:"))
                .filter(|r| !r.is_empty())
            {
                flush(&mut para, &mut article.blocks);
                if !article.images.iter().any(|im| im.caption == rest) {
                    article.images.push(Image {
                        caption: rest.to_string(),
                        credit: String::new(),
                    });
                    article.blocks.push(Block::Caption {
                        text: rest.to_string(),
                        credit: String::new(),
                    });
                }
                i += 1;
                continue;
            }
            // A caption: "text" followed by "text (CREDIT)", a lone line with a known
            // credit, a line followed by a credit line ("… via Getty Images"), or a line
            // with its credit glued on ("…Image: Agency").
            let next_line = run.get(i + 1).map(|(_, l)| l.trim());
            let next_caption = next_line.and_then(split_credit).filter(|(t, _)| *t == line);
            let own_caption = split_credit(line).filter(|(_, c)| is_known_credit(c));
            // (A bare agency name under a finished paragraph is the story's sign-off.)
            let credit_below = next_line
                .filter(|l| layout::is_credit_line(l) && word_count(line) <= 60)
                .filter(|l| !layout::is_agency_line(l) || !ends_sentence(line))
                .filter(|_| !layout::is_credit_line(line))
                .map(|c| (line, credit_text(c)));
            let glued = glued_credit(line);
            let trailing = layout::trailing_credit(line);
            let found = next_caption
                .map(|c| (c, 2))
                .or(own_caption.map(|c| (c, 1)))
                .or(credit_below.map(|c| (c, 2)))
                .or(glued.map(|c| (c, 1)))
                .or(trailing.map(|c| (c, 1)));
            if let Some(((t, credit), skip)) = found {
                flush(&mut para, &mut article.blocks);
                let (text, credit) = (t.to_string(), credit.to_string());
                // A short alt text right above the caption is the same photo.
                if let Some(Block::Heading(alt)) = article.blocks.last()
                    && glued.is_some()
                {
                    article.cut.push(Cut {
                        line: alt.clone(),
                        kind: furniture::Kind::Repeat,
                    });
                    article.blocks.pop();
                }
                // A repeated caption elsewhere in the text is the same photo.
                if !article.images.iter().any(|im| im.caption == text) {
                    article.images.push(Image {
                        caption: text.clone(),
                        credit: credit.clone(),
                    });
                    article.blocks.push(Block::Caption { text, credit });
                }
                i += skip;
                continue;
            }
            // A photo credit without its caption (the caption was cut or never copied).
            if layout::is_credit_line(line) {
                flush(&mut para, &mut article.blocks);
                article.cut.push(Cut {
                    line: line.to_string(),
                    kind: furniture::Kind::Debris,
                });
                i += 1;
                continue;
            }
            // "The heads of state present:", then "Ghana – Kofi Mensah" line by line: a
            // list typed without bullets under its lead-in.
            let short = para.is_empty()
                && !ends_sentence(line)
                && !line.trim_end().ends_with(':')
                && word_count(line) <= 12
                && line.chars().count() <= 90;
            // (A label over bullets, "Heads of state" then "- …", stays a heading.)
            let label = i + 1 < run.len() && bullet_text(run[i + 1].1).is_some();
            // "Algeria: …", "Argentina: …": once the items are keyed, a longer line keyed
            // the same way is the next item, not prose.
            let keyed_next = para.is_empty()
                && keyed_item(line)
                && word_count(line) <= 40
                && matches!(article.blocks.last(), Some(Block::List(items)) if items.last().is_some_and(|x| keyed_item(x)));
            // Once the list has begun, a longer line of a title and a name ("Minister of
            // Culture, Youth and Sports of the Sultanate of Oman …") is its next item.
            let long_next = para.is_empty()
                && !ends_sentence(line)
                && !line.trim_end().ends_with(':')
                && word_count(line) <= 30
                && matches!(article.blocks.last(), Some(Block::List(_)));
            if (short && !label || keyed_next || long_next) && under_lead_in(&article.blocks) {
                match article.blocks.last_mut() {
                    Some(Block::List(items)) => items.push(line.to_string()),
                    _ => article.blocks.push(Block::List(vec![line.to_string()])),
                }
                i += 1;
                continue;
            }
            // A section heading: a short line alone in its run (or between sentences),
            // without end punctuation, with text after it.
            let starts_sentence = |l: &str| {
                l.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || "“\"‘'".contains(c))
            };
            // A label over a list ("Heads of state", then "- …") is a heading too.
            let bullet_at = |k: usize| bullet_text(run[k].1).is_some();
            let alone = run.len() == 1
                || (i + 1 < run.len()
                    && (starts_sentence(run[i + 1].1) || bullet_at(i + 1))
                    && (i == 0 || ends_sentence(run[i - 1].1) || bullet_at(i - 1)));
            if alone
                && (ri + 1 < n_runs || i + 1 < run.len())
                && para.is_empty()
                && !ends_sentence(line)
                && word_count(line) <= 10
                && line.chars().count() <= 80
                && line.chars().next().is_some_and(|c| !c.is_lowercase())
            {
                article
                    .blocks
                    .push(Block::Heading(unwrap_quotes(line).to_string()));
                i += 1;
                continue;
            }
            // Plain prose: a line ending a sentence closes its paragraph.
            para.push(line);
            if ends_sentence(line) {
                flush(&mut para, &mut article.blocks);
            }
            i += 1;
        }
        flush(&mut para, &mut article.blocks);
    }

    let dateline = dateline::parse(&article.standfirst);
    let story_start = dateline.as_ref().map_or(article.standfirst.as_str(), |d| {
        &article.standfirst[d.len..]
    });
    article.title = match &article.headline {
        Some(h) => h.trim().to_string(),
        None => title::derive_title(story_start),
    };
    if let Some(d) = &dateline {
        article.place = (!d.place.is_empty()).then(|| d.place.clone());
        if article.source.is_none() {
            article.source = d.source.clone();
        }
    }
    let all: Vec<&str> = article.texts().collect();
    let text_dates: Vec<crate::common::calendar::Ymd> = all
        .iter()
        .flat_map(|t| dates::find_dates(t, None))
        .map(|m| m.start)
        .collect();
    let stated = layout
        .tag_date
        .or_else(|| layout::stated_date(&layout.date_lines, &text_dates))
        .or_else(|| dateline.as_ref().and_then(|d| d.date));
    article.date = match stated {
        Some(date) => Some(InferredDate {
            date,
            inferred: false,
        }),
        None => dates::infer_date(&all),
    };
    article
}

static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("markdown image pattern"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("markdown link pattern"));
static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*|__|`").expect("markdown emphasis pattern"));

/// A Markdown seed as plain copy: heading marks, bullets, quotes, links, images and
/// emphasis markers go; the words stay (and are escaped again when the page is written).
pub fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let t = line.trim_start();
        let heading = t.starts_with('#') && t.trim_start_matches('#').starts_with(' ');
        let t = if heading {
            t.trim_start_matches('#').trim()
        } else {
            t
        };
        let t = t.strip_prefix("> ").unwrap_or(t);
        let bullet = ["- ", "* ", "+ "].iter().find_map(|b| t.strip_prefix(b));
        let t = MD_IMAGE.replace_all(t, "");
        let t = MD_LINK.replace_all(&t, "$1");
        let t = MD_EMPHASIS.replace_all(&t, "");
        if heading {
            out.push('\n');
        }
        match bullet {
            Some(_) => {
                out.push_str("• ");
                out.push_str(t[2..].trim_start());
            }
            None => out.push_str(&t),
        }
        out.push('\n');
        if heading {
            out.push('\n');
        }
    }
    out
}

/// "By Jane Doe, Harbour Times" → "Jane Doe, Harbour Times".
pub(crate) fn byline_names(line: &str) -> String {
    let t = line.trim();
    for p in ["by ", "written by ", "reporting by "] {
        if let Some(rest) = strip_prefix_ci(t, p) {
            return rest.to_string();
        }
    }
    t.to_string()
}

/// The credit of a credit line: "Image: Agency" → "Agency".
pub(crate) fn credit_text(line: &str) -> &str {
    let t = line.trim();
    match t.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() == 1 => rest.trim(),
        _ => t,
    }
}

/// A caption with its credit glued on: "The envoy in OsloImage: Agency/Name".
fn glued_credit(line: &str) -> Option<(&str, &str)> {
    for label in ["Image: ", "Photo: ", "Photograph: ", "Picture: "] {
        if let Some(at) = line.rfind(label) {
            let (text, credit) = (line[..at].trim_end(), line[at + label.len()..].trim());
            if !text.is_empty()
                && !credit.is_empty()
                && word_count(credit) <= 6
                && !ends_sentence(credit)
            {
                return Some((text, credit));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_000: &str = include_str!("../../seeds/000_1f398a99054376be.txt");
    const SEED_003: &str = include_str!("../../seeds/003_bc72d07a4bd58e08.txt");
    const SEED_004: &str = include_str!("../../seeds/004_2bb903bed61af5ed.txt");

    fn headings(a: &Article) -> Vec<&str> {
        a.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn standfirst_is_first_line_and_first_block() {
        let a = parse_article(SEED_000);
        assert!(
            a.standfirst
                .starts_with("The Assad regime organises a ‘premature’")
        );
        assert!(a.standfirst.ends_with("many displaced Syrians."));
        assert_eq!(a.blocks[0], Block::Paragraph(a.standfirst.clone()));
    }

    #[test]
    fn section_headings_are_recognised_in_all_seeds() {
        assert_eq!(
            headings(&parse_article(SEED_000)),
            ["Reconciliation agreement"]
        );
        assert_eq!(
            headings(&parse_article(SEED_003)),
            ["Repeated Russian attempts", "Russian interests and gains"]
        );
        assert_eq!(headings(&parse_article(SEED_004)), ["Syria still unsafe"]);
    }

    #[test]
    fn bullets_become_one_list() {
        let a = parse_article(SEED_003);
        let lists: Vec<&Vec<String>> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::List(items) => Some(items),
                _ => None,
            })
            .collect();
        assert_eq!(lists.len(), 1);
        assert_eq!(lists[0].len(), 3);
        assert!(lists[0][0].starts_with("Russia seeks to use the issue"));
        assert!(!lists[0][0].starts_with('•'));
    }

    #[test]
    fn short_lines_under_a_lead_in_are_a_list_without_bullets() {
        let a = parse_article(
            "Leaders gather in Suva\n\nSUVA (Wire) - Leaders arrived on Monday.\n\nThe heads of state present at the summit:\n\nGhana – Kofi Mensah\n\nMarta Ruiz, President of Chile\n\nThe talks began on Monday.\n\nA short label line\n\nMore prose follows here.\n",
        );
        assert!(
            a.blocks.contains(&Block::List(vec![
                "Ghana – Kofi Mensah".into(),
                "Marta Ruiz, President of Chile".into()
            ])),
            "{:?}",
            a.blocks
        );
        assert!(
            a.blocks
                .contains(&Block::Heading("A short label line".into())),
            "{:?}",
            a.blocks
        );
    }

    #[test]
    fn a_long_title_line_after_the_first_items_stays_in_the_list() {
        let a = parse_article(
            "Leaders gather in Suva\n\nSUVA (Wire) - Leaders arrived on Monday.\n\nHere is the list of leaders who attended the summit:\n\nPresident of the Republic of Ghana Kwame Asante\n\nCrown Prince Sheikh Ali Al Nasser\n\nMinister of Foreign Affairs, Trade and Tourism of the Kingdom of Tonga and Representative of the King of Tonga Sione Vaka\n\nThe talks began on Monday.\n",
        );
        assert!(
            a.blocks.contains(&Block::List(vec![
                "President of the Republic of Ghana Kwame Asante".into(),
                "Crown Prince Sheikh Ali Al Nasser".into(),
                "Minister of Foreign Affairs, Trade and Tourism of the Kingdom of Tonga and Representative of the King of Tonga Sione Vaka".into(),
            ])),
            "{:?}",
            a.blocks
        );
        assert!(
            a.blocks
                .contains(&Block::Paragraph("The talks began on Monday.".into())),
            "{:?}",
            a.blocks
        );
    }

    #[test]
    fn lines_keyed_like_the_items_before_them_stay_in_the_list_when_longer() {
        let a = parse_article(
            "Guests arrive in Suva\n\nSUVA (Wire) - Guests arrived on Monday.\n\nThese guests were expected:\n\nGhana: President Kwame Asante\nPeru: Luis Salcedo, Representative of the President, Foreign Minister and Speaker of the Congress\nNorway: State Secretary Ingrid Dahl\n\nThe talks began on Monday.\n",
        );
        let items = a.blocks.iter().find_map(|b| match b {
            Block::List(items) => Some(items.clone()),
            _ => None,
        });
        assert_eq!(items.map(|i| i.len()), Some(3), "{:?}", a.blocks);
        // Prose under a keyed item is still prose.
        let b = parse_article(
            "Guests arrive in Suva\n\nSUVA (Wire) - Guests arrived on Monday.\n\nThese guests were expected:\n\nGhana: President Kwame Asante\nThe talks began on Monday after a long delay caused by the weather over the islands.\n",
        );
        assert!(
            b.blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p.starts_with("The talks began"))),
            "{:?}",
            b.blocks
        );
    }

    #[test]
    fn dash_and_star_bullets_are_lists_and_a_label_above_them_a_heading() {
        let a = parse_article(
            "Leaders gather in Suva\n\nSUVA (Wire) - Leaders arrived on Monday.\n\nHere is who is attending:\nHeads of state\n- Kenyan President Samuel Otieno\n- Queen Rania of Jordan\nRoyal guests\n* The King of Bhutan\n\nA dash - inside a line stays text.\n- \n",
        );
        assert!(
            a.blocks.contains(&Block::Heading("Heads of state".into())),
            "{:?}",
            a.blocks
        );
        assert!(
            a.blocks.contains(&Block::Heading("Royal guests".into())),
            "{:?} {:?}",
            a.blocks,
            a.cut
        );
        assert!(a.blocks.contains(&Block::List(vec![
            "Kenyan President Samuel Otieno".into(),
            "Queen Rania of Jordan".into()
        ])));
        assert!(
            a.blocks
                .contains(&Block::List(vec!["The King of Bhutan".into()]))
        );
        assert!(
            a.blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p.starts_with("A dash - inside")))
        );
    }

    #[test]
    fn doubled_caption_is_kept_once_with_its_credit() {
        let a = parse_article(SEED_000);
        assert_eq!(a.images.len(), 1);
        assert_eq!(a.images[0].credit, "AFP");
        assert!(
            a.images[0]
                .caption
                .starts_with("Russia's special envoy on Syria Alexander Lavrentiev")
        );
        let captions = a
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Caption { .. }))
            .count();
        assert_eq!(captions, 1);
        // the caption is not also body text
        assert!(
            !a.prose()
                .iter()
                .any(|p| p.contains("addresses the opening session"))
        );
        let b = parse_article(SEED_004);
        assert_eq!(b.images.len(), 2);
    }

    #[test]
    fn lone_caption_with_known_credit_is_a_caption() {
        let a =
            parse_article("Standfirst here.\n\nA man walks in Damascus. (Reuters)\n\nBody text.\n");
        assert_eq!(a.images.len(), 1);
        assert_eq!(a.images[0].credit, "Reuters");
    }

    #[test]
    fn read_more_goes_to_related_and_source_to_source() {
        let a = parse_article(SEED_004);
        assert_eq!(
            a.related,
            [
                "Turkey has become a key support to refugees during the pandemic",
                "Russia-Syria alliance is no longer what it used to be",
                "Turkey criticises European 'arrogance' over Syria"
            ]
        );
        assert_eq!(a.source.as_deref(), Some("TRTWorld and agencies"));
        assert!(!a.texts().any(|t| t.contains("READ MORE")));
        assert_eq!(parse_article(SEED_000).source.as_deref(), Some("TRT World"));
    }

    #[test]
    fn trailing_site_chrome_is_dropped() {
        let a = parse_article(SEED_003);
        assert!(!a.texts().any(|t| t.contains("Latest Briefs")));
        assert!(matches!(a.blocks.last(), Some(Block::List(_))));
    }

    #[test]
    fn typography_is_normalised_but_kept() {
        let a = parse_article(SEED_000);
        let all: String = a.texts().collect::<Vec<_>>().join("\n");
        assert!(!all.contains('\u{a0}'));
        assert!(!all.contains("  "));
        assert!(all.contains("During a video call with the regime leader"));
        assert!(all.contains("“It is the strong belief of the US"));
        assert!(all.contains("Washington’s deputy ambassador"));
        let b = parse_article(SEED_003);
        assert!(b.texts().any(|t| t.contains("(from Damascus to Beirut)")));
    }

    #[test]
    fn crlf_and_missing_final_newline_are_handled() {
        let a = parse_article("First line.\r\n\r\nSecond para.   \r\n\r\nSource: Agency");
        assert_eq!(a.source.as_deref(), Some("Agency"));
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[1], Block::Paragraph("Second para.".into()));
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let a =
            parse_article("Lede.\n\nThis paragraph was\nwrapped at a width.\nThis is the next.\n");
        assert_eq!(
            a.blocks[1],
            Block::Paragraph("This paragraph was wrapped at a width.".into())
        );
        assert_eq!(a.blocks[2], Block::Paragraph("This is the next.".into()));
    }

    #[test]
    fn html_in_a_seed_stays_text_in_the_article() {
        let a = parse_article("Lede <script>alert(1)</script>.\n\nBody <b>bold</b>.\n");
        assert!(a.standfirst.contains("<script>"));
    }

    #[test]
    fn empty_seed_gives_empty_article_without_panic() {
        let a = parse_article("");
        assert!(a.blocks.is_empty());
        assert_eq!(a.title, "");
        let b = parse_article("\n\n   \n");
        assert!(b.blocks.is_empty());
    }
}
