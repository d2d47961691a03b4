//! `sentences.space`: a missing space after sentence punctuation, `the
//! end.The next` → `the end. The next`.

use std::cell::OnceCell;

use super::code::shows_code;
use super::sentence::{
    continues_sentence, inside_parentheses, starts_sentence,
};
use super::unwrap::Joins;
use crate::lang::Language;
use crate::text::{
    char_at, char_before, is_capitalized, is_closer, is_lower_word, is_opener,
    letters_end, letters_start,
};

pub(super) const RULE: &str = "sentences.space";

/// Positions after `end.` in `end.The next` where a space is missing, in
/// order.
pub(super) fn candidates(
    lang: &Language,
    text: &str,
    joins: &Joins<'_>,
) -> Vec<usize> {
    let bytes = text.as_bytes();
    // The pack's single-byte terminators (`.` `!` `?` in English); this
    // rule leaves longer ones such as `…` alone.
    let terms = lang.terminators();
    let mut out = Vec::new();
    // Whether the document shows code, found out when first asked.
    let code = OnceCell::new();
    let mut quotes = QuoteParity::default();
    let mut i = 0;
    while let Some(k) = terms.find_ascii(&bytes[i..]) {
        let term = i + k;
        // The whole run of terminators and closers.
        let mut j = term;
        while j < bytes.len() && terms.is_ascii(bytes[j]) {
            j += 1;
        }
        i = j;
        while let Some(c) = char_at(text, j) {
            if !is_closer(c) || (c == '"' && quotes.opens(text, joins, j)) {
                break;
            }
            j += c.len_utf8();
        }
        // An opening quote there starts the next sentence: the space goes
        // before it (`the other."You know`, where the quote opens).
        let space_at = j;
        if let Some(c @ ('"' | '“' | '‘')) = char_at(text, j) {
            j += c.len_utf8();
        }
        let Some(first) = char_at(text, j) else { break };
        if !first.is_uppercase() {
            continue;
        }
        if holds(lang, text, term, j, joins, &code) {
            out.push(space_at);
        }
    }
    out
}

/// Tells a straight double quote that opens a quotation from one that
/// closes one, by how many stand before it in its paragraph (since the
/// last line break that is not joined, or that a quote follows: a
/// quotation that goes on into the next paragraph opens again there, and
/// a line that starts with a quote starts with one that opens): an even
/// number, it opens. Asked at positions in text order, it reads the text
/// once.
#[derive(Default)]
struct QuoteParity {
    /// Where the count stopped, and the quotes counted since the start of
    /// the paragraph there.
    at: usize,
    quotes: usize,
}

impl QuoteParity {
    /// Whether the quote at `at` opens a quotation.
    fn opens(&mut self, text: &str, joins: &Joins<'_>, at: usize) -> bool {
        let bytes = text.as_bytes();
        // Positions come in order; one that did not would count nothing.
        let from = self.at.min(at);
        for k in memchr::memchr2_iter(b'"', b'\n', &bytes[from..at]) {
            let k = from + k;
            if bytes[k] == b'"' {
                self.quotes += 1;
            } else if !joins.at(k)
                || matches!(bytes.get(k + 1), Some(b'\n' | b'"'))
            {
                self.quotes = 0;
            }
        }
        self.at = self.at.max(at);
        self.quotes % 2 == 0
    }
}

