//! Site furniture as data: the labels and line shapes of a news page that are not the
//! story (navigation, section labels, share and follow bars, teaser blocks, adverts,
//! cookie and newsletter notices, reading times, tag lists). One row per pattern; the
//! matcher is generic and the tests run one example per row. Pure: a line in, a kind out.

use std::sync::LazyLock;

use regex::Regex;

/// What a furniture line is (shown by `briefing build -v`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Kind {
    /// Skip links, menus, search boxes, "All news".
    Navigation,
    /// "Breaking News", "Exclusive", "Opinion", "World": the page's section, not its title.
    SectionLabel,
    /// Opens a block of teasers ("Check Also", "Read more", "Most read"): the label and
    /// the teaser headlines and excerpts under it are cut.
    Teaser,
    /// Share, follow and print bars.
    Share,
    /// Advert slots and "scroll to continue" markers.
    Advert,
    /// "4 min read", "Listen to this article".
    ReadingTime,
    /// Cookie and newsletter notices.
    Notice,
    /// A video's caption ("Video: …", "Amateur footage shows …"): not the story's photo.
    VideoCaption,
    /// "By …", "Staff Report", a lone name line.
    Byline,
    /// A bare date or time stamp line ("05/11/2020", "Updated 9:30 a.m.").
    DateLine,
    /// A bare URL, a locale code, a markup token, numbers only, a contact line.
    Debris,
    /// Lowercase keyword lines of a tag list.
    Tags,
    /// The headline again, or a photo's alt text before its caption.
    Repeat,
}

impl Kind {
    /// How `-v` names the kind.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Navigation => "navigation",
            Kind::SectionLabel => "section label",
            Kind::Teaser => "teaser block",
            Kind::Share => "share bar",
            Kind::Advert => "advert",
            Kind::ReadingTime => "reading time",
            Kind::Notice => "notice",
            Kind::VideoCaption => "video caption",
            Kind::Byline => "byline",
            Kind::DateLine => "date line",
            Kind::Debris => "page debris",
            Kind::Tags => "tag list",
            Kind::Repeat => "repeat",
        }
    }
}

/// How a label row matches a normalised line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    /// The whole line is the label.
    Exact,
    /// The line starts with the label (then a word boundary) and is short.
    Prefix,
}

/// A label row: the lowercase label, how it matches, its kind.
struct Label {
    text: &'static str,
    how: How,
    kind: Kind,
}

const fn row(text: &'static str, how: How, kind: Kind) -> Label {
    Label { text, how, kind }
}

use How::{Exact, Prefix};
use Kind::*;

