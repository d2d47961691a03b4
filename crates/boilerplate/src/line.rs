//! What one line looks like: its normalized key and the shape tests that
//! the line heuristics use. All pure functions of one line.

use aho_corasick::AhoCorasick;
use textclean_core::letters;

/// Writes the matching key of `text` into `out` (cleared first): letters
/// and digits lower-cased, every run of anything else one space, no space
/// at either end. Returns the number of words.
pub(crate) fn normalize(text: &str, out: &mut String) -> usize {
    normalize_splitting(text, out, false)
}

/// [`normalize`], with a space also where a lower-case ASCII letter meets an
/// upper-case one when `split_case` (`contentSkip`: sentences glued where a
/// scraper dropped the period, which sentence repair splits later). The
/// word count is that of [`normalize`].
pub(crate) fn normalize_splitting(
    text: &str,
    out: &mut String,
    split_case: bool,
) -> usize {
    out.clear();
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        // Copy a whole run of ASCII letters and digits at once.
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i > start {
            if !in_word {
                if !out.is_empty() {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            if split_case {
                push_splitting_case(out, &text[start..i]);
            } else {
                out.push_str(&text[start..i]);
            }
            continue;
        }
        if bytes[i] < 0x80 {
            in_word = false;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_alphanumeric() {
            if !in_word {
                if !out.is_empty() {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            out.extend(c.to_lowercase());
        } else {
            in_word = false;
        }
    }
    out.make_ascii_lowercase();
    words
}

/// Pushes an ASCII letter-and-digit run, with a space at each lower→Upper
/// boundary.
fn push_splitting_case(out: &mut String, run: &str) {
    let bytes = run.as_bytes();
    let mut from = 0;
    for i in 1..bytes.len() {
        let before = bytes[i - 1];
        if (before.is_ascii_lowercase() || before.is_ascii_digit())
            && bytes[i].is_ascii_uppercase()
        {
            out.push_str(&run[from..i]);
            out.push(' ');
            from = i;
        }
    }
    out.push_str(&run[from..]);
}

/// How many places in `line` a lower-case letter or a digit meets an
/// upper-case one (`bankThe`, `2019The`), or an acronym meets a
/// capitalized word (`AIDiverse`):
/// where sentence repair may split a glued sentence. Counted as word
/// breaks, they make a line's word count the same before and after repair,
/// so that a second run classifies it as the first did.
pub(crate) fn case_boundaries(line: &str) -> usize {
    if line.is_ascii() {
        ascii_case_boundaries(line.as_bytes())
    } else {
        case_boundaries_of_chars(line)
    }
}

/// [`case_boundaries`], character by character.
fn case_boundaries_of_chars(line: &str) -> usize {
    let mut count = 0;
    // The case of the two characters before: lower, upper.
    let (mut lower, mut upper, mut upper_before) = (false, false, false);
    let mut digit = false;
    for c in line.chars() {
        let (is_lower, is_upper) = (c.is_lowercase(), c.is_uppercase());
        count += usize::from((lower || digit) && is_upper);
        count += usize::from(upper_before && upper && is_lower);
        upper_before = upper;
        (lower, upper, digit) = (is_lower, is_upper, c.is_ascii_digit());
    }
    count
}

/// [`case_boundaries`] of ASCII text, read from its capitals only (most
/// lines have few), found eight bytes at a time: a capital after a
/// lower-case letter or a digit, and a capital after a capital and before
/// a lower-case letter (the last capital of an acronym glued to a word).
fn ascii_case_boundaries(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut at_capital = |j: usize| {
        let before = j.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(j + 1);
        count +=
            usize::from(before.is_some_and(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit()
            }));
        count += usize::from(
            before.is_some_and(|b| b.is_ascii_uppercase())
                && after.is_some_and(u8::is_ascii_lowercase),
        );
    };
    for (k, chunk) in bytes.chunks(8).enumerate() {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut capitals =
            letters::ascii_bytes_in(u64::from_le_bytes(word), b'A', b'Z');
        while capitals != 0 {
            at_capital(8 * k + capitals.trailing_zeros() as usize / 8);
            capitals &= capitals - 1;
        }
    }
    count
}

/// The number of words [`normalize`] would count (runs of letters and
/// digits), without writing the key.
pub(crate) fn alnum_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    if text.is_ascii() {
        for &b in text.as_bytes() {
            let alnum = b.is_ascii_alphanumeric();
            words += usize::from(alnum && !in_word);
            in_word = alnum;
        }
        return words;
    }
    for c in text.chars() {
        let alnum = c.is_alphanumeric();
        words += usize::from(alnum && !in_word);
        in_word = alnum;
    }
    words
}

/// Rough word count: runs of non-space bytes. Cheap enough for any line.
pub(crate) fn count_words(line: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in line.as_bytes() {
        let space = b == b' ' || b == b'\t';
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

/// True for characters that separate menu items wherever they stand.
fn is_strong_separator(c: char) -> bool {
    matches!(c, '|' | '»' | '«' | '›' | '‹' | '•' | '·' | '∙' | '¦')
}

/// The guillemets a line uses as quotation marks, which then separate no
/// menu items: both the opening and the closing one stand in it (French
/// `« … »`, German `»…«`, and the single `‹ … ›`), where a breadcrumb
/// points one way only (`Home » News » Sport`).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Quotes {
    double: bool,
    single: bool,
}

impl Quotes {
    pub(crate) fn of(line: &str) -> Quotes {
        if line.is_ascii() {
            return Quotes::default();
        }
        Quotes {
            double: line.contains('«') && line.contains('»'),
            single: line.contains('‹') && line.contains('›'),
        }
    }

    /// Whether `c` separates menu items on its own in this line.
    pub(crate) fn separates(self, c: char) -> bool {
        match c {
            '«' | '»' => !self.double,
            '‹' | '›' => !self.single,
            _ => is_strong_separator(c),
        }
    }
}

/// True for characters that separate menu items when spaced: ` / `, ` > `.
/// Dashes are not among them: prose uses spaced dashes.
fn is_spaced_separator(c: char) -> bool {
    matches!(c, '/' | '>')
}

/// Longest line the navigation test looks at; longer lines are prose or
/// data, and skipping them keeps the cost flat.
const NAV_MAX_BYTES: usize = 1500;

/// A navigation line: three or more short items between separators, as in
/// `Home | About | Blog` or `Home » News » Sport`.
///
/// Every item has at most [`NAV_ITEM_WORDS`] words (one, the last crumb of
/// a breadcrumb, may have up to [`NAV_LONG_ITEM_WORDS`]), reads like a
/// label (does not start in lower case, holds no sentence, code or
/// formula characters), and at most one item holds a digit: lines of
/// specs, prices, code and shell pipes use the same separators.
pub(crate) fn is_navigation(line: &str) -> bool {
    if line.len() > NAV_MAX_BYTES {
        return false;
    }
    // Every separator is `|`, `/`, `>` or starts with byte 0xC2 or 0xE2 in
    // UTF-8: most lines have none and are done after one fast scan.
    let bytes = line.as_bytes();
    let spaced = |i: usize| {
        i > 0 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' ')
    };
    let maybe = memchr::memchr3_iter(b'|', b'/', b'>', bytes)
        .any(|i| bytes[i] == b'|' || spaced(i))
        || (!line.is_ascii() && line.contains(is_strong_separator));
    if !maybe {
        return false;
    }
    let mut separators = 0;
    let mut items = 0;
    let mut long_items = 0;
    let mut numeric_items = 0;
    let mut start = 0;
    let mut prev: Option<char> = None;
    let quotes = Quotes::of(line);
    let mut chars = line.char_indices().peekable();
    let mut item_ok = |item: &str| -> bool {
        let item = item.trim();
        if item.is_empty() {
            return true;
        }
        items += 1;
        let words = count_words(item);
        if words > NAV_LONG_ITEM_WORDS
            || item.contains(". ")
            || item.starts_with(char::is_lowercase)
            || item.contains(NOT_IN_LABELS)
        {
            return false;
        }
        if item.contains(|c: char| c.is_ascii_digit()) {
            numeric_items += 1;
        }
        if words > NAV_ITEM_WORDS {
            long_items += 1;
        }
        long_items <= 1 && numeric_items <= 1
    };
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let split = quotes.separates(c)
            || (is_spaced_separator(c)
                && prev.is_some_and(char::is_whitespace)
                && next.is_some_and(char::is_whitespace));
        if split {
            separators += 1;
            if !item_ok(&line[start..at]) {
                return false;
            }
            start = at + c.len_utf8();
        }
        prev = Some(c);
    }
    if !item_ok(&line[start..]) {
        return false;
    }
    separators >= 2 && items >= 3
}

/// Characters that menu labels do not hold, but code, formulas, specs and
/// prose do.
const NOT_IN_LABELS: &[char] = &[
    '(', ')', '[', ']', '{', '}', '=', '<', ';', '$', '%', '*', '`', ':', '"',
    '\\', '~', '^', '\t', '—',
];

/// Most words of an ordinary menu item.
const NAV_ITEM_WORDS: usize = 5;
/// Most words of the one longer item a navigation line may hold.
const NAV_LONG_ITEM_WORDS: usize = 14;

/// Most words of a copyright line: a footer, not a paragraph about law.
const COPYRIGHT_MAX_WORDS: usize = 30;

/// Longest line (in bytes) the consent rule reads: a banner is a few
/// sentences, a paragraph about cookies on a page about them runs longer.
const CONSENT_MAX_BYTES: usize = 1_000;
/// Shortest line the consent rule reads: a banner is a sentence at least
/// (shorter ones, `Accept all cookies`, are the phrase rule's markers),
/// and most lines of a page, menu items, are shorter.
const CONSENT_MIN_BYTES: usize = 48;

/// The words of cookie and consent banners, from the language pack (see
/// its `consent_words.txt`): a line that holds a subject (`cookies`), the
/// site's own voice (`we`, `our`) and two distinct other words (`accept`,
/// `settings`) is a banner. An article about cookies speaks of them, not
/// as the site that sets them.
#[derive(Clone, Debug)]
pub(crate) struct Consent {
    /// The subjects, ASCII case-insensitive: a line that holds none as a
    /// substring is no banner, without reading its words.
    finder: AhoCorasick,
    subjects: Vec<String>,
    voice: Vec<String>,
    words: Vec<String>,
}

impl Consent {
    /// The rule for the pack's `entries` (subjects marked `*`, the voice
    /// `+`), or `None` when they name no subject or no voice.
    pub(crate) fn new(entries: &[String]) -> Option<Consent> {
        let marked = |mark: char| {
            crate::lang::clean_list(
                entries.iter().filter_map(|e| e.strip_prefix(mark)),
            )
        };
        let (subjects, voice) = (marked('*'), marked('+'));
        let words = crate::lang::clean_list(
            entries.iter().filter(|e| !e.starts_with(['*', '+'])),
        );
        if subjects.is_empty() || voice.is_empty() {
            return None;
        }
        let finder = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&subjects)
            .ok()?;
        Some(Consent { finder, subjects, voice, words })
    }

    /// Whether `line` is a consent banner; `scratch` receives its key.
    pub(crate) fn holds(&self, line: &str, scratch: &mut String) -> bool {
        if !(CONSENT_MIN_BYTES..=CONSENT_MAX_BYTES).contains(&line.len())
            || !self.finder.is_match(line)
        {
            return false;
        }
        normalize(line, scratch);
        let (mut subject, mut voice) = (false, false);
        let mut first = None;
        let mut two = false;
        for word in scratch.split(' ') {
            if self.subjects.iter().any(|s| s == word) {
                subject = true;
            } else if self.voice.iter().any(|v| v == word) {
                voice = true;
            } else if let Some(i) = self.words.iter().position(|w| w == word) {
                match first {
                    None => first = Some(i),
                    Some(f) => two |= f != i,
                }
            }
        }
        subject && voice && two
    }
}

