//! Writes a deterministic synthetic corpus of news-style articles for benchmarks.
//!
//! ```sh
//! cargo run --release --example corpus -- --articles 20000 --out target/bench-corpus/c1
//! cargo run --release --example corpus -- --articles 40 --scale 100 --out big --format txt
//! ```
//!
//! The same arguments give byte-identical files: `corpus-0000.jsonl`, ... (JSONL lines with
//! `title`, `text`, `url`, `outlet`, `published`, `language`, each file at most
//! `--file-size` bytes) or `article-000000.txt`, ... (headline, blank line, body), and
//! `corpus.json` describing the run (not an input: `claimset convert` reads only article
//! files). Files of an earlier run in the folder are removed first. The articles come from
//! `benches/common/synth.rs`.

#[path = "../benches/common/synth.rs"]
mod synth;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::{Parser, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSONL files of at most --file-size bytes.
    Jsonl,
    /// One `.txt` per article, headline on the first line.
    Txt,
}

/// Writes N synthetic news articles into a folder, byte-identical for the same arguments.
#[derive(Debug, Parser)]
struct Args {
    /// Number of articles.
    #[arg(long)]
    articles: u64,
    /// Folder to write (created if needed).
    #[arg(long)]
    out: PathBuf,
    /// Body length: K times that of a ~5 KB article, in the same style.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    scale: u32,
    /// Seed of the generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Largest JSONL file (units B, kB, MB, GB, KiB, MiB, GiB); an article longer than
    /// this gets a file of its own.
    #[arg(long, default_value = "8MB", value_parser = claimset::ingest::parse_bytes)]
    file_size: u64,
}

/// Removes what an earlier run left, so the folder holds exactly this run's files.
fn clear(out: &Path) -> anyhow::Result<()> {
    for entry in fs::read_dir(out).with_context(|| format!("reading {}", out.display()))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let ours = name == "corpus.json"
            || name.starts_with("corpus-") && name.ends_with(".jsonl")
            || name.starts_with("article-") && name.ends_with(".txt");
        if ours && path.is_file() {
            fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.articles == 0 {
        bail!("--articles must be at least 1");
    }
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    clear(&args.out)?;
    let write = |name: String, bytes: &[u8]| -> anyhow::Result<()> {
        let path = args.out.join(name);
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))
    };
    let (mut files, mut total, mut body_bytes) = (0u64, 0u64, 0u64);
    match args.format {
        Format::Jsonl => {
            let mut buf: Vec<u8> = Vec::with_capacity(args.file_size.min(1 << 28) as usize);
            for i in 0..args.articles {
                let a = synth::article(args.seed, i, args.scale);
                body_bytes += a.text.len() as u64;
                let line = a.jsonl();
                if !buf.is_empty() && (buf.len() + line.len()) as u64 > args.file_size {
                    write(format!("corpus-{files:04}.jsonl"), &buf)?;
                    files += 1;
                    total += buf.len() as u64;
                    buf.clear();
                }
                buf.extend_from_slice(line.as_bytes());
            }
            write(format!("corpus-{files:04}.jsonl"), &buf)?;
            files += 1;
            total += buf.len() as u64;
        }
        Format::Txt => {
            let width = (args.articles - 1).to_string().len().max(6);
            for i in 0..args.articles {
                let a = synth::article(args.seed, i, args.scale);
                body_bytes += a.text.len() as u64;
                let text = a.txt();
                write(format!("article-{i:0width$}.txt"), text.as_bytes())?;
                files += 1;
                total += text.len() as u64;
            }
        }
    }
    let format = match args.format {
        Format::Jsonl => "jsonl",
        Format::Txt => "txt",
    };
    let manifest = serde_json::json!({
        "generator_version": synth::GENERATOR_VERSION,
        "articles": args.articles,
        "scale": args.scale,
        "seed": args.seed,
        "format": format,
        "file_size": args.file_size,
        "files": files,
        "bytes": total,
        "body_bytes": body_bytes,
    });
    let mut json = serde_json::to_vec_pretty(&manifest)?;
    json.push(b'\n');
    write("corpus.json".into(), &json)?;
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "wrote {} articles ({:.1} MB, bodies {:.1} MB) in {files} files to {}",
        args.articles,
        total as f64 / 1e6,
        body_bytes as f64 / 1e6,
        args.out.display()
    )?;
    Ok(())
}
