//! The `textclean` command, run as a user runs it.

mod common;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{data, scratch, stderr, stdout, textclean};

#[test]
fn cleans_the_article_byte_for_byte() {
    let article = data("article.txt");
    let output = textclean(&["clean", article.to_str().unwrap()], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let expected =
        std::fs::read_to_string(data("article.expected.txt")).unwrap();
    assert_eq!(stdout(&output), expected);
}

#[test]
fn reads_stdin_and_writes_to_a_file() {
    let dir = scratch("output");
    let out = dir.join("out.txt");
    let output = textclean(
        &["clean", "--preset", "unicode", "-o", out.to_str().unwrap(), "-"],
        "caf\u{c3}\u{a9}\r\n".as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(out).unwrap(), "caf\u{e9}\n");
}

#[test]
fn bad_json_line_fails_naming_its_number() {
    let input = b"{\"id\":1,\"text\":\"x\\u00a0y\",\"k\":[1]}\nnot json\n";
    let output = textclean(&["clean", "--jsonl"], input);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 2"), "{}", stderr(&output));
    // The good line before it was not lost.
    assert!(stdout(&output).contains("\"id\":1"));
}

#[test]
fn skip_bad_sets_bad_lines_aside_and_goes_on() {
    let dir = scratch("skip-bad");
    let bad = dir.join("bad.jsonl");
    let input = b"{\"id\":1,\"text\":\"x\\u00a0y\",\"k\":[1]}\nnot json\n";
    let output = textclean(
        &["clean", "--jsonl", "--skip-bad", bad.to_str().unwrap()],
        input,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "{\"id\":1,\"text\":\"x y\\n\",\"k\":[1]}\n");
    assert_eq!(std::fs::read_to_string(bad).unwrap(), "not json\n");
}

#[test]
fn jsonl_errors_name_a_missing_field_and_invalid_utf8() {
    let output = textclean(
        &["clean", "--jsonl", "--field", "body"],
        b"{\"text\":\"a\"}\n",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("line 1: no field `body`"),
        "{}",
        stderr(&output)
    );
    let output = textclean(&["clean", "--jsonl"], b"{\"text\":\"a\xff\"}\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 1"), "{}", stderr(&output));
}

#[test]
fn jsonl_keeps_fields_order_and_other_fields() {
    let input = "{\"z\":0,\"body\":\"Hi\u{a0}there\",\"a\":{\"b\":null}}\n\
                 {\"z\":1,\"body\":\"\"}\n";
    let output =
        textclean(&["clean", "--jsonl", "--field", "body"], input.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "{\"z\":0,\"body\":\"Hi there\\n\",\"a\":{\"b\":null}}\n{\"z\":1,\"body\":\"\"}\n"
    );
}

