use std::borrow::Cow;

use proptest::prelude::*;
use unicode_normalization::{
    UnicodeNormalization, is_nfc, is_nfd, is_nfkc, is_nfkd,
};

use super::*;

/// Cleans `input` with `cleaner` and checks every invariant that one call
/// can show; returns the output.
fn check(cleaner: &UnicodeCleaner, input: &str) -> String {
    let off = cleaner.clean(input);
    let report = cleaner.explain(input);
    assert_eq!(report.text, off, "recording changes the text of {input:?}");
    assert_eq!(
        matches!(off, Cow::Borrowed(_)),
        report.changes.is_empty(),
        "borrowed iff no change, for {input:?}"
    );
    // Replaying the changes on the input gives the output.
    let mut replay = input.to_owned();
    for change in report.changes.iter().rev() {
        assert_eq!(change.stage, "unicode");
        replay.replace_range(change.span.clone(), &change.replacement);
    }
    assert_eq!(replay, off, "replay of {input:?}");
    let again = cleaner.clean(&off);
    assert!(
        matches!(again, Cow::Borrowed(_)),
        "not idempotent: {input:?} -> {off:?} -> {again:?}"
    );
    match cleaner.engine.cfg.normalization {
        Normalization::Nfc => assert!(is_nfc(&off), "not NFC: {off:?}"),
        Normalization::Nfkc => assert!(is_nfkc(&off), "not NFKC: {off:?}"),
        Normalization::Nfd => assert!(is_nfd(&off), "not NFD: {off:?}"),
        Normalization::Nfkd => assert!(is_nfkd(&off), "not NFKD: {off:?}"),
        Normalization::None => {}
    }
    off.into_owned()
}

/// `t!(name, cleaner, input => output, rules...)`: one case, checked with
/// every invariant, and the rules its changes must name.
macro_rules! t {
    ($name:ident, $cleaner:expr, $input:expr => $output:expr $(, $rule:expr)*) => {
        #[test]
        fn $name() {
            let cleaner: UnicodeCleaner = $cleaner;
            assert_eq!(check(&cleaner, $input), $output);
            let rules: Vec<&str> = cleaner
                .explain($input)
                .changes
                .iter()
                .map(|c| c.rule)
                .collect();
            let expected: Vec<&str> = vec![$($rule),*];
            if !expected.is_empty() {
                assert_eq!(rules, expected, "rules for {:?}", $input);
            }
        }
    };
}

/// `same!(name, cleaner, input)`: input that must come back borrowed.
macro_rules! same {
    ($name:ident, $cleaner:expr, $($input:expr),+ $(,)?) => {
        #[test]
        fn $name() {
            let cleaner: UnicodeCleaner = $cleaner;
            $(
                let out = cleaner.clean($input);
                assert!(
                    matches!(out, Cow::Borrowed(_)),
                    "changed {:?} to {:?}", $input, out
                );
            )+
        }
    };
}

/// Asserts that `cleaner` leaves each of `texts` as it is (borrowed).
fn stays(cleaner: &UnicodeCleaner, texts: &[&str]) {
    for text in texts {
        let out = cleaner.clean(text);
        assert!(matches!(out, Cow::Borrowed(_)), "{text:?} -> {out:?}");
    }
}

fn web() -> UnicodeCleaner {
    UnicodeCleaner::default()
}

fn all() -> UnicodeCleaner {
    UnicodeCleaner::builder()
        .ligatures(true)
        .width(true)
        .quotes(true)
        .dashes(true)
        .build()
}

fn only_norm(form: Normalization) -> UnicodeCleaner {
    UnicodeCleaner::builder()
        .mojibake(false)
        .html_entities(false)
        .control_chars(false)
        .invisible(false)
        .spaces(false)
        .normalization(form)
        .build()
}

// mojibake.cp1252
t!(moji_quote, web(), "Itâ€™s" => "It’s", "mojibake.cp1252");
t!(moji_latin1, web(), "cafÃ©" => "café", "mojibake.cp1252");
t!(moji_emoji, web(), "ðŸ˜€ ok" => "😀 ok", "mojibake.cp1252");
t!(moji_double, web(), "caf\u{c3}\u{192}\u{c2}\u{a9}" => "café", "mojibake.cp1252");
t!(moji_double_literal, web(), "ÃƒÂ©" => "é");
t!(moji_triple, web(), "Ã\u{192}Æ’Ã‚Â©" => "é");
t!(moji_dashes, web(), "2010â€“2020 â€” done" => "2010–2020 — done");
t!(moji_quotes, web(), "â€œHiâ€\u{9d}" => "“Hi”");
t!(moji_c1_latin1, web(), "Ã\u{89}t\u{c3}\u{a9}" => "Été");
t!(moji_soft_hyphen_is_i, web(), "dÃ\u{ad}a" => "día");
t!(moji_nbsp_is_a_grave, web(), "voil\u{c3}\u{a0}" => "voilà");
t!(moji_bom, web(), "ï»¿Title" => "Title", "mojibake.cp1252");
t!(moji_zwsp_removed, web(), "aâ€‹b" => "ab", "mojibake.cp1252");
t!(moji_cyrillic, web(), "ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€" => "Привет, мир");
t!(moji_polish, web(), "wÅ‚aÅ›nie zaÅ¼Ã³Å‚Ä‡" => "właśnie zażółć");
// Windows-1250 and ISO-8859-2 read "Ĺź" and "ĹĽ" as different letters: a C1
// control that Windows-1250 would have read as a character tells the text
// went through ISO-8859-2 ("Ĺ\u{82}" is "ł" there).
t!(moji_latin2_over_cp1250, web(), "zaĹźĂłĹ\u{82}Ä\u{87}" => "zażółć");
t!(moji_cp1250_not_latin2, web(), "zaĹĽĂłĹ‚Ä‡" => "zażółć");
// `Â` and a Central European letter is a Latin-1 symbol; Romanian
// capitals keep "ÂŞ".
t!(moji_latin2_symbols, web(), "ÂŠ 2025 · ÂŁ5 Âť\u{85}" => "© 2025 · £5 »…");
t!(romanian_capitals_stay, web(), "CÂŞTIGĂTORUL, ÎNVĂŢĂMÂNT" => "CÂŞTIGĂTORUL, ÎNVĂŢĂMÂNT");
t!(moji_greek, web(), "ÎšÎ±Î»Î·Î¼Î\u{ad}Ï\u{81}Î±" => "Καλημέρα");
t!(moji_cjk, web(), "ä¸\u{ad}æ–‡" => "中文");
t!(moji_shapes_alone, web(), "Next â–º | Load More ‚ñº | â”€â”€" =>
    "Next ► | Load More ▼ | ──");
t!(moji_box_drawing_alone, web(), "â”‚   â”œâ”€â”€ a.rs\nâ”‚   â””â”€â”€ b.rs\nâ”‚" =>
    "│   ├── a.rs\n│   └── b.rs\n│");
t!(moji_symbols_alone, web(), "â–\u{a0}one â‘\u{a0}two â…“ cup" =>
    "■one ①two ⅓ cup");
t!(moji_cjk_punctuation_alone, web(), "Hello ã€Œquotedã€\u{8d} atã€‚ x" =>
    "Hello 「quoted」 at。 x");
t!(moji_across_deleted, web(), "Ã\u{200b}©" => "é", "mojibake.cp1252");
t!(moji_after_entity, web(), "Ã&copy;" => "é", "mojibake.cp1252");
t!(moji_entity_pair, web(), "&Atilde;&copy;" => "é");
t!(moji_then_quote, all(), "Itâ€™s" => "It's", "mojibake.cp1252");
t!(moji_then_space, web(), "aÂ\u{a0}b" => "a b", "mojibake.cp1252");
t!(moji_off, UnicodeCleaner::builder().mojibake(false).build(),
    "cafÃ©" => "cafÃ©");
same!(
    moji_no_false_positives,
    web(),
    "Café",
    "naïve",
    "Ñandú",
    "€5",
    "Â",
    "Ã",
    "São Paulo",
    "1½ ×2",
    "«CAFÉ»",
    "«ESPAÑA»",
    "‘está’” and ‘é’”",
    "Nº 5, 20°C, ±3, x², ©2024",
    "L'été dernier, nous sommes allés à la plage près de Nîmes.",
    "Über die Brücke gehen Mädchen und Jungen; Straße, größer.",
    "¿Qué pasó? ¡Mañana será otro día, señor!",
    "Ça va? À bientôt. ÉCOLE, ÎLE, ÔTER, ÆON, ØRE, ÅR.",
    "Ó ×, Ö·, Þá, ÐÆ, Ñ» and — “quotes” and ‘single’…",
);

// entity.html
t!(entity_named, web(), "caf&eacute; &amp; bar" => "café & bar");
t!(entity_numeric, web(), "It&#8217;s &#x2019;&#X2019;" => "It’s ’’");
t!(entity_nbsp_is_space, web(), "a&nbsp;b" => "a b", "entity.html");
t!(entity_nbsp_kept, UnicodeCleaner::builder().spaces(false).build(),
    "a&nbsp;b" => "a\u{a0}b");
t!(entity_double_escaped, web(), "&amp;lt;p&amp;gt;" => "<p>");
t!(entity_cp1252_number, web(), "&#150; &#146;" => "– ’");
t!(entity_greek, web(), "&alpha;&Omega;" => "αΩ");
t!(entity_shy_removed, web(), "co&shy;op" => "coop", "entity.html");
t!(entity_fullwidth, all(), "＆ａｍｐ；x" => "&x");
t!(entity_whatwg, web(), "&check; &hearts; &rarr; &hellip; &NotEqualTilde; &fjlig;ord" =>
    "✓ ♥ → … ≂\u{338} fjord");
t!(entity_two_code_points_of_space, web(), "a&ThickSpace;b" => "a  b");
t!(entity_all_caps, web(), "CAF&EACUTE; &AMP; &NTILDE;" => "CAFÉ & Ñ");
t!(entity_without_semicolon, web(),
    "&copy 2024 Caf&eacute, T&amp;C &amp R&eacute;sum&eacute &pound;5 &lt;b&gt" =>
    "© 2024 Café, T&C & Résumé £5 <b>");
t!(entity_number_without_semicolon, web(), "it&#39s &#8217 &#x2019." => "it's ’ ’.");
t!(entity_at_the_end_without_semicolon, web(), "Tom &amp" => "Tom &");
t!(entity_bare_escaped_twice, web(), "&amp;copy 2024" => "© 2024");
t!(entity_bare_left_as_it_reads, web(), "&amp;copyright &amp;copy=3" => "&copyright &copy=3");
t!(entity_bare_before_mojibake, web(), "&copyâ€™s" => "©’s");
t!(entity_bare_into_mojibake, web(), "Ã&copy ok" => "é ok");
t!(entity_bare_through_deleted, web(), "&co\u{200b}py 1" => "© 1");
// NFD makes ASCII letters of accented ones: a name needs its `;` there.
t!(entity_bare_nfd, UnicodeCleaner::builder().normalization(Normalization::Nfd).build(),
    "caf&eacute ok caf&eacute;" => "caf&eacute ok cafe\u{301}");
