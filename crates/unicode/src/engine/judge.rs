//! Whether a candidate repair is made: the plausibility model.
//!
//! A candidate is a run of characters whose bytes in one code page form one
//! well-formed UTF-8 sequence. That alone proves little: "2×€15" is the
//! Hebrew "׀" in Windows-1252, "l’été" Armenian in MacRoman. A repair is
//! made only when both hold:
//!
//! - **the original looks like mojibake** (*evidence*): strong when real
//!   text almost never puts its characters side by side — a lead `Â` or `Ã`
//!   (or `Î Ï Ð`) of a Latin code page before a symbol, a lead that is a
//!   mathematical or box-drawing symbol (`√©`, `╨┐`), a continuation that is
//!   a C1 control, an opening quote or a rare symbol (`Å‚`, `Ã¼`, `â€™`),
//!   four bytes in a row, or three that spell general punctuation; weak
//!   otherwise (a capital letter before a closing quote, `»`, `…`, `°`, a
//!   currency sign, or a letter of the code page's own alphabet).
//! - **the decoded character is plausible** (*kind*): a Latin letter or
//!   common symbol or punctuation, emoji; a letter of another script
//!   only beside a letter of that script (the previous character, or the
//!   next one read in the same code page) or, with strong evidence, alone
//!   between spaces or punctuation; never a C1 control (unless from `Â`),
//!   a private-use or unassigned character, IPA, a rare Latin letter.
//!
//! Weak evidence is enough only in context: next to another repair, or for
//! a capital lead after a lowercase letter ("siÄ™") or before one ("Å»y").

use textclean_core::letters::is_alphabetic as alphabetic;
use unicode_normalization::char::canonical_combining_class;

use crate::codec::Codec;

/// A candidate repair: the characters of the sequence, their bytes, and
/// what they decode to.
pub(super) struct Candidate<'a> {
    pub(super) codec: Codec,
    pub(super) chars: &'a [char],
    pub(super) bytes: &'a [u8],
    pub(super) decoded: char,
    /// Some character of the sequence is itself a repair (a deeper layer).
    pub(super) layered: bool,
    /// Every one is.
    pub(super) all_repairs: bool,
}

/// What precedes a candidate: known when it is judged.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Context {
    /// The character before it, as repaired so far.
    pub(super) prev: Option<char>,
    pub(super) prev_repaired: bool,
    /// The character before is a repair whose byte is a lead, and the
    /// candidate spells a continuation of it: an inner layer too.
    pub(super) inner_cont: bool,
    /// The code page has made repairs in the text before.
    pub(super) seen: bool,
    /// The nearest letters on both sides are Latin.
    pub(super) latin_around: bool,
}

/// What follows a candidate, read from the text after it.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Next {
    /// The character after it, read in the same code page when its bytes
    /// form a sequence there.
    pub(super) ch: Option<char>,
    /// `ch` is what the following characters spell as mojibake.
    pub(super) decoded: bool,
    /// ... and they are strong evidence of it.
    pub(super) repaired: bool,
    /// ... and they are three bytes or four.
    pub(super) long: bool,
}

/// The right-hand context of a candidate, read only if the decision needs
/// it: most repairs are evident from the candidate alone, and reading
/// ahead (lexing, decoding a layer) costs more than judging.
pub(super) trait Lookahead {
    /// The character after the candidate.
    fn next(&mut self) -> Next;
    /// Whether what the candidate spells is itself the lead of a sequence
    /// with the characters after it: an inner layer of double mojibake.
    fn outer_layer(&mut self) -> bool;
}

/// The scripts the model tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    /// Han, kana, Hangul and their punctuation and forms.
    Cjk,
    Other,
}

/// What a decoded character is, for plausibility.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Latin letters, common symbols and punctuation, emoji.
    Common,
    /// A letter (or mark) of a script that must agree with its context.
    Script(Script),
    /// A combining mark for Latin letters: plausible after a letter.
    Mark,
    /// A mark of a script: plausible only after a letter of that script.
    ScriptMark(Script),
    /// Plausible only with strong evidence.
    Rare,
    /// Never the meaning of mojibake.
    Bad,
}

/// A right-hand context that is not known: nothing after the candidate
/// confirms it.
pub(super) struct Unknown;

impl Lookahead for Unknown {
    fn next(&mut self) -> Next {
        Next::default()
    }

    fn outer_layer(&mut self) -> bool {
        false
    }
}

