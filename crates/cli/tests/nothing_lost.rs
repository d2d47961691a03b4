//! The command never loses or alters what it does not own: inputs, files a
//! failed run would have replaced, the other fields of a JSON line, lines.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{scratch, stderr, stdout, textclean};

fn write(path: &Path, text: &str) -> String {
    fs::write(path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The names in `dir`: a failed run leaves no temporary file behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_that_is_also_an_input_is_refused_before_anything_is_written() {
    let dir = scratch("same-file");
    let text = "caf\u{c3}\u{a9} &amp; more\n";
    let same = write(&dir.join("same.txt"), text);
    let jsonl = write(&dir.join("same.jsonl"), "{\"text\":\"a\"}\n");
    let other = write(&dir.join("other.txt"), "x\n");
    let dotted = format!("{}/./same.txt", dir.display());
    std::os::unix::fs::symlink(&same, dir.join("link.txt")).unwrap();
    fs::hard_link(&same, dir.join("hard.txt")).unwrap();
    let link = dir.join("link.txt").to_str().unwrap().to_owned();
    let hard = dir.join("hard.txt").to_str().unwrap().to_owned();
    let cases: Vec<Vec<&str>> = vec![
        vec!["clean", "-o", &same, &same],
        vec!["clean", "-o", &dotted, &other, &same],
        vec!["clean", "-o", &link, &same],
        vec!["clean", "-o", &hard, &same],
        vec!["clean", "--jsonl", "-o", &jsonl, &jsonl],
        vec!["clean", "--jsonl", "--skip-bad", &jsonl, &jsonl],
        vec!["split", "-o", &same, &same],
    ];
    for args in cases {
        let output = textclean(&args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains("is also an input"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(fs::read_to_string(&same).unwrap(), text);
        assert_eq!(fs::read_to_string(&jsonl).unwrap(), "{\"text\":\"a\"}\n");
    }
    let bad = dir.join("bad.jsonl").to_str().unwrap().to_owned();
    let output = textclean(
        &["clean", "--jsonl", "-o", &bad, "--skip-bad", &bad, &jsonl],
        b"",
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the same file"), "{}", stderr(&output));
    assert_eq!(
        names(&dir),
        ["hard.txt", "link.txt", "other.txt", "same.jsonl", "same.txt"]
    );
}

#[test]
fn a_run_that_fails_halfway_leaves_the_output_file_as_it_was() {
    let dir = scratch("fails-halfway");
    let out = write(&dir.join("out.txt"), "the old output\n");
    let good = write(&dir.join("good.txt"), "a\u{a0}b\n");
    let not_utf8 = dir.join("latin1.txt");
    fs::write(&not_utf8, b"caf\xe9\n").unwrap();
    let not_utf8 = not_utf8.to_str().unwrap().to_owned();
    let missing = dir.join("missing.txt").to_str().unwrap().to_owned();
    let lines = write(
        &dir.join("in.jsonl"),
        "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":3}\n{\"text\":\"d\"}\n",
    );
    let bad = dir.join("bad.jsonl").to_str().unwrap().to_owned();
    for (args, says) in [
        (
            vec!["clean", "--strict", "-o", &out, &good, &not_utf8],
            "not valid UTF-8",
        ),
        (vec!["clean", "-o", &out, &good, &missing], "missing.txt"),
        (vec!["clean", "--jsonl", "-o", &out, &lines], "line 3"),
        (vec!["clean", "--jsonl", "-o", &out, &lines, &missing], "missing"),
    ] {
        let output = textclean(&args, b"");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "the old output\n");
    }
    // A --skip-bad file is not written by a run that fails either.
    let output = textclean(
        &[
            "clean",
            "--jsonl",
            "--skip-bad",
            &bad,
            "-o",
            &out,
            &lines,
            &not_utf8,
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let set_aside = b"{\"text\":3}\ncaf\xe9\n".to_vec();
    assert_eq!(fs::read(&bad).unwrap(), set_aside);
    let output = textclean(
        &["clean", "--jsonl", "--skip-bad", &bad, &lines, &missing],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read(&bad).unwrap(), set_aside);
    assert_eq!(
        names(&dir),
        ["bad.jsonl", "good.txt", "in.jsonl", "latin1.txt", "out.txt"]
    );
}

#[test]
fn a_replaced_output_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("permissions");
    let out = write(&dir.join("out.txt"), "old\n");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    let output =
        textclean(&["clean", "--preset", "unicode", "-o", &out], b"new\n");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&out).unwrap(), "new\n");
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let fresh = dir.join("fresh.txt").to_str().unwrap().to_owned();
    let output = textclean(&["clean", "-o", &fresh], b"new\n");
    assert!(output.status.success());
    // Not a temporary file's owner-only mode.
    let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode & 0o044, 0, "{mode:o}");
}

#[test]
fn other_json_fields_come_out_byte_for_byte() {
    let line = r#"{ "id" : 123456789012345678901234567890, "n":1E2, "big":1e400, "dup":1, "dup":"two", "esc":"caf\u00e9 \ud83d", "nested":{"a":[1, {"b":null}]} , "text":"Hello\u00a0world",  "tail": -0.5e-7 }"#;
    let output = textclean(
        &["clean", "--jsonl", "--preset", "unicode"],
        line.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = line.replace(r#""Hello\u00a0world""#, r#""Hello world\n""#);
    assert_eq!(stdout(&output), format!("{expected}\n"));
}

#[test]
fn every_line_is_written_or_set_aside_and_blank_lines_stay() {
    let dir = scratch("line-accounting");
    let bad = dir.join("bad.jsonl");
    let input = "\u{feff}{\"text\":\"first\"}\n\
                 \n\
                 not json\n\
                 {\"text\":\"a\"}\r\n\
                 \x20\t\n\
                 [1]\n\
                 {\"other\":1}\n\
                 {\"text\":\"last\"}";
    let output = textclean(
        &["clean", "--jsonl", "--stats", "--skip-bad", bad.to_str().unwrap()],
        input.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let set_aside = fs::read_to_string(&bad).unwrap();
    assert_eq!(
        out,
        "{\"text\":\"first\\n\"}\n\n{\"text\":\"a\\n\"}\n \t\n{\"text\":\"last\\n\"}\n"
    );
    assert_eq!(set_aside, "not json\n[1]\n{\"other\":1}\n");
    let lines_in = input.split('\n').count();
    assert_eq!(out.lines().count() + set_aside.lines().count(), lines_in);
    assert!(
        stderr(&output).contains("8 line(s) read: 5 written, 3 set aside"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_lone_surrogate_in_the_text_is_read_as_a_replacement_character() {
    let output = textclean(
        &["clean", "--jsonl", "--preset", "unicode"],
        br#"{"text":"a \ud83d b \ud83d\ude00"}"#,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "{\"text\":\"a \u{fffd} b \u{1f600}\\n\"}\n");
    assert!(stderr(&output).contains("lone surrogate"), "{}", stderr(&output));
}

#[test]
fn added_fields_never_overwrite_the_input() {
    let line = br#"{"text":"a&amp;b","changes":"mine","sentences":[1]}"#;
    let output = textclean(&["clean", "--jsonl", "--explain"], line);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("--changes-field"),
        "{}",
        stderr(&output)
    );
    let output = textclean(
        &["clean", "--jsonl", "--explain", "--changes-field", "edits"],
        line,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(
            r#"{"text":"a&b\n","changes":"mine","sentences":[1],"edits":[{"#
        ),
        "{out}"
    );
    let output = textclean(&["split", "--jsonl"], line);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--sentences-field"));
    let output =
        textclean(&["split", "--jsonl", "--sentences-field", "s"], line);
    assert_eq!(
        stdout(&output),
        "{\"text\":\"a&amp;b\",\"changes\":\"mine\",\"sentences\":[1],\"s\":[\"a&amp;b\"]}\n"
    );
}

#[test]
fn documents_are_separated_in_every_preset() {
    let dir = scratch("separated");
    let first = write(&dir.join("1.txt"), "first doc");
    let second = write(&dir.join("2.txt"), "second doc");
    for preset in ["web", "pdf", "unicode", "boilerplate", "sentences", "ftfy"]
    {
        let output =
            textclean(&["clean", "--preset", preset, &first, &second], b"");
        assert!(output.status.success(), "{preset}: {}", stderr(&output));
        let out = stdout(&output);
        assert_eq!(out.lines().count(), 2, "{preset}: {out:?}");
        assert!(out.starts_with("first doc"), "{preset}: {out:?}");
    }
    // One document is given as the preset makes it.
    let output = textclean(&["clean", "--preset", "ftfy", &first], b"");
    assert_eq!(stdout(&output), "first doc");
}

#[test]
fn a_write_error_names_the_output_and_exits_3() {
    let full = fs::File::create("/dev/full").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_textclean"))
        .args(["clean", "--preset", "unicode"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let _ = child.stdin.take().unwrap().write_all(b"some text\n");
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("cannot write standard output"),
        "{}",
        stderr(&output)
    );
    let help = textclean(&["--help"], b"");
    assert!(
        stdout(&help).contains("3 the output could not"),
        "{}",
        stdout(&help)
    );
}
