//! The layout pass over a copied page's lines: which are the headline, the lede, bylines,
//! date lines and furniture (by the table in [`super::furniture`] and by position: the
//! teasers under a teaser label, a lone name under a headline, a tag list). Furniture is
//! blanked out of the text the block parser reads, and every cut line is recorded. Pure.

use std::sync::LazyLock;

use regex::Regex;

use super::furniture::{self, Kind};
use super::pubdate::{self, DateLine, Role};
use crate::common::calendar::Ymd;

/// A line dropped from the body, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Cut {
    pub line: String,
    pub kind: Kind,
}

/// What the layout pass found.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The lines left for the block parser (furniture and the headline blanked).
    pub lines: Vec<String>,
    /// Index in `lines` of the lede (the story's first paragraph line).
    pub lede: Option<usize>,
    pub headline: Option<String>,
    /// A leading `date YYYY-MM-DD` tag.
    pub tag_date: Option<Ymd>,
    /// Date lines, in order, with whether they stood in the opening.
    pub date_lines: Vec<DateLine>,
    pub author: Option<String>,
    pub cut: Vec<Cut>,
}

static DATE_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^date\s+(\d{4}-\d{2}-\d{2})\b\s*").expect("date tag pattern"));

/// A credit line under a photo: "Jane Doe/Agency via Getty Images", "Image: AP".
static CREDIT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:via getty images|getty images|alamy(?: stock photo)?|shutterstock|^(?:photo|image|photograph|picture|credit|foto)s?:\s*\S.*)$")
        .expect("credit line pattern")
});

/// A bare agency line: "AFP", "Reuters/Jane Doe", "AP Photo/Jane Doe".
static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:AFP|Reuters|REUTERS|AP|AP Photo|EPA|EPA-EFE|Xinhua|XINHUA|Anadolu Agency|AA|SANA|TASS|Sputnik|Getty)(?:\s*(?:/|via)\s*[\w .'’/-]{2,60})?$")
        .expect("agency line pattern")
});

/// A bare agency credit line (under a caption, or under a headline as its source).
pub fn is_agency_line(line: &str) -> bool {
    AGENCY_ONLY.is_match(line.trim())
}