/// A copyright notice: `© 2024 Example Inc.`, `Copyright 2024 …`,
/// `(c) Example`. `cues` are the language's copyright words, normalized.
///
/// A notice after a sentence of its own (`… for three generations now.
/// Copyright 2024`) ends a paragraph rather than making a footer: that line
/// is kept, so no content goes with the notice.
pub(crate) fn is_copyright(line: &str, key: &str, cues: &[String]) -> bool {
    let line = line.trim_start();
    let symbol_at = if line.is_ascii() { None } else { notice_symbol(line) };
    let symbol = line.starts_with("(c)")
        || line.starts_with("(C)")
        || symbol_at.is_some();
    // Most lines hold neither the symbol nor a cue: done after a search.
    if !symbol && !cues.iter().any(|cue| key.contains(cue.as_str())) {
        return false;
    }
    if count_words(line) > COPYRIGHT_MAX_WORDS {
        return false;
    }
    if symbol {
        return !prose_before(&line[..symbol_at.unwrap_or(0)]);
    }
    // A cue word followed by a year or a symbol, anywhere on a short line:
    // `Site content copyright 2024`, `Copyright (c) Example`.
    cues.iter().any(|cue| {
        let mut from = 0;
        while let Some(at) = key[from..].find(cue.as_str()) {
            let at = from + at;
            let end = at + cue.len();
            let word_start = at == 0 || key.as_bytes()[at - 1] == b' ';
            let rest = &key[end..];
            if word_start && (rest.is_empty() || rest.starts_with(' ')) {
                let next = rest.trim_start();
                if next.starts_with(|c: char| c.is_ascii_digit())
                    || next.starts_with("c ")
                    || rest.is_empty() && at == 0
                {
                    return !prose_before(&line[..cue_in_line(line, cue)]);
                }
            }
            from = end;
        }
        false
    })
}