/// Whether the candidate is repaired.
pub(super) fn accept(
    cand: &Candidate<'_>,
    ctx: &Context,
    ahead: &mut dyn Lookahead,
) -> bool {
    // An inner layer of double mojibake: what it spells is a byte of a
    // sequence with its neighbours ("‚àö‚àÇ" is "√∂", which is "ö").
    ctx.inner_cont
        || (!quoted(cand, ctx) && verdict(cand, ctx, ahead))
        || ahead.outer_layer()
}

/// A letter between two quotes that pair ("«Î»", "“Ð”"): a quoted word,
/// not a lead and a continuation, though they form one ("Î»" alone is
/// mojibake of "λ").
fn quoted(cand: &Candidate<'_>, ctx: &Context) -> bool {
    cand.bytes.len() == 2
        && matches!(
            (ctx.prev, cand.chars[1]),
            (Some('«'), '»')
                | (Some('»'), '«')
                | (Some('“' | '„'), '”')
                | (Some('‘' | '‚'), '’')
                | (Some('‹'), '›')
        )
}

/// [`accept`] but for the layers of double mojibake.
fn verdict(
    cand: &Candidate<'_>,
    ctx: &Context,
    ahead: &mut dyn Lookahead,
) -> bool {
    // The evidence is read only where the kind leaves the choice open.
    let strong =
        |ahead: &mut dyn Lookahead| evidence(cand) && !ijekavian(cand, ahead);
    match kind(cand) {
        Kind::Bad => false,
        // A mark of three bytes after a letter of its script that was
        // repaired needs no more evidence: "‡•ç" is the virama of "न"
        // before it, in a Hindi text read as MacRoman.
        Kind::ScriptMark(s) => {
            script_of(ctx.prev) == Some(s)
                && ((ctx.prev_repaired && cand.bytes.len() >= 3)
                    || strong(ahead))
        }
        Kind::Rare => !cand.layered && strong(ahead),
        Kind::Mark => ctx.prev.is_some_and(alphabetic) && strong(ahead),
        Kind::Common if box_art(cand) => {
            // "br├╗l" is "brûl", "─┤\n" a table.
            let letter = |c: Option<char>| c.is_some_and(alphabetic);
            letter(ctx.prev) || ctx.prev_repaired || {
                let next = ahead.next();
                letter(next.ch) || next.repaired
            }
        }
        Kind::Common => {
            strong(ahead)
                || (!cand.layered
                    && (weak_ok(cand, ctx, ahead) || symbol_alone(cand, ctx)))
        }
        Kind::Script(s) => {
            let strong = strong(ahead);
            // A code page of that script read as itself ("Рё" in
            // Windows-1251 is Cyrillic either way): its context proves
            // nothing.
            // But a letter of it and a Latin-1 symbol glued into Latin
            // text (`latin_around`: "32Ξ©Driver") are no word of it.
            if script(cand.chars[0]) == Some(s) {
                return strong
                    || (!cand.layered
                        && (ctx.prev_repaired
                            || ctx.latin_around
                            || ahead.next().repaired));
            }
            // Three or four bytes with strong evidence: "ä¸\u{ad}" is "中"
            // wherever it stands.
            if strong && cand.bytes.len() >= 3 {
                return true;
            }
            // A neighbour of the script: a letter, a repair, or what
            // follows read as mojibake with evidence of its own (two
            // readings that agree only with each other prove nothing:
            // "ÚŞŘŻ" is Czech capitals, not Arabic).
            // The character before decides most (the letters of a word
            // after its first), without reading ahead.
            if script_of(ctx.prev) == Some(s) {
                return true;
            }
            let next = ahead.next();
            // Two sequences of three bytes or more side by side that spell
            // the same script ("ì\u{a0}•í™•" is "정확"): Latin text never
            // holds two well-formed ones in a row, though each alone may
            // read as a letter and signs.
            // Not three letters: Central European text reads as such
            // sequences in Windows-1250 ("ěžą" would be "잹").
            let run = next.long
                && cand.bytes.len() >= 3
                && !cand.layered
                && !cand.chars.iter().all(|&c| is_letter(c));
            let same = script_of(next.ch) == Some(s)
                && (!next.decoded || next.repaired || run);
            if box_art(cand) {
                return same;
            }
            let alone = !ctx.prev.is_some_and(char::is_alphanumeric)
                && !next.ch.is_some_and(char::is_alphanumeric);
            // Ω and μ after a number are units ("32Î©" is "32Ω").
            let unit = matches!(cand.decoded, 'Ω' | 'μ')
                && ctx.prev.is_some_and(|c| c.is_ascii_digit());
            // A lone letter of another script needs evidence of its own,
            // not just that of a layer below: the repairs must read as
            // mojibake themselves ("Ļ\u{8c}", a letter and a C1 control,
            // is the inner layer of "ό").
            // A lone letter in a code page that has made repairs before:
            // the text went through it ("Μήσυζώ Œî" is "Μήσυζώ Δ").
            // A CJK counter or unit after a number ("2025ë…„" is "2025년",
            // "5æœˆ" is "5月"): Latin text puts no accented letter and two
            // signs after digits.
            let counter = cand.bytes.len() == 3
                && !cand.layered
                && ctx.prev.is_some_and(|c| c.is_ascii_digit())
                && CJK_COUNTERS.contains(cand.decoded);
            same || counter
                || ((strong || (ctx.seen && !cand.layered))
                    && (alone || unit)
                    && own_evidence(cand))
        }
    }
}

