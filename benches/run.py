#!/usr/bin/env python3
"""End-to-end benchmark of the release binary: convert and check generated corpora.

Builds `claimset` and the corpus generator (`examples/corpus.rs`) in release mode,
generates corpora into target/bench-corpus/ (reused when present and current), runs
`claimset convert` and `claimset check` on them, and prints a Markdown table of wall
time, throughput and peak RSS against the performance targets. Python 3 standard
library only; see benches/README.md.

    benches/run.py                         # ~100 MB convert, check of that dataset, linearity
    benches/run.py --mb 1000               # the 1 GB memory run
    benches/run.py --mb 0 --linearity-mb 0 --check-articles 100000   # the 1M-claim check run
    benches/run.py --threads 2             # RAYON_NUM_THREADS=2 for claimset
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "target"
CORPORA = TARGET / "bench-corpus"
OUTPUTS = TARGET / "bench-out"
CLAIMSET = TARGET / "release" / "claimset"
GENERATOR = TARGET / "release" / "examples" / "corpus"
SYNTH = ROOT / "benches" / "common" / "synth.rs"

# Mean body bytes of a generated article at scale 1, and what a JSONL line adds to it.
ARTICLE_BYTES = 5150
LINE_OVERHEAD = 270

# The targets.
CONVERT_MB_S = 25.0  # raw article text, end to end
CONVERT_RSS_MB = 1000.0  # peak RSS converting a 1 GB corpus
CHECK_SECONDS_PER_M_CLAIMS = 5.0  # all rules on 1M claims / 100k articles
CHECK_RSS_MB = 2000.0
LINEAR_TOLERANCE = 1.5  # µs/KB at 10x and 100x within this factor of 1x


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


@dataclass
class Run:
    """One timed child process."""

    wall: float
    rss_mb: float
    code: int


def timed(cmd: list[str], env: dict[str, str], stdout=subprocess.DEVNULL) -> Run:
    """Runs `cmd`, returning its wall time and its own peak RSS (from wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=stdout, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Run(wall=wall, rss_mb=rss / 1e6, code=proc.returncode)


def generator_version() -> int:
    m = re.search(r"GENERATOR_VERSION: u32 = (\d+);", SYNTH.read_text())
    if not m:
        sys.exit(f"no GENERATOR_VERSION in {SYNTH.relative_to(ROOT)}")
    return int(m.group(1))


@dataclass
class Corpus:
    path: Path
    articles: int
    scale: int
    bytes: int


def corpus(articles: int, scale: int, seed: int, fmt: str) -> Corpus:
    """The corpus of these parameters, generated unless a current one is present."""
    name = f"{fmt}-a{articles}-x{scale}-s{seed}"
    path = CORPORA / name
    manifest = path / "corpus.json"
    version = generator_version()
    if manifest.exists():
        meta = json.loads(manifest.read_text())
        if meta.get("generator_version") == version:
            log(f"reusing corpus {path.relative_to(ROOT)}")
            return Corpus(path, articles, scale, meta["bytes"])
    tmp = CORPORA / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(path, ignore_errors=True)
    log(f"generating {articles} articles at scale {scale} into {path.relative_to(ROOT)}")
    subprocess.run(
        [str(GENERATOR), "--articles", str(articles), "--scale", str(scale),
         "--seed", str(seed), "--format", fmt, "--out", str(tmp)],
        check=True, cwd=ROOT,
    )
    tmp.rename(path)
    meta = json.loads(manifest.read_text())
    return Corpus(path, articles, scale, meta["bytes"])


def articles_for(mb: float, scale: int) -> int:
    return max(1, round(mb * 1e6 / (ARTICLE_BYTES * scale + LINE_OVERHEAD)))


@dataclass
class Converted:
    corpus: Corpus
    run: Run
    out: Path
    rows: dict[str, int] = field(default_factory=dict)
    rejected: int = 0

    @property
    def mb(self) -> float:
        return self.corpus.bytes / 1e6

    @property
    def mb_s(self) -> float:
        return self.mb / self.run.wall


def convert(c: Corpus, env: dict[str, str]) -> Converted:
    out = OUTPUTS / c.path.name
    out.parent.mkdir(parents=True, exist_ok=True)
    log(f"converting {c.path.relative_to(ROOT)} ({c.bytes / 1e6:.1f} MB)")
    run = timed([str(CLAIMSET), "convert", str(c.path), "--out", str(out),
                 "--replace", "--quiet"], env)
    if run.code not in (0, 1):
        sys.exit(f"claimset convert failed with exit status {run.code}")
    manifest = json.loads((out / "dataset.json").read_text())
    rows = {t["name"]: t["rows"] for t in manifest["tables"]}
    return Converted(c, run, out, rows, len(manifest.get("rejected", [])))


def check(d: Converted, env: dict[str, str]) -> Run:
    log(f"checking {d.out.relative_to(ROOT)} ({d.rows.get('claims', 0)} claims)")
    run = timed([str(CLAIMSET), "check", str(d.out), "--quiet", "--format", "concise",
                 "--color", "never"], env)
    if run.code not in (0, 1):
        sys.exit(f"claimset check failed with exit status {run.code}")
    return run


def yes(ok: bool) -> str:
    return "yes" if ok else "**no**"


def convert_row(d: Converted) -> str:
    r = d.run
    met = (f"speed {yes(d.mb_s >= CONVERT_MB_S)}, memory {yes(r.rss_mb <= CONVERT_RSS_MB)}")
    note = f" ({d.rejected} rejected)" if d.rejected else ""
    return (f"| convert | {d.mb:,.1f} | {d.rows.get('articles', 0):,}{note} | "
            f"{d.rows.get('claims', 0):,} | {r.wall:.2f} | {d.mb_s:.1f} | "
            f"{d.rows.get('articles', 0) / r.wall:,.0f} | {r.rss_mb:,.0f} | "
            f"≥ {CONVERT_MB_S:g} MB/s, ≤ {CONVERT_RSS_MB:,.0f} MB | {met} |")


def check_row(d: Converted, r: Run) -> str:
    claims = d.rows.get("claims", 0)
    # The time target is for 1M claims; smaller datasets get a proportional share.
    limit = CHECK_SECONDS_PER_M_CLAIMS * max(claims, 1) / 1e6
    met = f"speed {yes(r.wall <= limit)}, memory {yes(r.rss_mb <= CHECK_RSS_MB)}"
    return (f"| check | {d.mb:,.1f} | {d.rows.get('articles', 0):,} | {claims:,} | "
            f"{r.wall:.2f} | | | {r.rss_mb:,.0f} | ≤ {limit:.2f} s, "
            f"≤ {CHECK_RSS_MB:,.0f} MB | {met} |")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]),
    )
    ap.add_argument("--mb", type=float, default=100,
                    help="size of the convert corpus in MB (0: skip; default 100)")
    ap.add_argument("--check-articles", type=int, default=0, metavar="N",
                    help="also convert and check a corpus of N articles (100000 gives ~1M claims)")
    ap.add_argument("--linearity-mb", type=float, default=20, metavar="MB",
                    help="size of each of the 1x, 10x, 100x corpora (0: skip; default 20)")
    ap.add_argument("--threads", type=int, metavar="N",
                    help="RAYON_NUM_THREADS for claimset (default: as in the environment)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    ap.add_argument("--format", choices=["jsonl", "txt"], default="jsonl",
                    help="corpus format (default jsonl)")
    ap.add_argument("--no-build", action="store_true",
                    help="use the binaries already in target/release")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args()

    env = dict(os.environ)
    if args.threads is not None:
        env["RAYON_NUM_THREADS"] = str(args.threads)

    if not args.no_build:
        log("building claimset and the corpus generator (release)")
        subprocess.run(["cargo", "build", "--release", "--bin", "claimset",
                        "--example", "corpus"], check=True, cwd=ROOT)
    for exe in (CLAIMSET, GENERATOR):
        if not exe.exists():
            sys.exit(f"{exe.relative_to(ROOT)} is missing: run without --no-build")

    rows: list[str] = []
    results: dict[str, object] = {}

    def record(key: str, d: Converted, chk: Run | None = None) -> None:
        results[key] = {
            "input_bytes": d.corpus.bytes, "articles": d.rows.get("articles"),
            "claims": d.rows.get("claims"), "scale": d.corpus.scale,
            "convert_seconds": round(d.run.wall, 3), "convert_rss_mb": round(d.run.rss_mb, 1),
            "mb_per_s": round(d.mb_s, 2),
            **({"check_seconds": round(chk.wall, 3), "check_rss_mb": round(chk.rss_mb, 1)}
               if chk else {}),
        }

    if args.mb > 0:
        c = corpus(articles_for(args.mb, 1), 1, args.seed, args.format)
        d = convert(c, env)
        rows.append(convert_row(d))
        chk = None
        if not args.check_articles:
            chk = check(d, env)
            rows.append(check_row(d, chk))
        record("convert", d, chk)

    if args.check_articles:
        c = corpus(args.check_articles, 1, args.seed, args.format)
        d = convert(c, env)
        chk = check(d, env)
        rows.append(convert_row(d))
        rows.append(check_row(d, chk))
        record("check", d, chk)

    lin_rows: list[str] = []
    if args.linearity_mb > 0:
        base = None
        for scale in (1, 10, 100):
            c = corpus(articles_for(args.linearity_mb, scale), scale, args.seed, args.format)
            d = convert(c, env)
            us_per_kb = d.run.wall * 1e6 / (c.bytes / 1e3)
            base = base or us_per_kb
            ratio = us_per_kb / base
            met = "" if scale == 1 else yes(ratio <= LINEAR_TOLERANCE)
            target = "" if scale == 1 else f"≤ {LINEAR_TOLERANCE:g}× of 1×"
            lin_rows.append(
                f"| {scale}× | {c.bytes / c.articles / 1e3:,.0f} | {c.articles:,} | "
                f"{d.mb:,.1f} | {d.run.wall:.2f} | {us_per_kb:.1f} | {ratio:.2f}× | "
                f"{target} | {met} |")
            record(f"linearity_{scale}x", d)
            results[f"linearity_{scale}x"]["us_per_kb"] = round(us_per_kb, 2)

    def git(*a: str) -> str:
        r = subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True)
        return r.stdout.strip()

    version = subprocess.run([str(CLAIMSET), "--version"], capture_output=True,
                             text=True).stdout.strip()
    commit = git("rev-parse", "--short", "HEAD")
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (modified)"
    threads = env.get("RAYON_NUM_THREADS", "unset")
    print(f"\n{version}, commit {commit}, {os.cpu_count()} CPUs, RAYON_NUM_THREADS={threads}, "
          f"seed {args.seed}, {args.format}\n")
    if rows:
        print("| run | input MB | articles | claims | wall s | MB/s | articles/s | peak RSS MB "
              "| target | met |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|---|---|")
        print("\n".join(rows))
        print()
    if lin_rows:
        print("Linearity: `convert` of the same amount of text as articles 1×, 10× and 100× "
              "as long.\n")
        print("| size | KB/article | articles | input MB | wall s | µs/KB | vs 1× | target | met |")
        print("|---|--:|--:|--:|--:|--:|--:|---|---|")
        print("\n".join(lin_rows))
        print()
    if args.json:
        args.json.write_text(json.dumps(
            {"version": version, "commit": commit, "threads": threads, "results": results},
            indent=2) + "\n")


if __name__ == "__main__":
    main()
