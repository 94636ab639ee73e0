"""The Spark job (`claimset.spark`) in local mode against `claimset convert`, table by
table: the same rows (sorted by key, read back with the data model's types), the same
rejected inputs and notes, a sealed folder that `claimset check` reads with the same
findings apart from CS110 (Spark writes `uint32` as `int64`). Once on the sample articles
as files, once on a table of records with a repeated article and a bad row, so that the
merge across partitions (first article kept, the same note, actors merged) is exercised.

Skipped, saying why, where there is no `java`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT
from test_package import RECORD_TABLES, rows

import claimset
from claimset import spark as job

RAW = ROOT / "datasets" / "raw"


@pytest.fixture(scope="module")
def binary() -> Path:
    subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "claimset"


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.skip("no `java` on this machine: the Spark job needs Java 17")
    # The workers run this interpreter, where claimset is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("claimset-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def convert(binary: Path, inputs: list[str], out: Path) -> claimset.Tables:
    run = subprocess.run([binary, "convert", *inputs, "--out", out, "--quiet"], cwd=ROOT)
    assert run.returncode in (0, 1)
    return claimset.load(out)


def findings(binary: Path, folder: Path) -> list[tuple]:
    run = subprocess.run(
        [binary, "check", folder, "--format", "json", "--no-write", "--quiet"], capture_output=True, text=True
    )
    assert run.returncode != 2, run.stderr
    return sorted((f["rule"], f["table"], f["record_id"], f["start"], f["message"]) for f in json.loads(run.stdout))


def assert_equal_datasets(got: claimset.Tables, want: claimset.Tables, drop: tuple[str, ...] = ()) -> None:
    for t in RECORD_TABLES:
        assert got[t].schema == want[t].schema, t
        assert got[t].num_rows == want[t].num_rows, t
        assert rows(got[t], drop) == rows(want[t], drop), t
    key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
    assert sorted(got.rejected.to_pylist(), key=key) == sorted(want.rejected.to_pylist(), key=key)


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
def test_the_job_on_the_sample_files_equals_convert(spark, binary, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "spark"
    report = job.convert(spark, ["datasets/raw"], str(out), partitions=3)
    assert report["sealed"]
    want = convert(binary, ["datasets/raw"], tmp_path / "convert")
    got = claimset.load(out)
    assert_equal_datasets(got, want)
    assert got.issues.to_pylist() == want.issues.to_pylist()
    # Part files, as Spark writes them, listed in the manifest with their hashes.
    manifest = json.loads((out / "dataset.json").read_text(encoding="utf-8"))
    claims = next(t for t in manifest["tables"] if t["name"] == "claims")
    assert claims["path"] == "claims" and len(claims["parts"]) >= 1
    spark_findings = findings(binary, out)
    assert [f for f in spark_findings if f[0] != "CS110"] == findings(binary, tmp_path / "convert")
    assert {f[0] for f in spark_findings} >= {"CS110"}


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")
def test_the_job_on_a_table_of_records_equals_convert_of_their_jsonl(spark, binary, tmp_path):
    sample = claimset.load(ROOT / "datasets" / "sample", tables=["articles"]).articles
    records = [{"title": r["title"], "text": r["text"], "published": "2024-05-0" + str(i % 9 + 1)} for i, r in enumerate(sample.to_pylist())]
    records.insert(7, dict(records[2]))  # the same article again, later
    records.append({"title": "", "text": "A row without a headline."})
    table = tmp_path / "records.parquet"
    pq.write_table(pa.Table.from_pylist(records), table)
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("\n".join(claimset.to_jsonl_line(r) for r in records) + "\n", encoding="utf-8")

    out = tmp_path / "spark"
    report = job.convert(spark, [str(table)], str(out), input_format="parquet", partitions=3)
    want = convert(binary, [str(jsonl)], tmp_path / "convert")
    got = claimset.load(out)
    # Origins name the table rather than the JSONL file; rows and lines are numbered alike.
    rename = lambda s: s.replace(str(table), str(jsonl))  # noqa: E731
    got_articles = got.articles.set_column(
        got.articles.schema.get_field_index("origin"),
        got.articles.schema.field("origin"),
        pa.array([rename(o) for o in got.articles["origin"].to_pylist()]),
    )
    got.rejected = pa.Table.from_pylist(
        [{**r, "path": rename(r["path"])} for r in got.rejected.to_pylist()], schema=got.rejected.schema
    )
    assert_equal_datasets(claimset.Tables({**got, "articles": got_articles}, got.rejected, got.issues), want)
    # convert notes a repeat as it reads a chunk, before the chunk's extraction notes; the
    # job lists every note in input order: the same notes.
    key = lambda i: json.dumps(i, sort_keys=True)  # noqa: E731
    assert sorted(({**i, "origin": rename(i["origin"])} for i in report["issues"]), key=key) == sorted(
        want.issues.to_pylist(), key=key
    )
    assert any(i["message"] == claimset._native.DUPLICATE_NOTE for i in report["issues"])
    assert len(report["rejected"]) == 1


def test_the_job_refuses_to_replace_a_folder_that_is_not_a_dataset(spark, tmp_path):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="not a claimset dataset"):
        job.convert(spark, [str(RAW)], str(tmp_path))
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"
