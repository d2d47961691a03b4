//! Hostile inputs of about `n` characters for the Unicode stage: the runs
//! that would make a careless scanner rescan (an unending mojibake
//! region, entity starts, marks on one letter, escape starts, CESU-8 and
//! surrogate-escape halves). `tests/hostile.rs` checks the stage on them;
//! the `unicode/hostile` bench measures them in MB/s beside ordinary text,
//! which is where a quadratic path shows.

/// Every case, by name.
pub fn cases(n: usize) -> Vec<(&'static str, String)> {
    vec![
        ("a-tilde", "Ã".repeat(n)),
        ("ampersands", "&".repeat(n)),
        ("entities", "&amp;".repeat(n / 4)),
        ("leads-then-euro", format!("{}â‚¬", "Â".repeat(n))),
        ("combining-marks", "\u{301}".repeat(n)),
        ("osc-escapes", "\u{1b}]".repeat(n)),
        ("cyrillic-mojibake", "ÐŸ".repeat(n / 2)),
        ("zero-width", "a\u{200b}".repeat(n)),
        ("cesu-leads", "í".repeat(n)),
        ("cesu-halves", "í\u{a0}½".repeat(n / 3)),
        ("cesu-spaced", "í ½".repeat(n / 3)),
        ("cesu-pairs", "í\u{a0}½í¸€".repeat(n / 6)),
        ("cesu-soft-hyphen", "í\u{ad}\u{81}".repeat(n / 3)),
        ("high-escapes", "\\ud83d".repeat(n / 6)),
        ("escapes-reversed", "\\ude00\\ud83d".repeat(n / 12)),
        ("escape-pairs", "\\ud83d\\ude00".repeat(n / 12)),
        ("backslashes", "\\".repeat(n)),
        ("escape-starts", "\\u".repeat(n / 2)),
        ("entity-escapes", "&#92;ud83d".repeat(n / 10)),
        ("escape-zero-width", "\\u\u{200b}".repeat(n / 2)),
        ("short-escapes", "\\ud83\u{200b}".repeat(n / 6)),
    ]
}