// A bare name before what composes with its last letter stays a word.
t!(entity_bare_composed, web(), "&copy\u{301}x" => "&cop\u{fd}x");
// With the rules that make letters of other characters, a reference
// needs its `;`.
t!(entity_through_a_ligature, all(), "&#x2ﬀ; &#39ﬁ &#x2ﬁ &copy 1" => "˿ &#39fi &#x2fi &copy 1");
t!(entity_nested_spells_the_name, web(), "&#x2&#102; &#x2&fjlig; &co&#112;y 1" => "/ /j © 1");
t!(entity_bare_before_a_composing_mark, web(), "&#x41A\u{303}!" => "AÃ!");
t!(entity_through_deleted, web(), "&\u{7}am\u{200b}p;\u{1b}[0m;" => "&;");
same!(
    entity_left_alone,
    web(),
    "AT&T",
    "Q&A",
    "&unknown;",
    "& amp;",
    "&#;",
    "&copyright",
    "?a=1&copy=2&reg=3",
    "&notit",
    "&check",
    "&#x2",
    "&#7 x",
    "&#x;",
    "&#0;",
    "&#xD800;",
    "&#99999999999;",
    "&#x110000;",
    "&;",
    "&&&&",
);

// control.removed, control.ansi
t!(control_c0, web(), "a\u{0}b\u{7}c\u{7f}d" => "abcd", "control.removed",
    "control.removed", "control.removed");
t!(control_c1, web(), "a\u{90}b" => "ab", "control.removed");
t!(control_keeps_tab, web(), "a\tb\nc" => "a\tb\nc");
t!(control_ansi, web(), "\u{1b}[1;31mred\u{1b}[0m" => "red", "control.ansi",
    "control.ansi");
t!(control_osc, web(), "\u{1b}]8;;http://x\u{1b}\\link" => "link",
    "control.ansi");
t!(control_lone_esc, web(), "a\u{1b}b" => "ab", "control.removed");
t!(control_off, UnicodeCleaner::builder().control_chars(false).build(),
    "a\u{0}b" => "a\u{0}b");

// invisible.removed
t!(invisible_zwsp, web(), "zero\u{200b}width" => "zerowidth",
    "invisible.removed");
t!(invisible_bom_anywhere, web(), "\u{feff}a\u{feff}b" => "ab");
t!(invisible_shy, web(), "co\u{ad}op" => "coop", "invisible.removed");
t!(invisible_joiners_kept, web(),
    "👩\u{200d}💻 می\u{200c}خواهم \u{200e}" => "👩\u{200d}💻 می\u{200c}خواهم \u{200e}");

// space.odd
t!(space_odd, web(),
    "a\u{a0}b\u{2003}c\u{202f}d\u{3000}e" => "a b c d e", "space.odd",
    "space.odd", "space.odd", "space.odd");

// Line endings belong to the pipeline's layout pass: the stage leaves them,
// and leaves U+0085 to it too, unless mojibake repair reads it as
// Windows-1252 "…", which it almost always is in real text (ftfy agrees).
t!(line_endings_stay, web(), "a\r\nb\rc\u{2028}d\u{2029}e\u{b}g\u{c}h"
    => "a\r\nb\rc\u{2028}d\u{2029}e\u{b}g\u{c}h");
t!(nel_stays_without_mojibake, UnicodeCleaner::builder().mojibake(false).build(),
    "e\u{85}f" => "e\u{85}f");
t!(nel_is_an_ellipsis, web(), "Wait\u{85} what" => "Wait… what",
    "mojibake.c1");
// C1 controls that stand for Windows-1252 punctuation, from text decoded
// as Latin-1 (seen on real pages).
t!(c1_apostrophe, web(), "we\u{92}re here" => "we’re here", "mojibake.c1");
t!(c1_dash_and_bullet, web(), "\u{95} York\u{97}Union" => "• York—Union",
    "mojibake.c1", "mojibake.c1");
t!(c1_quotes_uncurled, all(), "\u{93}Hi\u{94}" => "\"Hi\"", "mojibake.c1",
    "mojibake.c1");
t!(c1_undefined_removed, web(), "a\u{81}b\u{9d}c" => "abc",
    "control.removed", "control.removed");
t!(c1_in_mojibake_sequence, web(), "it\u{e2}\u{80}\u{99}s" => "it’s",
    "mojibake.cp1252");
t!(c1_without_mojibake_repair, UnicodeCleaner::builder().mojibake(false).build(),
    "we\u{92}re" => "were", "control.removed");
t!(object_replacement, web(), "photo \u{fffc}. Nice" => "photo . Nice",
    "control.removed");
// Beside markup, escaped markup characters are escaped on purpose.
t!(entities_beside_markup_stay, web(),
    "Markup('<strong>Hello &lt;blink&gt; &amp; &eacute;</strong>')" =>
    "Markup('<strong>Hello &lt;blink&gt; &amp; é</strong>')", "entity.html");
t!(entities_on_other_lines_decode, web(),
    "<b>bold</b> &amp;\nTom &amp; Jerry" => "<b>bold</b> &amp;\nTom & Jerry",
    "entity.html");
// A mark after deleted characters still composes, and what it composes
// with may be half of mojibake: the output must be stable.
t!(mark_after_deleted_chars_composes, web(), "xx\u{c4}S\0\u{feff}\u{30c} yy"
    => "xx\u{10a} yy");
// A character that a rule deletes does not break an entity in two.
t!(entity_around_deleted_control,
    UnicodeCleaner::builder().mojibake(false).build(),
    "a &amp\u{90}; b" => "a & b", "entity.html");
t!(nfkc_small_ampersand_entity,
    UnicodeCleaner::builder().normalization(Normalization::Nfkc).build(),
    "a \u{fe60}lt; b" => "a < b");

// opt-in rules
t!(ligatures, all(), "ﬁnd ﬂow ﬀ ﬃ ﬄ ﬅ ﬆ" => "find flow ff ffi ffl st st");
t!(width, all(), "ＡＢＣ１！" => "ABC1!", "width.fullwidth",
    "width.fullwidth", "width.fullwidth", "width.fullwidth",
    "width.fullwidth");
t!(quotes, all(), "“it’s” ‘x’ „y‟ 5′ 6″" => "\"it's\" 'x' \"y\" 5′ 6″");
t!(dashes, all(), "a‐b–c—d―e−f" => "a-b-c-d-e-f");
same!(web_keeps_punctuation, web(), "“Hi” — it’s 'fine' \"ok\" – ﬁ Ａ");

// normalize.nfc, normalize.nfkc
t!(nfc_compose, web(), "cafe\u{301}" => "café", "normalize.nfc");
t!(nfc_reorder, web(), "a\u{301}\u{316}" => "\u{e1}\u{316}".nfc().collect::<String>());
t!(nfc_singleton, web(), "\u{212b}ngstr\u{f6}m" => "\u{c5}ngstr\u{f6}m");
t!(nfc_after_mojibake, web(), "eÌ\u{81}" => "é");
t!(nfkc, only_norm(Normalization::Nfkc), "x² ①" => "x2 1",
    "normalize.nfkc", "normalize.nfkc");
t!(nfc_none, only_norm(Normalization::None), "e\u{301}" => "e\u{301}");
// A no-break space before a lost one is a space like any other.
t!(lost_nbsp_after_a_no_break_space, web(), "&\u{a0}Â x" => "&  x");
t!(nfd, only_norm(Normalization::Nfd), "café 한 Å" => "cafe\u{301} \u{1112}\u{1161}\u{11ab} A\u{30a}",
    "normalize.nfd", "normalize.nfd", "normalize.nfd");
t!(nfd_reorders, only_norm(Normalization::Nfd), "a\u{301}\u{316}" => "a\u{316}\u{301}", "normalize.nfd");
t!(nfkd, only_norm(Normalization::Nfkd), "ﬁancé x²" => "fiance\u{301} x2",
    "normalize.nfkd", "normalize.nfkd", "normalize.nfkd");
// Repairs come out decomposed too, and decomposed letters are no
// mojibake context that a second run would read differently.
t!(nfd_after_mojibake, UnicodeCleaner::builder().normalization(Normalization::Nfd).build(),
    "cafÃ© in ZÃ¼rich" => "cafe\u{301} in Zu\u{308}rich");
t!(nfkd_fullwidth_entity, UnicodeCleaner::builder().normalization(Normalization::Nfkd).build(),
    "a ＆amp; b" => "a & b");
// What a compatibility form makes ASCII is part of a reference's name:
// "&#39①；" is "&#391;" under NFKC, decoded in one run.
t!(nfkc_compatibility_digit_in_entity, UnicodeCleaner::builder().normalization(Normalization::Nfkc).build(),
    "&#39①；" => "Ƈ");
same!(
    nfd_keeps_nfd,
    only_norm(Normalization::Nfd),
    "e\u{301} 中文 \u{1112}\u{1161}\u{11ab} ελληνικα\u{301}"
);
same!(nfc_keeps_nfc, web(), "é ñ 中文 한국어 Ελληνικά עברית العربية");

#[test]
fn empty_in_empty_out() {
    for cleaner in [web(), all(), UnicodeCleaner::ftfy()] {
        assert!(matches!(cleaner.clean(""), Cow::Borrowed("")));
    }
}

#[test]
fn api_shape() {
    assert_eq!(web().name(), "unicode");
    assert_eq!(Normalization::default(), Normalization::Nfc);
    let cleaner = UnicodeCleaner::default();
    let debug = format!("{cleaner:?}");
    assert!(debug.contains("mojibake: true"), "{debug}");
    assert!(debug.contains("quotes: false"), "{debug}");
    fn send_sync<T: Send + Sync + Clone>() {}
    send_sync::<UnicodeCleaner>();
    send_sync::<UnicodeBuilder>();
}

#[test]
fn ftfy_preset() {
    let ftfy = UnicodeCleaner::ftfy();
    assert_eq!(
        check(&ftfy, "ﬁle ＡＢ “q” a\u{a0}b — x"),
        "file AB \"q\" a\u{a0}b — x"
    );
    // As ftfy: primes, zero-width spaces, joiners and soft hyphens stay;
    // the byte order mark and the deprecated format controls go.
    assert_eq!(
        check(
            &ftfy,
            "5′ 4″ a\u{200b}b\u{2060}c\u{ad}d\u{feff}e\u{206f}f\u{fffc}g"
        ),
        "5′ 4″ a\u{200b}b\u{2060}c\u{ad}defg"
    );
}

#[test]
fn class_table_matches_computation() {
    // The table is only a cache of compute_class.
    for cleaner in [
        web(),
        all(),
        only_norm(Normalization::Nfkc),
        only_norm(Normalization::Nfd),
        only_norm(Normalization::Nfkd),
    ] {
        for u in 0x80..0x800u32 {
            let c = char::from_u32(u).unwrap();
            assert_eq!(
                cleaner.engine.class_of(c),
                cleaner.engine.compute_class_of(c),
                "{c:?}"
            );
        }
    }
}

/// A paragraph of news text as it comes out of a CMS that stored UTF-8 and
/// served it as Windows-1252.
const NEWS: &str = "Itâ€™s been a long road for SÃ£o Paulo's cafÃ© \
owners. â€œWe didnâ€™t expect this,â€\u{9d} said JosÃ© MarÃ\u{ad}a \
NuÃ±ez, 42 â€” who runs a small place near the Ã‰glise. Prices rose \
12Â\u{a0}% since 2019; a coffee now costs â‚¬2.50 â€¦ and the line is out \
the door. ðŸ˜€";