/// A Cyrillic capital and `Ј` or `ј` before a Cyrillic letter that starts
/// no sequence: a Serbian or Montenegrin word ("Вјера", "МЈЕСТО"), not
/// Windows-1251's reading of "£" or "ü", which a Cyrillic letter does not
/// follow unless it is mojibake too ("РЈРє" is "Ук").
fn ijekavian(cand: &Candidate<'_>, ahead: &mut dyn Lookahead) -> bool {
    cand.codec == Codec::Cp1251
        && cand.bytes.len() == 2
        && matches!(cand.chars[1], 'Ј' | 'ј')
        && !cand.layered
        && {
            let next = ahead.next();
            !next.decoded && script_of(next.ch) == Some(Script::Cyrillic)
        }
}

/// UTF-8's reading of a symbol pages draw with (box drawing, block and
/// geometric shapes, enclosed numbers, number forms: "│", "└", "■", "○",
/// "①", "⅓"), read as `â` and two characters that may follow a letter
/// ("â”‚", "â– "), and not after a letter: what the rule for punctuation
/// after a letter ([`evidence`]) keeps ("café”…" is a word, a quote and
/// an ellipsis) has no word to follow here. Real text writes `â` inside
/// words, not alone before a closing quote and another mark; but for a
/// quoted word "â" before an ellipsis or a dash ("“â”…", "“â”—"), which
/// stays.
fn symbol_alone(cand: &Candidate<'_>, ctx: &Context) -> bool {
    cand.bytes.len() == 3
        && cand.bytes[0] == 0xe2
        && cand.chars[0] == 'â'
        && matches!(cand.decoded as u32, 0x2150..=0x218f | 0x2460..=0x25ff)
        && !matches!(cand.chars[2], '…' | '—' | '–')
        && !ctx.prev.is_some_and(alphabetic)
}

/// The candidate is all box drawing ("─┤", "═╗"): real text draws tables
/// with them, so it is mojibake only beside letters or other repairs
/// ("╨┐╤Ç" is "пр" in code page 437, "Z├╝rich" is "Zürich").
fn box_art(cand: &Candidate<'_>) -> bool {
    !cand.all_repairs
        && cand.chars.iter().all(|c| ('\u{2500}'..='\u{259f}').contains(c))
}

/// What an outer layer of double mojibake may spell: a letter of a common
/// script, punctuation, emoji (of Arabic, the 28 letters and hamza forms,
/// not the letters of other languages' extensions: "РЁР…" is "ШЅ" and
/// then "ؽ", which no layer of mojibake makes likely).
pub(super) fn plausible_outer(c: char) -> bool {
    matches!(c as u32,
        0xa0..=0x17f | 0x370..=0x3ff | 0x400..=0x4ff | 0x5d0..=0x5ea
        | 0x621..=0x63a | 0x641..=0x64a | 0x2000..=0x20cf | 0x2100..=0x21ff | 0x3040..=0x30ff
        | 0x4e00..=0x9fff | 0xac00..=0xd7a3 | 0x1f000..=0x1faff)
}

/// Whether `decoded`, the reading of a sequence in a word that has a repair
/// of `script` (or of no letter: `None`) in the same code page, fits
/// that word: a Latin letter, common symbol or punctuation, or a letter of
/// the repair's own script.
pub(super) fn fits_word(cand: &Candidate<'_>, script: Option<Script>) -> bool {
    match kind(cand) {
        Kind::Common => true,
        Kind::Script(s) => Some(s) == script,
        _ => false,
    }
}