/// Whether the words around the terminator at `term` read as two
/// sentences, the second starting at `at`, and a sentence that goes on
/// after it. The word before is one of:
/// - a lower-case dictionary word, not an abbreviation (`end.The`), before
///   a Capitalized dictionary word or starter; any lower-case word before
///   a strong starter (`saddlery.In`);
/// - a number (`2019.Sales`), before the same;
/// - a Capitalized word (`Berlin.The`), an acronym (`GPUs.They`) or a
///   token with digits (`x86.It`), before a strong starter (`The`, `It`),
///   which rarely follows such a token inside a name;
/// - any word, lower-case or Capitalized, before a closing quote and a
///   Capitalized dictionary word or starter (`nutrientia."They`).
fn holds(
    lang: &Language,
    text: &str,
    term: usize,
    at: usize,
    joins: &Joins<'_>,
    code: &OnceCell<bool>,
) -> bool {
    // The word before, over blanks before the terminator where
    // `sentences.spacing` takes them away in the same run, before a closer
    // (`in ."Then` is `in."Then`); before a letter (`end .The`) it takes
    // them only once the split has spaced the terminator, so none is
    // split there.
    let left_end = text[..term].trim_end_matches([' ', '\t']).len();
    if left_end < term && !text[term..at].chars().any(is_closer) {
        return false;
    }
    let left_start = alnum_start(text, left_end, 64);
    let left = &text[left_start..left_end];
    if left.len() < 2 && !left.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if left.is_empty()
        || (lang.is_abbreviation(left) && !lang.is_final_abbreviation(left))
    {
        return false;
    }
    match char_before(text, left_start) {
        None => {}
        // `(forms.Form` and `[obj.Name` are code, not prose.
        Some('(' | '[') => return false,
        Some(c) if c.is_whitespace() || is_opener(c) => {}
        Some(_) => return false,
    }
    let right_end = letters_end(text, at);
    let right = &text[at..right_end];
    // `seasons.A few`: a one-letter starter after a period is evidence too.
    let letter = right.len() == 1 && lang.is_starter(right);
    if !is_capitalized(right) && !letter {
        return false;
    }
    // A title before a name (`authenticity.Mr. Bryan`): a sentence's
    // first word, and the sentence goes on after its period.
    let title = lang.is_abbreviation(right)
        && !lang.is_final_abbreviation(right)
        && text[right_end..].starts_with(". ")
        && text[right_end + 2..].starts_with(char::is_uppercase);
    let starts = lang.is_word(right) || lang.is_starter(right) || title;
    let goes_on = if title { right_end + 1 } else { right_end };
    // A closing quote between the terminator and the capital (`nutrientia."They`)
    // ends a quoted sentence: no name or code is written so.
    let quoted =
        text[term..at].chars().any(|c| matches!(c, '"' | '”' | '»' | '’'));
    let reads = if quoted {
        (is_lower_word(left) || is_capitalized(left)) && starts
    } else if is_lower_word(left) {
        // `asyncio.Task`, `spark.Spark`: a module or an object, not the
        // last word of a sentence; a strong starter rarely follows one
        // (`saddlery.In`).
        // Nor one that is as often a name in a module (`time.Now`,
        // `strings.Split`; see `starts_sentence`), in a document that
        // shows code.
        ((lang.is_word(left) && starts) || lang.is_strong_starter(right))
            && (starts_sentence(lang, text, right, right_end, joins)
                || !*code.get_or_init(|| shows_code(text)))
    } else if left.bytes().all(|b| b.is_ascii_digit()) {
        starts
    } else if left.bytes().any(|b| b.is_ascii_digit()) {
        // A name with digits (`x86.Other`, `Windows10.But`) before a
        // starter that is no part of identifiers: no module or version is
        // written so (`v1.2` has a digit after it; `utf8.Some` and `v1.By`
        // stay, as `Some` and `By` may be parts of identifiers).
        lang.is_sure_starter(right)
    } else {
        // A Capitalized word or an acronym before a strong starter; in a
        // document that shows no code, where `Math.And` and `Node.Then`
        // are not written, before any starter (`Andalusians.And`,
        // `Lee.An`, `Street.Nor do`), one that may be part of identifiers
        // only before a word that does not follow them.
        let strong = lang.is_strong_starter(right) || title;
        (strong || lang.is_starter(right))
            && starts_sentence(lang, text, right, right_end, joins)
            && (strong || !*code.get_or_init(|| shows_code(text)))
    };
    reads
        && continues_sentence(text, goes_on, joins)
        && !inside_parentheses(text, term, 0)
}