const NEWS_CLEAN: &str = "It’s been a long road for São Paulo's café \
owners. “We didn’t expect this,” said José María Nuñez, 42 — who runs a \
small place near the Église. Prices rose 12 % since 2019; a coffee now \
costs €2.50 … and the line is out the door. 😀";

#[test]
fn realistic_news() {
    assert_eq!(check(&web(), NEWS), NEWS_CLEAN);
    let report = web().explain(NEWS);
    assert!(report.changes.iter().all(|c| c.rule == "mojibake.cp1252"));
    assert_eq!(report.changes.len(), 15);
}

#[test]
fn realistic_clean_text_is_borrowed() {
    let text = NEWS_CLEAN.repeat(3);
    assert!(matches!(web().clean(&text), Cow::Borrowed(_)));
}

#[test]
fn realistic_scraped_page() {
    let page = "<p>Caf&eacute; Society&nbsp;&mdash; Tickets from \
        &pound;15&nbsp;/&nbsp;&euro;18.</p>\r\n<p>&copy;&#160;2024 \
        Caf&#233; Ltd.&#x200B; All rights reserved&hellip;</p>\r\n\u{feff}";
    assert_eq!(
        check(&web(), page),
        "<p>Café Society — Tickets from £15 / €18.</p>\r\n<p>© 2024 Café \
         Ltd. All rights reserved…</p>\r\n",
        "line endings are the layout pass's"
    );
}

/// What the fuzz targets found: a reference to a line break with a deleted
/// character inside decoded as a break but did not end the line for the
/// markup test, so a second run decoded the `&gt;` the first kept; and a
/// reference without its `;`, never decoded, ended the line.
#[test]
fn references_to_line_breaks_end_the_line_as_they_decode() {
    for text in [
        "<a&\u{17}#8232&gt;",
        "<b>&\u{17}#10;&gt;",
        "<b>&\u{200b}#10;&gt;",
        "<b>&amp;#10;&gt;",
        "<a&#13&gt;",
        "<b>x</b>&#10;&lt;i&gt;",
        // A reference to a deleted control inside another reference.
        "&#4&#6;;",
        "&#14&#6;;",
        "x&#4&#6&#7;;;y",
    ] {
        for cleaner in [web(), all(), UnicodeCleaner::ftfy()] {
            let once = cleaner.clean(text).into_owned();
            assert_eq!(cleaner.clean(&once), once, "{text:?}");
        }
    }
    // Beside markup on its line, an escaped tag stays escaped.
    assert_eq!(web().clean("<a&#13&gt;"), "<a&#13&gt;");
    // A decoded line break ends the line: the next one has no markup.
    assert_eq!(web().clean("<b>&#10;&lt;i&gt;"), "<b>\n<i>");
}