/// Where the first `©` of `line` that may start a notice is: one not
/// right after a letter, as in the mojibake of `é` (`CafÃ©`), except the
/// `Â` of the mojibake of `©` itself (`Â© 2024`).
fn notice_symbol(line: &str) -> Option<usize> {
    line.match_indices('©').map(|(at, _)| at).find(|&at| {
        line[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphabetic() || c == 'Â')
    })
}

/// Where the first word of `cue` first appears in `line`, ignoring ASCII
/// case (the start of the line if it cannot be found).
fn cue_in_line(line: &str, cue: &str) -> usize {
    let word = cue.split(' ').next().unwrap_or(cue).as_bytes();
    line.as_bytes()
        .windows(word.len().max(1))
        .position(|w| w.eq_ignore_ascii_case(word))
        .unwrap_or(0)
}

/// Whether `before` (the text before a copyright notice on its line) is a
/// sentence of its own: three words or more that end with a terminator or
/// run into the notice without a space (`nowCopyright`), or eight words or
/// more in any case; never a list of links (`Home | About`).
fn prose_before(before: &str) -> bool {
    let quotes = Quotes::of(before);
    if before
        .chars()
        .any(|c| matches!(c, '|' | '·' | '•' | '»') && quotes.separates(c))
    {
        return false;
    }
    // Words as sentence repair leaves them: runs of letters and digits
    // (a lone `.` it may join to the word before is none), glued words
    // split.
    let words = alnum_words(before) + case_boundaries(before);
    let end = before.trim_end();
    let ends_sentence = end.ends_with(['.', '!', '?', '"', '\u{201d}'])
        || (end.len() == before.len()
            && end.chars().next_back().is_some_and(char::is_lowercase));
    words >= 8 || (words >= 3 && ends_sentence)
}