#[test]
fn explain_in_jsonl_adds_changes() {
    let output = textclean(
        &["clean", "--jsonl", "--explain"],
        b"{\"text\":\"a\\u00a0b\"}\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let line: serde_json::Value =
        serde_json::from_str(&stdout(&output)).unwrap();
    let changes = line["changes"].as_array().unwrap();
    assert_eq!(changes[0]["rule"], "space.odd");
    assert_eq!(changes[0]["start"], 1);
    assert_eq!(changes[0]["original"], "\u{a0}");
}

/// A page long enough for the block model: a menu, six paragraphs, links.
fn judged_page() -> String {
    let prose = "The river rose overnight and the town's main street was \
                 under water by dawn, as it was in the spring of 1998.";
    format!(
        "Our town\nSubscribe\n\n{}\n\nMore stories\nFloods close the school\n",
        [prose; 6].join("\n\n")
    )
}

#[test]
fn scores_report_every_block_the_model_judged() {
    let page = judged_page();
    let output =
        textclean(&["clean", "--explain", "--scores"], page.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    let scores: Vec<&str> =
        err.lines().filter(|l| l.contains(" score ")).collect();
    // Each block once: the six paragraphs and the lines around them.
    assert!(scores.len() >= 8, "{err}");
    let paragraphs: Vec<&&str> =
        scores.iter().filter(|l| l.contains("The river rose")).collect();
    assert_eq!(paragraphs.len(), 6, "{err}");
    assert!(paragraphs.iter().all(|l| l.contains("kept (prose)")), "{err}");
    assert!(scores[0].starts_with("<stdin>:1:1: boilerplate.block"), "{err}");
    // JSON Lines: a `scores` array with each block's span and features.
    let line = serde_json::json!({ "id": 7, "text": page }).to_string() + "\n";
    let output = textclean(
        &["clean", "--jsonl", "--explain", "--scores"],
        line.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out: serde_json::Value =
        serde_json::from_str(&stdout(&output)).unwrap();
    let scores = out["scores"].as_array().unwrap();
    assert!(scores.len() >= 8);
    let first = &scores[0];
    assert_eq!(first["rule"], "boilerplate.block");
    assert_eq!(first["start"], 0);
    assert!(first["score"].is_number());
    assert!(first["features"]["words"].is_number());
    let end = first["end"].as_u64().unwrap() as usize;
    assert_eq!(&page[..end], "Our town\n");
    // Scores need --explain; a line that has the field already is bad.
    let alone = textclean(&["clean", "--scores"], page.as_bytes());
    assert_eq!(alone.status.code(), Some(2));
    let taken = textclean(
        &["clean", "--jsonl", "--explain", "--scores"],
        b"{\"text\":\"a\",\"scores\":1}\n",
    );
    assert_eq!(taken.status.code(), Some(1));
    assert!(stderr(&taken).contains("--scores-field"), "{}", stderr(&taken));
}

#[test]
fn split_jsonl_adds_sentences() {
    let output = textclean(
        &["split", "--jsonl"],
        b"{\"text\":\"It works. Mr. Smith agrees.\"}\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "{\"text\":\"It works. Mr. Smith agrees.\",\"sentences\":[\"It works.\",\"Mr. Smith agrees.\"]}\n"
    );
}

#[test]
fn split_plain_prints_one_sentence_per_line() {
    let output =
        textclean(&["split"], b"It works. Mr. Smith\nagrees. Dr. Who?\n");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "It works.\nMr. Smith agrees.\nDr. Who?\n");
}

#[test]
fn stats_report_rules_and_throughput() {
    let article = data("article.txt");
    let output =
        textclean(&["clean", "--stats", article.to_str().unwrap()], b"");
    assert!(output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("boilerplate.phrase") && err.contains("MB/s"),
        "{err}"
    );
}

/// A French page as an old Windows editor saved it: Windows-1252, whose
/// letters are Latin-1's.
const FRENCH: &str = "L'\u{e9}t\u{e9} dernier, nous avons pass\u{e9} trois \
    semaines pr\u{e8}s de Lyon. Chaque matin, le boulanger nous parlait de \
    la m\u{e9}t\u{e9}o. Les enfants ont appris \u{e0} nager dans la \
    rivi\u{e8}re.\n";

fn latin1(text: &str) -> Vec<u8> {
    text.chars().map(|c| u8::try_from(c).unwrap()).collect()
}

#[test]
fn a_windows_1252_file_is_decoded_with_a_warning() {
    let dir = scratch("cp1252");
    let file = dir.join("page.txt");
    std::fs::write(&file, latin1(FRENCH)).unwrap();
    let name = file.to_str().unwrap();
    let output = textclean(&["clean", "--preset", "unicode", name], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), FRENCH);
    assert_eq!(
        stderr(&output),
        format!("textclean: {name}: not UTF-8; read as windows-1252\n")
    );
    // split and learn read whole files the same way.
    let output = textclean(&["split", name], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("L'\u{e9}t\u{e9} dernier"));
    assert!(stderr(&output).contains("read as windows-1252"));
    let model = dir.join("page.model");
    let output =
        textclean(&["learn", "-o", model.to_str().unwrap(), name], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("not UTF-8; read as windows-1252"));
}

#[test]
fn strict_refuses_a_file_that_is_not_utf8() {
    let dir = scratch("strict");
    let file = dir.join("latin1.txt");
    std::fs::write(&file, b"caf\xe9\n").unwrap();
    let name = file.to_str().unwrap();
    let model = dir.join("m.model");
    for args in [
        vec!["clean", "--strict", name],
        vec!["split", "--strict", name],
        vec!["learn", "--strict", "-o", model.to_str().unwrap(), name],
    ] {
        let output = textclean(&args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "textclean: {name}: not valid UTF-8 at byte 3; convert it \
                 to UTF-8 first (for example with iconv)\n"
            ),
            "{args:?}"
        );
        assert_eq!(stdout(&output), "");
    }
    // UTF-8 passes, less its byte order mark.
    let output = textclean(
        &["clean", "--strict", "--preset", "unicode"],
        "\u{feff}caf\u{e9}\n".as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "caf\u{e9}\n");
}

#[test]
fn a_utf16_file_with_a_bom_is_read() {
    let dir = scratch("utf16");
    let file = dir.join("notes.txt");
    let text = "Gr\u{fc}\u{df}e aus K\u{f6}ln, \u{441}\u{43f}\u{430}\u{441}\
                \u{438}\u{431}\u{43e} \u{1f600}\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&file, bytes).unwrap();
    let name = file.to_str().unwrap();
    let output = textclean(&["clean", "--preset", "unicode", name], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), text);
    assert_eq!(
        stderr(&output),
        format!("textclean: {name}: not UTF-8; read as UTF-16LE\n")
    );
}