/// Whether letters have the shape of a word: all lowercase, all
/// capitals, or a capital and then lowercase (letters without case go
/// with any); a symbol or punctuation among them is no word's shape.
pub(super) fn word_shaped(chars: &[char]) -> bool {
    let mut lower = false;
    for (i, &c) in chars.iter().enumerate() {
        if !is_letter(c) {
            return false;
        }
        if c.is_lowercase() {
            lower = true;
        } else if c.is_uppercase()
            && (lower
                || (i > 0 && !chars[..i].iter().all(|c| c.is_uppercase())))
        {
            return false;
        }
    }
    true
}

/// Whether `decoded`, what a word of raw characters (`raw`) spells in one
/// code page, is a word in its own right where the raw one is none: at
/// least two letters, all Greek, Cyrillic or CJK (the scripts whose words
/// have no ASCII letter), in the shape of a word, while the raw characters
/// are not (see [`word_shaped`]), or are Latin letters without an ASCII
/// one: "ŒñŒÆŒØœÖŒºœé" is "Ζήίυμώ" in MacRoman, "–Ü—Ç—å" is "Іть". Czech
/// capitals that spell Arabic ("ÚŞŘŻ") stay, and so do words that would
/// spell letters of the rarer alphabets ("ÓŻÔ…" is no Tajik and Komi
/// "ӯԅ"): see [`common_letter`].
pub(super) fn misread_word(raw: &[char], decoded: &[char]) -> bool {
    let Some(first) = decoded.first().and_then(|&c| script(c)) else {
        return false;
    };
    // A word of Latin letters without one ASCII letter is no word either
    // ("Œõœé" for "Λώ").
    let latin = |c: &char| !c.is_ascii() && script(*c) == Some(Script::Latin);
    decoded.len() >= 2
        && matches!(first, Script::Greek | Script::Cyrillic | Script::Cjk)
        && raw.iter().all(|&c| script(c) != Some(first))
        && decoded.iter().all(|&c| {
            script(c) == Some(first) && is_letter(c) && common_letter(c)
        })
        && word_shaped(decoded)
        && (!raw_shaped(raw)
            || (raw.iter().all(latin)
                && !raw.iter().all(|c| c.is_uppercase())
                && decoded.iter().all(|&c| core_letter(c))))
}

/// Whether raw characters are a word, or one and the punctuation that
/// follows words ("ОЁП…" is Cyrillic capitals and an ellipsis, not "Ψυ").
fn raw_shaped(raw: &[char]) -> bool {
    word_shaped(raw)
        || raw.split_last().is_some_and(|(&last, word)| {
            word.len() >= 2 && follows_letters(last) && word_shaped(word)
        })
}

/// A letter of the core alphabets of Greek and Cyrillic (Russian,
/// Ukrainian, Belarusian, Serbian, Macedonian), or CJK: what a word of
/// Latin letters must spell to be mojibake ("ÓŞÓŚ" is Turkish and
/// Polish capitals, not Khanty and Khakas "Ӫӌ"). A word of capitals
/// alone is not enough either way ("ÎŁÎŁ" may be "ΣΣ", or capitals).
fn core_letter(c: char) -> bool {
    matches!(c, '\u{386}'..='\u{3ce}' | '\u{400}'..='\u{45f}' | 'Ґ' | 'ґ')
        || script(c) == Some(Script::Cjk)
}

/// A core letter, or one of the Cyrillic letters of the larger languages
/// written with more (Kazakh, Tatar, Bashkir, Tajik, Uzbek, Kyrgyz,
/// Mongolian): what a misread word may spell.
fn common_letter(c: char) -> bool {
    core_letter(c)
        || matches!(
            c,
            'Ғ'..='һ' | 'Ә' | 'ә' | 'Ӣ' | 'ӣ' | 'Ө' | 'ө' | 'Ӯ' | 'ӯ'
        )
}

/// Whether the astral character that a CESU-8 surrogate pair spells
/// (`mojibake::surrogate_pair`) is a plausible repair: its six bytes,
/// `í`, a symbol and a continuation twice over, are evidence enough that
/// no word is spelled so; what it spells must still fit (emoji, CJK, a
/// historic script or a symbol; never private use or an unassigned plane).
pub(super) fn plausible_pair(cand: &Candidate<'_>) -> bool {
    !matches!(kind(cand), Kind::Bad)
}

/// Whether the characters of the candidate are strong evidence as raw
/// characters, whatever layers below made them.
fn own_evidence(cand: &Candidate<'_>) -> bool {
    !cand.all_repairs || evidence(&Candidate { all_repairs: false, ..*cand })
}

