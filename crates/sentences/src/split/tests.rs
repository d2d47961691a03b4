//! The splitter's rules, one case or more each, and its invariants.

use super::*;
use crate::lang::Language;
use proptest::prelude::*;

fn split(text: &str) -> Vec<&str> {
    SentenceSplitter::default().split(text).map(|s| s.text).collect()
}

macro_rules! t {
    ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let want: Vec<&str> = vec![$($s),*];
            assert_eq!(split($text), want);
        }
    };
}

t!(simple, "It works. Mr. Smith agrees.", ["It works.", "Mr. Smith agrees."]);
t!(empty, "", []);
t!(
    ideographic,
    "这是第一句。这是第二句！第三句？End.Next 「はい。」と言った。",
    [
        "这是第一句。",
        "这是第二句！",
        "第三句？",
        "End.Next 「はい。」",
        "と言った。"
    ]
);
t!(ideographic_before_latin, "中文。Next one?", ["中文。", "Next one?"]);
t!(blank, " \n\t ", []);
t!(no_terminator, "no end here", ["no end here"]);
t!(question_bang, "Really?! Yes. Ok!", ["Really?!", "Yes.", "Ok!"]);
t!(
    initials,
    "J. K. Rowling wrote it. Fine.",
    ["J. K. Rowling wrote it.", "Fine."]
);
t!(
    titles,
    "Dr. Who met Mrs. Hudson. St. Louis is far.",
    ["Dr. Who met Mrs. Hudson.", "St. Louis is far."]
);
t!(
    numbers,
    "It cost $4.50 today. Pi is 3.14 or so.",
    ["It cost $4.50 today.", "Pi is 3.14 or so."]
);
t!(
    number_abbrev,
    "See No. 5 and vol. 3 here. Then go.",
    ["See No. 5 and vol. 3 here.", "Then go."]
);
t!(no_word, "I said no. Then I left.", ["I said no.", "Then I left."]);
t!(
    eg,
    "Fruit, e.g. apples, is good. Yes.",
    ["Fruit, e.g. apples, is good.", "Yes."]
);
t!(etc, "Apples, pears, etc. The end.", ["Apples, pears, etc.", "The end."]);
t!(
    us,
    "He lives in the U.S. The weather is fine.",
    ["He lives in the U.S.", "The weather is fine."]
);
t!(us_mid, "The U.S. Navy sailed.", ["The U.S. Navy sailed."]);
// After a dotted abbreviation, a question word or a pronoun starts a
// sentence; a noun does not (cases after pySBD's Golden Rules, MIT).
t!(
    eu_question,
    "I live in the E.U. How about you?",
    ["I live in the E.U.", "How about you?"]
);
t!(
    us_pronoun,
    "I moved to the U.S. I like it here.",
    ["I moved to the U.S.", "I like it here."]
);
t!(
    us_noun,
    "I work for the U.S. Government in Virginia.",
    ["I work for the U.S. Government in Virginia."]
);
t!(
    company,
    "They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
    ["They closed the deal with Pitt, Briggs & Co.", "It closed yesterday."]
);
t!(
    company_mid,
    "They closed the deal with Pitt, Briggs & Co. at noon.",
    ["They closed the deal with Pitt, Briggs & Co. at noon."]
);
t!(
    email_and_url,
    "Mail Jane.Doe@example.com. See https://example.org/a.html. Bye.",
    ["Mail Jane.Doe@example.com.", "See https://example.org/a.html.", "Bye."]
);
t!(
    quotes,
    "He said \"Stop.\" Then he left. 'Why?' she asked.",
    ["He said \"Stop.\"", "Then he left.", "'Why?' she asked."]
);
t!(
    curly,
    "“Go!” He went. (It was late.) Next.",
    ["“Go!”", "He went.", "(It was late.)", "Next."]
);
t!(
    ellipsis,
    "Wait... what? Well… Then go.",
    ["Wait... what?", "Well…", "Then go."]
);
t!(
    paragraphs,
    "A title\n\nThe text starts\nhere and goes on.",
    ["A title", "The text starts\nhere and goes on."]
);
t!(crlf, "One.\r\n\r\nTwo", ["One.", "Two"]);

