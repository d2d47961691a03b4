//! A pipeline from a TOML configuration file: `examples/pipeline.toml`, or
//! the file given as the first argument; the article (or the second
//! argument) goes through it.
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
        let toml = std::fs::read_to_string(&config)
            .map_err(|e| format!("{config}: {e}"))?;
        let pipeline = textclean::Pipeline::from_toml(&toml)
            .map_err(|e| format!("{config}: {e}"))?;
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
