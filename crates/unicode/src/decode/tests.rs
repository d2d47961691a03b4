use std::borrow::Cow;

use encoding_rs::{
    BIG5, EUC_JP, EUC_KR, GBK, ISO_8859_2, ISO_8859_7, KOI8_R, SHIFT_JIS,
    WINDOWS_874, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252, WINDOWS_1253,
    WINDOWS_1254, WINDOWS_1255, WINDOWS_1256, WINDOWS_1257,
};
use proptest::prelude::*;

use super::*;

/// Paragraphs written for these tests (three sentences each, the first one
/// alone is the short sample), with the legacy encoding that text in
/// their language is met in. Only the text decode reads back is checked,
/// not the encoding's name: KOI8-R Russian is read as KOI8-U, a superset
/// that spells Russian alike.
const SAMPLES: &[(&str, &encoding_rs::Encoding, &str)] = &[
    (
        "French",
        WINDOWS_1252,
        "L'été dernier, nous avons passé trois semaines dans un petit \
         village près de Lyon. Chaque matin, le boulanger nous vendait des \
         croissants encore chauds et nous parlait de la météo. Les enfants \
         ont appris à nager dans la rivière, et ils ne veulent plus \
         rentrer à Paris.",
    ),
    (
        "German",
        WINDOWS_1252,
        "Die Straßenbahn fährt heute wegen Bauarbeiten nur bis zum \
         Hauptbahnhof. Fahrgäste, die weiter nach Süden möchten, können \
         dort in einen Ersatzbus umsteigen. Wir bitten um Verständnis für \
         die Unannehmlichkeiten und wünschen Ihnen eine gute Fahrt.",
    ),
    (
        "Spanish",
        WINDOWS_1252,
        "El próximo año la ciudad abrirá una biblioteca nueva junto al \
         río. Tendrá una sala para niños, un café y más de cien mil libros \
         en español y en catalán. ¿Quién no querría pasar allí una tarde \
         lluviosa de otoño?",
    ),
    (
        "Portuguese",
        WINDOWS_1252,
        "A informação foi publicada ontem à noite pelo jornal da região. \
         Segundo o relatório, as exportações de café cresceram quase vinte \
         por cento no último trimestre. Os produtores ainda estão \
         preocupados com a falta de chuva no próximo verão.",
    ),
    (
        "Italian",
        WINDOWS_1252,
        "Ieri sera la città è rimasta senza luce per più di due ore. I \
         negozi hanno chiuso presto e molti ristoranti hanno servito la \
         cena a lume di candela. Secondo il Comune, la causa è stata un \
         guasto alla centrale elettrica.",
    ),
    (
        "Czech",
        WINDOWS_1250,
        "Příští týden začne oprava mostu přes řeku, a proto bude silnice \
         na několik měsíců uzavřena. Řidiči musí jet objížďkou přes \
         sousední vesnici. Obecní úřad se omlouvá za komplikace a děkuje \
         všem za trpělivost.",
    ),
    (
        "Polish",
        WINDOWS_1250,
        "W zeszłą środę w naszym mieście odbył się wielki koncert na \
         świeżym powietrzu. Przyszło ponad pięć tysięcy osób, a zespół \
         grał aż do północy. Następnego dnia wszyscy mówili tylko o tym, \
         jak wspaniała była muzyka.",
    ),
    (
        "Hungarian",
        WINDOWS_1250,
        "A múlt héten új könyvtár nyílt a város központjában. Az \
         épületben több mint húszezer könyv és egy kényelmes olvasóterem \
         található. A gyerekek számára szombatonként mesedélutánt is \
         szerveznek.",
    ),
    (
        "Polish",
        ISO_8859_2,
        "Żółty samochód sąsiada stoi przed naszym domem już od tygodnia. \
         Nikt nie wie, dlaczego właściciel go tu zostawił. Może pojechał \
         na urlop i zapomniał, gdzie zaparkował?",
    ),
    (
        "Croatian",
        WINDOWS_1250,
        "Prošlog tjedna u Zagrebu je održan veliki koncert na otvorenom. \
         Došlo je više od deset tisuća ljudi, a glazbenici su svirali do \
         kasno u noć. Svi su se složili da je to bio najljepši događaj \
         ovog ljeta.",
    ),
    (
        "Romanian",
        WINDOWS_1250,
        "Săptămâna trecută, la Bucureşti a avut loc un concert mare în \
         aer liber. Peste zece mii de oameni au venit să asculte muzica. \
         Artiştii au cântat până după miezul nopţii.",
    ),
    (
        "Russian",
        WINDOWS_1251,
        "Вчера вечером в городе прошёл сильный дождь, и многие улицы \
         оказались под водой. Автобусы ходили с большими опозданиями, а \
         некоторые станции метро были закрыты. Синоптики обещают, что к \
         выходным погода наконец улучшится.",
    ),
    (
        "Russian",
        KOI8_R,
        "Мой дедушка всю жизнь работал учителем математики в маленькой \
         сельской школе. Он любил повторять, что любую задачу можно \
         решить, если не торопиться. Теперь его ученики сами преподают в \
         университетах по всей стране.",
    ),
    (
        "Ukrainian",
        WINDOWS_1251,
        "Наступного тижня у нашій школі відбудеться свято до Дня \
         незалежності. Учні підготували пісні, вірші та невелику виставу. \
         Батьків запрошують прийти і подивитися на виступи своїх дітей.",
    ),
    (
        "Bulgarian",
        WINDOWS_1251,
        "Днес времето в София е слънчево и топло. Много хора излязоха в \
         парковете, за да се разходят с децата си. Утре обаче се очаква \
         да завали дъжд и температурите ще паднат.",
    ),
    (
        "Greek",
        ISO_8859_7,
        "Το καλοκαίρι πήγαμε διακοπές σε ένα μικρό νησί των Κυκλάδων. \
         Κάθε πρωί κολυμπούσαμε στη θάλασσα και το βράδυ τρώγαμε φρέσκο \
         ψάρι στην ταβέρνα του λιμανιού. Άλλωστε, θέλουμε να επιστρέψουμε \
         εκεί και του χρόνου.",
    ),
    (
        "Greek",
        WINDOWS_1253,
        "Η Αθήνα είναι μία από τις αρχαιότερες πόλεις του κόσμου. \
         Άνθρωποι κατοικούν στην περιοχή εδώ και τουλάχιστον τρεις \
         χιλιάδες χρόνια. Σήμερα η πόλη έχει σχεδόν τέσσερα εκατομμύρια \
         κατοίκους.",
    ),
    (
        "Turkish",
        WINDOWS_1254,
        "Geçen hafta İstanbul'da büyük bir kitap fuarı açıldı. Fuarı ilk \
         gün on binlerce kişi ziyaret etti ve birçok yazar okuyucularıyla \
         buluştu. Organizatörler gelecek yıl daha fazla yayınevinin \
         katılacağını söylüyor.",
    ),
    (
        "Latvian",
        WINDOWS_1257,
        "Pagājušajā nedēļā Rīgā notika liels koncerts zem klajas debess. \
         Uz pasākumu ieradās vairāk nekā desmit tūkstoši cilvēku. Mūziķi \
         spēlēja līdz vēlai naktij, un skatītāji dejoja un dziedāja līdzi.",
    ),
    (
        "Hebrew",
        WINDOWS_1255,
        "אתמול בערב ירד גשם חזק בכל אזור המרכז. רחובות רבים הוצפו \
         והתנועה בכבישים הייתה איטית מאוד. החזאים אומרים שמחר יהיה יום \
         שמשי וחם יותר.",
    ),
    (
        "Arabic",
        WINDOWS_1256,
        "ذهبت أمس إلى السوق لشراء الخضار والفواكه. كانت الأسعار مرتفعة \
         أكثر من المعتاد بسبب الحر الشديد. قال لي البائع إن الوضع سيتحسن \
         في الأسبوع القادم.",
    ),
    (
        "Thai",
        WINDOWS_874,
        "วันนี้อากาศในกรุงเทพร้อนมาก คนจำนวนมากจึงไปเดินเล่นในห้างสรรพสินค้า \
         ตอนเย็นฝนตกหนักและรถติดมาก \
         พรุ่งนี้กรมอุตุนิยมวิทยาบอกว่าอากาศจะเย็นลง",
    ),
    (
        "Japanese",
        SHIFT_JIS,
        "昨日は友達と一緒に新しいレストランへ行きました。\
         料理はとてもおいしくて、値段も安かったです。\
         来週もまた行きたいと思っています。",
    ),
    (
        "Japanese",
        EUC_JP,
        "東京の桜は例年より一週間早く満開になりました。\
         週末には多くの人が公園で花見を楽しんでいます。\
         天気予報によると、来週は雨が降るそうです。",
    ),
    (
        "Chinese",
        GBK,
        "今天上午，市政府宣布将在明年修建一座新的图书馆。\
         这座图书馆将位于市中心，预计可以容纳五十万册图书。\
         很多市民表示非常期待。",
    ),
    (
        "Chinese",
        BIG5,
        "台北的天氣最近變得很冷，很多人都穿上了厚外套。\
         氣象局說這個週末山上可能會下雪。請大家出門時注意保暖。",
    ),
    (
        "Korean",
        EUC_KR,
        "오늘 아침에 서울에는 첫눈이 내렸습니다. 많은 사람들이 출근길에 \
         눈을 맞으며 즐거워했습니다. 기상청은 내일도 눈이 올 것이라고 \
         예보했습니다.",
    ),
];