// Lists inside a paragraph.
t!(
    inline_numbers_paren,
    "1.) Buy milk 2.) Call Ann 3.) Rest",
    ["1.) Buy milk", "2.) Call Ann", "3.) Rest"]
);
t!(
    inline_numbers,
    "To do: 1. Buy milk 2. Call Ann. Then rest.",
    ["To do:", "1. Buy milk", "2. Call Ann.", "Then rest."]
);
t!(inline_parens, "(1) Red (2) Blue", ["(1) Red", "(2) Blue"]);
t!(
    inline_letters,
    "a. Red b. Blue c. Green",
    ["a. Red", "b. Blue", "c. Green"]
);
t!(letters_paren, "a) Red b) Blue", ["a) Red", "b) Blue"]);
t!(
    bullets_numbers,
    "• 9. Stuff here • 10. More stuff",
    ["• 9. Stuff here", "• 10. More stuff"]
);
t!(
    numbered_lines,
    "1. First step\n2. Second step",
    ["1. First step", "2. Second step"]
);
// A number inside a sentence is no list: `Chapter 1.` ends one.
t!(
    not_a_list,
    "Read chapter 1. Then chapter 2. Now stop.",
    ["Read chapter 1.", "Then chapter 2.", "Now stop."]
);
t!(
    number_then_count,
    "They won 3. Then they lost 4 games.",
    ["They won 3.", "Then they lost 4 games."]
);
// Ellipses.
t!(
    spaced_ellipsis_inside,
    "I wasn't really . . . well, what I mean . . . see.",
    ["I wasn't really . . . well, what I mean . . . see."]
);
t!(
    spaced_ellipsis_end,
    "It went on . . . . Then it stopped.",
    ["It went on . . . .", "Then it stopped."]
);
t!(
    spaced_ellipsis_before_capital,
    "the thing is . . . I didn't mean it.",
    ["the thing is . . . I didn't mean it."]
);
t!(
    four_dots,
    "It went on.... Then it stopped.",
    ["It went on....", "Then it stopped."]
);
t!(
    bracketed_omission,
    "He wrote “it was […] Good and bad.” Then stopped.",
    ["He wrote “it was […] Good and bad.”", "Then stopped."]
);
t!(
    citation,
    "She wrote “It is true [...] of a wife.” (Austen 1813, p. 1). Next one.",
    [
        "She wrote “It is true [...] of a wife.” (Austen 1813, p. 1).",
        "Next one."
    ]
);
// Letters.
t!(pronoun_i, "Tom and I. Then we left.", ["Tom and I.", "Then we left."]);
t!(
    dotted_acronym_before_a_sure_starter,
    "He studied at M.I.T. Then he moved. He works for the U.S. Army now.",
    [
        "He studied at M.I.T.",
        "Then he moved.",
        "He works for the U.S. Army now."
    ]
);
t!(
    time_zone_after_a_time,
    "The plane departed at 10:30 a.m. EST. It landed at noon.",
    ["The plane departed at 10:30 a.m. EST.", "It landed at noon."]
);
t!(
    initials_after_a_word,
    "The book is by A. A. Milne. It is charming.",
    ["The book is by A. A. Milne.", "It is charming."]
);
t!(roman_initial, "Henry V. Smith came.", ["Henry V. Smith came."]);
t!(middle_initial, "John F. Kennedy spoke.", ["John F. Kennedy spoke."]);
t!(letter_end, "Take vitamin C. It helps.", ["Take vitamin C.", "It helps."]);
t!(versus, "Roe v. Wade was decided.", ["Roe v. Wade was decided."]);
// Abbreviations.
t!(
    time_before_title,
    "We met at 9 A.M. Dr. Lee was late.",
    ["We met at 9 A.M.", "Dr. Lee was late."]
);
t!(pm_mid, "We met at 5 p.m. Monday.", ["We met at 5 p.m. Monday."]);
t!(
    number_abbreviation_dotted,
    "See No. 12.4.1. The rest is below.",
    ["See No. 12.4.1.", "The rest is below."]
);
t!(
    number_abbreviation_word,
    "The answer was No. Then he left.",
    ["The answer was No.", "Then he left."]
);
t!(pages, "See pp. 12-14 and p. 7.", ["See pp. 12-14 and p. 7."]);
t!(volume_roman, "In Vol. II the end comes.", ["In Vol. II the end comes."]);
t!(
    et_al,
    "Smith et al. (2001) agree. Smith et al. The end.",
    ["Smith et al. (2001) agree.", "Smith et al.", "The end."]
);
t!(
    junior_mid,
    "Martin Luther King Jr. Day is here.",
    ["Martin Luther King Jr. Day is here."]
);
t!(
    spaced_eg,
    "Fruit, e. g. Apples, is good.",
    ["Fruit, e. g. Apples, is good."]
);
// Line breaks.
t!(
    heading_line,
    "A heading\nThe text starts here.",
    ["A heading", "The text starts here."]
);
t!(
    wrapped_lower,
    "This is a sentence\ncut off in the middle.",
    ["This is a sentence\ncut off in the middle."]
);
t!(
    wrapped_function_word,
    "On the second day of the trip we finally went to see the\nLouvre on Monday.",
    [
        "On the second day of the trip we finally went to see the\nLouvre on Monday."
    ]
);
t!(
    wrapped_name,
    "In the morning the two of them met with John\nSmith at the hotel bar.",
    ["In the morning the two of them met with John\nSmith at the hotel bar."]
);
t!(menu_lines, "Home\nAbout us\nContact", ["Home", "About us", "Contact"]);
t!(
    comma_line,
    "We bought apples, pears and plums at the market that morning,\nOranges too.",
    [
        "We bought apples, pears and plums at the market that morning,\nOranges too."
    ]
);
// Quotes and dialogue.
t!(
    dialogue,
    "\"Hello,\" he said. \"How are you?\" She smiled.",
    ["\"Hello,\" he said.", "\"How are you?\"", "She smiled."]
);
t!(
    quoted_question_attribution,
    "\"Why?!\" she asked. Nobody knew.",
    ["\"Why?!\" she asked.", "Nobody knew."]
);
t!(
    domain_end,
    "Visit www.example.com. It is free.",
    ["Visit www.example.com.", "It is free."]
);
t!(domain_mid, "Node.js and README.md stay.", ["Node.js and README.md stay."]);

