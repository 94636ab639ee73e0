"""The `claimset` Python package against the `claimset` binary: `extract` gives the IDs,
spans and notes `convert` writes (files, stdin text, JSONL records), `load` reads a
dataset verified against its manifest and refuses a changed file, `check` returns the
findings `claimset check` prints, the GIL is released while Rust works, and the type
stubs list what the extension module has.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from conftest import ROOT

import claimset
from claimset import _native

SAMPLE = ROOT / "datasets" / "sample"
RAW = ROOT / "datasets" / "raw"
RECORD_TABLES = ["articles", "claims", "sources", "actors", "mentions"]
KEYS = {
    "articles": "article_id",
    "claims": "claim_id",
    "sources": "source_id",
    "actors": "actor_id",
    "mentions": "mention_id",
    "findings": "rule",
}


@pytest.fixture(scope="module")
def binary() -> Path:
    subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "claimset"


def rows(table: pa.Table, drop: tuple[str, ...] = ()) -> list[dict]:
    """A table's rows, sorted by its key, as plain Python values."""
    name = next(n for n, k in KEYS.items() if k in table.column_names)
    table = table.drop_columns([c for c in drop if c in table.column_names])
    return sorted(table.to_pylist(), key=lambda r: json.dumps(r[KEYS[name]]))


def assert_same(got: claimset.Tables, want: claimset.Tables, drop: tuple[str, ...] = ()) -> None:
    for t in RECORD_TABLES:
        assert got[t].schema == want[t].schema, t
        assert rows(got[t], drop) == rows(want[t], drop), t


def convert(binary: Path, args: list[str], out: Path, stdin: bytes | None = None) -> claimset.Tables:
    run = subprocess.run([binary, "convert", *args, "--out", out, "--quiet"], input=stdin, cwd=ROOT)
    assert run.returncode in (0, 1), "exit 1 means some input was rejected; 2, a failure"
    return claimset.load(out)


def test_extract_of_the_sample_files_equals_the_sample_dataset(monkeypatch):
    monkeypatch.chdir(ROOT)
    files = sorted(p.relative_to(ROOT) for p in RAW.glob("*.txt"))
    got = claimset.extract(files)
    want = claimset.load(SAMPLE)
    assert_same(got, want)
    assert got.issues.to_pylist() == want.issues.to_pylist()
    assert got.rejected.num_rows == 0
    assert got.findings.num_rows == 0 and got.findings.schema == claimset.schema("findings")


def test_extract_of_a_text_equals_convert_of_stdin(binary, tmp_path):
    text = (RAW / "005.txt").read_text(encoding="utf-8")
    got = claimset.extract(text)
    want = convert(binary, ["-"], tmp_path / "out", stdin=text.encode())
    assert got.articles["origin"].to_pylist() == ["text:1"]
    assert want.articles["origin"].to_pylist() == ["stdin"]
    assert_same(got, want, drop=("origin",))


def test_extract_of_records_equals_convert_of_their_jsonl(binary, tmp_path):
    records = [
        {"title": "Bridge to reopen", "text": 'The bridge reopens on Monday, the city said. "We are ready," said Mayor Jo Park.', "published": pd.Timestamp("2024-03-01").date()},
        {"title": "Bridge to reopen", "text": 'The bridge reopens on Monday, the city said. "We are ready," said Mayor Jo Park.', "published": pd.Timestamp("2024-03-01").date()},
        {"title": "Rates", "text": "Rates will rise, according to a bank economist who asked not to be named.", "outlet": "The Ledger"},
        {"text": "no title here"},
    ]
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("\n".join(claimset.to_jsonl_line(r) for r in records) + "\n", encoding="utf-8")
    got = claimset.extract(records, name=str(jsonl))
    want = convert(binary, [str(jsonl)], tmp_path / "out")
    assert_same(got, want)
    assert got.issues.to_pylist() == want.issues.to_pylist()
    assert got.rejected.to_pylist() == want.rejected.to_pylist()
    assert [i["message"] for i in got.issues.to_pylist()] == [_native.DUPLICATE_NOTE]
    assert got.rejected.to_pylist() == [{"path": f"{jsonl}:4", "reason": 'missing "title"'}]


def test_mixing_records_and_texts_is_refused():
    with pytest.raises(TypeError, match="not both"):
        claimset.extract([{"title": "a", "text": "b"}, "text"])


def test_load_reads_every_table_with_the_contract_types_and_backends():
    t = claimset.load(SAMPLE)
    manifest = json.loads((SAMPLE / "dataset.json").read_text(encoding="utf-8"))
    for entry in manifest["tables"]:
        assert t[entry["name"]].num_rows == entry["rows"]
        assert t[entry["name"]].schema == claimset.schema(entry["name"])
    assert t.manifest == manifest
    assert isinstance(claimset.load(SAMPLE, backend="polars").claims, pl.DataFrame)
    frames = claimset.load(SAMPLE, tables=["claims"], backend="pandas")
    assert list(frames) == ["claims"] and isinstance(frames.claims, pd.DataFrame)


def test_load_refuses_a_table_changed_after_the_manifest(tmp_path):
    copy = tmp_path / "sample"
    shutil.copytree(SAMPLE, copy)
    claims = claimset.load(copy).claims
    import pyarrow.parquet as pq

    pq.write_table(claims.slice(1), copy / "claims.parquet")
    with pytest.raises(claimset.ClaimsetError, match=r"claims\.parquet.*SHA-256"):
        claimset.load(copy)


def test_check_returns_the_findings_the_binary_reports(binary):
    got = claimset.check(SAMPLE)
    assert got.schema == claimset.schema("findings")
    run = subprocess.run(
        [binary, "check", SAMPLE, "--format", "json", "--no-write", "--quiet"], capture_output=True, text=True
    )
    cli = json.loads(run.stdout)
    assert got.num_rows == len(cli) > 0
    fields = ("rule", "table", "record_id", "start", "end", "message")
    assert sorted(tuple(f[k] for k in fields) for f in got.to_pylist()) == sorted(
        tuple(f[k] for k in fields) for f in cli
    )


def test_extraction_releases_the_gil():
    base = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    # Distinct texts (a repeated article is extracted once), doubled until the run is
    # long enough to watch another thread tick through it.
    copies = 20
    while True:
        texts = [f"{t}\n\nEdition {i}." for i in range(copies) for t in base]
        ticks: list[float] = []
        stop = threading.Event()

        def tick():
            while not stop.is_set():
                ticks.append(time.perf_counter())
                time.sleep(0.001)

        worker = threading.Thread(target=tick)
        worker.start()
        try:
            start = time.perf_counter()
            claimset.extract(texts)
            end = time.perf_counter()
        finally:
            stop.set()
            worker.join()
        if end - start > 0.3 or copies >= 2560:
            break
        copies *= 2
    inside = [t for t in ticks if start + 0.05 < t < end - 0.05]
    assert len(inside) > 10, f"{len(inside)} ticks while Rust ran for {end - start:.2f} s"


def test_the_type_stubs_list_what_the_module_has():
    stub = ast.parse((Path(claimset.__file__).parent / "_native.pyi").read_text(encoding="utf-8"))
    declared = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    declared |= {n.target.id for n in stub.body if isinstance(n, ast.AnnAssign)}
    public = {n for n in dir(_native) if not n.startswith("_")}
    assert declared == public
    assert (Path(claimset.__file__).parent / "py.typed").is_file()