/// Characters the rules care about, to bias random text toward them.
fn interesting() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "e",
        "S",
        " ",
        "\n",
        "\r",
        "\t",
        "&",
        ";",
        "#",
        "x",
        "1",
        "amp",
        "lt",
        "nbsp",
        "copy",
        "eacute",
        "&copy",
        "&amp",
        "&Atilde",
        "&shy",
        "&#39",
        "&#x2",
        "&fjlig;",
        "&NotEqualTilde;",
        "&ThickSpace;",
        "&EACUTE;",
        "&check;",
        "=",
        "≠",
        "\u{338}",
        "9",
        "Ã",
        "Â",
        "Ð",
        "Å",
        "Ä",
        "â",
        "ð",
        "ï",
        "É",
        "©",
        "€",
        "™",
        "‚",
        "œ",
        "Ÿ",
        "»",
        "°",
        "\u{a0}",
        "\u{ad}",
        "\u{81}",
        "\u{85}",
        "\u{90}",
        "\u{9d}",
        "Ÿ",
        "˜",
        "\u{1b}",
        "[",
        "]",
        "m",
        "\u{7}",
        "\u{0}",
        "\u{200b}",
        "\u{feff}",
        "\u{200d}",
        "\u{2028}",
        "\u{3000}",
        "\u{301}",
        "\u{316}",
        "\u{30c}",
        "\u{212b}",
        "ﬁ",
        "Ａ",
        "＆",
        "ａ",
        "；",
        "“",
        "’",
        "—",
        "−",
        "é",
        "中",
        "😀",
        "ﬀ",
        "①",
        "²",
        "\u{1161}",
        "가",
        "\u{fffd}",
        "\u{fffd}\u{fffd}",
        "Ã\u{fffd}",
        "â€\u{fffd}",
        "\\",
        "u",
        "d83d",
        "DE00",
        "\\ud83d",
        "\\ude00",
        "\\uD83D\\uDE00",
        "&#92;",
        "＼",
        "ｕ",
        "í",
        "½",
        "¸",
        "í\u{a0}½",
        "í¸\u{80}",
        "í\u{a0}½í¸€",
        "í ½í¸€",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn cleaners() -> impl Strategy<Value = UnicodeCleaner> {
    (any::<[bool; 12]>(), 0..5u8).prop_map(|(on, form)| {
        UnicodeCleaner::builder()
            .mojibake(on[0])
            .html_entities(on[1])
            .control_chars(on[2])
            .invisible(on[3])
            .spaces(on[4])
            .ligatures(on[5])
            .width(on[6])
            .quotes(on[7])
            .dashes(on[8])
            .lossy_sequences(on[9])
            .surrogate_escapes(on[10])
            .lost_bytes(on[11])
            .normalization(match form {
                0 => Normalization::None,
                1 => Normalization::Nfc,
                2 => Normalization::Nfkc,
                3 => Normalization::Nfd,
                _ => Normalization::Nfkd,
            })
            .build()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_arbitrary_text(text in any::<String>()) {
        check(&web(), &text);
        check(&all(), &text);
    }

    #[test]
    fn invariants_on_interesting_text(text in interesting()) {
        check(&web(), &text);
        check(&all(), &text);
        check(&UnicodeCleaner::ftfy(), &text);
    }

    #[test]
    fn invariants_under_any_options(
        cleaner in cleaners(),
        text in interesting(),
    ) {
        check(&cleaner, &text);
    }

    /// Long regions are cut where nothing before can interact with what
    /// follows: cutting as often as possible gives what one region gives.
    #[test]
    fn cut_regions_clean_as_one(
        cleaner in cleaners(),
        parts in prop::collection::vec(interesting(), 1..6),
        runs in prop::collection::vec((prop::sample::select(vec![
            "\u{a0}", "&amp;", "&", "©", "\u{200b}", "\u{301}", "Ã", "a", "€",
        ]), 0..12usize), 1..6),
        every in 1..5usize,
    ) {
        let mut text = String::new();
        for (part, (run, n)) in parts.iter().zip(runs.iter().cycle()) {
            text.push_str(part);
            text.push_str(&run.repeat(*n));
        }
        let mut cut = cleaner.clone();
        cut.engine.region_items = every;
        let mut whole = cleaner;
        whole.engine.region_items = usize::MAX;
        prop_assert_eq!(cut.clean(&text), whole.clean(&text), "{:?}", text);
    }

    #[test]
    fn ascii_without_triggers_is_borrowed(text in "[ -%'-~\n\t]{0,200}") {
        prop_assert!(matches!(web().clean(&text), Cow::Borrowed(_)));
    }

    #[test]
    fn mojibake_of_any_text_is_repaired(
        // Non-ASCII characters apart: "á€€" is itself mojibake of "က", so
        // adjacent ones may be ambiguous.
        text in "([a-z ]{1,3}[à-ÿ’—…€“”😀中])*[a-z ]{0,2}",
    ) {
        // Encode as UTF-8, decode as Windows-1252: what a wrong charset
        // header does.
        let moji: String = text.bytes().map(cp1252::decode).collect();
        let clean = web().clean(&moji);
        prop_assert_eq!(clean.as_ref(), text.nfc().collect::<String>().replace('\u{a0}', " "));
    }
}

/// Outputs of Python's `ftfy.fix_text` 6.3.1 on tricky cases, which the
/// ftfy preset must reproduce. Known difference, not listed: ftfy restores
/// a no-break space lost after "Ã" ("voilÃ " → "voilà "); we leave it.
#[test]
fn agrees_with_ftfy() {
    let cases = [
        ("Itâ€™s", "It's"),
        ("ÃƒÂ©", "é"),
        ("«CAFÉ»", "«CAFÉ»"),
        ("«ESPAÑA»", "«ESPAÑA»"),
        ("‘está’”", "'está'\""),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€", "Привет, мир"),
        ("Ð² Ð´Ð¾Ð¼Ðµ", "в доме"),
        ("wÅ‚aÅ›nie zaÅ¼Ã³Å‚Ä‡", "właśnie zażółć"),
        ("×©×œ×•×\u{9d}", "שלום"),
        ("ä¸\u{ad}æ–‡", "中文"),
        ("dÃ\u{ad}a", "día"),
        ("Ã&copy;", "é"),
        ("&amp;lt;", "<"),
        ("12Â %", "12Â %"),
        ("1½ ×2", "1½ ×2"),
    ];
    let ftfy = UnicodeCleaner::ftfy();
    for (input, expected) in cases {
        assert_eq!(check(&ftfy, input), expected, "{input:?}");
    }
}

#[test]
fn markup_guard_survives_normalization() {
    // `<e` and a combining accent compose into `<é`: both read as a tag,
    // so `&amp;` stays escaped beside it on the first run and the second.
    for cleaner in [web(), UnicodeCleaner::ftfy()] {
        let once = cleaner.clean("x &amp;lt<e\u{301} y").into_owned();
        assert_eq!(once, "x &amp;lt<é y");
        assert_eq!(cleaner.clean(&once), once);
    }
}

#[test]
fn markup_is_judged_on_the_repaired_text() {
    // A fuzz finding: `<â€™s` read as a tag (`<` and a letter) kept
    // `&amp;gt;` escaped, but it is `<’s` once repaired, so the second run
    // decoded it. The text after a `<` is judged as the output has it.
    for cleaner in [web(), UnicodeCleaner::ftfy()] {
        let once = cleaner.clean("x<â€™s &amp;gt;").into_owned();
        assert!(once.ends_with("s >"), "{once:?}");
        assert_eq!(cleaner.clean(&once), once);
    }
    assert_eq!(web().clean("x<â€™s &amp;gt;"), "x<’s >");
    // A tag whose name is not ASCII is still one, as are deleted
    // characters before its name.
    assert_eq!(web().clean("<été>&lt;b&gt;"), "<été>&lt;b&gt;");
    assert_eq!(web().clean("<\u{200b}b>&lt;i&gt;"), "<b>&lt;i&gt;");
    // A quotation mark read as Windows-1252 after a `<` starts no tag,
    // while a letter read so does, as it will once repaired.
    assert_eq!(web().clean("a <â€œb” &lt;"), "a <“b” <");
    assert_eq!(web().clean("<Ð¿Ñ€Ð¸ &lt;"), "<при &lt;");
}

#[test]
fn a_tag_inside_a_terminal_escape_is_no_markup() {
    // A fuzz finding: `ESC [ 0 < s` is an escape sequence, deleted whole,
    // so the `<s` of `<strong>` is not a tag that keeps `&lt;` escaped.
    let cleaner = UnicodeCleaner::default();
    let text = "\u{1b}[0<strong>Hello &lt;blink&gt;\n";
    let once = cleaner.clean(text).into_owned();
    assert_eq!(once, "trong>Hello <blink>\n");
    assert_eq!(cleaner.clean(&once), once);
    // A real tag beside it still keeps them escaped.
    let text = "<b>\u{1b}[1mHello &lt;blink&gt;\n";
    assert_eq!(cleaner.clean(text), "<b>Hello &lt;blink&gt;\n");
}

/// UTF-8 text as each legacy code page shows it, once and twice over
/// (examples written for this crate from how such text breaks: a wrong
/// charset header, a database column read in the wrong code page, a DOS
/// console), with the rule that must report at least one of its changes.
/// Turkish "IÄŸdÄ±râ€™da" reads the same in Windows-1252, which names it.
#[test]
fn code_pages_are_repaired() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "mojibake.macroman",
            &[
                ("cr√®me br√ªl√©e", "crème brûlée"),
                ("cr‚àö¬Æme br‚àö¬™l‚àö¬©e", "crème brûlée"),
                ("It‚Äôs ‚Äúdone‚Äù ‚Ä¶", "It’s “done” …"),
                ("It‚Äö√Ñ√¥s ‚Äö√Ñ√∫done‚Äö√Ñ√π ‚Äö√Ñ¬∂", "It’s “done” …"),
                ("Z√ºrich, Gr√∂√üe", "Zürich, Größe"),
                ("Z‚àö¬∫rich, Gr‚àö‚àÇ‚àö√ºe", "Zürich, Größe"),
                ("d√©j√† vu ‚Äî na√Øve", "déjà vu — naïve"),
                ("d‚àö¬©j‚àö‚Ä† vu ‚Äö√Ñ√Æ na‚àö√òve", "déjà vu — naïve"),
                ("–ü—Ä–∏–≤–µ—Ç, –º–∏—Ä", "Привет, мир"),
                (
                    "‚Äì√º‚Äî√Ñ‚Äì‚àè‚Äì‚â§‚Äì¬µ‚Äî√á, ‚Äì¬∫‚Äì‚àè‚Äî√Ñ",
                    "Привет, мир",
                ),
            ],
        ),
        (
            "mojibake.cp1250",
            &[
                ("ZĂĽrich", "Zürich"),
                ("ZÄ‚Ä˝rich", "Zürich"),
                (
                    "PĹ™Ă\u{ad}liĹˇ ĹľluĹĄouÄŤkĂ˝ kĹŻĹ\u{88}",
                    "Příliš žluťoučký kůň",
                ),
                (
                    "PÄąâ„˘Ä‚Â\u{ad}liÄąË‡ ÄąÄľluÄąÄ„ouĂ„Ĺ¤kÄ‚Ëť kÄąĹ»ÄąÂ\u{88}",
                    "Příliš žluťoučký kůň",
                ),
                ("zaĹĽĂłĹ‚Ä‡ gÄ™Ĺ›lÄ… jaĹşĹ„", "zażółć gęślą jaźń"),
                (
                    "zaÄąÄ˝Ä‚Ĺ‚Äąâ€šĂ„â€ˇ gĂ„â„˘Äąâ€şlĂ„â€¦ jaÄąĹźÄąâ€ž",
                    "zażółć gęślą jaźń",
                ),
                ("DvoĹ™Ăˇk â€“ â€śNovosvÄ›tskĂˇâ€ť", "Dvořák – “Novosvětská”"),
                (
                    "DvoÄąâ„˘Ä‚Ë‡k Ă˘â‚¬â€ś Ă˘â‚¬Ĺ›NovosvĂ„â€ştskÄ‚Ë‡Ă˘â‚¬ĹĄ",
                    "Dvořák – “Novosvětská”",
                ),
            ],
        ),
        (
            "mojibake.iso8859_2",
            &[
                (
                    "PĹ\u{99}Ă\u{ad}liĹĄ ĹžluĹĽouÄ\u{8d}kĂ˝ kĹŻĹ\u{88}",
                    "Příliš žluťoučký kůň",
                ),
                ("Ä\u{8c}eĹĄtina, Ĺ\u{99}eka", "Čeština, řeka"),
            ],
        ),
        (
            "mojibake.cp1251",
            &[
                ("вЂ“", "–"),
                ("РІР‚вЂњ", "–"),
                ("ItвЂ™s вЂњdoneвЂќ вЂ“ yes", "It’s “done” – yes"),
                (
                    "ItРІР‚в„ўs РІР‚СљdoneРІР‚Сњ РІР‚вЂњ yes",
                    "It’s “done” – yes",
                ),
                ("РџСЂРёРІРµС‚, РјРёСЂ", "Привет, мир"),
                (
                    "Р\u{a0}СџРЎР‚Р\u{a0}С‘Р\u{a0}Р†Р\u{a0}ВµРЎвЂљ, Р\u{a0}С\u{98}Р\u{a0}С‘РЎР‚",
                    "Привет, мир",
                ),
                ("cafГ©", "café"),
                ("cafР“В©", "café"),
            ],
        ),
        (
            "mojibake.cp1253",
            &[
                ("Itβ€™s β€“ done", "It’s – done"),
                ("ItΞ²β‚¬β„Άs Ξ²β‚¬β€\u{9c} done", "It’s – done"),
                ("Ξ\u{9a}Ξ±Ξ»Ξ·ΞΌΞ\u{ad}Ο\u{81}Ξ±", "Καλημέρα"),
                (
                    "Ξ\u{9e}Β\u{9a}Ξ\u{9e}Β±Ξ\u{9e}Β»Ξ\u{9e}Β·Ξ\u{9e}Ξ\u{8c}Ξ\u{9e}Β\u{ad}Ξ\u{9f}Β\u{81}Ξ\u{9e}Β±",
                    "Καλημέρα",
                ),
                ("cafΓ© crΓ¨me", "café crème"),
                ("cafΞ“Β© crΞ“Β¨me", "café crème"),
            ],
        ),
        (
            "mojibake.cp1254",
            &[
                ("ĞŸÑ€Ğ¸Ğ²ĞµÑ‚", "Привет"),
                ("Ä\u{9e}Å¸Ã‘â‚¬Ä\u{9e}Â¸Ä\u{9e}Â²Ä\u{9e}ÂµÃ‘â€š", "Привет"),
                ("emoji ğŸ˜€ ok", "emoji 😀 ok"),
                ("emoji ÄŸÅ¸Ëœâ‚¬ ok", "emoji 😀 ok"),
            ],
        ),
        (
            "mojibake.cp1257",
            &[
                ("Itā€™s ā€“ done", "It’s – done"),
                ("ItÄ\u{81}ā‚¬ā„¢s Ä\u{81}ā‚¬ā€\u{9c} done", "It’s – done"),
                ("ZĆ¼rich", "Zürich"),
                ("ZÄ†Ā¼rich", "Zürich"),
                ("Å\u{81}Ć³dÅŗ", "Łódź"),
                ("Ć…Ā\u{81}Ä†Ā³dĆ…Å—", "Łódź"),
            ],
        ),
        (
            "mojibake.cp437",
            &[
                ("╨ƒ╤Ç╨╕╨▓╨╡╤é, ╨╝╨╕╤Ç", "Привет, мир"),
                (
                    "Γò¿╞ÆΓòñ├çΓò¿ΓòòΓò¿ΓûôΓò¿ΓòíΓòñ├⌐, Γò¿Γò¥Γò¿ΓòòΓòñ├ç",
                    "Привет, мир",
                ),
                ("ItΓÇÖs ΓÇö ΓÇ£doneΓÇ¥", "It’s — “done”"),
                ("It╬ô├ç├ûs ╬ô├ç├╢ ╬ô├ç┬údone╬ô├ç┬Ñ", "It’s — “done”"),
                ("cr├¿me br├╗l├⌐e", "crème brûlée"),
                ("crΓö£┬┐me brΓö£ΓòùlΓö£ΓîÉe", "crème brûlée"),
            ],
        ),
    ];
    for (rule, pairs) in cases {
        for (moji, clean) in *pairs {
            assert_eq!(check(&web(), moji), *clean, "{moji:?}");
            let rules: Vec<&str> =
                web().explain(moji).changes.iter().map(|c| c.rule).collect();
            assert!(rules.contains(rule), "{moji:?}: {rules:?}");
            assert!(
                rules.iter().all(|r| r.starts_with("mojibake.")),
                "{moji:?}: {rules:?}"
            );
            // Without the code pages, Windows-1252 alone repairs nothing
            // of it that is not Windows-1252 mojibake.
            let only_1252 =
                UnicodeCleaner::builder().code_pages(false).build();
            let rules: Vec<&str> = only_1252
                .explain(moji)
                .changes
                .iter()
                .map(|c| c.rule)
                .collect();
            assert!(!rules.contains(rule), "{moji:?}");
        }
    }
}

// Correct text in which a lead byte meets a continuation byte of some code
// page: the pair is well-formed UTF-8 there, but real text, not mojibake.
same!(
    correct_text_in_every_script_stays,
    web(),
    "Düsseldorf",
    "naïve café",
    "£100 – €120",
    "2×€15",
    "2×£15 and 3×½ cup, 4×¼",
    "size 20×…",
    "¿ESTÁ?",
    "Ò£, É€, Ø£, Ö°, Ñ™ and É”",
    "BLÍŽE, MÔŽE, NÁŠ, VÁŠ",
    "«CAFÉ» and «ESPAÑA»; CAFÉ… ÉTÉ” MÜNCHEN—",
    "l’été, l’école, qu’à — à bientôt, “À”",
    "Καλημέρα κόσμε, ΤΟ… ή» ά…",
    "Привет, мир! Рёв, Рёбра, Рівне, її, всё», ДОЛГ» В…",
    "中文字符，日本語のテキスト、한국어 텍스트",
    "emoji 😀 👍🏽 ❤️ 👩‍💻 🇫🇷",
    "São Paulo, ação, irmã",
    "În România, ÎNVĂȚĂMÂNT, științe",
    "Tiếng Việt có dấu: người, được, Đà Nẵng",
    "Příliš žluťoučký kůň, PRZYJACIÓŁ, ŻÓŁW, Łódź",
    "Iğdır, İstanbul, ŞİŞLİ…",
    "Zürich–Über, l’été—à",
    "┌──────┐\n│ a ├─┤\n└──────┘ ═══╗ ─┐ ║ ╚══╝",
    "“Allâ”… and “â”— then “café”… and Shâ”‚",
    "x ± 3 °C, 5 µm, ≤ 10, ∞, √2, π",
    "naïve café 中文 Привет Ελληνικά 😀 São",
);

// Mojibake whose bytes were altered on the way.
// The no-break space of a line's last character, gone with its trailing
// spaces: "à" after a lower-case letter, a no-break space after a word.
t!(lost_nbsp_at_line_end, web(), "la cittÃ\nIRMÃ\nonline.Â\nend" =>
    "la città\nIRMÃ\nonline. \nend");
t!(lost_nbsp_a_grave, web(), "Ã  bientÃ´t" => "à bientôt", "mojibake.cp1252",
    "mojibake.cp1252");