#[test]
fn offsets_in_bytes_and_chars() {
    let text = "Ça va. Très bien ! Non?";
    let got: Vec<_> = SentenceSplitter::default().split(text).collect();
    assert_eq!(got.len(), 3);
    for s in &got {
        assert_eq!(&text[s.bytes.clone()], s.text);
        let chars: String = text
            .chars()
            .skip(s.chars.start)
            .take(s.chars.end - s.chars.start)
            .collect();
        assert_eq!(chars, s.text);
    }
    assert_eq!(got[1].chars, 7..18);
}

#[test]
fn lazy() {
    let splitter = SentenceSplitter::default();
    let mut it = splitter.split("One. Two. Three.");
    assert_eq!(it.next().map(|s| s.text), Some("One."));
    assert_eq!(it.next().map(|s| s.bytes), Some(5..9));
    assert_eq!(it.next().map(|s| s.text), Some("Three."));
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
}

/// Pieces of text that between them reach every rule of the splitter:
/// terminators and their runs, spaced ellipses, closers, abbreviations of
/// each kind, initials, numbers, list markers, bullets, bracketed
/// omissions, citations, line breaks and blank lines, non-ASCII spaces.
const PIECES: &[&str] = &[
    "word",
    "Word",
    "the",
    "The",
    "It",
    "and",
    "I",
    "J",
    "V",
    "a",
    "b",
    "Mr.",
    "Dr.",
    "e.g.",
    "U.S.",
    "etc.",
    "Co.",
    "No.",
    "p.",
    "pp.",
    "Vol.",
    "a.m.",
    "z.",
    "B.",
    "1.",
    "2.",
    "3.",
    "1.)",
    "2)",
    "(3)",
    "a.",
    "b.",
    "12",
    "3.14",
    "II",
    "•",
    "·",
    ".",
    "!",
    "?",
    "?!",
    "...",
    "…",
    ". . .",
    ". . . .",
    "[…]",
    "(...)",
    "(Lee, p. 1).",
    "\"",
    "“",
    "”",
    "'",
    "(",
    ")",
    "«",
    "»",
    ",",
    ";",
    ":",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "\u{a0}",
    "\u{2028}",
    "é",
    "中文",
    "。",
    "」",
    "？",
    "Ça",
    "example.com",
    "Node.js",
];