/// Lines matched by their words (compared lowercase, without list numbering, trailing
/// colons, dots, arrows or a count in brackets).
const LABELS: &[Label] = &[
    // navigation
    row("skip to", Prefix, Navigation),
    row("jump to", Prefix, Navigation),
    row("accessibility links", Exact, Navigation),
    row("all news", Exact, Navigation),
    row("main menu", Exact, Navigation),
    row("menu", Exact, Navigation),
    row("search", Exact, Navigation),
    row("home", Exact, Navigation),
    row("back to top", Exact, Navigation),
    row("connect with us", Exact, Navigation),
    row("hi, what are you looking for?", Exact, Navigation),
    row("what are you looking for?", Exact, Navigation),
    row("sign in", Exact, Navigation),
    row("log in", Exact, Navigation),
    row("subscribe", Exact, Navigation),
    row("next article", Exact, Navigation),
    row("previous article", Exact, Navigation),
    row("you are here", Prefix, Navigation),
    row("breadcrumb", Prefix, Navigation),
    // section labels
    row("breaking news", Exact, SectionLabel),
    row("breaking", Exact, SectionLabel),
    row("exclusive", Exact, SectionLabel),
    row("opinion", Exact, SectionLabel),
    row("analysis", Exact, SectionLabel),
    row("comment", Exact, SectionLabel),
    row("editorial", Exact, SectionLabel),
    row("explainer", Exact, SectionLabel),
    row("feature", Exact, SectionLabel),
    row("live", Exact, SectionLabel),
    row("news", Exact, SectionLabel),
    row("world", Exact, SectionLabel),
    row("world news", Exact, SectionLabel),
    row("politics", Exact, SectionLabel),
    row("business", Exact, SectionLabel),
    row("sport", Exact, SectionLabel),
    row("sports", Exact, SectionLabel),
    row("middle east", Exact, SectionLabel),
    row("europe", Exact, SectionLabel),
    row("asia", Exact, SectionLabel),
    row("africa", Exact, SectionLabel),
    row("americas", Exact, SectionLabel),
    row("multimedia", Exact, SectionLabel),
    row("photo", Exact, SectionLabel),
    row("photos", Exact, SectionLabel),
    row("video", Exact, SectionLabel),
    row("videos", Exact, SectionLabel),
    row("top news", Exact, SectionLabel),
    row("gallery", Exact, SectionLabel),
    row("watch", Exact, SectionLabel),
    row("play video", Exact, SectionLabel),
    // teaser blocks
    row("check also", Exact, Teaser),
    row("related", Exact, Teaser),
    row("related articles", Exact, Teaser),
    row("related news", Exact, Teaser),
    row("related stories", Exact, Teaser),
    row("related content", Exact, Teaser),
    row("read more", Exact, Teaser),
    row("read also", Exact, Teaser),
    row("also read", Exact, Teaser),
    row("see also", Exact, Teaser),
    row("more from", Prefix, Teaser),
    row("more like this", Exact, Teaser),
    row("more stories", Exact, Teaser),
    row("more news", Exact, Teaser),
    row("you may also like", Exact, Teaser),
    row("you might also like", Exact, Teaser),
    row("recommended", Exact, Teaser),
    row("recommended for you", Exact, Teaser),
    row("most read", Exact, Teaser),
    row("most popular", Exact, Teaser),
    row("most viewed", Exact, Teaser),
    row("popular", Exact, Teaser),
    row("trending", Exact, Teaser),
    row("trending now", Exact, Teaser),
    row("latest", Exact, Teaser),
    row("latest news", Exact, Teaser),
    row("latest briefs", Exact, Teaser),
    row("latest stories", Exact, Teaser),
    row("top stories", Exact, Teaser),
    row("editor's picks", Exact, Teaser),
    row("don't miss", Exact, Teaser),
    row("key events", Exact, Teaser),
    row("show key events only", Exact, Teaser),
    row("click here", Prefix, Teaser),
    row("also read:", Prefix, Teaser),
    row("read also:", Prefix, Teaser),
    row("see also:", Prefix, Teaser),
    row("related:", Prefix, Teaser),
    row("suggested reading", Exact, Teaser),
    // share and follow
    row("share", Exact, Share),
    row("share this", Prefix, Share),
    row("share on", Prefix, Share),
    row("share article", Exact, Share),
    row("follow us", Prefix, Share),
    row("follow", Exact, Share),
    row("tweet", Exact, Share),
    row("email", Exact, Share),
    row("print", Exact, Share),
    row("copy link", Exact, Share),
    row("facebook", Exact, Share),
    row("twitter", Exact, Share),
    row("whatsapp", Exact, Share),
    row("telegram", Exact, Share),
    row("comments", Exact, Share),
    row("leave a comment", Prefix, Share),
    row("leave a reply", Prefix, Share),
    // adverts
    row("advertisement", Prefix, Advert),
    row("advertising", Exact, Advert),
    row("sponsored", Prefix, Advert),
    row("commercial break", Exact, Advert),
    row("scroll to continue reading", Exact, Advert),
    row("scroll to continue with content", Exact, Advert),
    row("continue reading", Exact, Advert),
    row("continue reading below", Exact, Advert),
    row("story continues below", Prefix, Advert),
    row("article continues below", Prefix, Advert),
    row("ad", Exact, Advert),
    // reading time and audio
    row("listen to this article", Prefix, ReadingTime),
    row("listen", Exact, ReadingTime),
    row("audio", Exact, ReadingTime),
    // notices
    row("we use cookies", Prefix, Notice),
    row("this site uses cookies", Prefix, Notice),
    row("this website uses cookies", Prefix, Notice),
    row("accept cookies", Prefix, Notice),
    row("accept all", Exact, Notice),
    row("cookie settings", Exact, Notice),
    row("sign up for", Prefix, Notice),
    row("sign up to", Prefix, Notice),
    row("subscribe to our", Prefix, Notice),
    row("get our newsletter", Prefix, Notice),
    row("newsletter", Exact, Notice),
    row("enable javascript", Prefix, Notice),
    row("javascript is disabled", Prefix, Notice),
    // video captions
    row("video:", Prefix, VideoCaption),
    row("watch:", Prefix, VideoCaption),
    row("watch video", Prefix, VideoCaption),
    row("watch the video", Prefix, VideoCaption),
    row("amateur footage shows", Prefix, VideoCaption),
    row("footage shows", Prefix, VideoCaption),
    row("video shows", Prefix, VideoCaption),
    row("media caption", Prefix, VideoCaption),
    row("image source", Prefix, Debris),
    // bylines
    row("by ", Prefix, Byline),
    row("written by", Prefix, Byline),
    row("reporting by", Prefix, Byline),
    row("edited by", Prefix, Byline),
    row("editing by", Prefix, Byline),
    row("additional reporting by", Prefix, Byline),
    row("compiled by", Prefix, Byline),
    // copyright lines and tag lists
    row("all rights reserved", Prefix, Debris),
    row("copyright", Prefix, Debris),
    row("tags:", Prefix, Tags),
    row("topics:", Prefix, Tags),
    row("filed under:", Prefix, Tags),
    row("staff report", Exact, Byline),
    row("staff reporter", Exact, Byline),
    row("web desk", Exact, Byline),
    row("news desk", Exact, Byline),
];