/// Weak evidence in a context that confirms it.
fn weak_ok(
    cand: &Candidate<'_>,
    ctx: &Context,
    ahead: &mut dyn Lookahead,
) -> bool {
    if ctx.prev_repaired || ctx.latin_around {
        return true;
    }
    let next = ahead.next();
    if next.repaired {
        return true;
    }
    // Latin Extended-B (pinyin tones, Romanian commas) is too rare to
    // take on weak evidence alone: "Ç—" in "—Ç—å" (Cyrillic read as
    // MacRoman) is no "Ǘ".
    if cand.bytes.len() != 2
        || !cand.chars[0].is_uppercase()
        || ('\u{180}'..='\u{24f}').contains(&cand.decoded)
    {
        return false;
    }
    // `Â`, `Ã` (or `Ă`) and a capital inside a lowercase word: "ZĂľrich".
    if cand.codec.latin()
        && matches!(cand.bytes[0], 0xc2 | 0xc3)
        && next.ch.is_some_and(char::is_lowercase)
    {
        return true;
    }
    // A capital after a lowercase letter of the script it spells, and not
    // before a capital ("ouÄŤk" is "oučk", "dÅŗ" is "dź"); or a capital
    // then a symbol before a lowercase letter ("Å»y"). A capital then a
    // letter is otherwise just a word ("Гімн", "PÄŤ").
    let s = script(cand.decoded);
    let lower = |c: Option<char>| {
        c.is_some_and(|c| c.is_lowercase() && (s.is_none() || script(c) == s))
    };
    if lower(ctx.prev) && !next.ch.is_some_and(char::is_uppercase) {
        return true;
    }
    !is_letter(cand.chars[1])
        && (lower(ctx.prev) || (s.is_some() && lower(next.ch)))
}

/// Whether the candidate is mojibake whatever its context: four bytes,
/// or three that spell punctuation or a symbol, with strong evidence.
pub(super) fn evident(cand: &Candidate<'_>) -> bool {
    (cand.bytes.len() == 4 || matches!(cand.decoded, '\u{2000}'..='\u{2bff}'))
        && !matches!(kind(cand), Kind::Bad)
        && evidence(cand)
}

/// Whether the original characters are strong evidence of mojibake.
pub(super) fn strong(cand: &Candidate<'_>) -> bool {
    evidence(cand)
}

fn evidence(cand: &Candidate<'_>) -> bool {
    if cand.all_repairs
        && matches!(cand.decoded as u32,
            0x80..=0x17f | 0x370..=0x6ff | 0x2000..=0x20cf | 0x1f000..=0x1faff)
    {
        // Every character is mojibake already, and spells a letter or
        // common punctuation: a layer of double mojibake.
        return true;
    }
    let n = cand.bytes.len();
    if n == 4 {
        // A lead and three continuations in a row.
        return true;
    }
    let d = cand.decoded as u32;
    if n == 3
        && ((0x2000..=0x214f).contains(&d)
            || (0x2190..=0x22ff).contains(&d)
            || matches!(d, 0xfe0f | 0xfeff | 0xfffd))
    {
        // "â€™", "вЂ“", "‚Äô", "ΓÇÖ": general punctuation; "â†’", "‚Üí":
        // arrows and mathematical operators, which web pages use as
        // bullets and links ("↩", "→", "⋅").
        return true;
    }
    if n == 2
        && cand.codec.latin()
        && matches!(cand.bytes[0], 0xc2 | 0xc3 | 0xce | 0xcf | 0xd0)
        && !is_letter(cand.chars[1])
    {
        return true;
    }
    // In the Central European code pages `Â` (0xC2) before a letter of
    // theirs spells a Latin-1 symbol ("ÂŠ" is "©", "ÂŁ" is "£", "Âť" is
    // "»"): no word puts `Â` before Š, Ł or ť, as only Romanian writes `Â`,
    // and Romanian capitals put it before Ş or Ţ ("CÂŞTIG"), which stay.
    if n == 2
        && matches!(cand.codec, Codec::Cp1250 | Codec::Latin2)
        && cand.bytes[0] == 0xc2
        && !matches!(cand.chars[1], 'Ş' | 'ş' | 'Ţ' | 'ţ')
    {
        return true;
    }
    // Code page 437's Greek and mathematical leads (0xE0–0xEF but `ß`)
    // before two Latin-1 letters or symbols: no word mixes them so
    // ("Γ£ô" is "✓", "ΓÇö" is "—").
    if n == 3 && cand.codec == Codec::Cp437 && cand.chars[0] != 'ß' {
        return true;
    }
    // Windows-1250's `Ĺ` (0xC5), rare in Slovak, leads most Czech and
    // Polish letters: "Ĺľ" is "ž", "Ĺ‚" is "ł".
    if n == 2
        && matches!(cand.codec, Codec::Cp1250 | Codec::Latin2)
        && cand.bytes[0] == 0xc5
    {
        return true;
    }
    // A lead and `€` (0x80) then another continuation: UTF-8 of the first
    // 64 characters of a block of three-byte ones ("ã€€" is the
    // ideographic space, "ã€‚" is "。", "å€‹" is "個"). Real text writes
    // `€` after a number or a space, not between a letter and a mark.
    if n == 3 && cand.bytes[1] == 0x80 && cand.chars[1] == '€' {
        return true;
    }
    let conts = &cand.chars[1..];
    // Punctuation after a letter ("café—“", "и…»"), or between letters
    // ("â—š"), is just punctuation, whatever three bytes it spells.
    if n == 3
        && punctuation(conts[0])
        && !matches!(conts[0], '‚' | '„')
        && (punctuation(conts[1]) || is_letter(conts[1]))
    {
        return false;
    }
    // Otherwise three bytes that spell box drawing, a geometric shape, a
    // symbol or a dingbat, which pages use as bullets and arrows ("â–º" is
    // "►", "‚ñº" is "▼" in MacRoman): no word puts a lead and two such
    // continuations side by side; unless all three are letters, a word
    // of its own ("ňâśą" is Czech and Polish letters, not "ň✹").
    if n == 3
        && (0x2500..=0x27bf).contains(&d)
        && !cand.chars.iter().all(|&c| is_letter(c))
    {
        return true;
    }
    // A three-byte lead and two signs side by side ("ê²ª" is "겪",
    // "ê³\u{a0}" is "고": Hangul's continuations are mostly Latin-1
    // signs): real text puts one such sign after a letter or a number,
    // never two after an accented letter.
    let sign = |c: char| follows_letters(c) && !punctuation(c);
    if n == 3
        && cand.codec.latin()
        && sign(conts[0])
        && (sign(conts[1]) || conts[1] == '\u{a0}')
    {
        return true;
    }
    odd_lead(cand.chars[0])
        || conts.iter().any(|&c| odd_continuation(c, cand.codec))
}