/// The first paragraph in `language`.
fn sample(language: &str) -> &'static str {
    SAMPLES.iter().find(|s| s.0 == language).map(|s| s.2).unwrap()
}

/// `text` in `encoding`, which must spell all of it.
fn encode(text: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encode(text);
    assert!(!unmappable && used == encoding, "{}: {text}", encoding.name());
    bytes.into_owned()
}

/// The first sentence of `paragraph`; in Thai, which has no full stop,
/// its first phrase.
fn first_sentence(paragraph: &str) -> &str {
    let end = paragraph
        .char_indices()
        .find(|&(_, c)| matches!(c, '.' | '?' | '!' | '。'))
        .map(|(i, c)| i + c.len_utf8());
    match end {
        Some(end) => &paragraph[..end],
        None => paragraph.split(' ').next().unwrap_or(paragraph),
    }
}

/// Decodes each sample in its legacy encoding; returns the ones read
/// wrong, with what decode chose.
fn misread(sample: fn(&'static str) -> &'static str) -> Vec<String> {
    let mut wrong = Vec::new();
    for &(language, encoding, paragraph) in SAMPLES {
        let text = sample(paragraph);
        let bytes = encode(text, encoding);
        let decoded = decode(&bytes);
        if decoded.text != text || decoded.lossy {
            wrong.push(format!(
                "{language} in {} read as {}",
                encoding.name(),
                decoded.encoding
            ));
        }
    }
    wrong
}

#[test]
fn a_paragraph_in_a_legacy_encoding_is_read_back_exactly() {
    let wrong = misread(|paragraph| paragraph);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn one_sentence_is_mostly_read_back() {
    let wrong = misread(first_sentence);
    let hits = SAMPLES.len() - wrong.len();
    eprintln!("one sentence: {hits}/{} read back: {wrong:#?}", SAMPLES.len());
    // All are, with chardetng 1.0: a miss or two is the detector's own
    // limit on short text, not a fault in decode.
    assert!(hits * 10 >= SAMPLES.len() * 9, "{wrong:#?}");
}

#[test]
fn the_samples_are_not_utf8() {
    for &(language, encoding, paragraph) in SAMPLES {
        assert!(paragraph.len() > 100, "{language} is a paragraph");
        assert!(!first_sentence(paragraph).is_ascii(), "{language}");
        let bytes = encode(paragraph, encoding);
        let decoded = decode(&bytes);
        assert!(
            matches!(decoded.encoding, Encoding::Legacy(_)),
            "{language} in {}: {}",
            encoding.name(),
            decoded.encoding
        );
    }
}

/// The detector's known miss: with no top-level domain to go by,
/// Lithuanian in Windows-1257 scores higher as Windows-1250 (Latvian, in
/// the table, is read right). If this fails, chardetng improved: move the
/// sample into the table and drop the limit from the docs.
#[test]
fn lithuanian_in_windows_1257_is_read_as_windows_1250() {
    let text = "Praėjusį šeštadienį Vilniuje vyko didelis koncertas po atviru \
                dangumi. Į renginį atėjo daugiau nei dešimt tūkstančių \
                žmonių. Muzikantai grojo iki vėlyvos nakties, o žiūrovai \
                šoko ir dainavo kartu.";
    let bytes = encode(text, WINDOWS_1257);
    assert_eq!(decode(&bytes).encoding, Encoding::Legacy(WINDOWS_1250));
}

#[test]
fn byte_order_marks_decide_and_are_dropped() {
    let decoded = decode(b"\xEF\xBB\xBFcaf\xC3\xA9");
    assert_eq!(decoded.encoding, Encoding::Utf8Bom);
    assert!(matches!(decoded.text, Cow::Borrowed("café")));
    assert!(!decoded.lossy);

    let decoded = decode(b"\xFF\xFEc\0a\0f\0\xE9\0");
    assert_eq!(
        (decoded.text.as_ref(), decoded.encoding),
        ("café", Encoding::Utf16Le)
    );
    let decoded = decode(b"\xFE\xFF\0c\0a\0f\0\xE9");
    assert_eq!(
        (decoded.text.as_ref(), decoded.encoding),
        ("café", Encoding::Utf16Be)
    );
    assert!(!decoded.lossy);

    // A lone surrogate, an odd last byte.
    let decoded = decode(b"\xFF\xFE\x00\xD8a\0b");
    assert_eq!(decoded.text, "\u{fffd}a\u{fffd}");
    assert!(decoded.lossy);
    // A BOM and nothing else is empty text.
    assert_eq!(decode(b"\xFE\xFF").text, "");
    // After a UTF-8 BOM, the bytes are UTF-8 even when broken.
    let decoded = decode(b"\xEF\xBB\xBFcaf\xE9");
    assert_eq!(decoded.encoding, Encoding::Utf8Bom);
    assert_eq!(decoded.text, "caf\u{fffd}");
    assert!(decoded.lossy);
}

#[test]
fn empty_and_ascii_are_utf8() {
    for text in ["", "plain ASCII\n"] {
        let decoded = decode(text.as_bytes());
        assert_eq!(decoded.encoding, Encoding::Utf8);
        assert!(matches!(decoded.text, Cow::Borrowed(t) if t == text));
        assert!(!decoded.lossy);
    }
}

#[test]
fn damaged_utf8_stays_utf8() {
    // Cut short in the middle of a character.
    for paragraph in [sample("German"), sample("Russian"), sample("Japanese")]
    {
        let (at, _) = paragraph
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii())
            .unwrap();
        let decoded = decode(&paragraph.as_bytes()[..at + 1]);
        assert_eq!(decoded.encoding, Encoding::Utf8, "{paragraph}");
        assert_eq!(decoded.text, format!("{}\u{fffd}", &paragraph[..at]));
        assert!(decoded.lossy);
    }
    // A stray Latin-1 byte in a UTF-8 paragraph.
    let mut bytes = sample("French").as_bytes().to_vec();
    bytes.extend_from_slice(b" Caf\xe9.");
    let decoded = decode(&bytes);
    assert_eq!(decoded.encoding, Encoding::Utf8);
    assert!(decoded.lossy);
    assert!(decoded.text.ends_with(" Caf\u{fffd}."));
    // Stray bytes throughout a long file, one a paragraph.
    let mut bytes = Vec::new();
    for _ in 0..2 * ERRORS_TO_JUDGE {
        bytes.extend_from_slice(sample("Greek").as_bytes());
        bytes.push(0xFF);
    }
    let decoded = decode(&bytes);
    assert_eq!(decoded.encoding, Encoding::Utf8);
    assert_eq!(decoded.text.matches('\u{fffd}').count(), 2 * ERRORS_TO_JUDGE);
    // A word in Windows-1252 at the end of the file is not UTF-8 cut
    // short: there is no UTF-8 before it.
    let decoded = decode(b"Caf\xe9");
    assert_eq!(decoded.text, "Café");
    assert_eq!(decoded.encoding.name(), "windows-1252");
}

#[test]
fn names() {
    assert_eq!(Encoding::Utf8.name(), "UTF-8");
    assert_eq!(Encoding::Utf16Be.to_string(), "UTF-16BE");
    assert_eq!(Encoding::Legacy(SHIFT_JIS).name(), "Shift_JIS");
    assert_eq!(Encoding::Cesu8.to_string(), "CESU-8");
}

#[test]
fn types_are_send_and_sync() {
    fn both<T: Send + Sync>() {}
    both::<Encoding>();
    both::<Decoded<'static>>();
}

/// Any text, in UTF-16 of either order after its BOM.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    for unit in text.encode_utf16() {
        let pair =
            if little { unit.to_le_bytes() } else { unit.to_be_bytes() };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn utf8_comes_back_borrowed_and_unchanged(text in "\\PC*") {
        // A leading U+FEFF is a BOM, not text.
        prop_assume!(!text.starts_with('\u{feff}'));
        let decoded = decode(text.as_bytes());
        prop_assert_eq!(decoded.encoding, Encoding::Utf8);
        prop_assert!(!decoded.lossy);
        prop_assert!(matches!(decoded.text, Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn utf16_with_a_bom_comes_back_exactly(text in "\\PC*", little: bool) {
        let bytes = utf16(&text, little);
        let decoded = decode(&bytes);
        prop_assert_eq!(decoded.text, text);
        prop_assert_eq!(
            decoded.encoding,
            if little { Encoding::Utf16Le } else { Encoding::Utf16Be }
        );
        prop_assert!(!decoded.lossy);
    }

    #[test]
    fn any_bytes_decode(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let decoded = decode(&bytes);
        match decoded.encoding {
            Encoding::Utf8 if !decoded.lossy => {
                prop_assert_eq!(decoded.text.as_bytes(), &bytes[..]);
            }
            Encoding::Utf8 => prop_assert!(std::str::from_utf8(&bytes).is_err()),
            Encoding::Utf8Bom => prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF")),
            Encoding::Utf16Le => prop_assert!(bytes.starts_with(b"\xFF\xFE")),
            Encoding::Utf16Be => prop_assert!(bytes.starts_with(b"\xFE\xFF")),
            Encoding::Cesu8 => prop_assert!(std::str::from_utf8(&bytes).is_err()),
            Encoding::Legacy(_) => prop_assert!(std::str::from_utf8(&bytes).is_err()),
        }
        if decoded.lossy {
            prop_assert!(decoded.text.contains('\u{fffd}'), "lossy without U+FFFD");
        }
    }
}

#[test]
fn a_large_file_is_judged_by_its_start() {
    // Past the pieces the detector reads, and with a start of plain
    // ASCII longer than one piece.
    let ascii = "Plain ASCII first, as in a long header. ".repeat(300);
    for &(language, encoding, paragraph) in SAMPLES {
        let times = 8 * PIECE / paragraph.len() + 1;
        let text = ascii.clone() + &format!("{paragraph}\n").repeat(times);
        let bytes = encode(&text, encoding);
        assert!(bytes.len() > 4 * PIECE, "{language}");
        let decoded = decode(&bytes);
        assert!(decoded.text == text, "{language} in {}", encoding.name());
    }
}

/// `text` in CESU-8: each astral character as its two UTF-16 surrogates,
/// three bytes each; with `java`, U+0000 as `C0 80` too.
fn cesu8(text: &str, java: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    for c in text.chars() {
        if c == '\0' && java {
            bytes.extend_from_slice(b"\xC0\x80");
        } else if c.len_utf8() < 4 {
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let u = u32::from(*unit);
                bytes.extend_from_slice(&[
                    0xE0 | (u >> 12) as u8,
                    0x80 | (u >> 6 & 0x3F) as u8,
                    0x80 | (u & 0x3F) as u8,
                ]);
            }
        }
    }
    bytes
}

#[test]
fn cesu8_is_read_as_such() {
    for (text, java) in [
        // A chat export from a Java service.
        ("Nos vemos mañana 😀👍 ¡hasta luego!", false),
        // Oracle's UTF8 (CESU-8) column of CJK Extension B names.
        ("𠮷野家 and 𩸽 (hokke)", false),
        // Java's modified UTF-8 from a serialized string: NUL as C0 80.
        ("key\0value 🎉", true),
        ("only\0a NUL", true),
        (
            "A flag: 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}",
            false,
        ),
    ] {
        let bytes = cesu8(text, java);
        assert!(std::str::from_utf8(&bytes).is_err(), "{text}");
        let decoded = decode(&bytes);
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, Encoding::Cesu8, "{text}");
        assert_eq!(decoded.encoding.name(), "CESU-8");
        assert!(!decoded.lossy);
        // After a byte order mark.
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), &bytes].concat();
        assert_eq!(decode(&with_bom).text, text);
        assert_eq!(decode(&with_bom).encoding, Encoding::Cesu8);
    }
    // Lone surrogates beside a pair are lost: one U+FFFD each.
    let mut bytes = cesu8("Cut 😀 ", false);
    bytes.extend_from_slice(b"\xED\xA0\xBD and \xED\xB8\x80 end");
    let decoded = decode(&bytes);
    assert_eq!(decoded.text, "Cut 😀 \u{fffd} and \u{fffd} end");
    assert_eq!(decoded.encoding, Encoding::Cesu8);
    assert!(decoded.lossy);
    // Two highs, then the low of the second.
    let decoded = decode(b"\xED\xA0\xBD\xED\xA0\xBD\xED\xB8\x80");
    assert_eq!(decoded.text, "\u{fffd}😀");
    assert!(decoded.lossy);
}