/// Prefix labels match only lines at most this many words long (a sentence that happens
/// to begin "By the end of…" is prose).
const PREFIX_MAX_WORDS: usize = 14;

/// A shape row: a regular expression over the whole trimmed line, and characters of
/// which a matching line has at least one (empty: no such character), so that the
/// regular expression runs only on lines that can match it.
struct Shape {
    pattern: &'static str,
    needs: &'static [char],
    kind: Kind,
}

const SHAPES: &[Shape] = &[
    // "4 min read", "6 minute read", "3 min listen", "Reading time: 5 minutes"
    Shape {
        pattern: r"(?i)^(?:(?:reading time|read time|time to read):?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?(?:\s+(?:read|listen))?$",
        needs: &[],
        kind: ReadingTime,
    },
    // a bare URL
    Shape {
        pattern: r"(?i)^(?:https?://|www\.)\S+$",
        needs: &[],
        kind: Debris,
    },
    // a locale code or template token: "en_EN", "spot_imgspot_img"
    Shape {
        pattern: r"^[A-Za-z]+_[A-Za-z_]+$",
        needs: &[],
        kind: Debris,
    },
    // numbers, sizes and booleans only: "1920 1080 true", "2024", "252 60"
    Shape {
        pattern: r"(?i)^(?:[\d.,:x×+-]+|true|false)(?:\s+(?:[\d.,:x×+-]+|true|false))*$",
        needs: &[],
        kind: Debris,
    },
    // punctuation only: "-", "***", "|"
    Shape {
        pattern: r"^[-–—_*•|·.=~#/\\]+$",
        needs: &[],
        kind: Debris,
    },
    // an e-mail address with a phone number or other contact details
    Shape {
        pattern: r"[\w.+-]+@[\w-]+\.[A-Za-z]{2,}.*\+?\d{2}[\d ]{4,}|^[\w.+-]+@[\w-]+\.[\w.]+$",
        needs: &['@'],
        kind: Debris,
    },
    // "Gulf Today Report", "Our Correspondent": an outlet's own credit line
    Shape {
        pattern: r"^(?:[A-Z][\w'’.-]*\s+){1,3}(?:Report|Reporter|Correspondent|Bureau|Desk)$",
        needs: &[],
        kind: Byline,
    },
    // "Home > World > Middle East": a breadcrumb trail
    Shape {
        pattern: r"^(?:[\w'’&-]+(?: [\w'’&-]+){0,2}\s*[>»›]\s*)+[\w'’&-]+(?: [\w'’&-]+){0,2}$|^Home\s*[|/]\s*[\w'’&| /-]{2,60}$",
        needs: &['>', '»', '›', '|', '/'],
        kind: Navigation,
    },
    // "Share 0 Tweet 0", "12 Comments", "1.2k views"
    Shape {
        pattern: r"(?i)^(?:(?:share|tweet|pin|email|comments?|likes?|views?|shares)\s*[\d.,k]*\s*)+$|^[\d.,k]+\s+(?:comments?|likes?|views?|shares)$",
        needs: &[],
        kind: Share,
    },
    // "Explore our gallery to view …", "See the photos from …": a pointer to the
    // outlet's own pictures, not the story
    Shape {
        pattern: r"(?i)^(?:explore|check out|browse|view|see|scroll through)\s+(?:our|the|(?:\w+\s+){0,2}\w+['’]s)\s+(?:photo\s+)?(?:gallery|galleries|slideshow|photos|pictures|images)\b",
        needs: &[],
        kind: Share,
    },
    // "© 2020 Harbour Times", "(c) Agency"
    Shape {
        pattern: r"(?i)^(?:©|\(c\))\s*",
        needs: &[],
        kind: Debris,
    },
    // "(Reporting by …; Editing by …)"
    Shape {
        pattern: r"(?i)^\(?(?:additional )?(?:reporting|writing|editing) by\b.*\)?$",
        needs: &[],
        kind: Byline,
    },
    // a time stamp alone: "09:30 GMT", "0:45" (a video's length)
    Shape {
        pattern: r"(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:gmt|utc|[a-z]{2,4})?$",
        needs: &[],
        kind: DateLine,
    },
    // "2 minutes ago", "Faizan Hashmi 3 hours ago …"
    Shape {
        pattern: r"(?i)^(?:[A-Z][\w'’.-]*\s+){0,3}\d+\s+(?:second|minute|hour|day|week)s?\s+ago\b",
        needs: &[],
        kind: DateLine,
    },
];