/// The counters and units that Chinese, Japanese and Korean write right
/// after a number: dates and times, money, people, things, floors.
const CJK_COUNTERS: &str = "年月日時时分秒個个人回円元万億亿歳岁階号位件台本枚週周\
                            년월일시분초개명번회원층차세위등장권건호점주";

/// Quotes, dashes and the like, which stand between words.
fn punctuation(c: char) -> bool {
    matches!(
        c,
        '‘' | '’'
            | '‚'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '…'
            | '–'
            | '—'
            | '•'
            | '¿'
            | '¡'
            | '\u{a0}'
    )
}

/// A lead that is a symbol no word is spelled with: MacRoman's `√ ¬ ≈ ƒ`,
/// DOS box drawing.
fn odd_lead(c: char) -> bool {
    matches!(c, '¬' | 'ƒ' | '⁄' | '◊' | 'ﬁ' | 'ﬂ' | '\u{f8ff}')
        || ('\u{2200}'..='\u{22ff}').contains(&c)
        || ('\u{2500}'..='\u{25ff}').contains(&c)
}

/// Characters that often follow a letter in real text: closing quotes and
/// punctuation, degree and ordinal signs, currency.
fn follows_letters(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '’'
            | '”'
            | '»'
            | '…'
            | '–'
            | '—'
            | '•'
            | '°'
            | '²'
            | '³'
            | '©'
            | '®'
            | '·'
            | 'º'
            | 'ª'
            | '£'
            | '€'
            | '™'
    )
}

/// A continuation that real text almost never puts after a letter.
fn odd_continuation(c: char, codec: Codec) -> bool {
    match c {
        '\u{80}'..='\u{9f}' => true,
        _ if follows_letters(c) => false,
        // Windows-1252's few letters are foreign to the Latin-1 letters
        // that lead: "Å¡", "Ãœ".
        'Š' | 'š' | 'Œ' | 'œ' | 'Ž' | 'ž' | 'Ÿ' | 'ƒ'
            if matches!(codec, Codec::Cp1252 | Codec::Cp1254) =>
        {
            true
        }
        // Windows-1251's Serbian, Macedonian and Belarusian letters after
        // a Russian capital ("Рџ", "СЂ"), and the micro sign.
        'Ђ' | 'Ѓ' | 'ѓ' | 'Љ' | 'Њ' | 'Ќ' | 'Ћ' | 'Џ' | 'ђ' | 'љ' | 'њ'
        | 'ќ' | 'ћ' | 'џ' | 'Ў' | 'ў' | 'Ј' | 'ј' | 'Ѕ' | 'ѕ'
            if codec == Codec::Cp1251 =>
        {
            true
        }
        'µ' => true,
        _ => !is_letter(c),
    }
}

