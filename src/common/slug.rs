//! URL slugs: of any name (tags, parties, headings) and of a briefing page's title.

/// A URL slug: lowercase ASCII words joined by hyphens, accents folded.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut hyphen = false;
    for c in s.chars() {
        let folded: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                "a"
            }
            'ç' | 'Ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ı' | 'İ' => "i",
            'ñ' | 'Ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                "o"
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
            'ş' | 'Ş' | 'š' | 'Š' => "s",
            'ğ' | 'Ğ' => "g",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            '’' | '\'' | '‘' => "",
            _ => "",
        };
        if !folded.is_empty() {
            out.push_str(folded);
            hyphen = false;
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            hyphen = false;
        } else if matches!(c, '’' | '\'' | '‘') {
            // "Russia's" → "russias"
        } else if !hyphen && !out.is_empty() {
            out.push('-');
            hyphen = true;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Words dropped from page slugs.
const SLUG_STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "and", "or", "for", "as", "by", "with", "is",
    "are", "was", "were", "its", "their", "from",
];

/// The slug of a briefing page: its title's words without articles and connectives,
/// at most eight words and 64 characters.
pub fn page_slug(title: &str) -> String {
    // Tag-like text ("<b>") is text, but it makes no word of a URL.
    let mut untagged = String::with_capacity(title.len());
    let mut in_tag = false;
    for c in title.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => untagged.push(c),
            _ => {}
        }
    }
    let full = slugify(&untagged);
    let words: Vec<&str> = full
        .split('-')
        .filter(|w| !w.is_empty() && !SLUG_STOP.contains(w))
        .collect();
    let mut out = String::new();
    for w in words.iter().take(8) {
        if out.len() + w.len() + 1 > 64 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        "briefing".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(
            slugify("Reconciliation agreement"),
            "reconciliation-agreement"
        );
        assert_eq!(
            slugify("Türkiye’s ‘premature’ role!"),
            "turkiyes-premature-role"
        );
        assert_eq!(
            page_slug("The Assad regime organises a ‘premature’ refugee conference"),
            "assad-regime-organises-premature-refugee-conference"
        );
        assert_eq!(page_slug("!!!"), "briefing");
    }
}
