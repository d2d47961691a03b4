//! Hostile inputs, each about `size` bytes, beside ordinary text of the
//! same size: the cases that once cost far more per MB than ordinary text
//! (quadratic rescans, one huge region or line). `benches/adversarial.rs`
//! times them and `tests/adversarial.rs` checks the pipelines' invariants
//! on small ones.

/// The sample article, the base of the ordinary text.
const ARTICLE: &str = include_str!("../../examples/data/article.txt");

/// Windows-1252's characters for the bytes 0x80–0x9F (its five holes as the
/// C1 controls that a lenient decoder keeps).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
    '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜',
    '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Every case by name, each about `size` bytes (the combining marks and
/// nesting by count, as the cases are defined: see [`case`]).
pub fn all(size: usize) -> Vec<(&'static str, String)> {
    NAMES.iter().map(|&name| (name, case(name, size))).collect()
}

/// The names of the cases, ordinary text first.
pub const NAMES: [&str; 13] = [
    "ordinary",
    "glued-repeated",
    "glued-unique",
    "combining-marks",
    "ampersands",
    "entities-lt",
    "nbsp-runs",
    "blank-lines",
    "zero-width-runs",
    "one-word-lines",
    "nested-quotes",
    "boilerplate-only",
    "mojibake-3-layers",
];

/// One case of about `size` bytes.
pub fn case(name: &str, size: usize) -> String {
    match name {
        "ordinary" => ordinary(size),
        // One line of glued sentences: the same tokens again and again,
        // and tokens that never repeat.
        "glued-repeated" => fill("we saw the end.The dog ran far ", size),
        "glued-unique" => {
            let mut words = Words(7);
            let mut text = String::with_capacity(size + 64);
            while text.len() < size {
                let [a, b, c, d, e, f] = [0; 6].map(|_| words.next());
                text.push_str(&format!(
                    "{a} {b} {c}.{} {e}{} ",
                    capitalized(&d),
                    capitalized(&f)
                ));
            }
            text
        }
        // A million combining marks on one letter, a million bytes each
        // side of ordinary text.
        "combining-marks" => {
            let half = ordinary(size.min(2 << 20) / 2);
            format!("{half}a{}\n{half}", "\u{301}".repeat(size.min(1 << 20)))
        }
        "ampersands" => "&".repeat(size),
        "entities-lt" => "&lt;".repeat(size / 4),
        "nbsp-runs" => fill(&format!("{}word ", "\u{a0}".repeat(1000)), size),
        "blank-lines" => {
            format!("First line.\n{}Last line.\n", "\n".repeat(size))
        }
        "zero-width-runs" => {
            fill(&format!("{}word ", "\u{200b}".repeat(1000)), size)
        }
        "one-word-lines" => {
            let mut words = Words(11);
            let mut text = String::with_capacity(size + 16);
            for _ in 0..(size / 8).min(100_000) {
                text.push_str(&words.next());
                text.push('\n');
            }
            text
        }
        // 50 000 quotes and brackets opened and then closed, on one line.
        "nested-quotes" => {
            let n = (size / 4).min(25_000);
            format!(
                "He said {} it {}.\n",
                "\"(«[".repeat(n / 2),
                "]»)\"".repeat(n / 2)
            )
        }
        "boilerplate-only" => fill(
            "Advertisement\nShare this:\nSkip to main content\nLeave a Reply\n\
             Cancel reply\nSubscribe to our newsletter\nRead more\n\
             Related posts\nPrivacy Policy | Terms of Use\n\
             Copyright 2024 Example Inc. All rights reserved.\n",
            size,
        ),
        // UTF-8 read as Windows-1252, three times over.
        "mojibake-3-layers" => {
            let text =
                "The café served crème brûlée — “delicious”, said Zoë.\n";
            let layered = (0..3).fold(text.to_owned(), |t, _| cp1252(&t));
            fill(&layered, size)
        }
        other => panic!("no adversarial case `{other}`"),
    }
}

/// Ordinary text: the sample article again and again, one word changed in
/// each copy.
fn ordinary(size: usize) -> String {
    let mut text = String::with_capacity(size + ARTICLE.len());
    let mut copy = 0;
    while text.len() < size {
        text.push_str(&ARTICLE.replacen(" the ", &format!(" the {copy} "), 1));
        text.push('\n');
        copy += 1;
    }
    text
}

/// `unit` repeated to about `size` bytes.
fn fill(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()).max(1))
}

/// `text`'s UTF-8 bytes read as Windows-1252.
fn cp1252(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Made-up lowercase words, from a fixed seed (a xorshift generator), so
/// that every run benches the same text.
struct Words(u64);

impl Words {
    fn next(&mut self) -> String {
        let mut letter = || {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (b'a' + (self.0 % 26) as u8) as char
        };
        let len = 3 + (letter() as usize % 7);
        (0..len).map(|_| letter()).collect()
    }
}
