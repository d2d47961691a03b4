//! Writes the adversarial bench's inputs (`benches/support/cases.rs`) to a
//! directory, one file per case, to run the command on them, for example
//! to read its peak memory:
//!
//! ```sh
//! cargo run --release --example adversarial_inputs -- /tmp/adversarial
//! for f in /tmp/adversarial/*.txt; do
//!   /usr/bin/time -f "%M KB $f" textclean clean "$f" > /dev/null
//! done
//! ```
//!
//! A second argument sets the size of each case in bytes (default 10 MB).

#[path = "../benches/support/cases.rs"]
#[allow(dead_code)]
mod cases;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: adversarial_inputs DIR [SIZE]");
        std::process::exit(2);
    };
    let size = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000_000);
    std::fs::create_dir_all(&dir)?;
    for name in cases::NAMES {
        let path = std::path::Path::new(&dir).join(format!("{name}.txt"));
        let text = cases::case(name, size);
        std::fs::write(&path, &text)?;
        println!("{:>10} bytes  {}", text.len(), path.display());
    }
    Ok(())
}