#[test]
fn damaged_utf8_is_read_with_its_bad_bytes_replaced() {
    // Standard input cut in the middle of its last "é".
    let output = textclean(
        &["clean", "--preset", "unicode"],
        b"d\xc3\xa9j\xc3\xa0 vu, caf\xc3",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "d\u{e9}j\u{e0} vu, caf\u{fffd}\n");
    assert_eq!(
        stderr(&output),
        "textclean: <stdin>: not valid UTF-8; read as UTF-8, with \
         unreadable bytes replaced\n"
    );
}

#[test]
fn jsonl_is_never_decoded_as_another_encoding() {
    let line = b"{\"text\":\"caf\xe9\"}\n";
    for args in
        [vec!["clean", "--jsonl"], vec!["clean", "--jsonl", "--strict"]]
    {
        let output = textclean(&args, line);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).contains("line 1"), "{}", stderr(&output));
        assert!(!stderr(&output).contains("read as"), "{}", stderr(&output));
    }
}

#[test]
fn bad_usage_exits_2() {
    let output = textclean(&["clean", "--preset", "nope"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("web, pdf"), "{}", stderr(&output));
    let output = textclean(&["clean", "--skip-bad", "x"], b"");
    assert_eq!(output.status.code(), Some(2), "--skip-bad needs --jsonl");
    let dir = scratch("config");
    let config = dir.join("bad.toml");
    std::fs::write(&config, "[[stage]]\nkind = \"unicode\"\nquote = true\n")
        .unwrap();
    let output =
        textclean(&["clean", "--config", config.to_str().unwrap()], b"x");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown field `quote`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_file_is_bad_input() {
    let output = textclean(&["clean", "/nonexistent/file.txt"], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/nonexistent/file.txt"));
}

#[test]
fn config_file_example_runs() {
    let config = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/pipeline.toml");
    let output = textclean(
        &["clean", "--config", config.to_str().unwrap()],
        "\u{201c}Hi\u{201d}\n\nPromoted\n".as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "\"Hi\"\n");
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_textclean"))
        .args(["clean", "--preset", "unicode"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = "A line of text that goes on and on for a while.\n";
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(line.repeat(100_000).as_bytes());
    });
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    writer.join().unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "");
}

/// Runs the command on `threads` worker threads.
fn textclean_on(threads: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_textclean"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .stdin(Stdio::null())
        .output()
        .expect("the textclean binary runs")
}

/// Runs the command on `threads` worker threads with standard output and
/// standard error going to the same file, as `2>&1` does; returns what the
/// file holds.
fn textclean_merged(threads: &str, args: &[&str], file: &Path) -> String {
    let merged = File::create(file).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_textclean"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .stdin(Stdio::null())
        .stdout(merged.try_clone().unwrap())
        .stderr(merged)
        .status()
        .expect("the textclean binary runs");
    assert!(status.success());
    std::fs::read_to_string(file).unwrap()
}

/// A large document with many changes and two small ones after it, so that
/// with several threads the small ones finish first.
fn three_documents(dir: &Path) -> Vec<String> {
    let large = "caf\u{c3}\u{a9} and\u{a0}more &amp; less\n".repeat(3000);
    let names = [("large.txt", large.as_str()), ("small.txt", "a\u{a0}b\n")];
    let mut paths: Vec<String> = names
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path.to_str().unwrap().to_owned()
        })
        .collect();
    let other = dir.join("other.txt");
    std::fs::write(&other, "x &lt; y\n").unwrap();
    paths.push(other.to_str().unwrap().to_owned());
    paths
}

