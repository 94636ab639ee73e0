"""The sample dataset opened, saved again with each tool's defaults and checked: pyarrow
with every codec, pandas (NumPy and Arrow dtypes), polars, duckdb and Spark (its folder
layout, and claims partitioned by article). `claimset check` must read every one (never
exit 2) and report the findings of the original, apart from what the new files
legitimately change:

- CS110 (castable-column-type, a warning) for the columns a tool writes with another
  type whose values all fit: Spark writes `uint32` as `int64`; pandas with NumPy dtypes
  writes the all-null `published` column as the `null` type. Equivalent forms
  (large strings and lists, dictionary or plain strings) give no finding.
- CS702 (stale-table-hash) and CS704 (listed-table-missing): the copy keeps the
  sample's `dataset.json`, which vouches for the files claimset wrote, not these. After
  `claimset seal` they are gone and the other findings stay the same.

Spark runs in one local session for the module (local[2], two shuffle partitions) and is
skipped, saying why, where there is no `java`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
from conftest import ROOT

SAMPLE = ROOT / "datasets" / "sample"
TABLES = ["articles", "claims", "sources", "actors", "mentions"]
MANIFEST_RULES = {"CS702", "CS704"}


@pytest.fixture(scope="module")
def claimset() -> Path:
    """The debug binary, built once (`make test` has built it already)."""
    subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "claimset"


def check(claimset: Path, folder: Path) -> tuple[int, list[dict]]:
    run = subprocess.run(
        [claimset, "check", folder, "--format", "json", "--no-write", "--quiet"],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 2, run.stderr
    return run.returncode, json.loads(run.stdout)


def keys(findings: list[dict]) -> list[tuple]:
    """What locates a finding: rule, table, record, span."""
    return sorted(
        (f["rule"], f["table"], f["record_id"] or "", f["start"] or 0, f["end"] or 0)
        for f in findings
    )


def cast_columns(findings: list[dict]) -> set[tuple[str, str]]:
    """(table, column) of every CS110 finding."""
    out = set()
    for f in findings:
        if f["rule"] == "CS110":
            out.add((f["table"], re.match(r"column (\S+) of", f["message"]).group(1)))
    return out


@pytest.fixture(scope="module")
def original(claimset: Path) -> list[dict]:
    code, findings = check(claimset, SAMPLE)
    assert code == 0
    return findings


def copy_of_sample(tmp: Path) -> Path:
    """The sample's manifest and findings, without its five tables."""
    out = tmp / "dataset"
    out.mkdir()
    for name in ["dataset.json", "datapackage.json", "findings.parquet"]:
        shutil.copy(SAMPLE / name, out / name)
    return out


def assert_round_trip(
    claimset: Path, folder: Path, original: list[dict], casts: set[tuple[str, str]]
) -> None:
    """`check` reports the original's findings plus `casts` (CS110) and manifest findings;
    after `seal`, without the manifest findings."""
    _, found = check(claimset, folder)
    assert cast_columns(found) == casts
    rest = [f for f in found if f["rule"] != "CS110"]
    manifest = [f for f in rest if f["rule"].startswith("CS7")]
    # Every tool writes other bytes than claimset did: the manifest no longer fits.
    assert manifest and {f["rule"] for f in manifest} <= MANIFEST_RULES, manifest
    assert keys([f for f in rest if not f["rule"].startswith("CS7")]) == keys(original)

    sealed = subprocess.run([claimset, "seal", folder, "--quiet"], capture_output=True, text=True)
    assert sealed.returncode == 0, sealed.stdout + sealed.stderr
    _, after = check(claimset, folder)
    assert keys([f for f in after if f["rule"] != "CS110"]) == keys(original)


@pytest.mark.parametrize("codec", ["snappy", "gzip", "lz4", "brotli", "zstd", "none"])
def test_pyarrow_every_codec(claimset, original, tmp_path, codec):
    out = copy_of_sample(tmp_path)
    for t in TABLES:
        table = pq.read_table(SAMPLE / f"{t}.parquet")
        pq.write_table(table, out / f"{t}.parquet", compression=codec)
        assert pq.ParquetFile(out / f"{t}.parquet").metadata.row_group(0).column(0).compression == (
            "UNCOMPRESSED" if codec == "none" else codec.upper()
        )
    assert_round_trip(claimset, out, original, set())


def test_pandas_numpy_dtypes(claimset, original, tmp_path):
    out = copy_of_sample(tmp_path)
    for t in TABLES:
        pq.read_table(SAMPLE / f"{t}.parquet").to_pandas().to_parquet(out / f"{t}.parquet")
    # The all-null date column has no dtype to keep: it is written as the null type.
    assert str(pq.read_schema(out / "articles.parquet").field("published").type) == "null"
    assert_round_trip(claimset, out, original, {("articles", "published")})


def test_pandas_arrow_dtypes(claimset, original, tmp_path):
    out = copy_of_sample(tmp_path)
    for t in TABLES:
        df = pd.read_parquet(SAMPLE / f"{t}.parquet", dtype_backend="pyarrow")
        df.to_parquet(out / f"{t}.parquet")
    assert_round_trip(claimset, out, original, set())


def test_polars_defaults(claimset, original, tmp_path):
    out = copy_of_sample(tmp_path)
    for t in TABLES:
        pl.read_parquet(SAMPLE / f"{t}.parquet").write_parquet(out / f"{t}.parquet")
    assert str(pq.read_schema(out / "claims.parquet").field("text").type) == "large_string"
    assert_round_trip(claimset, out, original, set())


def test_duckdb_copy(claimset, original, tmp_path):
    out = copy_of_sample(tmp_path)
    for t in TABLES:
        duckdb.sql(
            f"COPY (SELECT * FROM read_parquet('{SAMPLE / t}.parquet')) "
            f"TO '{out / t}.parquet' (FORMAT parquet)"
        )
    assert_round_trip(claimset, out, original, set())


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.skip("no `java` on this machine: the Spark round trip needs Java 17")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimset-roundtrip")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# Spark has no unsigned integers: every uint32 column comes back as int64.
SPARK_CASTS = {
    ("articles", "word_count"),
    ("claims", "start"),
    ("claims", "end"),
    ("claims", "paragraph"),
    ("claims", "sentence"),
    ("mentions", "start"),
    ("mentions", "end"),
}


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
def test_spark_folders_and_partitions(claimset, original, tmp_path, spark):
    out = copy_of_sample(tmp_path)
    for t in TABLES:
        df = spark.read.parquet(str(SAMPLE / f"{t}.parquet"))
        if t == "claims":
            df.write.partitionBy("article_id").parquet(str(out / "claims"))
        else:
            df.coalesce(1).write.parquet(str(out / f"{t}.parquet"))
    assert (out / "articles.parquet").is_dir()
    assert (out / "articles.parquet" / "_SUCCESS").is_file()
    assert list((out / "claims").glob("article_id=*/part-*.parquet"))
    assert_round_trip(claimset, out, original, SPARK_CASTS)
