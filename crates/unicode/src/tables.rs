//! Character data: Windows-1252 bytes, HTML entities, and the small
//! character sets the rules act on.

/// The Windows-1252 (or Latin-1) byte that `c` stands for when UTF-8 text
/// was decoded with that code page, for bytes 0x80 and above.
///
/// U+0080–U+00FF map to their own byte (Latin-1, which also covers the
/// five bytes Windows-1252 leaves undefined); the 27 Windows-1252 specials
/// such as `’` and `—` map to 0x80–0x9F. ASCII is `None`: a UTF-8
/// multi-byte sequence never contains an ASCII byte.
#[inline]
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xff).contains(&u) {
        return Some(u as u8);
    }
    if !(0x152..=0x2122).contains(&u) {
        return None;
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

/// The Windows-1252 character that a C1 control stands for: text decoded
/// as Latin-1 turns Windows-1252 punctuation such as `’` (byte 0x92) into
/// the control U+0092. `None` for the five bytes Windows-1252 leaves
/// undefined and for anything outside U+0080–U+009F.
pub(crate) fn cp1252_of_c1(c: char) -> Option<char> {
    const CHARS: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
        '\0', 'Ž', '\0', '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™',
        'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    let index = (c as u32).checked_sub(0x80)?;
    CHARS.get(index as usize).copied().filter(|&w| w != '\0')
}

/// The length of the UTF-8 sequence that `lead` starts, or 0 when `lead`
/// cannot start a multi-byte sequence.
#[inline]
pub(crate) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// True when `second` may follow `lead` in well-formed UTF-8: no overlong
/// forms, no surrogates, nothing past U+10FFFF.
#[inline]
pub(crate) fn second_ok(lead: u8, second: u8) -> bool {
    let range = match lead {
        0xe0 => 0xa0..=0xbf,
        0xed => 0x80..=0x9f,
        0xf0 => 0x90..=0xbf,
        0xf4 => 0x80..=0x8f,
        _ => 0x80..=0xbf,
    };
    range.contains(&second)
}

/// Characters that legitimately follow a capital accented letter in Latin-1
/// text ("CAFÉ»", "Nº", "Ö°"): when one of them is the second half of a
/// two-byte sequence whose first half is not `Â` or `Ã`, the pair is
/// mojibake only if its context says so (see `mojibake` in the engine).
#[inline]
pub(crate) fn stands_alone(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '©'
            | 'ª'
            | '®'
            | '°'
            | '²'
            | '³'
            | '·'
            | '¹'
            | 'º'
            | '»'
            | '’'
            | '”'
            | '•'
            | '–'
            | '—'
            | '…'
            | '™'
    )
}

/// The single-character ligatures of the Alphabetic Presentation Forms
/// block, as letters.
#[inline]
pub(crate) fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// The ASCII character a fullwidth form (U+FF01–U+FF5E) stands for.
#[inline]
pub(crate) fn fullwidth(c: char) -> Option<char> {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        _ => None,
    }
}

/// The ASCII character that a fullwidth form, or a small form of the
/// characters that make an entity (`﹠`, `﹟`, `﹔`), becomes under NFKC.
pub(crate) fn compat_ascii(c: char) -> Option<char> {
    match c {
        '\u{fe60}' => Some('&'),
        '\u{fe5f}' => Some('#'),
        '\u{fe54}' => Some(';'),
        _ => fullwidth(c),
    }
}

/// Decodes the HTML character reference that starts at `at`, just after
/// its `&`: `name;`, `#123;` or `#x7b;`. Returns where it ends and the
/// character. With `fold`, fullwidth forms count as their ASCII letters, so
/// that `&ａｍｐ;` is recognized by the stage that would make it `&amp;`.
///
/// `skip` says where a piece that another rule deletes (a control, an
/// invisible character, a terminal escape) ends, when one starts at a
/// position: the entity reads through it, as it would once it is gone.
pub(crate) fn entity(
    text: &str,
    at: usize,
    fold: bool,
    skip: &dyn Fn(usize) -> Option<usize>,
) -> Option<(usize, char)> {
    // Longest HTML 4 name is 8 bytes; numbers get leading zeros to 16.
    const MAX: usize = 20;
    let mut name = [0u8; MAX];
    let mut len = 0;
    let mut i = at;
    loop {
        if let Some(end) = skip(i) {
            i = end;
            continue;
        }
        let raw = text.get(i..)?.chars().next()?;
        i += raw.len_utf8();
        let c = match compat_ascii(raw) {
            Some(ascii) if fold => ascii,
            _ => raw,
        };
        if c == ';' {
            return decode(&name[..len]).map(|ch| (i, ch));
        }
        if !(c.is_ascii_alphanumeric() || (c == '#' && len == 0)) {
            return None;
        }
        if len == MAX {
            return None;
        }
        name[len] = c as u8;
        len += 1;
    }
}