#[test]
fn explain_is_grouped_per_file_in_input_order_whatever_the_threads() {
    let dir = scratch("explain-order");
    let paths = three_documents(&dir);
    let mut args = vec!["clean", "--preset", "unicode", "--explain"];
    args.extend(paths.iter().map(String::as_str));
    let one = textclean_on("1", &args);
    assert!(one.status.success(), "{}", stderr(&one));
    let explained = stderr(&one);
    // Every line names its file, and the files come in input order, each
    // once.
    let mut files: Vec<&str> = explained
        .lines()
        .map(|line| paths.iter().find(|p| line.starts_with(*p)).unwrap())
        .map(String::as_str)
        .collect();
    files.dedup();
    assert_eq!(files, paths);
    assert_eq!(explained.lines().count(), 3 * 3000 + 2);
    for threads in ["2", "4"] {
        let many = textclean_on(threads, &args);
        assert!(many.status.success(), "{}", stderr(&many));
        assert_eq!(stderr(&many), explained, "{threads} threads");
        assert_eq!(many.stdout, one.stdout, "{threads} threads");
    }
}

#[test]
fn explain_comes_right_before_the_output_of_its_document() {
    let dir = scratch("explain-merged");
    let paths = three_documents(&dir);
    // Each document alone: its explanation, then its output.
    let expected: String = paths
        .iter()
        .map(|path| {
            let alone = textclean_on(
                "1",
                &["clean", "--preset", "unicode", "--explain", path],
            );
            stderr(&alone) + &stdout(&alone)
        })
        .collect();
    let mut args = vec!["clean", "--preset", "unicode", "--explain"];
    args.extend(paths.iter().map(String::as_str));
    for threads in ["1", "2"] {
        let merged = textclean_merged(threads, &args, &dir.join("merged"));
        assert!(merged == expected, "{threads} threads: {merged}");
    }
}