fn ends_sentence(line: &str) -> bool {
    let l = line.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    l.ends_with(['.', '!', '?', '…'])
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// A line that reads as story prose: a sentence of some length, or a long line.
fn is_prose(line: &str) -> bool {
    let n = words(line);
    (ends_sentence(line) && n >= 8) || n >= 40
}

/// A photo caption with its agency credit at the end, after the caption's last sentence:
/// "… in the port on Monday. REUTERS/Jane Doe", "… (Photo: Agency)".
static TRAILING_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[.)”\x22]\s+|\()(?P<credit>(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|XINHUA|Xinhua|ANADOLU|SANA|TASS|Getty Images|(?:Photo|Image|Photograph|Picture): [^()]{2,60})(?:/[\w .'’-]{2,40})?)\)?\s*$")
        .expect("trailing credit pattern")
});

/// Splits a caption with a trailing credit into its text and credit.
pub fn trailing_credit(line: &str) -> Option<(&str, &str)> {
    let c = TRAILING_CREDIT.captures(line)?;
    let whole = c.get(0).expect("group 0");
    let credit = c.name("credit").expect("credit group").as_str().trim();
    let text = line[..whole.start()].trim_end();
    let text = if line[whole.start()..].starts_with('(') {
        text
    } else {
        // keep the caption's own full stop
        &line[..whole.start() + 1]
    };
    (!text.is_empty() && words(credit) <= 8).then_some((text.trim_end(), credit))
}

/// A short photo-credit line (the line above it is the caption).
pub fn is_credit_line(line: &str) -> bool {
    let t = line.trim();
    let labelled = t.contains(':');
    (words(t) <= if labelled { 6 } else { 10 } && CREDIT_ONLY.is_match(t)) || is_agency_line(t)
}

/// Runs the layout pass over normalised text.
pub fn analyse(text: &str) -> Layout {
    let mut lines: Vec<String> = text.lines().map(|l| l.trim().to_string()).collect();
    let mut out = Layout::default();
    let n = lines.len();
    let mut kind: Vec<Option<Kind>> = vec![None; n];
    let cut_line = |out: &mut Layout, line: &str, k: Kind| {
        out.cut.push(Cut {
            line: line.to_string(),
            kind: k,
        });
    };

    // A leading "date YYYY-MM-DD" tag (left by some copy tools) before the first line.
    if let Some(first) = lines.iter().position(|l| !l.is_empty())
        && let Some(c) = DATE_TAG.captures(&lines[first])
    {
        out.tag_date = Ymd::parse(&c[1]);
        let rest = lines[first][c.get(0).expect("group 0").end()..].to_string();
        cut_line(&mut out, &format!("date {}", &c[1]), Kind::DateLine);
        lines[first] = rest;
    }

    // Furniture by words or shape; date lines anywhere (by line index).
    let mut date_lines: Vec<(usize, DateLine)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        kind[i] = furniture::classify(line);
        if kind[i].is_none()
            && let Some(d) = pubdate::parse_date_line(line)
        {
            date_lines.push((i, d));
            kind[i] = Some(Kind::DateLine);
        } else if matches!(kind[i], Some(Kind::DateLine | Kind::Byline))
            && let Some(d) = pubdate::parse_date_line(line)
        {
            date_lines.push((i, d));
        }
    }

    // The teasers under a teaser label, up to the next line of prose.
    let mut i = 0;
    while i < n {
        // "Also read: <title>" is one teaser; a bare label opens a block.
        if kind[i] == Some(Kind::Teaser) && !lines[i].contains(": ") {
            let mut j = i + 1;
            while j < n {
                let l = &lines[j];
                if l.is_empty() || kind[j].is_some() {
                    j += 1;
                    continue;
                }
                if !furniture::is_teaser_line(l) {
                    break;
                }
                kind[j] = Some(Kind::Teaser);
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }

    let prev_kind = |kind: &[Option<Kind>], lines: &[String], i: usize| -> Option<Option<Kind>> {
        (0..i)
            .rev()
            .find(|&j| !lines[j].is_empty())
            .map(|j| kind[j])
    };
    let next_kind = |kind: &[Option<Kind>], lines: &[String], i: usize| -> Option<Option<Kind>> {
        (i + 1..lines.len())
            .find(|&j| !lines[j].is_empty())
            .map(|j| kind[j])
    };

    // Tag lists: lowercase keyword lines after furniture or a finished sentence.
    for i in 0..n {
        let l = &lines[i];
        if l.is_empty() || kind[i].is_some() || !furniture::is_tag_line(l) {
            continue;
        }
        if l.chars().any(char::is_uppercase) {
            continue;
        }
        let after_break = match (0..i).rev().find(|&j| !lines[j].is_empty()) {
            None => true,
            Some(j) => kind[j].is_some() || ends_sentence(&lines[j]) || lines[j].ends_with(':'),
        };
        if after_break {
            kind[i] = Some(Kind::Tags);
        }
    }

    // The lede: the first line of prose that is not furniture (a short question or
    // exclamation before other prose is a headline, not the lede).
    let content: Vec<usize> = (0..n)
        .filter(|&i| !lines[i].is_empty() && kind[i].is_none())
        .collect();
    let headline_like = |i: usize| {
        lines[i]
            .trim_end_matches(['"', '”', '’'])
            .ends_with(['?', '!'])
            && words(&lines[i]) <= 20
    };
    let mut lede = content
        .iter()
        .copied()
        .find(|&i| is_prose(&lines[i]) && trailing_credit(&lines[i]).is_none());
    if let Some(l) = lede
        && headline_like(l)
        && !content.iter().any(|&i| i < l && words(&lines[i]) > 3)
    {
        lede = content
            .iter()
            .copied()
            .find(|&i| i > l && is_prose(&lines[i]) && trailing_credit(&lines[i]).is_none());
    }
    // A wrapped lede starts on the line above its lowercase continuation.
    while let Some(l) = lede
        && l > 0
        && kind[l - 1].is_none()
        && !lines[l - 1].is_empty()
        && !ends_sentence(&lines[l - 1])
        && words(&lines[l - 1]) >= 6
        && lines[l].chars().next().is_some_and(char::is_lowercase)
    {
        lede = Some(l - 1);
    }

    // The lede printed twice with the headline between them (a wire layout): the
    // headline is the line between, the second copy a repeat.
    let mut headline_after_lede: Option<usize> = None;
    if let Some(l) = lede {
        let next: Vec<usize> = content.iter().copied().filter(|&i| i > l).take(3).collect();
        if let Some(k) = next.iter().position(|&j| lines[j] == lines[l])
            && k >= 1
        {
            let h = next[0];
            if words(&lines[h]) <= 30 && !ends_sentence(&lines[h]) {
                headline_after_lede = Some(h);
            }
        }
    }
    // Identical prose lines after the first: a copy artifact.
    {
        let mut seen = std::collections::HashSet::new();
        for &i in &content {
            if is_prose(&lines[i]) && !seen.insert(lines[i].as_str()) {
                kind[i] = Some(Kind::Repeat);
            }
        }
    }
    if let Some(h) = headline_after_lede {
        out.headline = Some(lines[h].clone());
        lines[h].clear();
    }

    // The opening: headline, its repeats, bylines, credits above the lede.
    if let Some(lede) = lede
        && headline_after_lede.is_none()
    {
        let opening: Vec<usize> = (0..lede)
            .filter(|&i| !lines[i].is_empty() && kind[i].is_none())
            .collect();
        let mut headline: Option<usize> = None;
        for (k, &i) in opening.iter().enumerate() {
            let l = lines[i].clone();
            if let Some(h) = headline
                && lines[h] == l
            {
                kind[i] = Some(Kind::Repeat);
                continue;
            }
            let next = opening.get(k + 1).map(|&j| lines[j].as_str());
            // (A bare agency line under the first line is its source, not a photo credit.)
            let photo_credit = |x: &str| is_credit_line(x) && !is_agency_line(x);
            let is_caption = next.is_some_and(photo_credit) || photo_credit(&l);
            if headline.is_some() && is_agency_line(&l) {
                kind[i] = Some(Kind::Byline);
                continue;
            }
            if furniture::is_name_line(&l) && (headline.is_some() || opening.len() > 1) {
                kind[i] = Some(Kind::Byline);
                out.author.get_or_insert(l);
                continue;
            }
            // A kicker above the headline ("Syria conflict"): a topic label.
            let next_is_headline = next.is_some_and(|nx| {
                (4..=14).contains(&words(nx)) && !is_credit_line(nx) && !nx.ends_with('.')
            }) && opening
                .get(k + 2)
                .is_none_or(|&j| !is_credit_line(&lines[j]));
            if headline.is_none() && words(&l) <= 3 && !ends_sentence(&l) && next_is_headline {
                kind[i] = Some(Kind::SectionLabel);
                continue;
            }
            if headline.is_none() && !is_caption && words(&l) <= 30 && !l.ends_with(':') {
                headline = Some(i);
                continue;
            }
            // A short capitalised line under the headline: the outlet's or author's credit.
            if headline.is_some()
                && !is_caption
                && words(&l) <= 4
                && !ends_sentence(&l)
                && l.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
            {
                kind[i] = Some(Kind::Byline);
            }
        }
        if let Some(h) = headline {
            out.headline = Some(lines[h].clone());
            // The headline repeated further down (a sticky header) is not body text.
            for i in lede..n {
                if lines[i] == lines[h] {
                    kind[i] = Some(Kind::Repeat);
                }
            }
            lines[h].clear();
        }
    }
    out.lede = lede;
    // A bare date deep in the body (a timeline entry) is not the page's date: plain date
    // lines count in the opening and just under the lede; "Published"/"Updated" anywhere.
    let near = lede.map_or(n, |l| l + 6);
    out.date_lines = date_lines
        .into_iter()
        .filter(|(i, d)| *i <= near || d.role != Role::Plain)
        .map(|(_, d)| d)
        .collect();

    // A lone name line beside furniture or at the end ("Jane Doe/Tom" above "Check Also").
    for i in 0..n {
        if lines[i].is_empty() || kind[i].is_some() || !furniture::is_name_line(&lines[i]) {
            continue;
        }
        let edge = |k: Option<Option<Kind>>| k.is_none_or(|k| k.is_some());
        if lines[i].contains('/')
            || (edge(prev_kind(&kind, &lines, i)) && edge(next_kind(&kind, &lines, i)))
            || next_kind(&kind, &lines, i).is_some_and(|k| k == Some(Kind::Teaser))
        {
            kind[i] = Some(Kind::Byline);
        }
    }

    // A short label line between two furniture lines is furniture too.
    for _ in 0..2 {
        for i in 0..n {
            let l = &lines[i];
            if l.is_empty() || kind[i].is_some() || words(l) > 4 || ends_sentence(l) {
                continue;
            }
            let furn = |k: Option<Option<Kind>>| k.is_some_and(|k| k.is_some());
            if furn(prev_kind(&kind, &lines, i)) && furn(next_kind(&kind, &lines, i)) {
                kind[i] = Some(Kind::Debris);
            }
        }
    }

    // Blank out what was cut, recording it.
    for i in 0..n {
        if let Some(k) = kind[i]
            && !lines[i].is_empty()
        {
            // The author is the opening's byline, not an agency's closing credit.
            if k == Kind::Byline && out.author.is_none() && lede.is_none_or(|l| i < l) {
                out.author = Some(lines[i].clone());
            }
            cut_line(&mut out, &lines[i], k);
            lines[i].clear();
        }
    }
    out.lines = lines;
    out
}

/// The stated publication date among the date lines: "Published" first, then a plain
/// date line, then "Updated"; ambiguous numeric dates are read by `text_dates`.
pub fn stated_date(date_lines: &[DateLine], text_dates: &[Ymd]) -> Option<Ymd> {
    [Role::Published, Role::Plain, Role::Updated]
        .iter()
        .find_map(|role| date_lines.iter().find(|d| d.role == *role))
        .map(|d| pubdate::resolve(d, text_dates))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_kinds(l: &Layout) -> Vec<(&str, Kind)> {
        l.cut.iter().map(|c| (c.line.as_str(), c.kind)).collect()
    }

    #[test]
    fn opening_with_labels_headline_byline_and_date() {
        let l = analyse(
            "Skip to content\n\nBreaking News\n\nPort talks end without a deal\n\nBy Ann Writer, Harbour Times\n\n4 min read\n\nUpdated 9:30 a.m. 3 May 2022\n\nDelegates from the three coastal states left the talks on Monday without an agreement.\n\nMore text follows here, and it is long enough to be prose.\n",
        );
        assert_eq!(l.headline.as_deref(), Some("Port talks end without a deal"));
        assert_eq!(
            cut_kinds(&l),
            [
                ("Skip to content", Kind::Navigation),
                ("Breaking News", Kind::SectionLabel),
                ("By Ann Writer, Harbour Times", Kind::Byline),
                ("4 min read", Kind::ReadingTime),
                ("Updated 9:30 a.m. 3 May 2022", Kind::DateLine),
            ]
        );
        assert_eq!(l.author.as_deref(), Some("By Ann Writer, Harbour Times"));
        assert!(l.lines[l.lede.unwrap()].starts_with("Delegates from"));
        assert_eq!(
            stated_date(&l.date_lines, &[])
                .map(|d| d.to_string())
                .as_deref(),
            Some("2022-05-03")
        );
    }

    #[test]
    fn doubled_headline_and_date_tag() {
        let l = analyse(
            "date 2021-03-04 Ferry service resumes\nFerry service resumes\nThe ferry between the two islands ran again on Thursday after a long pause.\n",
        );
        assert_eq!(
            l.tag_date.map(|d| d.to_string()).as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(l.headline.as_deref(), Some("Ferry service resumes"));
        assert!(l.cut.iter().any(|c| c.kind == Kind::Repeat));
    }

    #[test]
    fn teaser_block_is_cut_up_to_the_next_paragraph() {
        let l = analyse(
            "The council met on Monday and approved the harbour budget for next year.\nJane Roe/Tom\nCheck Also\nMayor opens new bridge in the old town\nThe mayor opened the bridge on Sunday in front of a small crowd and...\nEarlier, the council had postponed the vote twice because of a dispute over costs.\n",
        );
        let kinds = cut_kinds(&l);
        assert_eq!(kinds[0], ("Jane Roe/Tom", Kind::Byline));
        assert_eq!(kinds[1], ("Check Also", Kind::Teaser));
        assert_eq!(kinds.len(), 4, "{kinds:?}");
        assert!(
            l.lines
                .iter()
                .any(|x| x.starts_with("Earlier, the council"))
        );
    }

    #[test]
    fn tag_lists_and_debris_after_the_story() {
        let l = analyse(
            "Harbour talks resume\nThe talks resumed in the port city on Tuesday after a week of delays.\nhttps://example.org/a/b.html\nharbour\nport talks\nHarbour Times\nnews@example.org +44 2079460000\n",
        );
        let lines: Vec<&str> = l.cut.iter().map(|c| c.line.as_str()).collect();
        assert_eq!(
            lines,
            [
                "https://example.org/a/b.html",
                "harbour",
                "port talks",
                "Harbour Times",
                "news@example.org +44 2079460000"
            ]
        );
    }

    #[test]
    fn a_wrapped_paragraph_keeps_its_lowercase_continuation() {
        let l = analyse(
            "The delegates met in the hall and spoke at\nlength about the ports.\nAnother sentence ends here, and it is long enough.\n",
        );
        assert!(l.cut.is_empty(), "{:?}", l.cut);
    }

    #[test]
    fn a_kicker_above_the_headline_is_a_label_and_a_question_is_a_headline() {
        let l = analyse(
            "Harbour dispute
Will the ferry strike end before the summer season begins?
The union and the port authority meet again on Monday, with both sides saying a deal is close.
",
        );
        assert_eq!(
            l.headline.as_deref(),
            Some("Will the ferry strike end before the summer season begins?")
        );
        assert_eq!(cut_kinds(&l), [("Harbour dispute", Kind::SectionLabel)]);
    }

    #[test]
    fn a_lede_printed_twice_around_its_headline() {
        let l = analyse(
            "LISBON (Wire) – Ministers of the coastal states agreed on a shared quota on Saturday after two days of talks.\nCoastal states agree shared quota\nLISBON (Wire) – Ministers of the coastal states agreed on a shared quota on Saturday after two days of talks.\nThe quota runs for five years, officials said, and it will be reviewed by scientists.\n",
        );
        assert_eq!(
            l.headline.as_deref(),
            Some("Coastal states agree shared quota")
        );
        assert_eq!(l.cut.len(), 1);
        assert_eq!(l.cut[0].kind, Kind::Repeat);
    }

    #[test]
    fn a_caption_with_a_trailing_agency_credit_is_not_the_lede() {
        let text = "The minister (left) greets the envoy at the port during the opening of the talks on the future of the fisheries agreement between the two coastal states and their neighbours in the north. REUTERS/Ann Writer\n\nPorto - Ministers met on Monday to open talks on the quota, officials said.\n";
        let l = analyse(text);
        assert!(l.lines[l.lede.unwrap()].starts_with("Porto - Ministers"));
        assert_eq!(
            trailing_credit(text.lines().next().unwrap()).map(|(_, c)| c),
            Some("REUTERS/Ann Writer")
        );
    }

    #[test]
    fn an_agency_line_under_the_headline_is_a_credit_and_under_a_caption_a_photo_credit() {
        let l = analyse(
            "Ferry strike ends\nReuters\nPORTO (Reuters) - Dock workers returned to work on Tuesday after a deal on pay.\nA worker ties up a ferry at the northern pier on Tuesday morning\nAFP\nThe union said members voted by a large majority to accept the offer.\n",
        );
        assert_eq!(l.headline.as_deref(), Some("Ferry strike ends"));
        assert_eq!(cut_kinds(&l), [("Reuters", Kind::Byline)]);
        assert!(is_credit_line("AFP"));
        assert!(is_credit_line("AP Photo/Ann Writer"));
    }

    #[test]
    fn a_bare_date_deep_in_the_body_is_not_the_page_date() {
        let mut text = String::from(
            "Talks timeline\nThe talks on the fisheries quota have run for a year, with several pauses and two walkouts.\n",
        );
        for k in 0..8 {
            text.push_str(&format!(
                "Round {k} ended without a deal, and the delegates went home again.\n"
            ));
        }
        text.push_str("3 March 2021\nThe last round opened in the port city with a new offer.\n");
        let l = analyse(&text);
        assert_eq!(stated_date(&l.date_lines, &[]), None);
        assert!(l.cut.iter().any(|c| c.kind == Kind::DateLine));
    }

    #[test]
    fn a_short_headline_above_its_standfirst_is_not_a_kicker() {
        let l = analyse(
            "Ferry returns\nThe island ferry will run again from Monday after three weeks of repairs to the northern pier, the operator says\nThe ferry between the two islands will run again on Monday, the operator said in a statement.\n",
        );
        assert_eq!(l.headline.as_deref(), Some("Ferry returns"));
        assert!(l.cut.is_empty(), "{:?}", l.cut);
    }

    #[test]
    fn photo_caption_with_credit_is_not_the_headline() {
        let l = analyse(
            "Ministers meet at the port\nA minister speaks at the opening of the talks in the port city\nJane Doe/Agency via Getty Images\nThe talks opened on Tuesday with a speech by the host, who welcomed the delegates.\n",
        );
        assert_eq!(l.headline.as_deref(), Some("Ministers meet at the port"));
        assert!(l.cut.is_empty(), "{:?}", l.cut);
    }
}