static SHAPE_RES: LazyLock<Vec<(Regex, &[char], Kind)>> = LazyLock::new(|| {
    SHAPES
        .iter()
        .map(|s| {
            (
                Regex::new(s.pattern).expect("furniture shape"),
                s.needs,
                s.kind,
            )
        })
        .collect()
});

/// The most words with a letter that a line matched by an exact label has (list
/// numbering, counts in brackets and trailing arrows have none).
static EXACT_MAX_WORDS: LazyLock<usize> = LazyLock::new(|| {
    LABELS
        .iter()
        .filter(|l| l.how == Exact)
        .map(|l| letter_words(l.text))
        .max()
        .unwrap_or(0)
});

fn letter_words(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

static NUMBERING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,2}[.)]\s+|[•▪◦*>»]\s*)").expect("numbering pattern"));

/// The line as labels are compared: lowercase, straight apostrophes, no list numbering,
/// no trailing colon, dots, arrows or count.
pub fn normalise(line: &str) -> String {
    let t = line.trim();
    let t = NUMBERING.find(t).map_or(t, |m| &t[m.end()..]);
    let mut s = t.to_lowercase().replace(['’', '‘'], "'");
    loop {
        let before = s.len();
        s = s
            .trim_end_matches([':', '.', '»', '›', '>', '|', ' ', '…', '→'])
            .to_string();
        if s.ends_with(')')
            && let Some(open) = s.rfind('(')
            && s[open + 1..s.len() - 1].chars().all(|c| c.is_ascii_digit())
        {
            s.truncate(open);
        }
        if s.len() == before {
            break;
        }
    }
    s
}

/// The kind of furniture a line is, if it is one by its words or shape alone.
/// (Lines that are furniture only by position — a lone name under a headline, the
/// teasers under a label — are recognised by the opening and body passes.)
pub fn classify(line: &str) -> Option<Kind> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let words = t.split_whitespace().count();
    // A sentence of prose is longer than any label: only the shapes can match it.
    let labels = if words <= PREFIX_MAX_WORDS || letter_words(t) <= *EXACT_MAX_WORDS {
        LABELS
    } else {
        &[]
    };
    let n = if labels.is_empty() {
        String::new()
    } else {
        normalise(t)
    };
    for l in labels {
        let hit = match l.how {
            Exact => n == l.text,
            Prefix => {
                words <= PREFIX_MAX_WORDS
                    && n.starts_with(l.text)
                    && (l.text.ends_with([' ', ':'])
                        || n[l.text.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric()))
            }
        };
        if hit {
            // "By the end of the day, …" is prose; a byline names people.
            if l.kind == Byline && l.text == "by " && !looks_like_byline(&t[3..]) {
                continue;
            }
            return Some(l.kind);
        }
    }
    SHAPE_RES
        .iter()
        .find(|(re, needs, _)| (needs.is_empty() || t.contains(*needs)) && re.is_match(t))
        .map(|(_, _, k)| *k)
}

/// After "By": capitalised names, maybe "and", a comma and a role or outlet; no sentence.
fn looks_like_byline(rest: &str) -> bool {
    let rest = rest.trim();
    let first = rest.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
        && !rest.ends_with(['.', '!', '?'])
        && rest.split_whitespace().count() <= 12
        && !matches!(first, "The" | "A" | "An" | "This" | "That" | "Then")
}

/// A lone name line: two to five capitalised words (or names joined by `/` or `and`),
/// no sentence punctuation — "Maya Dayoub/Mazen", "Jane Doe and John Roe".
pub fn is_name_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?', ':', ';', ',']) || t.contains(['&', '"', '“'])
    {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '|' | '·' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    if !(2..=7).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        matches!(
            *w,
            "and" | "bin" | "al" | "de" | "van" | "von" | "da" | "el"
        ) || (w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || "-'’.".contains(c))
            && w.chars().count() >= 2)
    })
}