/// A counter line: only numbers and the language's count words, at least
/// one of each, as in `0 Comments`, `12 Shares`, `1.2K views`.
pub(crate) fn is_counter(key: &str, counters: &[String]) -> bool {
    let mut numbers = 0;
    let mut nouns = 0;
    for token in key.split(' ') {
        let numeric = token.starts_with(|c: char| c.is_ascii_digit())
            && token.trim_start_matches(|c: char| c.is_ascii_digit()).len()
                <= 1;
        if numeric {
            numbers += 1;
        } else if counters.iter().any(|w| w == token) {
            nouns += 1;
        } else {
            return false;
        }
    }
    numbers > 0 && nouns > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> String {
        let mut out = String::new();
        normalize(text, &mut out);
        out
    }

    #[test]
    fn normalize_table() {
        for (input, want, words) in [
            ("", "", 0),
            ("  Share this:  ", "share this", 2),
            ("Terms & Conditions", "terms conditions", 2),
            ("ADVERTISEMENT", "advertisement", 1),
            (
                "Save my name, email, and website",
                "save my name email and website",
                6,
            ),
            ("Éditions — Straße", "éditions straße", 2),
            ("!!!", "", 0),
            ("a\tb\r", "a b", 2),
        ] {
            let mut out = String::from("junk");
            assert_eq!(normalize(input, &mut out), words, "{input:?}");
            assert_eq!(out, want, "{input:?}");
        }
    }

    #[test]
    fn alnum_words_counts_as_normalize_does() {
        for text in
            ["", "Terms & Conditions", "Éditions — Straße 12", "!!!", "a\tb"]
        {
            let mut key = String::new();
            assert_eq!(
                alnum_words(text),
                normalize(text, &mut key),
                "{text:?}"
            );
        }
    }

    #[test]
    fn navigation_table() {
        for (line, want) in [
            ("Home | About | Blog | Contact", true),
            ("Home » News » Sport", true),
            ("Home › Guides › How to choose a tent for a long trip", true),
            ("News / Sport / Weather", true),
            ("Products • Pricing • Docs", true),
            ("Home | About", false),
            ("and/or either/or this/that", false),
            (
                "A sentence with a | pipe and another | pipe in it. Then more.",
                false,
            ),
            (
                "Growth was 5% | 6% | 7% in the years we studied. It rose.",
                false,
            ),
            ("I went - honestly - home", false),
            ("Vibe Mode: Human → AI → Human", false),
            ("codepoint = (a << 12) | (b << 6) | c;", false),
            ("curl -fL x | tar -xzf - | cut -f2", false),
            ("More jobs / funding mean more projects / resources", false),
            ("Length 7 / 177mm | Diameter 10mm | $14.00", false),
            ("Home | Blog | 2024", true),
            ("Home > Shop > Shoes", true),
            ("Accueil » Actualités » Sport", true),
            // Guillemets both ways are quotation marks, in French and
            // German prose.
            (
                "Consultez Section 6.3.8, « Comment arrêter le système ».",
                false,
            ),
            ("Lesen Sie »Das Shell-Skript« und »Die Konsole«.", false),
            ("Voir « Liens » | « Tubes » | « Sockets »", true),
            ("Plain prose without any separators at all.", false),
            ("", false),
        ] {
            assert_eq!(is_navigation(line), want, "{line:?}");
        }
    }

    #[test]
    fn case_boundaries_are_where_repair_splits() {
        for (line, want) in [
            ("the river bankThe water", 1),
            ("on AIDiverse teams", 1),
            // Also "PUs": more than repair splits, but the same after it.
            ("the GPUsThey said", 2),
            ("plain words, no glue. None here", 0),
            ("caféThe", 1),
            ("", 0),
        ] {
            assert_eq!(case_boundaries(line), want, "{line:?}");
        }
    }

    proptest::proptest! {
        /// The capitals-only count of ASCII text is the count character
        /// by character, capitals in every position of the eight-byte
        /// groups and at both ends.
        #[test]
        fn ascii_case_boundaries_count_as_the_characters_do(
            line in "[aZAz09 .BY]{0,40}",
        ) {
            proptest::prop_assert_eq!(
                ascii_case_boundaries(line.as_bytes()),
                case_boundaries_of_chars(&line)
            );
        }
    }

    #[test]
    fn consent_table() {
        let consent = |code: &str| {
            let pack = textclean_core::LanguagePack::get(code).unwrap();
            Consent::new(pack.consent_words()).unwrap()
        };
        let cases = [
            (
                "en",
                "We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.",
                true,
            ),
            (
                "en",
                "Our site uses cookies for analytics and personalized content. Manage your preferences.",
                true,
            ),
            (
                "en",
                "COOKIES help us deliver our services. ACCEPT or REJECT them in SETTINGS.",
                true,
            ),
            // Spoken of, not by the site that sets them: an article.
            (
                "en",
                "Websites use cookies to remember your preferences and settings.",
                false,
            ),
            // The subject alone, or one other word: a paragraph about them.
            (
                "en",
                "Bake the cookies for twelve minutes, then let them cool.",
                false,
            ),
            (
                "en",
                "Cookies are small files that we store in your browser.",
                false,
            ),
            // Two other words but no subject.
            ("en", "We accept the settings and continue.", false),
            // A word inside another is no word.
            ("en", "Cookiesettings acceptance improvement at our site", false),
            (
                "de",
                "Wir verwenden Cookies, um Ihre Nutzererfahrung zu verbessern. Einstellungen verwalten",
                true,
            ),
            (
                "de",
                "Cookies speichern Einstellungen und ermöglichen Analyse.",
                false,
            ),
            (
                "fr",
                "Nous utilisons des cookies pour la mesure d'audience. Accepter ou paramétrer",
                true,
            ),
            (
                "fr",
                "Les cookies gardent les préférences et les paramètres du lecteur.",
                false,
            ),
            (
                "es",
                "Utilizamos cookies propias y de terceros. Puedes aceptar o configurar su uso.",
                true,
            ),
            (
                "es",
                "Las cookies guardan las preferencias y la configuración.",
                false,
            ),
        ];
        let mut scratch = String::new();
        for (code, line, want) in cases {
            assert_eq!(
                consent(code).holds(line, &mut scratch),
                want,
                "{line}"
            );
        }
        // A long paragraph is content, whatever it says.
        let long = format!(
            "{} We use cookies; accept or manage your settings.",
            "Cookies are how sites remember you. ".repeat(30)
        );
        assert!(!consent("en").holds(&long, &mut scratch));
        let list =
            |l: &[&str]| l.iter().map(|e| e.to_string()).collect::<Vec<_>>();
        assert!(Consent::new(&list(&["accept", "+we"])).is_none());
        assert!(Consent::new(&list(&["*cookies", "accept"])).is_none());
    }

    #[test]
    fn copyright_table() {
        let cues = vec!["copyright".to_owned()];
        for (line, want) in [
            ("© 2024 Example Inc. All rights reserved.", true),
            ("Copyright 2024 Example", true),
            ("Copyright © Example Media", true),
            ("(c) Example Ltd", true),
            ("Copyright", true),
            ("Site content copyright 2019 Example", true),
            ("Copyright law protects original works of authorship.", false),
            ("The copyright holder may grant a licence.", false),
            ("All content on this site is copyright 2024 Example", true),
            ("Home | About | Contact. Copyright 2024 Example", true),
            // A sentence of its own before the notice: a paragraph's end.
            (
                "The family has run the bakery for three generations now. \
                 Copyright 2024",
                false,
            ),
            ("It was baked here for years nowCopyright 2024", false),
            ("Thanks for reading this post! © 2024 Jane Doe", false),
            // The © of mojibake: `é` read as Windows-1252 is no notice,
            // `©` read so is one.
            ("CafÃ© au lait is what the town drinks at night", false),
            ("Â© 2024 Example Inc.", true),
            ("CafÃ© Example © 2024", true),
            // Punctuation is no word: sentence repair may join it to the
            // one before, and a second run must read the line alike.
            (". aaAaa . ©", true),
            (". aaAaa. ©", true),
            (
                "A long paragraph that mentions © once but goes on and on \
                 with many words about the history of the symbol and its \
                 use in publishing over the centuries in many countries",
                false,
            ),
        ] {
            assert_eq!(
                is_copyright(line, &key(line), &cues),
                want,
                "{line:?}"
            );
        }
    }

    #[test]
    fn counter_table() {
        let counters: Vec<String> =
            ["comments", "comment", "shares", "views"].map(Into::into).into();
        for (line, want) in [
            ("0 Comments", true),
            ("12 shares", true),
            ("1.2K views", true),
            ("3 Comments 14 Shares", true),
            ("Comments", false),
            ("12", false),
            ("12 angry men", false),
            ("", false),
        ] {
            assert_eq!(is_counter(&key(line), &counters), want, "{line:?}");
        }
    }
}