#[test]
fn explain_gives_lines_and_columns_in_characters() {
    let dir = scratch("explain-columns");
    let file = dir.join("page.txt");
    std::fs::write(
        &file,
        "Gr\u{fc}\u{df}e, caf\u{e9}\n\
         \u{20ac} 5\u{a0}000 and\u{a0}more\n\
         na\u{ef}ve \u{1f600}\u{a0}ok &amp; caf\u{c3}\u{a9}\n",
    )
    .unwrap();
    let name = file.to_str().unwrap();
    let output = textclean_on(
        "2",
        &["clean", "--preset", "unicode", "--explain", name],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let nbsp = "\"\\u{a0}\" -> \" \"";
    assert_eq!(
        stderr(&output),
        format!(
            "{name}:2:4: space.odd                {nbsp}\n\
             {name}:2:12: space.odd                {nbsp}\n\
             {name}:3:8: space.odd                {nbsp}\n\
             {name}:3:12: entity.html              \"&amp;\" -> \"&\"\n\
             {name}:3:21: mojibake.cp1252          \"\u{c3}\u{a9}\" -> \"\u{e9}\"\n"
        )
    );
}

#[test]
fn explain_to_a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_textclean"))
        .args(["clean", "--preset", "unicode", "--explain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = "A line\u{a0}of text &amp; more.\n";
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(line.repeat(20_000).as_bytes());
    });
    let mut first = [0u8; 16];
    let mut stderr = child.stderr.take().unwrap();
    stderr.read_exact(&mut first).unwrap();
    drop(stderr);
    writer.join().unwrap();
    // A panic would exit with 101.
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn lang_sets_the_pipeline_language() {
    let article = data("article.txt");
    let expected =
        std::fs::read_to_string(data("article.expected.txt")).unwrap();
    for lang in ["en", "auto"] {
        let output = textclean(
            &["clean", "--lang", lang, article.to_str().unwrap()],
            b"",
        );
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(stdout(&output), expected, "--lang {lang}");
    }
    let output = textclean(
        &["split", "--lang", "auto"],
        b"It works. Mr. Smith agrees.\n",
    );
    assert_eq!(stdout(&output), "It works.\nMr. Smith agrees.\n");
}

#[test]
fn lang_without_a_pack_is_bad_usage() {
    for command in ["clean", "split"] {
        let output = textclean(&[command, "--lang", "xx"], b"x");
        assert_eq!(output.status.code(), Some(2));
        let err = stderr(&output);
        assert!(err.contains("no language pack for `xx`"), "{err}");
        assert!(err.contains("use one of de, en, es, fr, or auto"), "{err}");
    }
    let output = textclean(&["clean", "--lang-field", "lang"], b"x");
    assert_eq!(output.status.code(), Some(2), "--lang-field needs --jsonl");
}

#[test]
fn lang_overrides_a_config_file() {
    let dir = scratch("lang-config");
    let config = dir.join("lang.toml");
    std::fs::write(&config, "preset = \"sentences\"\nlanguage = \"en\"\n")
        .unwrap();
    let path = config.to_str().unwrap();
    let output =
        textclean(&["clean", "--config", path, "--lang", "auto"], b"Hi.\n");
    assert!(output.status.success(), "{}", stderr(&output));
    std::fs::write(
        &config,
        "language = \"xx\"\n[[stage]]\nkind = \"unicode\"\n",
    )
    .unwrap();
    let output =
        textclean(&["clean", "--config", path, "--lang", "en"], b"Hi.\n");
    assert!(output.status.success(), "{}", stderr(&output));
    let output = textclean(&["clean", "--config", path], b"Hi.\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no language pack for `xx`"));
}

#[test]
fn lang_field_gives_each_line_its_language() {
    let glued = "The rain fell on the roofs of the old town all nightIt \
                 stopped at dawn, and the streets were quiet again.";
    let lines = [
        format!("{{\"text\":\"{glued}\",\"lang\":\"en\"}}"),
        format!("{{\"text\":\"{glued}\",\"lang\":\"auto\"}}"),
        format!("{{\"text\":\"{glued}\",\"lang\":\"nl\"}}"),
        format!("{{\"text\":\"{glued}\",\"lang\":null}}"),
        format!("{{\"text\":\"{glued}\"}}"),
    ];
    let input = lines.join("\n") + "\n";
    let output = textclean(
        &["clean", "--jsonl", "--lang", "auto", "--lang-field", "lang"],
        input.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 5);
    for line in out.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = value["text"].as_str().unwrap();
        assert!(text.contains("all night. It stopped"), "{line}");
    }
    // The language field is kept as it was.
    assert!(out.lines().nth(2).unwrap().contains("\"lang\":\"nl\""));
    let split = textclean(
        &["split", "--jsonl", "--lang-field", "lang"],
        b"{\"text\":\"It works. Mr. Smith agrees.\",\"lang\":\"en-GB\"}\n",
    );
    assert!(stdout(&split).contains("[\"It works.\",\"Mr. Smith agrees.\"]"));
    let bad = textclean(
        &["clean", "--jsonl", "--lang-field", "lang"],
        b"{\"text\":\"x\",\"lang\":3}\n",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("line 1: field `lang` is not a string"));
}