/// A letter of a word: not the spacing accents (ˇ ˘ ˛ ˝), which Unicode
/// counts as letters, nor the ordinal signs.
fn is_letter(c: char) -> bool {
    alphabetic(c) && !matches!(c, '\u{2b0}'..='\u{2ff}' | 'ª' | 'º')
}

/// The script of a letter; `None` for what is not a letter.
pub(super) fn script(c: char) -> Option<Script> {
    if !alphabetic(c) {
        return None;
    }
    let u = c as u32;
    Some(match u {
        0..=0x24f | 0x1e00..=0x1eff | 0x2c60..=0x2c7f | 0xa720..=0xa7ff => {
            Script::Latin
        }
        0x370..=0x3ff | 0x1f00..=0x1fff => Script::Greek,
        0x400..=0x52f | 0x2de0..=0x2dff | 0xa640..=0xa69f => Script::Cyrillic,
        0x530..=0x58f => Script::Armenian,
        0x590..=0x5ff | 0xfb1d..=0xfb4f => Script::Hebrew,
        0x600..=0x6ff | 0x750..=0x77f | 0xfb50..=0xfdff | 0xfe70..=0xfeff => {
            Script::Arabic
        }
        0xff21..=0xff3a | 0xff41..=0xff5a | 0xfb00..=0xfb06 => Script::Latin,
        0x2e80..=0x9fff
        | 0xac00..=0xd7af
        | 0xf900..=0xfaff
        | 0xff00..=0xffef
        | 0x20000..=0x3ffff => Script::Cjk,
        _ => Script::Other,
    })
}

fn script_of(c: Option<char>) -> Option<Script> {
    c.and_then(script)
}

/// The kind of the decoded character.
fn kind(cand: &Candidate<'_>) -> Kind {
    let c = cand.decoded;
    let u = c as u32;
    match u {
        // "Â\u{92}" is the C1 control of a text decoded as Latin-1 twice.
        0x80..=0x9f => {
            if cand.bytes[0] == 0xc2 {
                Kind::Common
            } else {
                Kind::Bad
            }
        }
        0xa0..=0x17f => Kind::Common,
        0x180..=0x24f => {
            if common_latin_b(c) {
                Kind::Common
            } else {
                Kind::Bad
            }
        }
        // Windows-1252's circumflex and tilde, from a layer below.
        0x2c6 | 0x2dc => Kind::Rare,
        0x250..=0x2ff => Kind::Bad,
        // Marks from the lead `Ì` (0xCC); those of `Í` (0xCD) are rare,
        // and "BLÍŽE" is Czech.
        0x300..=0x33f => Kind::Mark,
        0x340..=0x36f => Kind::Bad,
        0x1e00..=0x1eff => Kind::Common,
        0x370..=0x6ff | 0x1f00..=0x1fff => script_kind(c),
        // Arabic letters of African and Asian languages: rare enough to
        // need evidence of their own ("ЭЄ" is Cyrillic capitals, not "ݪ").
        0x750..=0x77f => Kind::Rare,
        0x700..=0x74f | 0x780..=0x8ff => Kind::Bad,
        // Indic, Thai, Lao, Myanmar, Georgian, Ethiopic, Khmer.
        0x900..=0xdff
        | 0xe00..=0xeff
        | 0x1000..=0x109f
        | 0x10a0..=0x10ff
        | 0x1200..=0x139f
        | 0x1780..=0x17ff => script_kind(c),
        0x2000..=0x2064 | 0x2066..=0x209f | 0x20a0..=0x20c0 => Kind::Common,
        0x2100..=0x2bff => Kind::Common,
        0x3000..=0x303f => Kind::Script(Script::Cjk),
        0x2e80..=0x9fff | 0xac00..=0xd7a3 | 0xf900..=0xfaff => script_kind(c),
        0xfb00..=0xfb06 => Kind::Common,
        // The variation selectors of emoji and text presentation.
        0xfe0e | 0xfe0f | 0xfeff | 0xfffd => Kind::Common,
        0xfe30..=0xfe4f | 0xff01..=0xffef => Kind::Script(Script::Cjk),
        0x1f000..=0x1faff | 0xe0020..=0xe007f => Kind::Common,
        0x20000..=0x323af => script_kind(c),
        0x323b0..=0xe001f => Kind::Bad,
        // Historic scripts, musical and mathematical symbols ("𝕏").
        0x10000..=0x1efff => Kind::Rare,
        // Private use, and scripts that mojibake spells by chance (Yi,
        // Vai, Canadian syllabics, Ogham...).
        _ => Kind::Bad,
    }
}

