//! A pipeline from a configuration file (TOML, or JSON when it ends in
//! `.json`): `examples/pipeline.toml`, or the file given as the first
//! argument; the article (or the second argument) goes through it.
//!
//! ```text
//! cargo run --release --example config_file
//! cargo run --release --example config_file -- my.toml page.txt
//! ```

use std::io::Write;
use std::process::ExitCode;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let config = args.next().unwrap_or_else(|| format!("{DIR}/pipeline.toml"));
    let input =
        args.next().unwrap_or_else(|| format!("{DIR}/data/article.txt"));
    let run = || -> Result<String, String> {
        let pipeline = textclean::Config::load(config.as_ref())
            .and_then(|config| textclean::Pipeline::from_config(&config))
            .map_err(|e| e.to_string())?;
        eprintln!("{config}: stages {:?}", pipeline.stage_names());
        let text = std::fs::read_to_string(&input)
            .map_err(|e| format!("{input}: {e}"))?;
        Ok(pipeline.clean(&text).into_owned())
    };
    match run() {
        Ok(text) => {
            // A reader that stops early (`| head`) is not an error.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("config_file: {e}");
            ExitCode::FAILURE
        }
    }
}