t!(lost_nbsp_end_of_word, web(), "voilÃ , dÃ©jÃ  vu" => "voilà, déjà vu");
t!(lost_nbsp_twice_encoded, web(), "ÃƒÂ  bientÃƒÂ´t" => "à bientôt");
t!(lost_nbsp_cyrillic_er, web(), "Ð ÐµÐ·ÑƒÐ»ÑŒÑ‚Ð°Ñ‚" => "Результат");
same!(lost_nbsp_not_after_a_capital, web(), "IRMÃ E", "12Â %", "Ð x");
t!(lost_nbsp_off, UnicodeCleaner::builder().lost_bytes(false).build(),
    "Ã  bientÃ´t" => "Ã  bientôt");
// A byte that became U+FFFD cannot be told back: left alone.
same!(replacement_character_stays, web(), "Ã�", "â€�", "caf�", "�");
// C1 controls inside a sequence are part of it, not removed first.
t!(c1_bytes_in_czech, web(), "Ä\u{8d}eskÃ½" => "český");
t!(controls_inside_emoji, web(), "ðŸ‘\u{8d} ok" => "👍 ok");

#[test]
fn code_pages_can_be_switched_off() {
    let off = UnicodeCleaner::builder().code_pages(false).build();
    for moji in ["cr√®me br√ªl√©e", "ZĂĽrich", "вЂ“", "╨┐╤Ç╨╕"]
    {
        assert!(matches!(off.clean(moji), Cow::Borrowed(_)), "{moji:?}");
    }
    assert_eq!(off.clean("cafÃ©"), "café");
}

/// Words of one script, as real text writes them: lowercase, capitalized
/// or all capitals, with the accents of the languages of that script.
fn word(script: u8) -> BoxedStrategy<String> {
    // Latin words as syllables, a consonant then a vowel, so that accents
    // stand where languages put them (random letters would make "âš…",
    // which is mojibake of "⚅" more than any word).
    let latin = "([b-df-hj-np-tv-zçñßłńśźżčďňřšťžğş][aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿąęěůőűı])";
    // Capitals without `Â` and `Ã`, the leads of the commonest mojibake
    // ("Â…" is repaired to "…" wherever it stands), nor Windows-1252's own
    // capitals (Š Ž Œ Ÿ: "ÄŠ" is mojibake of "Ċ", and repaired too).
    let latin_upper = "[A-ZÀÁÄÅÆÇÈÉÊÍÎÑÓÔÖØÚÜŁŚŻČŘİŞ]";
    let greek = "[αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ]";
    let greek_upper = "[ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]";
    // Without ё і ї є ґ, whose Windows-1251 bytes are continuation bytes:
    // random words with them ("Рґїґ") spell sequences real words rarely do.
    let cyrillic = "[абвгдежзийклмнопрстуфхцчшщъыьэюя]";
    let cyrillic_upper = "[АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯІЇЄ]";
    let cased = |lower: &'static str, upper: &'static str| {
        let latin = lower.contains("b-d");
        (
            proptest::string::string_regex(&format!("{lower}{{1,5}}[a-z]?"))
                .unwrap(),
            proptest::string::string_regex(&format!("{upper}{{1,6}}"))
                .unwrap(),
            0..3u8,
        )
            .prop_map(move |(lower, upper, how)| match how {
                0 => lower,
                // A capital, then (as in most Latin words) a plain letter.
                1 => {
                    let mut w: String = upper.chars().take(1).collect();
                    if latin {
                        w.push(char::from(b'a' + (lower.len() % 26) as u8));
                    }
                    w.push_str(&lower);
                    w
                }
                _ => upper,
            })
    };
    let letters = match script {
        0 => cased(latin, latin_upper).boxed(),
        1 => cased(greek, greek_upper).boxed(),
        _ => cased(cyrillic, cyrillic_upper).boxed(),
    };
    prop_oneof![
        6 => letters,
        1 => "[中文字日本語漢字한국어텍스트かなカナ]{1,4}",
        1 => prop::sample::select(vec![
            "😀", "👍", "👍🏽", "❤️", "🎉", "🇫🇷", "👩‍💻", "✓",
        ]).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "2×€15", "£100", "€120", "±3°C", "20×…", "¿Qué?", "¡Sí!", "5 µm",
            "x²", "½", "©2024", "№5", "§3", "100%", "3×½",
        ]).prop_map(str::to_owned),
    ]
    .boxed()
}

/// Text in one script (Latin, Greek or Cyrillic, with CJK, emoji and
/// symbols between), with the punctuation between and around its words.
fn prose() -> impl Strategy<Value = String> {
    (0..3u8).prop_flat_map(|script| {
        let piece = (
            word(script),
            prop::sample::select(vec![
                " ", " ", " ", ", ", ". ", " — ", " – ", "… ", "\n", "» ",
                "” ", "; ", "! ", "? ", ": ",
            ]),
            prop::sample::select(vec![
                "", "", "", "“", "‘", "«", "„", "¿", "(",
            ]),
        );
        prop::collection::vec(piece, 1..12).prop_map(|pieces| {
            pieces
                .into_iter()
                .map(|(w, after, before)| {
                    // Closing quotes close what opened: a capital and an
                    // unopened "»" or "”" ("Î»", "Ð”") reads as mojibake
                    // (of "λ", "Д"), as ftfy reads it too.
                    let after = match (before, after) {
                        ("«", "» ") | ("“" | "„", "” ") => after,
                        (_, "» " | "” ") => " ",
                        _ => after,
                    };
                    format!("{before}{w}{after}")
                })
                .collect::<String>()
        })
    })
}

/// Text that mixes the scripts word by word.
fn mixed_prose() -> impl Strategy<Value = String> {
    prop::collection::vec((0..3u8).prop_flat_map(word), 1..12)
        .prop_map(|words| words.join(" "))
}