#[test]
fn blocks_field_carries_block_attributes_through_cleaning() {
    let line = r#"{"id":1,"text":"Caf\u00e9\u00a0news\n\nAdvertisement\n\nThe body of the page.","blocks":[{"start":0,"end":9,"kind":"heading","level":1},{"start":11,"end":24,"kind":"paragraph"},{"start":26,"end":47,"kind":"paragraph","tag":"p"}]}"#;
    let output = textclean(
        &["clean", "--jsonl", "--blocks-field", "blocks"],
        format!("{line}\n").as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value =
        serde_json::from_str(stdout(&output).trim_end()).unwrap();
    let text: Vec<char> = value["text"].as_str().unwrap().chars().collect();
    let blocks = value["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 2, "the advertisement's block is gone");
    let span = |b: &serde_json::Value| -> String {
        let (s, e) =
            (b["start"].as_u64().unwrap(), b["end"].as_u64().unwrap());
        text[s as usize..e as usize].iter().collect()
    };
    assert_eq!(span(&blocks[0]), "Caf\u{e9} news");
    assert_eq!(blocks[0]["kind"], "heading");
    assert_eq!(span(&blocks[1]), "The body of the page.");
    assert_eq!(blocks[1]["tag"], "p");
    let bad = textclean(
        &["clean", "--jsonl", "--blocks-field", "blocks"],
        b"{\"text\":\"abc\",\"blocks\":[{\"start\":0,\"end\":9}]}\n",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("line 1: field `blocks` block 1"),
        "{}",
        stderr(&bad)
    );
}

/// A crawl of three sites: each page of `shop.example` has the site's
/// header and footer around its own text; two of its pages also share a
/// caption; the other sites have their own templates.
fn crawl() -> String {
    let mut lines = Vec::new();
    let things = ["kettle", "lamp", "chair", "rug", "clock", "vase"];
    for (i, thing) in things.iter().enumerate() {
        let mut text = format!(
            "Maple & Tin Homewares\nFree delivery on orders over 40 pounds\n\n\
             The {thing} we sell this week was made by hand in a small \
             workshop, and each one is a little different from the next.\n\n"
        );
        if i < 2 {
            text.push_str("Photographed in our Leeds studio\n");
        }
        text.push_str("Maple & Tin Ltd, registered in England.\n");
        let url = format!("https://www.shop.example/item/{thing}");
        lines.push(serde_json::json!({"url": url, "text": text}));
        let other = format!(
            "Weekly Allotment\nIn week {i} the {thing}-shaped squash grew \
             again, and we wrote about it at length for our readers.\n"
        );
        let url = format!("https://allotment.example/{i}");
        lines.push(serde_json::json!({"url": url, "text": other}));
    }
    lines.push(
        serde_json::json!({"text": "No URL here.\nMaple & Tin Homewares\n"}),
    );
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn learn_then_clean_with_the_model_removes_a_sites_template() {
    let dir = scratch("learn");
    let corpus = dir.join("crawl.jsonl");
    std::fs::write(&corpus, crawl()).unwrap();
    let model = dir.join("site.model");
    let (corpus, model) = (corpus.to_str().unwrap(), model.to_str().unwrap());
    let output = textclean(
        &["learn", "--jsonl", "--url-field", "url", "-o", model, corpus],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("from 13 document(s)"),
        "{}",
        stderr(&output)
    );
    let output = textclean(
        &[
            "clean",
            "--jsonl",
            "--model",
            model,
            "--url-field",
            "url",
            "--explain",
            corpus,
        ],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 13);
    let corpus_rule = |r: &serde_json::Value| -> Vec<String> {
        r["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["rule"] == "boilerplate.corpus")
            .map(|c| c["original"].as_str().unwrap().trim_end().to_owned())
            .collect()
    };
    // The first shop page: its template goes, its text and the caption
    // that only two of six pages have stay.
    let first = &records[0];
    let text = first["text"].as_str().unwrap();
    assert_eq!(
        corpus_rule(first),
        [
            "Maple & Tin Homewares",
            "Free delivery on orders over 40 pounds",
            "Maple & Tin Ltd, registered in England."
        ]
    );
    assert!(text.contains("The kettle we sell"), "{text}");
    assert!(text.contains("Photographed in our Leeds studio"), "{text}");
    // The other site's header goes on its own pages.
    assert_eq!(corpus_rule(&records[1]), ["Weekly Allotment"]);
    // A record without a URL keeps the shop's header: it recurs on one
    // site, not on a tenth of all documents and ten of them.
    assert!(corpus_rule(&records[12]).is_empty());
    // Without --url-field nothing is per site.
    let output =
        textclean(&["clean", "--jsonl", "--model", model, corpus], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Maple & Tin Homewares"));
}

#[test]
fn learn_reads_plain_files_and_handles_bad_lines_as_clean_does() {
    let dir = scratch("learn-bad");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, "Shared line\nOwn line one\n").unwrap();
    std::fs::write(&b, "Shared line\nOwn line two\n").unwrap();
    let model = dir.join("plain.model");
    let args = ["learn", "-o", model.to_str().unwrap()];
    let files = [a.to_str().unwrap(), b.to_str().unwrap()];
    let output = textclean(&[&args[..], &files[..]].concat(), b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("from 2 document(s): 1 recurring"));
    let model_arg = model.to_str().unwrap();
    let input = b"{\"text\":\"a\"}\nnot json\n{\"body\":\"b\"}\n";
    let output = textclean(&["learn", "--jsonl", "-o", model_arg], input);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("line 2"), "{}", stderr(&output));
    // The failed run left the earlier model as it was.
    assert!(
        std::fs::read(&model)
            .unwrap()
            .starts_with(b"textclean corpus model\n")
    );
    let bad = dir.join("bad.jsonl");
    let output = textclean(
        &[
            "learn",
            "--jsonl",
            "--skip-bad",
            bad.to_str().unwrap(),
            "-o",
            model_arg,
        ],
        input,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "not json\n{\"body\":\"b\"}\n"
    );
    let output = textclean(&["learn", "--jsonl"], input);
    assert_eq!(output.status.code(), Some(2), "-o is required");
}

#[test]
fn a_bad_model_file_is_bad_usage_naming_the_file() {
    let dir = scratch("bad-model");
    let page = data("article.txt");
    let page = page.to_str().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("text.model", b"just some text\n", "not a textclean corpus model"),
        ("cut.model", b"textclean corpus model\n\0\x01\0", "cut short"),
        ("future.model", b"textclean corpus model\n\0\x09\0\0\0", "version 9"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = textclean(
            &["clean", "--model", path.to_str().unwrap(), page],
            b"",
        );
        assert_eq!(output.status.code(), Some(2), "{name}");
        let message = stderr(&output);
        assert!(message.contains(name) && message.contains(says), "{message}");
        assert!(stdout(&output).is_empty());
    }
    let missing = dir.join("missing.model");
    let output =
        textclean(&["clean", "--model", missing.to_str().unwrap(), page], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.model: cannot read it"));
    let output = textclean(
        &[
            "clean",
            "--preset",
            "unicode",
            "--model",
            missing.to_str().unwrap(),
            page,
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no boilerplate stage"));
}