#[test]
fn what_is_not_cesu8_is_read_as_before() {
    // Real UTF-8 emoji stay borrowed UTF-8.
    assert_eq!(decode("ok 😀".as_bytes()).encoding, Encoding::Utf8);
    // A lone surrogate without a pair: damaged UTF-8 (each of its bytes
    // an error) or legacy, as before.
    let mut bytes = sample("Russian").as_bytes().to_vec();
    bytes.extend_from_slice(b" \xED\xA0\xBD");
    let decoded = decode(&bytes);
    assert_eq!(decoded.encoding, Encoding::Utf8);
    assert!(decoded.text.ends_with(" \u{fffd}\u{fffd}\u{fffd}"));
    assert!(decoded.lossy);
    // A pair beside any other invalid byte is no CESU-8.
    let mut bytes = cesu8("😀 ", false);
    bytes.extend_from_slice(b"caf\xE9");
    assert_ne!(decode(&bytes).encoding, Encoding::Cesu8);
    // Spanish in Windows-1252 with "í" before symbols.
    let spanish = "Añadí ½ taza de azúcar; aquí, en la canción, ¿quién \
        está? Sí ¼ de limón, el salón ¸ mañana.";
    let bytes = encode(spanish, WINDOWS_1252);
    let decoded = decode(&bytes);
    assert_eq!(decoded.text, spanish);
    assert_eq!(decoded.encoding.name(), "windows-1252");
    // Legacy samples are read as before.
    for &(language, encoding, paragraph) in SAMPLES {
        let bytes = encode(paragraph, encoding);
        assert_ne!(decode(&bytes).encoding, Encoding::Cesu8, "{language}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn any_text_in_cesu8_comes_back(text in "\\PC*", java: bool) {
        prop_assume!(!text.starts_with('\u{feff}'));
        let bytes = cesu8(&text, java);
        let decoded = decode(&bytes);
        prop_assert_eq!(&decoded.text, &text);
        prop_assert!(!decoded.lossy);
        let astral = text.chars().any(|c| c.len_utf8() == 4);
        let nul = java && text.contains('\0');
        prop_assert_eq!(
            decoded.encoding == Encoding::Cesu8,
            astral || nul,
            "{:?}", decoded.encoding
        );
    }
}