/// `text`'s UTF-8 bytes read in `codec`, `layers` times; `None` where it
/// leaves a byte undefined.
fn mis_decode(
    text: &str,
    codec: crate::codec::Codec,
    layers: usize,
) -> Option<String> {
    let mut text = text.to_owned();
    for _ in 0..layers {
        text = text.bytes().map(|b| codec.decode(b)).collect::<Option<_>>()?;
    }
    Some(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Correct text in any script is left alone.
    #[test]
    fn correct_prose_is_never_changed(
        text in prop_oneof![prose(), mixed_prose()],
    ) {
        let out = web().clean(&text);
        prop_assert!(matches!(out, Cow::Borrowed(_)), "{:?} -> {:?}", text, out);
    }

}

#[test]
fn false_repairs_of_capitals_and_quotes() {
    // Found by `correct_prose_is_never_changed`. An outer layer of double
    // mojibake must be a plausible repair itself: "РЁЄ" is "ШЄ" in
    // Windows-1251 and then Arabic, which nothing beside it supports.
    let cleaner = web();
    // A Cyrillic word "ВІ" beside Latin text is no "²"; "Вј" in
    // Serbian is no "¼".
    stays(
        &cleaner,
        &[
            "РЁЄ",
            "РЁЄ РЁІ",
            "«Î» ",
            "“Ð” and «Ñ»",
            "ÚŞŘŻ",
            "ВІ ťi",
            "Вјера у бога",
            "ВВЄ pű",
            "ВЈЕРА И НАДА",
            "Мјесто, Пјесма",
            "ÓŞÓŚ",
            "ÓŚÓŞ",
            "αa Β… ",
            "ÎŁÎŁ ",
            "РЁР… ",
            "ňâśą",
            "ÓŻÔ… ",
            "ЭЄШР… ",
            "ОЁП… ",
            "a Β… b",
        ],
    );
    // Glued to a letter or digit, they are the symbol they spell.
    assert_eq!(check(&cleaner, "10 mВІ plot"), "10 m² plot");
    assert_eq!(check(&cleaner, "costs ВЈ5 now"), "costs £5 now");
    // Each "В" of a run is judged by the Latin letters around the run,
    // and "Г×" between digits of Latin text is "×".
    assert_eq!(
        check(&cleaner, "PrivacyВ\u{a0}|В\u{a0}Security"),
        "Privacy | Security"
    );
    assert_eq!(check(&cleaner, "with 4Г—4 min"), "with 4×4 min");
    assert_eq!(check(&cleaner, "PSU 2 Г— 1600W"), "PSU 2 × 1600W");
    // Three bytes that spell a symbol, with only Latin letters near.
    assert_eq!(check(&cleaner, "в–ёCorporate Events"), "▸Corporate Events");
    assert_eq!(check(&cleaner, "в—Џ You are welcome"), "● You are welcome");
    stays(&cleaner, &["Он живёт в «Москве»…", "Лето в–ёлках", "β–καροτένιο"]);
    assert_eq!(check(&cleaner, "Мой 4Г—4 дом"), "Мой 4Г—4 дом");
    // In Latin text, "Γ" and a no-break space that ends a word are "à";
    // a pair glued to Latin letters on both sides is what it spells, and
    // so is a letter and a symbol glued to a digit ("Ξ©" is "Ω").
    assert_eq!(
        check(&cleaner, "un cadeau Γ\u{a0} offrir"),
        "un cadeau à offrir"
    );
    assert_eq!(check(&cleaner, "in TΓΌrkçe too"), "in Türkçe too");
    assert_eq!(check(&cleaner, "in TГјrkçe too"), "in Türkçe too");
    assert_eq!(check(&cleaner, "Impedance 32Ξ©Driver"), "Impedance 32ΩDriver");
    // Greek text, and formulas in Latin text, stay.
    stays(&cleaner, &["Η ΓΌ μικρή", "Let Ξ·x be", "ΑΒΓ©", "ΤΙΜΗ Β£"]);
    // Alone, without an opening quote, a lead and a symbol are mojibake,
    // as ftfy reads them too.
    assert_eq!(check(&cleaner, "x Î» y"), "x λ y");
}

#[test]
fn hangul_and_kana_read_as_windows_1252() {
    let cleaner = web();
    // A lead and two signs ("²ª", "³" and a no-break space), alone or
    // side by side: each alone is weak evidence, two in a row are not.
    assert_eq!(check(&cleaner, "ê²ª"), "겪");
    assert_eq!(check(&cleaner, "ê²ªê³\u{a0} ë\u{8b}¤"), "겪고 다");
    assert_eq!(check(&cleaner, "모델의 ì\u{a0}•í™•ë\u{8f}„"), "모델의 정확도");
    // Kana punctuation and squared signs are CJK, not unassigned.
    assert_eq!(check(&cleaner, "2025 ãƒ» 3 min read"), "2025 ・ 3 min read");
    assert_eq!(check(&cleaner, "84ãŽ¡ ì•„íŒŒíŠ¸"), "84㎡ 아파트");
    // A counter after a number.
    assert_eq!(check(&cleaner, "2025ë…„ 1ì›”"), "2025년 1월");
    // A word's last syllable whose A0 was trimmed at the line's end, or
    // became a space: "고" is EA B3 A0.
    assert_eq!(check(&cleaner, "í•˜ê³\nx"), "하고\nx");
    assert_eq!(check(&cleaner, "ìžˆê³ "), "있고");
    assert_eq!(check(&cleaner, "í•˜ê³  ë§ì"), "하고 ë§ì");
    // A word's first syllable, its A0 become a space before the next.
    assert_eq!(check(&cleaner, "ì« è¨€ã‚‹"), "쫠言る");
    // Not after Latin letters, nor alone.
    stays(&cleaner, &["le mê³", "ê³\nx", "Pê³ x"]);
    // Czech and Polish letters that spell two CJK sequences in a row in
    // Windows-1250 are letters (found by `correct_prose_is_never_changed`).
    stays(&cleaner, &["běžąçąźı "]);
    // Latin text with such characters stays.
    stays(
        &cleaner,
        &["le 2è…» dit-il", "nº 5ª", "Zoë…„Hallo“", "3ª série", "m²ª"],
    );
}

#[test]
fn korean_and_hindi_read_as_macroman() {
    let cleaner = web();
    // In a text with MacRoman repairs, a Hangul syllable under way is not
    // cut short by a Greek letter in Windows-1252 ("Î¶" is "ζ").
    assert_eq!(
        check(
            &cleaner,
            "Ïó∞Íµ¨ ÏûêÎ£å: ÎîîÏ†§ ÏóîÏßÑ Ïó∞ÏÜå Í≥ºÏ†ïÏóêÏÑúÏùò ÎØ∏Î¶ΩÏûê ÌòïÏÑ±"
        ),
        "연구 자료: 디젤 엔진 연소 과정에서의 미립자 형성"
    );
    // A virama after a repaired Devanagari letter.
    assert_eq!(
        check(&cleaner, "‡§π‡§ø‡§®‡•ç‡§¶‡•Ä ‡§∏‡§Ç‡§∏‡•ç‡§ï‡•É‡§§‡§Æ‡•ç"),
        "हिन्दी संस्कृतम्"
    );
}

#[test]
fn a_word_is_repaired_as_a_whole() {
    // Found by `prose_through_any_code_page_is_restored`: the evidence of
    // a word read in the wrong code page may come late in it ("Ο\u{8c}",
    // a C1 control), and the sequences before it are repaired with it.
    let cleaner = web();
    assert_eq!(check(&cleaner, "Ξ£Ξ³ΞΉΟ\u{8c}Ξ―ΞΏ"), "Σγιόίο");
    assert_eq!(check(&cleaner, "Ξ’Ξ®Ο‰Ο\u{8c}"), "Βήωό");
    // ASCII letters between: one word.
    assert_eq!(check(&cleaner, "№5 Ä°YÅšPÃœ"), "№5 İYŚPÜ");
    // Not across a space, and not what reads as no sequence there.
    assert_eq!(check(&cleaner, "Ä° YÅš"), "Ä° YŚ");
    assert_eq!(check(&cleaner, "Düsseldorfâ€™s"), "Düsseldorf’s");
    // Nor what has no byte in the repair's code page.
    assert_eq!(check(&cleaner, "ΑΒÃ©"), "ΑΒé");
}

#[test]
fn a_misread_word_is_repaired_whole() {
    // No sequence alone is evidence, but the word is none while what it
    // spells is: Greek and Cyrillic read as MacRoman.
    let cleaner = web();
    assert_eq!(check(&cleaner, "ŒñŒÆŒØœÖŒºœé?"), "Ζήίυμώ?");
    assert_eq!(check(&cleaner, "¿Œúœéœå, ok"), "¿Μώό, ok");
    assert_eq!(check(&cleaner, "–Ü—Ç—å—Ö–ª; x"), "Ітьхл; x");
    // And then a lone letter in the same code page is one too.
    assert_eq!(check(&cleaner, "x ŒñŒÆŒØœÖŒºœé Œî."), "x Ζήίυμώ Δ.");
    // A word of capitals stays, whatever it spells ("ÚŞŘŻ" is Arabic in
    // Windows-1250), and so does a word glued to ASCII letters.
    for text in ["ÚŞŘŻ", "ŒñŒÆŒØœÖa", "ŒUVRE"] {
        assert!(matches!(cleaner.clean(text), Cow::Borrowed(_)), "{text:?}");
    }
}

#[test]
fn lost_no_break_spaces_of_inner_layers() {
    let cleaner = web();
    // "ナ" through Windows-1252 twice, the A0 of its "Š" made a space.
    assert_eq!(check(&cleaner, "Ã£Æ’Å  x"), "ナ x");
    // "Π" after a repaired Greek letter.
    assert_eq!(check(&cleaner, "Î¤Î©Î˜Î  ΦΧ"), "ΤΩΘΠ ΦΧ");
    // Correct Scandinavian text keeps its "Å ".
    assert_eq!(check(&cleaner, "PÅ sön"), "PÅ sön");
}

#[test]
fn a_longer_sequence_under_way_wins() {
    // In code page 437, "≡ƒæì" is "👍" and "Γ£ô" is "✓"; inside them,
    // "ƒæ" is "ľ" in MacRoman and "Γ£" is "ã" in Windows-1253.
    let cleaner = web();
    assert_eq!(check(&cleaner, "≡ƒæì ok"), "👍 ok");
    assert_eq!(check(&cleaner, "Γ£ô done"), "✓ done");
    assert_eq!(check(&cleaner, "≡ƒÄë!"), "🎉!");
    // Where nothing completes it, the shorter one is made.
    assert_eq!(check(&cleaner, "≡ƒæ ok"), "≡ľ ok");
}

#[test]
fn a_lone_letter_through_two_layers() {
    // "ό" through Windows-1257 twice: the inner layer's repairs are a
    // letter and a C1 control, evidence of their own.
    assert_eq!(check(&web(), "Ä»Ā\u{8c} "), "ό ");
}

#[test]
fn double_layers_and_dos_symbols() {
    let cleaner = web();
    // 👍🏽 through Windows-1250 twice: the inner layer's repairs are the
    // lead and continuations of the outer one, repaired to the end.
    let thumbs = "Ä‘Ĺşâ€\u{98}Ĺ¤Ä‘ĹşĹąËť ";
    assert_eq!(check(&cleaner, thumbs), "👍🏽 ");
    // ñ through code page 437 twice, box drawing in between.
    assert_eq!(check(&cleaner, "Γö£ΓûÆΓö£Γòò "), "ñø ");
}

#[test]
fn composed_lead_before_a_space_is_settled_at_once() {
    // "A" and a combining tilde compose into "Ã", which with the space
    // after it reads as "à" whose no-break space was lost: the first run
    // must do what a second one would (an idempotence failure seen once).
    let cleaner = web();
    let once = cleaner.clean("A\u{303} a").into_owned();
    assert_eq!(cleaner.clean(&once), once);
    for text in ["xA\u{303} bient", "A\u{302} x", "A\u{303}\u{303} a"] {
        let once = cleaner.clean(text).into_owned();
        assert_eq!(cleaner.clean(&once), once, "{text:?}");
    }
}

#[test]
fn a_lead_made_by_a_repair_before_a_space_is_settled_at_once() {
    // A fuzz finding (pipeline target): "Ã\u{83}" is an inner layer that
    // spells "Ã"; with the space after it a second run restores the lost
    // no-break space ("à"), so the first one must. Entities alike.
    let cleaner = web();
    for text in [
        "water Ã\u{200b}\u{83} --Ã was",
        "Ã\u{83} x",
        "&Atilde; bient",
        "v&#195; x",
    ] {
        let once = cleaner.clean(text).into_owned();
        assert_eq!(cleaner.clean(&once), once, "{text:?}");
    }
}

/// A document whose mojibake came through two code pages: repairs in one
/// do not make the other's sequences read as combining marks ("Ã´" after
/// MacRoman repairs is still "ô", not U+032B on the letter before).
#[test]
fn a_letter_beats_a_combining_mark_across_code_pages() {
    let cleaner = UnicodeCleaner::default();
    let text = "cr√®me br√ªl√©e\n\u{c3}\u{a0} bient\u{c3}\u{b4}t, d\u{c3}\u{a9}j\u{c3}\u{a0}\n";
    assert_eq!(cleaner.clean(text), "crème brûlée\nà bientôt, déjà\n");
}

#[test]
fn a_no_break_space_that_lost_its_a0_after_a_lowercase_letter() {
    let ftfy = UnicodeCleaner::ftfy();
    for (text, want) in [
        (
            "Rest 5 minutes\u{c2} between sets.",
            "Rest 5 minutes\u{a0}between sets.",
        ),
        ("Privacy\u{c2} |\u{c2} Security", "Privacy\u{a0}|\u{a0}Security"),
        ("word \u{c2} word", "word \u{a0}word"),
        ("CH\u{c2} TEAU", "CH\u{c2} TEAU"),
        ("H\u{c2}L\u{c2} GELMEDI", "H\u{c2}L\u{c2} GELMEDI"),
        ("12\u{c2} %", "12\u{c2} %"),
        ("(\u{c2} x", "(\u{c2} x"),
        ("\u{c2}ge d'or", "\u{c2}ge d'or"),
    ] {
        assert_eq!(ftfy.clean(text), want, "{text:?}");
    }
    // After a digit, only in a text that has had repairs.
    assert_eq!(
        ftfy.clean("It\u{e2}\u{80}\u{99}s made of 100\u{c2} percent aluminum"),
        "It's made of 100\u{a0}percent aluminum"
    );
    // The default turns the restored no-break space into a space.
    assert_eq!(
        UnicodeCleaner::default().clean("minutes\u{c2} between"),
        "minutes between"
    );
}

#[test]
fn units_and_variation_selectors_of_mojibake() {
    let cleaner = web();
    assert_eq!(
        check(&cleaner, "Impedance 32\u{ce}\u{a9}Driver, 5\u{ce}\u{bc}m"),
        "Impedance 32\u{3a9}Driver, 5\u{3bc}m"
    );
    assert_eq!(
        check(&cleaner, "2025. \u{e2}\u{2020}\u{a9}\u{ef}\u{b8}\u{17d}"),
        "2025. \u{21a9}\u{fe0e}"
    );
    // A Greek letter after a number that is not a unit stays: "3Î±" may be
    // a code.
    assert_eq!(check(&cleaner, "3\u{ce}\u{b1}"), "3\u{ce}\u{b1}");
}

#[test]
fn the_ftfy_options_replace_lossy_sequences_as_ftfy() {
    let ftfy = UnicodeCleaner::ftfy();
    for (text, want) in [
        ("We don\u{e2}\u{20ac}\u{fffd}t know", "We don\u{fffd}t know"),
        (
            "Caf\u{c3}\u{fffd} au lait, caf\u{c3}\u{a9} noir",
            "Caf\u{fffd} au lait, caf\u{e9} noir",
        ),
        ("\u{c3}\u{fffd}\u{fffd}", "\u{fffd}\u{fffd}"),
        ("a\u{fffd}b", "a\u{fffd}b"),
    ] {
        assert_eq!(check(&ftfy, text), want, "{text:?}");
    }
    // The stage's own default leaves them: nothing can be recovered.
    assert_eq!(
        check(&web(), "don\u{e2}\u{20ac}\u{fffd}t"),
        "don\u{e2}\u{20ac}\u{fffd}t"
    );
}

#[test]
fn a_symbol_beats_a_c1_control_across_code_pages() {
    // "¶" and "®" in UTF-8 read as ISO-8859-2: Windows-1250 spells the same
    // pairs as C1 controls, which would then read as "œ" and "Ž".
    let cleaner = UnicodeCleaner::default();
    assert_eq!(
        cleaner.clean("Header Ordering\u{c2}\u{15b}"),
        "Header Ordering\u{b6}"
    );
    // Unless Windows-1250 has the repairs: then the C1 control is the
    // inner layer of a quote ("“" in UTF-8, read as Windows-1252 and that
    // again as Windows-1250).
    assert_eq!(cleaner.clean("Zimn\u{ed} \u{10d}as. \u{102}\u{2d8}\u{c2}\u{20ac}\u{c2}\u{15b}Choose"), "Zimní čas. “Choose");
    assert_eq!(
        cleaner.clean("MAS Certified Green\u{c2}\u{17d}"),
        "MAS Certified Green\u{ae}"
    );
}

/// CESU-8 (UTF-16 surrogates encoded one by one, as Java's modified UTF-8
/// and some database drivers do) read as Windows-1252 or Latin-1: a pair
/// is the astral character it encodes, under the code page's rule.
#[test]
fn cesu8_mojibake_is_repaired() {
    for (input, want) in [
        // 😀 is ED A0 BD ED B8 80: Windows-1252, and Latin-1 (C1 "\u{80}").
        ("í\u{a0}½í¸€", "😀"),
        ("í\u{a0}½í¸\u{80}", "😀"),
        ("cafÃ© í\u{a0}½í¸\u{80}", "café 😀"),
        ("Great job í\u{a0}½í±\u{8d}í\u{a0}½í±\u{8d}!", "Great job 👍👍!"),
        ("Party time í\u{a0}¼í¾‰ tonight", "Party time 🎉 tonight"),
        // A ZWJ sequence: each astral character is a pair of its own.
        ("í\u{a0}½í±©\u{200d}í\u{a0}½í²»", "👩\u{200d}💻"),
        // CJK Extension B (U+20BB7, "𠮷" in 𠮷野家): ED A1 82 ED BE B7.
        ("í¡‚í¾·野家", "𠮷野家"),
        // Mathematical letters, plane 1 (U+1D400 "𝐀": ED A0 B5 ED B0 80).
        ("í\u{a0}µí°€ bold", "𝐀 bold"),
        // A pair whose no-break space became a plain space.
        ("Thanks í ½í¸€ see you", "Thanks 😀 see you"),
        ("í ½í¸\u{80}", "😀"),
        // A high surrogate whose last byte is a C1 control with no
        // Windows-1252 meaning (U+10440 "𐑀", Deseret: ED A0 81 ED B1 80).
        ("í\u{a0}\u{81}í±\u{80}", "\u{10440}"),
        // A tag character (U+E0067, in flag sequences): its second byte is
        // a soft hyphen (ED AD A0 ED B1 A7).
        ("í\u{ad}\u{80}í±§", "\u{e0067}"),
    ] {
        assert_eq!(check(&web(), input), want, "{input:?}");
        assert_eq!(check(&UnicodeCleaner::ftfy(), input), want, "{input:?}");
        let rules: Vec<&str> =
            web().explain(input).changes.iter().map(|c| c.rule).collect();
        assert!(
            rules.iter().all(|r| r.starts_with("mojibake.")),
            "{input:?}: {rules:?}"
        );
    }
    // The change spans the six characters and names Windows-1252.
    let report = web().explain("ok í\u{a0}½í¸€!");
    assert_eq!(report.changes.len(), 1);
    assert_eq!(report.changes[0].rule, "mojibake.cp1252");
    assert_eq!(report.changes[0].span, 3..16);
    assert_eq!(report.changes[0].replacement, "😀");
    let lost = web().explain("í ½í¸€");
    assert_eq!(lost.changes.len(), 1);
    assert_eq!(lost.changes[0].span, 0.."í ½í¸€".len());
}

/// Half a pair, or its halves apart, is no UTF-8 and stays, as ftfy
/// leaves it; so do "í" and symbols in real text.
#[test]
fn lone_cesu8_halves_and_real_text_stay() {
    for input in [
        "í\u{a0}½",
        "x í\u{a0}½ y",
        "í¸€",
        "í\u{a0}½ í¸€",
        "í\u{a0}½x í¸€",
        // Two highs, or a low then a high.
        "í\u{a0}½í\u{a0}½",
        "í¸€í\u{a0}½",
        // Spanish and Czech with symbols after "í".
        "Sí ½ taza de azúcar",
        "aquí ¸ allí",
        "Añadí ½ kg, y aquí ¼ l",
        "Sí, 3 × ½ = 1½",
        "Plátno: í ½ í ¸",
        "Ví ±2 °C",
        "El precio aquí €5",
        // A lost no-break space needs the whole pair after it.
        "í ½í",
        "í ½ í¸€",
        "í ½í¸",
    ] {
        let out = web().clean(input);
        assert_eq!(out, input.replace('\u{a0}', " "), "{input:?}");
        let ftfy = UnicodeCleaner::ftfy().clean(input);
        assert_eq!(ftfy, input, "ftfy preset: {input:?}");
    }
    // The lone half stays beside a repair.
    assert_eq!(web().clean("cafÃ© í\u{a0}½ ok"), "café í ½ ok");
    // Without mojibake repair, nothing.
    let off = UnicodeCleaner::builder().mojibake(false).spaces(false).build();
    assert_eq!(off.clean("í\u{a0}½í¸€"), "í\u{a0}½í¸€");
    // Without lost bytes, the pair with a plain space stays.
    let strict = UnicodeCleaner::builder().lost_bytes(false).build();
    assert_eq!(strict.clean("í ½í¸€"), "í ½í¸€");
    assert_eq!(strict.clean("í\u{a0}½í¸€"), "😀");
}

t!(escape_pair, web(), "JSON says \\ud83d\\ude00 ok" => "JSON says 😀 ok", "escape.surrogate");
t!(escape_pair_upper, web(), "\\uD83D\\uDE00\\uD83D\\uDC4D" => "😀👍", "escape.surrogate", "escape.surrogate");
t!(escape_lone_high, web(), "cut off \\ud83d" => "cut off \u{fffd}", "escape.surrogate");
t!(escape_lone_low, web(), "\\ude00 at the start" => "\u{fffd} at the start", "escape.surrogate");
t!(escape_high_then_other, web(), "\\ud83d\\u00e9" => "\u{fffd}\\u00e9", "escape.surrogate");
same!(
    escapes_that_are_not_surrogates_stay,
    web(),
    "\\u00e9 and \\n and \\t",
    "printf(\"%s\\n\", s); path C:\\Users\\dan",
    "\\ud83",
    "\\ud83g",
    "\\Ud83d\\Ude00",
    "\\u{1F600}",
    // Escaped twice: the backslashes are text.
    "\\\\ud83d\\\\ude00",
    "{\"text\": \"\\\\ud83d\"}",
);

#[test]
fn surrogate_escapes_can_be_switched_off() {
    let off = UnicodeCleaner::builder().surrogate_escapes(false).build();
    assert_eq!(off.clean("\\ud83d\\ude00"), "\\ud83d\\ude00");
    assert!(!UnicodeOptions::ftfy().surrogate_escapes);
    assert!(UnicodeOptions::default().surrogate_escapes);
    assert_eq!(
        UnicodeCleaner::ftfy().clean("\\ud83d\\ude00"),
        "\\ud83d\\ude00"
    );
}

#[test]
fn surrogate_escapes_with_other_rules() {
    let web = web();
    // Inside mojibake and entities; the change reports its span.
    let report = web.explain("cafÃ© \\ud83d\\ude00 &amp; more");
    assert_eq!(report.text, "café 😀 & more");
    let rules: Vec<&str> = report.changes.iter().map(|c| c.rule).collect();
    assert_eq!(rules, ["mojibake.cp1252", "escape.surrogate", "entity.html"]);
    assert_eq!(report.changes[1].span, 8..20);
    // A backslash spelled as an entity, or fullwidth: the escape it makes
    // with the rest is read too, so that cleaning again changes nothing.
    assert_eq!(check(&web, "&#92;ud83d&#92;ude00!"), "😀!");
    assert_eq!(check(&web, "\\u\u{200b}d83d\\ude00"), "😀");
    assert_eq!(check(&all(), "＼ud83d＼ude00 x"), "😀 x");
    // A lone escape's U+FFFD completes a lossy sequence in ftfy's way.
    let lossy = UnicodeCleaner::builder()
        .lossy_sequences(true)
        .surrogate_escapes(true)
        .build();
    assert_eq!(check(&lossy, "donâ€\\ud83dt"), "don\u{fffd}t");
}

/// The characters that the property tests below encode: emoji, CJK
/// Extension B, mathematical letters.
fn astral() -> impl Strategy<Value = char> {
    prop_oneof![
        (0x1f300u32..=0x1f64f).prop_filter_map("a char", char::from_u32),
        (0x1f900u32..=0x1f9ff).prop_filter_map("a char", char::from_u32),
        (0x20000u32..=0x2a6df).prop_filter_map("a char", char::from_u32),
    ]
}

/// `c` in CESU-8: each UTF-16 unit as a three-byte sequence.
fn cesu8(c: char) -> Vec<u8> {
    let mut units = [0u16; 2];
    c.encode_utf16(&mut units)
        .iter()
        .flat_map(|&u| {
            let u = u32::from(u);
            [
                0xe0 | (u >> 12) as u8,
                0x80 | (u >> 6 & 0x3f) as u8,
                0x80 | (u & 0x3f) as u8,
            ]
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Astral characters in CESU-8 read as Windows-1252 or Latin-1 (the
    /// C1 controls kept), between words and mojibake, are restored; so
    /// are they when their first no-break space became a plain space.
    #[test]
    fn cesu8_mojibake_of_astral_characters_is_restored(
        parts in prop::collection::vec(
            ("[a-zé ]{0,4}", prop::option::of(astral()), any::<bool>()),
            1..8,
        ),
        latin1 in any::<bool>(),
        lose_nbsp in any::<bool>(),
    ) {
        let mut text = String::new();
        let mut moji = String::new();
        for (word, c, mojibake_word) in &parts {
            text.push_str(word);
            if *mojibake_word {
                moji.extend(word.bytes().map(cp1252::decode));
            } else {
                moji.push_str(word);
            }
            let Some(c) = c else { continue };
            text.push(*c);
            let read = |b: u8| if latin1 { char::from(b) } else { cp1252::decode(b) };
            let mut seq: String = cesu8(*c).into_iter().map(read).collect();
            // The no-break space of a lead's second byte (A0) made plain;
            // elsewhere it is a byte lost for good.
            if lose_nbsp && seq.chars().nth(1) == Some('\u{a0}') {
                seq = seq.replacen('\u{a0}', " ", 1);
            }
            moji.push_str(&seq);
        }
        let want: String = text.nfc().collect();
        prop_assert_eq!(check(&web(), &moji), want, "{:?}", moji);
    }

    /// Astral characters escaped as UTF-16 surrogates between words are
    /// restored; lone ones become U+FFFD.
    #[test]
    fn surrogate_escapes_are_restored(
        parts in prop::collection::vec(
            ("[a-z \"'.,:{}\\[\\]]{0,5}", prop::option::of(astral()), 0..4u8),
            1..8,
        ),
    ) {
        let mut text = String::new();
        let mut escaped = String::new();
        for (word, c, how) in &parts {
            text.push_str(word);
            escaped.push_str(word);
            let Some(c) = c else { continue };
            let mut units = [0u16; 2];
            let units = c.encode_utf16(&mut units);
            let hex = |u: u16| {
                if how & 1 == 0 { format!("\\u{u:04x}") } else { format!("\\u{u:04X}") }
            };
            if *how < 3 {
                text.push(*c);
                escaped.push_str(&hex(units[0]));
                escaped.push_str(&hex(units[1]));
            } else {
                // Cut after its high half.
                text.push('\u{fffd}');
                escaped.push_str(&hex(units[0]));
            }
        }
        let want: String = text.nfc().collect();
        prop_assert_eq!(check(&web(), &escaped), want, "{:?}", escaped);
    }

    /// Spanish, Catalan and Czech with symbols after "í", and code with
    /// escapes that are not surrogates, are never changed.
    #[test]
    fn text_like_the_new_rules_is_never_changed(
        pieces in prop::collection::vec((
            prop::sample::select(vec![
                "sí", "aquí", "allí", "Sí", "así", "ahí", "Martí", "vína",
                "pít", "x", "3", "\\n", "\\u00e9", "\\u2019", "\\\\ud83d",
                "\\\\", "\\t", "\"",
            ]),
            prop::sample::select(vec!["", " ", " ", "\u{a0}"]),
            prop::sample::select(vec![
                "", "½", "¼", "¾", "¸", "°", "±", "€", "£", "©", "®", "«",
                "»", "¡", "¿", "§", "ª", "º", "·", "²",
            ]),
            prop::sample::select(vec![" ", ", ", ". ", "\n"]),
        ), 1..12),
    ) {
        let text: String = pieces
            .iter()
            .map(|(w, glue, symbol, sep)| format!("{w}{glue}{symbol}{sep}"))
            .collect();
        let text = text.replace('\u{a0}', " ");
        let out = web().clean(&text);
        prop_assert!(matches!(out, Cow::Borrowed(_)), "{:?} -> {:?}", text, out);
    }
}

/// `text` read in `codec`, `layers` times, with its no-break spaces made
/// plain if `lose_nbsp`, cleaned: whether it comes back as it was; `None`
/// where the reading is one the stage leaves alone by design (see the crate
/// docs' limits), or that leaves a byte undefined.
fn restored(
    text: &str,
    codec: crate::codec::Codec,
    layers: usize,
    lose_nbsp: bool,
) -> Option<bool> {
    use crate::codec::Codec;
    // ISO-8859-2 and MacRoman: one layer (MacRoman twice over puts
    // its Apple logo, a private-use character, between the layers).
    let layers = if matches!(codec, Codec::Latin2 | Codec::MacRoman) {
        1
    } else {
        layers
    };
    let mut moji = mis_decode(text, codec, layers)?;
    if codec == Codec::Latin2
        && mis_decode(text, Codec::Cp1250, 1).is_some_and(|other| {
            other
                .chars()
                .zip(moji.chars())
                .any(|(a, b)| a != b && Codec::Cp1250.byte(b).is_some())
        })
    {
        return None;
    }
    // In Windows-1251 and -1253, Latin-1 letters and symbols read as a
    // Cyrillic or Greek capital and a symbol ("Вї" for "¿", "Г–" for
    // "Ö"): repaired only after a Latin lowercase letter or next to
    // other mojibake, as they may be Cyrillic or Greek text.
    if matches!(codec, Codec::Cp1251 | Codec::Cp1253) {
        let chars: Vec<char> = text.chars().collect();
        if chars.iter().enumerate().any(|(i, &c)| {
            ('\u{a0}'..='\u{ff}').contains(&c)
                && !(i > 0 && chars[i - 1].is_ascii_lowercase())
        }) {
            return None;
        }
    }
    // MacRoman reads most CJK and dingbats as three Latin letters
    // ("ÌÖç" for "텍", "‚úì" for "✓"): repaired only where a symbol
    // shows it.
    if codec == Codec::MacRoman
        && text.chars().any(|c| ('\u{2190}'..'\u{e000}').contains(&c))
    {
        return None;
    }
    // A lone letter of another script glued to a Latin one ("άa" read
    // as "Î¬a") is left alone: its one neighbour is of another
    // script, as in correct mixed text ("“±3" is Kazakh "ұ3" in
    // MacRoman, and stays).
    let chars: Vec<char> = text.chars().collect();
    if chars.windows(2).any(|w| {
        let foreign = |c: char| {
            c.is_alphabetic()
                && !c.is_ascii()
                && !('\u{c0}'..='\u{24f}').contains(&c)
        };
        (foreign(w[0]) && w[1].is_ascii_alphabetic())
            || (w[0].is_ascii_alphabetic() && foreign(w[1]))
    }) {
        return None;
    }
    if lose_nbsp && codec == Codec::Cp1252 {
        moji = moji.replace('\u{a0}', " ");
    }
    Some(check(&web(), &moji) == text)
}

/// The same text read in any supported code page, once or twice, with or
/// without its no-break spaces made plain, is restored: in the share of a
/// fixed sample of generated texts that each code page reaches now, so
/// that a change that restores less fails. Not all: a text of one short
/// word (or one letter of another script) read in a code page of its own
/// alphabet reads as real text as often as not ("Ăś" for "Ü" in
/// Windows-1250), and some double layers still come back one layer deep.
///
/// Restricted to what the stage leaves alone by design (see `restored`):
/// ISO-8859-2 and MacRoman one layer, ISO-8859-2 only where Windows-1250
/// cannot read the text otherwise, and the limits of Windows-1251 and
/// -1253, MacRoman CJK and lone letters glued to Latin ones.
#[test]
fn prose_through_any_code_page_is_restored() {
    use crate::codec::Codec;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let strategy = (
        prop_oneof![prose(), mixed_prose()],
        prop::sample::select(Codec::ALL.to_vec()),
        1..=2usize,
        any::<bool>(),
    );
    let mut runner = TestRunner::deterministic();
    // Per code page: texts tried, texts restored, a failure or two.
    let mut tally =
        std::collections::BTreeMap::<String, (u32, u32, Vec<String>)>::new();
    for _ in 0..6000 {
        let tree = strategy.new_tree(&mut runner).unwrap();
        let (text, codec, layers, lose_nbsp) = tree.current();
        let Some(ok) = restored(&text, codec, layers, lose_nbsp) else {
            continue;
        };
        let entry = tally.entry(format!("{codec:?}")).or_default();
        entry.0 += 1;
        entry.1 += u32::from(ok);
        if !ok && entry.2.len() < 2 {
            entry.2.push(format!("{text:?} x{layers}"));
        }
    }
    // The share restored, in per mille, that each code page must reach:
    // two points under what it reached on 2026-12-02 (Windows-1250 on
    // 2026-12-03; the sample is fixed, so the figures move only with the
    // stage). On lines of real pages and
    // books, every code page but Windows-1251, -1253 and ISO-8859-2 one
    // layer restores 95-99.7% (see the crate README).
    let floor = |codec: &str| match codec {
        "Cp1252" => 910,
        "Cp1250" => 800,
        "Cp1251" => 900,
        "Cp1253" => 815,
        "Cp1254" => 945,
        "Cp1257" => 830,
        "Cp437" => 925,
        "Latin2" => 955,
        "MacRoman" => 835,
        other => panic!("no floor for {other}"),
    };
    let mut report = String::new();
    let mut low = false;
    for (codec, (tried, ok, examples)) in &tally {
        let rate = u64::from(*ok) * 1000 / u64::from((*tried).max(1));
        low |= rate < floor(codec);
        report.push_str(&format!(
            "{codec}: {ok}/{tried} ({rate}‰) {examples:?}\n"
        ));
    }
    eprint!("{report}");
    assert!(tally.len() >= 9, "every code page is tried:\n{report}");
    assert!(!low, "a code page restores less than it did:\n{report}");
}

/// Korean, Japanese and Chinese prose: syllables and characters of each
/// script, spaces, their punctuation, numbers with a counter.
fn cjk_prose() -> impl Strategy<Value = String> {
    let han: Vec<char> =
        "人日本中国大年月時分学生会社東京電話言語文字新聞自動車"
            .chars()
            .collect();
    let letter = prop_oneof![
        3 => proptest::char::range('\u{ac00}', '\u{d7a3}'),
        1 => proptest::char::range('\u{3041}', '\u{3093}'),
        1 => proptest::char::range('\u{30a1}', '\u{30f3}'),
        1 => prop::sample::select(han),
    ];
    let word = prop::collection::vec(letter, 1..5)
        .prop_map(|letters| letters.into_iter().collect::<String>());
    let piece = (
        word,
        prop::sample::select(vec![
            " ", " ", " ", "、", "。", " ・ ", ", ", "\n",
        ]),
        prop::option::of((
            1..3000u32,
            prop::sample::select(vec!["년", "월", "日", "年", "개"]),
        )),
    );
    prop::collection::vec(piece, 1..10).prop_map(|pieces| {
        pieces
            .into_iter()
            .map(|(w, after, number)| match number {
                Some((n, counter)) => format!("{w} {n}{counter}{after}"),
                None => format!("{w}{after}"),
            })
            .collect()
    })
}

/// CJK prose read as Windows-1252 (as Latin-1 too, whose C1 controls
/// are Windows-1252's holes), once, with or without its no-break spaces
/// made plain, or as MacRoman: restored in the share of a fixed sample
/// that each reaches now (see `prose_through_any_code_page_is_restored`),
/// and correct CJK prose is never changed.
#[test]
fn cjk_prose_read_as_a_latin_code_page_is_restored() {
    use crate::codec::Codec;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let strategy = (cjk_prose(), any::<bool>(), any::<bool>());
    let mut runner = TestRunner::deterministic();
    let cleaner = web();
    let mut tally =
        std::collections::BTreeMap::<&str, (u32, u32, Vec<String>)>::new();
    for _ in 0..1500 {
        let (text, mac, lose_nbsp) =
            strategy.new_tree(&mut runner).unwrap().current();
        assert!(matches!(cleaner.clean(&text), Cow::Borrowed(_)), "{text:?}");
        let codec = if mac { Codec::MacRoman } else { Codec::Cp1252 };
        let Some(mut moji) = mis_decode(&text, codec, 1) else { continue };
        let name = match (mac, lose_nbsp) {
            (true, _) => "MacRoman",
            (false, false) => "Cp1252",
            (false, true) => "Cp1252, no-break spaces lost",
        };
        if lose_nbsp {
            moji = moji.replace('\u{a0}', " ");
        }
        let ok = check(&cleaner, &moji) == text;
        let entry = tally.entry(name).or_default();
        entry.0 += 1;
        entry.1 += u32::from(ok);
        if !ok && entry.2.len() < 2 {
            entry.2.push(format!("{text:?}"));
        }
    }
    // Two points under what each reached on 2026-12-03 (at the start of
    // that day: 29%, 23% and 13%).
    let floor = |name: &str| match name {
        "Cp1252" => 965,
        "Cp1252, no-break spaces lost" => 859,
        "MacRoman" => 815,
        other => panic!("no floor for {other}"),
    };
    let mut report = String::new();
    let mut low = false;
    for (name, (tried, ok, examples)) in &tally {
        let rate = u64::from(*ok) * 1000 / u64::from((*tried).max(1));
        low |= rate < floor(name);
        report.push_str(&format!(
            "{name}: {ok}/{tried} ({rate}‰) {examples:?}\n"
        ));
    }
    eprint!("{report}");
    assert_eq!(tally.len(), 3, "every reading is tried:\n{report}");
    assert!(!low, "a reading restores less than it did:\n{report}");
}