/// Start of the run of ASCII letters and digits, or of letters, ending at
/// `at`, looking back at most `limit` bytes.
fn alnum_start(text: &str, at: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = at.saturating_sub(limit);
    let mut i = at;
    while i > floor && bytes[i - 1].is_ascii_alphanumeric() {
        i -= 1;
    }
    if i == at || bytes.get(i.wrapping_sub(1)).is_some_and(|&b| b >= 0x80) {
        // Not ASCII: letters of any script, as before.
        return letters_start(text, at, limit);
    }
    i
}

#[cfg(test)]
mod tests {
    use crate::repair::testing::{pdf, web};

    kept! {
        url_dots: "Visit www.example.Com or mail.google.Com right now.";
        abbrev_us: "The U.S.Navy has many ships in the wide open sea.";
        abbrev_eg: "Use a fruit, e.g.Apples or pears, for the pie today.";
        dotted_import: "Then write import static spark.Spark.*; at the top of the file.";
        dotted_lone_word: "Use options such as str.format() and string.Template. These are newer.";
        dotted_module: "The current asyncio.Task name is used when you log it.";
        name_before_noun: "They met in Berlin.Sales rose there as they had hoped.";
        domain_part: "Go to example.com.The page loads when you open it now.";
        initial: "It was written by J.The book is long and it is good.";
    }

    #[test]
    fn missing_space_before_a_one_letter_starter() {
        assert_eq!(
            web("Flowers bloom here at all seasons.A few grow in the shade."),
            "Flowers bloom here at all seasons. A few grow in the shade."
        );
        assert_eq!(
            web("That is what I meant.I merely wanted to show it to you."),
            "That is what I meant. I merely wanted to show it to you."
        );
    }

    #[test]
    fn missing_space_after_names_numbers_and_acronyms() {
        assert_eq!(
            web("The team moved to Berlin.The office opened in May."),
            "The team moved to Berlin. The office opened in May."
        );
        assert_eq!(
            web("It sold well in 2019.Sales fell in the next year."),
            "It sold well in 2019. Sales fell in the next year."
        );
        assert_eq!(
            web("We ran it on x86.It was slow on the old machines."),
            "We ran it on x86. It was slow on the old machines."
        );
        assert_eq!(
            web("The lab bought new GPUs.They arrived on a Monday."),
            "The lab bought new GPUs. They arrived on a Monday."
        );
        // A name with digits before a starter that is no part of
        // identifiers.
        assert_eq!(
            web("The code runs on x86.Other platforms need another build."),
            "The code runs on x86. Other platforms need another build."
        );
        let text = "Set it in utf8.Some other encodings need more care.";
        assert_eq!(web(text), text);
        // A word no dictionary knows, before a strong starter.
        assert_eq!(
            web("It smelled of well-kept saddlery.In the meadow a colt ran."),
            "It smelled of well-kept saddlery. In the meadow a colt ran."
        );
    }