/// The character an entity's name (between `&` and `;`) stands for.
fn decode(name: &[u8]) -> Option<char> {
    let Some(number) = name.strip_prefix(b"#") else {
        let name = std::str::from_utf8(name).ok()?;
        let i = ENTITIES.binary_search_by(|e| e.0.cmp(name)).ok()?;
        return Some(ENTITIES[i].1);
    };
    let (digits, radix) = match number {
        [b'x' | b'X', hex @ ..] => (hex, 16),
        dec => (dec, 10),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for &d in digits {
        let d = (d as char).to_digit(radix)?;
        value = value.checked_mul(radix)?.checked_add(d)?;
    }
    // HTML reads references to 0x80–0x9F as Windows-1252, as browsers do.
    if (0x80..=0x9f).contains(&value) {
        let c = CP1252_HIGH[value as usize - 0x80];
        if c != '\0' {
            return Some(c);
        }
    }
    match value {
        0 => None,
        v => char::from_u32(v),
    }
}

/// Windows-1252 bytes 0x80–0x9F as characters; `\0` where it defines none.
pub(crate) const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0',
    'Ž', '\0', '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›',
    'œ', '\0', 'ž', 'Ÿ',
];

/// HTML 4's named character references (the 252 of the Latin-1, symbol
/// and special sets, which cover what real pages use) and `apos`, sorted by
/// name for binary search. Source: Python's `html.entities.name2codepoint`,
/// which transcribes the HTML 4.01 DTDs.
pub(crate) static ENTITIES: &[(&str, char)] = &[
    ("AElig", '\u{c6}'),
    ("Aacute", '\u{c1}'),
    ("Acirc", '\u{c2}'),
    ("Agrave", '\u{c0}'),
    ("Alpha", '\u{391}'),
    ("Aring", '\u{c5}'),
    ("Atilde", '\u{c3}'),
    ("Auml", '\u{c4}'),
    ("Beta", '\u{392}'),
    ("Ccedil", '\u{c7}'),
    ("Chi", '\u{3a7}'),
    ("Dagger", '\u{2021}'),
    ("Delta", '\u{394}'),
    ("ETH", '\u{d0}'),
    ("Eacute", '\u{c9}'),
    ("Ecirc", '\u{ca}'),
    ("Egrave", '\u{c8}'),
    ("Epsilon", '\u{395}'),
    ("Eta", '\u{397}'),
    ("Euml", '\u{cb}'),
    ("Gamma", '\u{393}'),
    ("Iacute", '\u{cd}'),
    ("Icirc", '\u{ce}'),
    ("Igrave", '\u{cc}'),
    ("Iota", '\u{399}'),
    ("Iuml", '\u{cf}'),
    ("Kappa", '\u{39a}'),
    ("Lambda", '\u{39b}'),
    ("Mu", '\u{39c}'),
    ("Ntilde", '\u{d1}'),
    ("Nu", '\u{39d}'),
    ("OElig", '\u{152}'),
    ("Oacute", '\u{d3}'),
    ("Ocirc", '\u{d4}'),
    ("Ograve", '\u{d2}'),
    ("Omega", '\u{3a9}'),
    ("Omicron", '\u{39f}'),
    ("Oslash", '\u{d8}'),
    ("Otilde", '\u{d5}'),
    ("Ouml", '\u{d6}'),
    ("Phi", '\u{3a6}'),
    ("Pi", '\u{3a0}'),
    ("Prime", '\u{2033}'),
    ("Psi", '\u{3a8}'),
    ("Rho", '\u{3a1}'),
    ("Scaron", '\u{160}'),
    ("Sigma", '\u{3a3}'),
    ("THORN", '\u{de}'),
    ("Tau", '\u{3a4}'),
    ("Theta", '\u{398}'),
    ("Uacute", '\u{da}'),
    ("Ucirc", '\u{db}'),
    ("Ugrave", '\u{d9}'),
    ("Upsilon", '\u{3a5}'),
    ("Uuml", '\u{dc}'),
    ("Xi", '\u{39e}'),
    ("Yacute", '\u{dd}'),
    ("Yuml", '\u{178}'),
    ("Zeta", '\u{396}'),
    ("aacute", '\u{e1}'),
    ("acirc", '\u{e2}'),
    ("acute", '\u{b4}'),
    ("aelig", '\u{e6}'),
    ("agrave", '\u{e0}'),
    ("alefsym", '\u{2135}'),
    ("alpha", '\u{3b1}'),
    ("amp", '\u{26}'),
    ("and", '\u{2227}'),
    ("ang", '\u{2220}'),
    ("apos", '\u{27}'),
    ("aring", '\u{e5}'),
    ("asymp", '\u{2248}'),
    ("atilde", '\u{e3}'),
    ("auml", '\u{e4}'),
    ("bdquo", '\u{201e}'),
    ("beta", '\u{3b2}'),
    ("brvbar", '\u{a6}'),
    ("bull", '\u{2022}'),
    ("cap", '\u{2229}'),
    ("ccedil", '\u{e7}'),
    ("cedil", '\u{b8}'),
    ("cent", '\u{a2}'),
    ("chi", '\u{3c7}'),
    ("circ", '\u{2c6}'),
    ("clubs", '\u{2663}'),
    ("cong", '\u{2245}'),
    ("copy", '\u{a9}'),
    ("crarr", '\u{21b5}'),
    ("cup", '\u{222a}'),
    ("curren", '\u{a4}'),
    ("dArr", '\u{21d3}'),
    ("dagger", '\u{2020}'),
    ("darr", '\u{2193}'),
    ("deg", '\u{b0}'),
    ("delta", '\u{3b4}'),
    ("diams", '\u{2666}'),
    ("divide", '\u{f7}'),
    ("eacute", '\u{e9}'),
    ("ecirc", '\u{ea}'),
    ("egrave", '\u{e8}'),
    ("empty", '\u{2205}'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", '\u{3b5}'),
    ("equiv", '\u{2261}'),
    ("eta", '\u{3b7}'),
    ("eth", '\u{f0}'),
    ("euml", '\u{eb}'),
    ("euro", '\u{20ac}'),
    ("exist", '\u{2203}'),
    ("fnof", '\u{192}'),
    ("forall", '\u{2200}'),
    ("frac12", '\u{bd}'),
    ("frac14", '\u{bc}'),
    ("frac34", '\u{be}'),
    ("frasl", '\u{2044}'),
    ("gamma", '\u{3b3}'),
    ("ge", '\u{2265}'),
    ("gt", '\u{3e}'),
    ("hArr", '\u{21d4}'),
    ("harr", '\u{2194}'),
    ("hearts", '\u{2665}'),
    ("hellip", '\u{2026}'),
    ("iacute", '\u{ed}'),
    ("icirc", '\u{ee}'),
    ("iexcl", '\u{a1}'),
    ("igrave", '\u{ec}'),
    ("image", '\u{2111}'),
    ("infin", '\u{221e}'),
    ("int", '\u{222b}'),
    ("iota", '\u{3b9}'),
    ("iquest", '\u{bf}'),
    ("isin", '\u{2208}'),
    ("iuml", '\u{ef}'),
    ("kappa", '\u{3ba}'),
    ("lArr", '\u{21d0}'),
    ("lambda", '\u{3bb}'),
    ("lang", '\u{2329}'),
    ("laquo", '\u{ab}'),
    ("larr", '\u{2190}'),
    ("lceil", '\u{2308}'),
    ("ldquo", '\u{201c}'),
    ("le", '\u{2264}'),
    ("lfloor", '\u{230a}'),
    ("lowast", '\u{2217}'),
    ("loz", '\u{25ca}'),
    ("lrm", '\u{200e}'),
    ("lsaquo", '\u{2039}'),
    ("lsquo", '\u{2018}'),
    ("lt", '\u{3c}'),
    ("macr", '\u{af}'),
    ("mdash", '\u{2014}'),
    ("micro", '\u{b5}'),
    ("middot", '\u{b7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{3bc}'),
    ("nabla", '\u{2207}'),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("ne", '\u{2260}'),
    ("ni", '\u{220b}'),
    ("not", '\u{ac}'),
    ("notin", '\u{2209}'),
    ("nsub", '\u{2284}'),
    ("ntilde", '\u{f1}'),
    ("nu", '\u{3bd}'),
    ("oacute", '\u{f3}'),
    ("ocirc", '\u{f4}'),
    ("oelig", '\u{153}'),
    ("ograve", '\u{f2}'),
    ("oline", '\u{203e}'),
    ("omega", '\u{3c9}'),
    ("omicron", '\u{3bf}'),
    ("oplus", '\u{2295}'),
    ("or", '\u{2228}'),
    ("ordf", '\u{aa}'),
    ("ordm", '\u{ba}'),
    ("oslash", '\u{f8}'),
    ("otilde", '\u{f5}'),
    ("otimes", '\u{2297}'),
    ("ouml", '\u{f6}'),
    ("para", '\u{b6}'),
    ("part", '\u{2202}'),
    ("permil", '\u{2030}'),
    ("perp", '\u{22a5}'),
    ("phi", '\u{3c6}'),
    ("pi", '\u{3c0}'),
    ("piv", '\u{3d6}'),
    ("plusmn", '\u{b1}'),
    ("pound", '\u{a3}'),
    ("prime", '\u{2032}'),
    ("prod", '\u{220f}'),
    ("prop", '\u{221d}'),
    ("psi", '\u{3c8}'),
    ("quot", '\u{22}'),
    ("rArr", '\u{21d2}'),
    ("radic", '\u{221a}'),
    ("rang", '\u{232a}'),
    ("raquo", '\u{bb}'),
    ("rarr", '\u{2192}'),
    ("rceil", '\u{2309}'),
    ("rdquo", '\u{201d}'),
    ("real", '\u{211c}'),
    ("reg", '\u{ae}'),
    ("rfloor", '\u{230b}'),
    ("rho", '\u{3c1}'),
    ("rlm", '\u{200f}'),
    ("rsaquo", '\u{203a}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("scaron", '\u{161}'),
    ("sdot", '\u{22c5}'),
    ("sect", '\u{a7}'),
    ("shy", '\u{ad}'),
    ("sigma", '\u{3c3}'),
    ("sigmaf", '\u{3c2}'),
    ("sim", '\u{223c}'),
    ("spades", '\u{2660}'),
    ("sub", '\u{2282}'),
    ("sube", '\u{2286}'),
    ("sum", '\u{2211}'),
    ("sup", '\u{2283}'),
    ("sup1", '\u{b9}'),
    ("sup2", '\u{b2}'),
    ("sup3", '\u{b3}'),
    ("supe", '\u{2287}'),
    ("szlig", '\u{df}'),
    ("tau", '\u{3c4}'),
    ("there4", '\u{2234}'),
    ("theta", '\u{3b8}'),
    ("thetasym", '\u{3d1}'),
    ("thinsp", '\u{2009}'),
    ("thorn", '\u{fe}'),
    ("tilde", '\u{2dc}'),
    ("times", '\u{d7}'),
    ("trade", '\u{2122}'),
    ("uArr", '\u{21d1}'),
    ("uacute", '\u{fa}'),
    ("uarr", '\u{2191}'),
    ("ucirc", '\u{fb}'),
    ("ugrave", '\u{f9}'),
    ("uml", '\u{a8}'),
    ("upsih", '\u{3d2}'),
    ("upsilon", '\u{3c5}'),
    ("uuml", '\u{fc}'),
    ("weierp", '\u{2118}'),
    ("xi", '\u{3be}'),
    ("yacute", '\u{fd}'),
    ("yen", '\u{a5}'),
    ("yuml", '\u{ff}'),
    ("zeta", '\u{3b6}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];
