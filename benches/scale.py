#!/usr/bin/env python3
"""The checker at scale: `check` and `convert` of generated corpora of ~250k and ~1M
claims, side by side with duckdb running the referential checks on the same files.

Builds the release binary and the corpus generator, generates (or reuses) one corpus per
size in target/bench-corpus/, converts it into target/bench-out/, then times, each
`--repeat` times (medians are printed):

- `claimset convert` (MB/s of JSONL input, peak RSS);
- `claimset check` with every rule, in the `concise` and `json` formats (claims/s, peak RSS);
- `claimset check --select CS2` (the referential rules alone);
- duckdb, in a venv of its own (target/bench-venv, duckdb pinned as in
  notebooks/requirements.txt): each table's key unique, every `article_id`,
  `source_id` and `actor_id` found, as SQL over the same Parquet files. Both the whole
  process and the queries alone are timed.

Peak RSS is the process's own (`wait4` ru_maxrss, what `/usr/bin/time -v` prints). The
checks run with `--no-write`, so the datasets stay as converted between runs.

    benches/scale.py                          # 250k and 1M claims, 3 runs each
    benches/scale.py --claims 1000000 --repeat 5
    benches/scale.py --no-build --no-duckdb
    benches/scale.py --no-build --binary OLD/claimset   # the same figures of another build
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "target"
CORPORA = TARGET / "bench-corpus"
OUTPUTS = TARGET / "bench-out"
VENV = TARGET / "bench-venv"
CLAIMSET = TARGET / "release" / "claimset"
GENERATOR = TARGET / "release" / "examples" / "corpus"
REQUIREMENTS = ROOT / "notebooks" / "requirements.txt"

# Claims per generated article at scale 1 (seed 1: 92,000 articles give 995,828 claims).
CLAIMS_PER_ARTICLE = 10.82

# The referential checks, as duckdb runs them: each key unique, every reference found.
# `{t}` is replaced by the read_parquet() call of table t.
QUERIES = {
    "articles key unique": "select count(*) - count(distinct article_id) from {articles}",
    "claims key unique": "select count(*) - count(distinct claim_id) from {claims}",
    "sources key unique": "select count(*) - count(distinct source_id) from {sources}",
    "actors key unique": "select count(*) - count(distinct actor_id) from {actors}",
    "mentions key unique": "select count(*) - count(distinct mention_id) from {mentions}",
    "claims.article_id found": "select count(*) from {claims} c where c.article_id is not null "
    "and not exists (select 1 from {articles} a where a.article_id = c.article_id)",
    "mentions.article_id found": "select count(*) from {mentions} m where m.article_id is not null "
    "and not exists (select 1 from {articles} a where a.article_id = m.article_id)",
    "claims.source_id found": "select count(*) from {claims} c where c.source_id is not null "
    "and not exists (select 1 from {sources} s where s.source_id = c.source_id)",
    "articles.source_id found": "select count(*) from {articles} x where x.source_id is not null "
    "and not exists (select 1 from {sources} s where s.source_id = x.source_id)",
    "sources.actor_id found": "select count(*) from {sources} x where x.actor_id is not null "
    "and not exists (select 1 from {actors} a where a.actor_id = x.actor_id)",
    "mentions.actor_id found": "select count(*) from {mentions} x where x.actor_id is not null "
    "and not exists (select 1 from {actors} a where a.actor_id = x.actor_id)",
}

DUCKDB_SCRIPT = r"""
import json, sys, time
start = time.perf_counter()
import duckdb
con = duckdb.connect()
con.execute("set threads to %d" % int(sys.argv[2]))
tables, queries = json.loads(sys.argv[1]), json.loads(sys.argv[3])
q0 = time.perf_counter()
found = {}
for name, sql in queries.items():
    found[name] = con.execute(sql.format(**tables)).fetchone()[0]
q1 = time.perf_counter()
print(json.dumps({"queries_s": q1 - q0, "found": found}))
"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Runs `cmd`: wall seconds, its own peak RSS in MB (10^6 bytes) and its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, cwd=ROOT, env=env)
    out = b""
    assert proc.stdout is not None
    for chunk in iter(lambda: proc.stdout.read(1 << 20), b""):
        out += chunk if len(out) < 1 << 20 else b""  # keep the start only
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed with exit status {code}")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return wall, rss / 1e6, out.decode("utf-8", "replace")


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def pinned_duckdb() -> str:
    m = re.search(r"^duckdb==(\S+)", REQUIREMENTS.read_text(), re.M)
    return f"duckdb=={m.group(1)}" if m else "duckdb"


def duckdb_python() -> Path:
    """The venv's python, with duckdb installed (once)."""
    python = VENV / "bin" / "python"
    marker = VENV / ".duckdb"
    want = pinned_duckdb()
    if not (marker.exists() and marker.read_text() == want):
        log(f"creating {VENV.relative_to(ROOT)} with {want}")
        shutil.rmtree(VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", want], check=True)
        marker.write_text(want)
    return python


def corpus(articles: int, seed: int) -> Path:
    name = f"jsonl-a{articles}-x1-s{seed}"
    path = CORPORA / name
    if (path / "corpus.json").exists():
        log(f"reusing corpus {path.relative_to(ROOT)}")
        return path
    log(f"generating {articles} articles into {path.relative_to(ROOT)}")
    subprocess.run([str(GENERATOR), "--articles", str(articles), "--seed", str(seed),
                    "--out", str(path)], check=True, cwd=ROOT)
    return path


def corpus_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.glob("*.jsonl"))