/// Texts made of [`PIECES`], mostly with spaces between them.
fn pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (proptest::sample::select(PIECES), proptest::bool::weighted(0.8)),
        0..60,
    )
    .prop_map(|parts| {
        let mut text = String::new();
        for (piece, space) in parts {
            text.push_str(piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// Checks what `split` promises: sentences in order, apart, trimmed,
/// covering every non-whitespace char, with byte and char offsets that
/// name them.
fn check_sentences(splitter: &SentenceSplitter, text: &str) {
    let mut at = 0;
    let mut covered = String::new();
    for s in splitter.split(text) {
        let span = s.bytes.clone();
        assert!(span.start >= at && span.start < span.end, "{text:?}");
        assert_eq!(&text[span.clone()], s.text);
        assert_eq!(s.text.trim(), s.text, "{text:?}");
        assert!(text[at..span.start].trim().is_empty(), "{text:?}");
        let chars = text[..span.start].chars().count();
        assert_eq!(s.chars, chars..chars + s.text.chars().count());
        covered.push_str(s.text);
        at = span.end;
    }
    assert!(text[at..].trim().is_empty(), "{text:?}");
    let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let got: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(all, got, "{text:?}");
}

#[test]
fn the_pieces_reach_every_rule() {
    // Each rule, in a text of pieces, ends the first sentence elsewhere
    // than in a text of pieces without it.
    let splitter = SentenceSplitter::default();
    let first = |text: &'static str| splitter.split(text).next().unwrap().text;
    for (with, without) in [
        ("1.) x 2.) y", "1.) x 7.) y"),
        ("x • y", "x ·y"),
        ("x . . . . The", "x . . . the"),
        ("x [...] Y", "x ... Y"),
        ("x.” (Lee, p. 1). The", "x.” (Lee, p. 1) the"),
        ("Mr. The", "Mr. the"),
        ("and I. Then", "and J. Then"),
        ("Word\nWord", "Word\nword"),
        ("中文。中文", "中文、中文"),
    ] {
        assert_ne!(first(with), first(without));
    }
}

proptest! {
    #[test]
    fn sentences_cover_the_text_in_order(text in pieces()) {
        check_sentences(&SentenceSplitter::default(), &text);
        for code in ["de", "fr", "es"] {
            let pack = Language::get(code).unwrap();
            check_sentences(&SentenceSplitter::new(pack), &text);
        }
    }

    #[test]
    fn spans_cover_all_text(text in "[a-zA-Z .!?\"\n”…3]{0,80}") {
        let spans = SentenceSplitter::default().spans(&text);
        let mut at = 0;
        let mut covered = String::new();
        for span in &spans {
            prop_assert!(span.start >= at && span.start < span.end);
            let s = &text[span.clone()];
            prop_assert_eq!(s.trim(), s);
            prop_assert!(text[at..span.start].trim().is_empty());
            covered.push_str(s);
            at = span.end;
        }
        prop_assert!(text[at..].trim().is_empty());
        let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let got: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
        prop_assert_eq!(all, got);
    }

    #[test]
    fn never_panics(text in "\\PC{0,200}") {
        let _ = SentenceSplitter::default().spans(&text);
    }
}