/// A keyword line of a tag list: short, lowercase first letter (or a number), no
/// sentence punctuation — "kazan", "2024 summit in kazan".
pub fn is_tag_line(line: &str) -> bool {
    let t = line.trim();
    let first = t.chars().next();
    first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        && t.split_whitespace().count() <= 7
        && !t.ends_with(['.', '!', '?', ',', ';', ':', '…'])
}

/// A teaser line under a teaser label: a headline without end punctuation, a truncated
/// excerpt ending in an ellipsis, or anything short.
pub fn is_teaser_line(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['"', '”', '’', '\'']);
    let words = t.split_whitespace().count();
    t.ends_with("...") || t.ends_with('…') || words < 12 || !t.ends_with(['.', '!', '?', ')', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One example line per label row, named by the row.
    #[test]
    fn every_label_row_matches_its_own_example() {
        for l in LABELS {
            let example = match l.how {
                Exact => l.text.to_uppercase(),
                Prefix if l.text == "by " => "By Jane Doe, Staff Writer".to_string(),
                Prefix => format!("{} something", l.text.trim_end()),
            };
            assert_eq!(classify(&example), Some(l.kind), "row `{}`", l.text);
        }
    }

    #[test]
    fn shape_rows_with_their_examples() {
        let rows: &[(&str, Kind)] = &[
            ("4 min read", ReadingTime),
            ("6 minute read", ReadingTime),
            ("Reading time: 5 minutes", ReadingTime),
            ("https://example.org/news/2020/11/story.html", Debris),
            ("www.example.org/a", Debris),
            ("en_EN", Debris),
            ("spot_imgspot_img", Debris),
            ("1920 1080 true", Debris),
            ("2024", Debris),
            ("-", Debris),
            ("***", Debris),
            ("Newsroom desk@example.org +44 20 7946 0000", Debris),
            ("Harbour Times Report", Byline),
            ("Our Correspondent", Byline),
            ("2 minutes ago", DateLine),
            ("Read time: 3 min", ReadingTime),
            ("3-minute read", ReadingTime),
            ("Home > World > Middle East", Navigation),
            ("News » Europe", Navigation),
            ("Home | World | Europe", Navigation),
            ("Share 0 Tweet 0", Share),
            ("12 Comments", Share),
            ("© 2021 Harbour Times. All rights reserved.", Debris),
            ("(Reporting by Ann Writer; Editing by Tom Roe)", Byline),
            ("09:30 GMT", DateLine),
            ("0:45", Debris),
            ("Ann Reporter 3 hours ago Mon 2nd May 2022", DateLine),
            (
                "Explore Harbour Times's gallery to view highlights from the gala dinner",
                Share,
            ),
            ("See our photo gallery of the summit's opening day", Share),
        ];
        for (line, kind) in rows {
            assert_eq!(classify(line), Some(*kind), "{line}");
        }
    }

    #[test]
    fn labels_ignore_numbering_colons_arrows_and_counts() {
        assert_eq!(classify("1. Skip to content"), Some(Navigation));
        assert_eq!(classify("  3. Skip to more sites"), Some(Navigation));
        assert_eq!(classify("Read more:"), Some(Teaser));
        assert_eq!(classify("Most Read »"), Some(Teaser));
        assert_eq!(classify("Comments (12)"), Some(Share));
        assert_eq!(classify("More from Harbour Times"), Some(Teaser));
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "By the end of the week the talks had stalled.",
            "Share prices fell sharply on Monday as markets opened.",
            "The world watched as the delegates arrived in the capital.",
            "Footage shows the minister leaving the hall, according to officials who saw it and described it to reporters afterwards at length.",
            "Latest figures show a rise in arrivals.",
            "See the summit's declaration for the full list of pledges.",
            "Reconciliation agreement",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn name_lines_tag_lines_and_teasers() {
        assert!(is_name_line("Maria Lopez/Tom"));
        assert!(is_name_line("Jane Doe and John Roe"));
        assert!(is_name_line("Jane Doe | Staff Writer"));
        assert!(!is_name_line("Syria & Russia"));
        assert!(!is_name_line("Visual effect and deals"));
        assert!(!is_name_line("Talks resume."));
        assert!(is_tag_line("harbour summit"));
        assert!(is_tag_line("2024 summit in the capital"));
        assert!(!is_tag_line("and then the delegates left."));
        assert!(is_teaser_line("Ministers agree on a new port deal"));
        assert!(is_teaser_line(
            "On Friday the ministers from the three coastal states met again and agreed to..."
        ));
        assert!(!is_teaser_line(
            "Earlier, the president arrived in the port city on Thursday for the meeting of the league."
        ));
    }
}