def table_sql(dataset: Path) -> dict[str, str]:
    """read_parquet() of each table: its file, or every part file of its folder."""
    out = {}
    for t in ("articles", "claims", "sources", "actors", "mentions"):
        single = dataset / f"{t}.parquet"
        glob = str(single) if single.is_file() else str(dataset / t / "**" / "*.parquet")
        out[t] = f"read_parquet('{glob}')"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    ap.add_argument("--claims", type=int, nargs="+", default=[250_000, 1_000_000],
                    help="approximate claims of each corpus (default 250000 1000000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command (default 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--no-duckdb", action="store_true")
    ap.add_argument("--reconvert", action="store_true",
                    help="convert (and time) even when the dataset exists (default: when absent)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    ap.add_argument("--binary", type=Path, metavar="PATH",
                    help="the claimset binary to time (default target/release/claimset), "
                    "e.g. an older build kept for a before/after comparison")
    args = ap.parse_args()
    global CLAIMSET
    if args.binary:
        CLAIMSET = args.binary.resolve()

    if not args.no_build:
        log("building claimset and the corpus generator (release)")
        subprocess.run(["cargo", "build", "--release", "--bin", "claimset", "--example",
                        "corpus"], check=True, cwd=ROOT)
    python = None if args.no_duckdb else duckdb_python()
    threads = os.cpu_count() or 1

    results = []
    for claims in args.claims:
        # Whole thousands, so that nearby sizes share a corpus.
        articles = max(1000, round(claims / CLAIMS_PER_ARTICLE / 1000) * 1000)
        src = corpus(articles, args.seed)
        out = OUTPUTS / src.name
        mb = corpus_bytes(src) / 1e6
        row: dict[str, object] = {"articles": articles, "input_mb": round(mb, 1)}
        if args.reconvert or not (out / "dataset.json").exists():
            runs = []
            for i in range(args.repeat):
                log(f"convert {src.name} ({mb:.0f} MB), run {i + 1}")
                runs.append(timed([str(CLAIMSET), "convert", str(src), "--out", str(out),
                                   "--replace", "--quiet"])[:2])
            row["convert_s"] = median([r[0] for r in runs])
            row["convert_rss_mb"] = median([r[1] for r in runs])
        manifest = json.loads((out / "dataset.json").read_text())
        rows = {t["name"]: t["rows"] for t in manifest["tables"]}
        row["claims"] = rows.get("claims", 0)
        row["mentions"] = rows.get("mentions", 0)
        checks = {
            "check": ["--output-format", "concise"],
            "check_json": ["--output-format", "json"],
            "check_cs2": ["--output-format", "concise", "--select", "CS2"],
        }
        for key, extra in checks.items():
            runs = []
            for i in range(args.repeat):
                log(f"check {out.name} {' '.join(extra)}, run {i + 1}")
                runs.append(timed([str(CLAIMSET), "check", str(out), "--quiet", "--no-write",
                                   "--color", "never", *extra])[:2])
            row[f"{key}_s"] = median([r[0] for r in runs])
            row[f"{key}_rss_mb"] = median([r[1] for r in runs])
        if python:
            tables = json.dumps(table_sql(out))
            runs = []
            for i in range(args.repeat):
                log(f"duckdb {out.name}, run {i + 1}")
                wall, rss, text = timed([str(python), "-c", DUCKDB_SCRIPT, tables,
                                         str(threads), json.dumps(QUERIES)])
                runs.append((wall, rss, json.loads(text)["queries_s"]))
            row["duckdb_s"] = median([r[0] for r in runs])
            row["duckdb_rss_mb"] = median([r[1] for r in runs])
            row["duckdb_queries_s"] = median([r[2] for r in runs])
        results.append(row)

    version = subprocess.run([str(CLAIMSET), "--version"], capture_output=True,
                             text=True).stdout.strip()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\n{version}, {threads} CPUs, load average {load:.1f} at the end, "
          f"medians of {args.repeat} runs\n")
    print("| claims | input MB | convert MB/s | convert RSS MB | check s | claims/s "
          "| check RSS MB | json RSS MB | CS2 s | duckdb s (queries) | CS2 / duckdb |")
    print("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in results:
        conv = (f"{r['input_mb'] / r['convert_s']:.1f} | {r['convert_rss_mb']:,.0f}"
                if "convert_s" in r else "(reused) | ")
        duck = (f"{r['duckdb_s']:.2f} ({r['duckdb_queries_s']:.2f})"
                if "duckdb_s" in r else "")
        ratio = f"{r['check_cs2_s'] / r['duckdb_s']:.2f}×" if "duckdb_s" in r else ""
        print(f"| {r['claims']:,} | {r['input_mb']:,.0f} | {conv} | {r['check_s']:.2f} | "
              f"{r['claims'] / r['check_s']:,.0f} | {r['check_rss_mb']:,.0f} | "
              f"{r['check_json_rss_mb']:,.0f} | {r['check_cs2_s']:.2f} | {duck} | {ratio} |")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        growth = b["check_rss_mb"] / a["check_rss_mb"]
        print(f"\ncheck peak RSS grows {growth:.2f}× from {a['claims']:,} to "
              f"{b['claims']:,} claims ({b['claims'] / a['claims']:.1f}× the claims)")
    if args.json:
        args.json.write_text(json.dumps({"version": version, "results": results}, indent=2)
                             + "\n")


if __name__ == "__main__":
    main()