    #[test]
    fn module_members_are_no_sentence_ends() {
        // In a document that shows code, a dictionary word after a
        // lower-case one and a period is no sentence start before a word
        // that follows identifiers: `file.Name is` is a field,
        // `strings.Split on` a function.
        for text in [
            "Open it with os.Open(). Then check that file.Name is the name.",
            "We call strings.Split on the input and count the parts of it: \
             `parts := strings.Split(line, \",\")`.",
        ] {
            assert_eq!(web(text), text);
        }
        assert_eq!(
            web("We talked until the end.Night fell and we all went home."),
            "We talked until the end. Night fell and we all went home."
        );
        // In prose, such a word after a period starts a sentence.
        assert_eq!(
            web(
                "It grew into a majestic oak.Phosphates and all the rest fed it."
            ),
            "It grew into a majestic oak. Phosphates and all the rest fed it."
        );
        // So does any starter that is no part of identifiers after a
        // Capitalized word, in prose; in code, only a strong one.
        assert_eq!(
            web("The dancers are Andalusians.And just as proud as we are."),
            "The dancers are Andalusians. And just as proud as we are."
        );
        assert_eq!(
            web("They lie beside Fitzhugh Lee.An inscription there says so."),
            "They lie beside Fitzhugh Lee. An inscription there says so."
        );
        // A title before a name starts one too.
        assert_eq!(
            web(
                "It awaits proof of its authenticity.Mr. Bryan read it first."
            ),
            "It awaits proof of its authenticity. Mr. Bryan read it first."
        );
        assert_eq!(
            web("He was an editor in Smithville, Georgia.Dr. Harris was too."),
            "He was an editor in Smithville, Georgia. Dr. Harris was too."
        );
        // A starter that may be part of identifiers, before a word that
        // does not follow them.
        assert_eq!(
            web("It stands on the Ashley River.After his capture he left."),
            "It stands on the Ashley River. After his capture he left."
        );
        let code = "Combine them with Expression.And so that both must hold: \
                    `Expression.And(left, right)`.";
        assert_eq!(web(code), code);
    }

    #[test]
    fn the_word_before_is_read_over_blanks_that_spacing_removes() {
        // A fuzz finding: `in ."Then` had no word before the period, and
        // `in."Then` (once the blank went) had one: split only on a second
        // run.
        for text in [
            "It rained all day in .\"Then he left.",
            "in .\"Ten h",
            "It was thende .The next day came.",
        ] {
            let once = web(text);
            assert_eq!(web(&once), once, "{text:?}");
        }
    }

    #[test]
    fn missing_space() {
        assert_eq!(
            web("It was the end.The next day came. Was it over?Yes it was"),
            "It was the end. The next day came. Was it over? Yes it was"
        );
        assert_eq!(
            web("He said \"stop.\"Then he left the room."),
            "He said \"stop.\" Then he left the room."
        );
    }

    #[test]
    fn missing_space_before_an_opening_quote() {
        // A straight quote after an even number of them in its paragraph
        // opens the next sentence's quotation: the space goes before it.
        assert_eq!(
            web("\"She has not been out lately,\" said the other.\"You know \
                 how she acts.\""),
            "\"She has not been out lately,\" said the other. \"You know how \
             she acts.\""
        );
        assert_eq!(
            web("He stopped at the gate.“Where are you going?” she asked."),
            "He stopped at the gate. “Where are you going?” she asked."
        );
        // One that closes, and then one that opens.
        assert_eq!(
            web("He only said \"stop.\"\"Go on now,\" she told him then."),
            "He only said \"stop.\" \"Go on now,\" she told him then."
        );
        // The count starts again with each paragraph, and goes on across
        // a line break that is joined.
        let text = "He said \"no.\n\nWe left the house.\"Then we ran home.";
        assert_eq!(
            web(text),
            "He said \"no.\n\nWe left the house. \"Then we ran home."
        );
        // In `pdf` every line break of a block counts as joined.
        let once = pdf("He said \"we will go\nnow.\"Then he left the house.");
        assert_eq!(
            once,
            "He said \"we will go\nnow.\" Then he left the house."
        );
    }

    #[test]
    fn missing_space_after_a_closing_quote() {
        // Any word before it: a foreign one, a title's last.
        assert_eq!(
            web(
                "It is called \"folia nutrientia.\"They store starch for the tree."
            ),
            "It is called \"folia nutrientia.\" They store starch for the tree."
        );
        assert_eq!(
            web(
                "Read ‘The Cost of a Resume.’Read the rest of the study today."
            ),
            "Read ‘The Cost of a Resume.’ Read the rest of the study today."
        );
        // Without the quote, an unknown word before a capital stays,
        // unless the capital is a strong starter.
        assert_eq!(
            web("It is called folia nutrientia.Starch is stored in the tree."),
            "It is called folia nutrientia.Starch is stored in the tree."
        );
    }
}
