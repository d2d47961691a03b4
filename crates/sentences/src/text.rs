//! Small character helpers shared by the repair rules and the splitter.

pub(crate) use textclean_core::wrap::{
    alnum_len, has_columns, starts_with_list_marker,
};

/// The char starting at byte `at`, if `at` is a boundary inside `text`.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The char ending at byte `at`, if any.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}

/// End of the run of alphabetic chars starting at `at`.
pub(crate) fn letters_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b < 0x80 {
            break;
        } else {
            match char_at(text, i) {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Start of the run of alphabetic chars ending at `at`, looking back at
/// most `limit` bytes.
pub(crate) fn letters_start(text: &str, at: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = at.saturating_sub(limit);
    let mut i = at;
    while i > floor {
        let b = bytes[i - 1];
        if b.is_ascii_alphabetic() {
            i -= 1;
        } else if b < 0x80 {
            break;
        } else {
            match char_before(text, i) {
                Some(c) if c.is_alphabetic() => i -= c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Closing quotes and brackets that may follow a sentence's terminator.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›')
}

/// Opening quotes and brackets that may precede a word.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '‹')
}

/// A word that starts with an upper-case letter followed only by
/// lower-case letters, at least two letters long.
pub(crate) fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    let mut rest = 0;
    for c in chars {
        if !c.is_lowercase() {
            return false;
        }
        rest += 1;
    }
    rest > 0
}

/// A word of three letters or more, all upper-case (`EST`, `NASA`): an
/// acronym, also where it is spelled as an abbreviation is (`est.`).
pub(crate) fn is_acronym(word: &str) -> bool {
    word.chars().nth(2).is_some() && word.chars().all(char::is_uppercase)
}

/// Whether every char of `word` is a lower-case letter.
pub(crate) fn is_lower_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_lowercase)
}