/// A letter of a script, a mark of one, or nothing (unassigned, or a
/// symbol of the block).
fn script_kind(c: char) -> Kind {
    match script(c) {
        Some(s) => Kind::Script(s),
        None if canonical_combining_class(c) != 0 => {
            Kind::ScriptMark(match c as u32 {
                0x370..=0x3ff => Script::Greek,
                0x400..=0x52f => Script::Cyrillic,
                0x530..=0x58f => Script::Armenian,
                0x590..=0x5ff => Script::Hebrew,
                0x600..=0x6ff | 0x750..=0x77f => Script::Arabic,
                0x3000..=0x9fff => Script::Cjk,
                _ => Script::Other,
            })
        }
        // Kana punctuation ("・", "゛") and the enclosed and squared CJK
        // signs ("㈜", "㎡"), which CJK text writes among its letters.
        None if matches!(c as u32,
            0x309b | 0x309c | 0x30a0 | 0x30fb | 0x3200..=0x321e | 0x3220..=0x33ff) =>
        {
            Kind::Script(Script::Cjk)
        }
        None => Kind::Bad,
    }
}

/// The letters of Latin Extended-B that real text uses: ƒ, Vietnamese
/// ơ and ư, pinyin tones, Romanian ș and ț.
fn common_latin_b(c: char) -> bool {
    matches!(c as u32,
        0x192 | 0x1a0 | 0x1a1 | 0x1af | 0x1b0 | 0x1cd..=0x1dc | 0x1e6 | 0x1e7
            | 0x1f8 | 0x1f9 | 0x218..=0x21b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A right-hand context given in advance.
    struct Fixed(Next);

    impl Lookahead for Fixed {
        fn next(&mut self) -> Next {
            self.0
        }
        fn outer_layer(&mut self) -> bool {
            false
        }
    }

    fn judge(chars: &str, codec: Codec, ctx: (Context, Next)) -> bool {
        let chars: Vec<char> = chars.chars().collect();
        let bytes: Vec<u8> =
            chars.iter().map(|&c| codec.byte(c).unwrap()).collect();
        let decoded =
            std::str::from_utf8(&bytes).unwrap().chars().next().unwrap();
        accept(
            &Candidate {
                codec,
                chars: &chars,
                bytes: &bytes,
                decoded,
                layered: false,
                all_repairs: false,
            },
            &ctx.0,
            &mut Fixed(ctx.1),
        )
    }

    fn between(prev: char, next: char) -> (Context, Next) {
        (
            Context { prev: Some(prev), ..Context::default() },
            Next { ch: Some(next), ..Next::default() },
        )
    }

    #[test]
    fn symbols_beside_letters_are_not_mojibake() {
        let cp = Codec::Cp1252;
        assert!(!judge("×€", cp, between('2', '1')));
        assert!(!judge("×…", cp, between('0', ' ')));
        assert!(!judge("×½", cp, between('3', ' ')));
        assert!(!judge("É»", cp, between('F', ' ')));
        assert!(!judge("Ñ»", cp, between('A', ' ')));
        assert!(!judge("Ö°", cp, between(' ', ',')));
        assert!(!judge("’é", Codec::MacRoman, between('l', 't')));
        assert!(!judge("—à", Codec::MacRoman, between(' ', ' ')));
        assert!(!judge("Рё", Codec::Cp1251, between(' ', 'в')));
    }

    #[test]
    fn mojibake_is() {
        let cp = Codec::Cp1252;
        assert!(judge("Ã©", cp, between('f', ' ')));
        assert!(judge("â€™", cp, between('t', 's')));
        assert!(judge("Ä™", cp, between('i', ' ')));
        assert!(judge("Å»", cp, between(' ', 'y')));
        assert!(judge("Ð²", cp, between(' ', ' ')));
        assert!(judge("×©", cp, between(' ', 'ל')));
        assert!(judge("√©", Codec::MacRoman, between('f', ' ')));
        assert!(judge("вЂ“", Codec::Cp1251, between(' ', ' ')));
        let zurich: String =
            "ü".bytes().map(|b| Codec::Cp1250.decode(b).unwrap()).collect();
        assert!(judge(&zurich, Codec::Cp1250, between('Z', 'r')));
    }
}
