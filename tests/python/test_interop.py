"""Every table opens in pyarrow, polars, pandas and duckdb with the columns and types of
the data model; every claim and mention span slices the article text; every file carries
its `claimset` key-value metadata."""

from __future__ import annotations

import datetime
import json

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from conftest import RECORDS, parquet_files

# The data model (DATA-MODEL.md), table by table: column -> type. "?" marks a nullable
# column; "enum" is a lower-case string stored dictionary-encoded. Tables may carry more
# columns than these (the model allows adding columns), never fewer.
CONTRACT = {
    "articles": {
        "article_id": "string",
        "title": "string",
        "text": "string",
        "origin": "string",
        "source_id": "string?",
        "url": "string?",
        "published": "date?",
        "language": "string",
        "related_headlines": "list<string>",
        "word_count": "uint32",
        "raw_sha256": "string",
    },
    "claims": {
        "claim_id": "string",
        "article_id": "string",
        "text": "string",
        "start": "uint32",
        "end": "uint32",
        "paragraph": "uint32",
        "sentence": "uint32",
        "kind": "enum",
        "source_id": "string?",
        "cue": "string?",
        "hedges": "list<string>",
        "actor_ids": "list<string>",
    },
    "sources": {
        "source_id": "string",
        "name": "string",
        "kind": "enum",
        "actor_id": "string?",
        "description": "string?",
    },
    "actors": {
        "actor_id": "string",
        "name": "string",
        "kind": "enum",
        "aliases": "list<string>",
        "description": "string?",
        "affiliation_id": "string?",
    },
    "mentions": {
        "article_id": "string",
        "actor_id": "string",
        "start": "uint32",
        "end": "uint32",
        "text": "string",
    },
    "findings": {
        "rule": "string",
        "severity": "enum",
        "table": "string",
        "record_id": "string?",
        "article_id": "string?",
        "start": "uint32?",
        "end": "uint32?",
        "message": "string",
    },
}

ENUMS = {
    ("claims", "kind"): {"direct", "indirect", "mixed", "assertion"},
    ("sources", "kind"): {"person", "organization", "document", "media", "vague", "anonymous"},
    ("actors", "kind"): {"person", "armed_group", "organization", "state", "media"},
    ("findings", "severity"): {"error", "warning", "info"},
}

ARROW_TYPES = {
    "string": pa.string(),
    "uint32": pa.uint32(),
    "date": pa.date32(),
    "list<string>": pa.list_(pa.field("element", pa.string())),
    "enum": pa.dictionary(pa.int32(), pa.string()),
}
POLARS_TYPES = {
    "string": pl.String,
    "uint32": pl.UInt32,
    "date": pl.Date,
    "list<string>": pl.List(pl.String),
    "enum": pl.Categorical,
}
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "uint32": "UINTEGER",
    "date": "DATE",
    "list<string>": "VARCHAR[]",
    "enum": "VARCHAR",
}

TABLES = list(CONTRACT)


def columns(table: str) -> list[tuple[str, str, bool]]:
    """(column, base type, nullable) for each contract column of a table."""
    return [(c, t.rstrip("?"), t.endswith("?")) for c, t in CONTRACT[table].items()]


def duck_source(path) -> str:
    return f"read_parquet('{path / '*.parquet' if path.is_dir() else path}')"


def test_manifest_lists_the_tables_of_the_data_model(manifest):
    assert [t["name"] for t in manifest["tables"]] == TABLES
    assert manifest["offsets"] == "unicode_codepoints"


@pytest.mark.parametrize("table", TABLES)
def test_pyarrow_schema_and_data(table, table_paths, manifest):
    t = pq.read_table(table_paths[table])
    assert t.num_rows == next(e["rows"] for e in manifest["tables"] if e["name"] == table)
    assert t.column_names == [f.name for f in t.schema]
    want = [c for c, _, _ in columns(table)]
    assert [c for c in t.column_names if c in CONTRACT[table]] == want, "column order"
    for column, kind, nullable in columns(table):
        field = t.schema.field(column)
        assert field.type == ARROW_TYPES[kind], f"{table}.{column}: {field.type}"
        assert field.nullable == nullable, f"{table}.{column} nullability"
        if not nullable:
            assert t.column(column).null_count == 0, f"{table}.{column} has nulls"
        if kind == "string" and t.num_rows:
            # The model: nullable columns are null, never "".
            empty = pc.sum(pc.equal(t.column(column), "")).as_py() or 0
            assert nullable is False or empty == 0, f"{table}.{column} holds empty strings"
        if kind == "enum":
            values = set(t.column(column).to_pylist())
            assert values <= ENUMS[(table, column)], f"{table}.{column}: {values}"


@pytest.mark.parametrize("table", TABLES)
def test_polars_schema(table, table_paths):
    path = table_paths[table]
    df = pl.read_parquet(path / "*.parquet" if path.is_dir() else path)
    for column, kind, _ in columns(table):
        assert df.schema[column] == POLARS_TYPES[kind], f"{table}.{column}: {df.schema[column]}"
    lazy = pl.scan_parquet(path / "*.parquet" if path.is_dir() else path)
    assert lazy.select(pl.len()).collect().item() == len(df)


@pytest.mark.parametrize("table", TABLES)
def test_pandas_with_arrow_dtypes_keeps_every_type(table, table_paths):
    df = pd.read_parquet(table_paths[table], dtype_backend="pyarrow")
    for column, kind, _ in columns(table):
        assert df.dtypes[column] == pd.ArrowDtype(ARROW_TYPES[kind]), f"{table}.{column}"


@pytest.mark.parametrize("table", TABLES)
def test_pandas_with_numpy_dtypes(table, table_paths):
    """The default pandas reading: strings, unsigned ints, categories, dates and lists of
    strings as Python objects."""
    df = pd.read_parquet(table_paths[table])
    for column, kind, nullable in columns(table):
        dtype, values = df.dtypes[column], df[column].dropna()
        if kind == "string":
            assert pd.api.types.is_string_dtype(dtype), f"{table}.{column}: {dtype}"
        elif kind == "enum":
            assert isinstance(dtype, pd.CategoricalDtype), f"{table}.{column}: {dtype}"
            assert set(dtype.categories) <= ENUMS[(table, column)]
        elif kind == "uint32":
            if nullable and df[column].isna().any():
                assert pd.api.types.is_float_dtype(dtype), f"{table}.{column}: {dtype}"
            else:
                assert dtype == np.uint32, f"{table}.{column}: {dtype}"
        elif kind == "date":
            assert all(isinstance(v, datetime.date) for v in values), f"{table}.{column}"
        elif kind == "list<string>":
            assert all(all(isinstance(s, str) for s in v) for v in values), f"{table}.{column}"


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_schema(table, table_paths, manifest):
    con = duckdb.connect()
    source = duck_source(table_paths[table])
    described = dict(
        (r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    )
    for column, kind, _ in columns(table):
        assert described[column] == DUCKDB_TYPES[kind], f"{table}.{column}: {described[column]}"
    rows = con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
    assert rows == next(e["rows"] for e in manifest["tables"] if e["name"] == table)


def article_texts(table_paths) -> dict[str, str]:
    t = pq.read_table(table_paths["articles"], columns=["article_id", "text"])
    return dict(zip(t.column("article_id").to_pylist(), t.column("text").to_pylist()))


@pytest.mark.parametrize("table", ["claims", "mentions"])
def test_python_slicing_returns_every_span(table, table_paths):
    texts = article_texts(table_paths)
    rows = pq.read_table(table_paths[table], columns=["article_id", "start", "end", "text"])
    assert rows.num_rows > 0
    for row in rows.to_pylist():
        text = texts[row["article_id"]]
        assert 0 <= row["start"] < row["end"] <= len(text), row
        assert text[row["start"] : row["end"]] == row["text"], row


@pytest.mark.parametrize("table", ["claims", "mentions"])
def test_polars_pyarrow_and_duckdb_slice_code_points_too(table, table_paths):
    texts = pl.read_parquet(table_paths["articles"]).select("article_id", article_text="text")
    spans = pl.read_parquet(table_paths[table]).join(texts, on="article_id")
    length = pl.col("end") - pl.col("start")
    assert spans.select(
        (pl.col("article_text").str.slice(pl.col("start"), length) == pl.col("text")).all()
    ).item()

    arrow = spans.select("article_text", "start", "end", "text").to_arrow()
    for i in range(arrow.num_rows):
        one = arrow.slice(i, 1)
        start, end = one.column("start")[0].as_py(), one.column("end")[0].as_py()
        sliced = pc.utf8_slice_codeunits(one.column("article_text"), start, end)
        assert sliced[0].as_py() == one.column("text")[0].as_py()

    con = duckdb.connect()
    mismatches = con.execute(
        f"""
        SELECT count(*) FROM {duck_source(table_paths[table])} s
        JOIN {duck_source(table_paths["articles"])} a USING (article_id)
        WHERE substring(a.text, s.start + 1, s."end" - s.start) <> s.text
        """
    ).fetchone()[0]
    assert mismatches == 0


@pytest.mark.parametrize("table", TABLES)
def test_claimset_metadata_is_readable_everywhere(table, table_paths, manifest):
    for path in parquet_files(table_paths[table]):
        from_arrow = pq.read_metadata(path).metadata[b"claimset"].decode()
        from_polars = pl.read_parquet_metadata(path)["claimset"]
        from_duckdb = (
            duckdb.connect()
            .execute(f"SELECT value FROM parquet_kv_metadata('{path}') WHERE key = 'claimset'")
            .fetchone()[0]
            .decode()
        )
        assert from_arrow == from_polars == from_duckdb
        meta = json.loads(from_arrow)
        assert meta["schema_version"] == manifest["schema_version"]
        assert meta["record"] == RECORDS[table]
        assert meta["offsets"] == "unicode_codepoints"
        properties = meta["json_schema"]["properties"]
        assert set(properties) == set(pq.read_schema(path).names), path.name
        assert all(properties[c].get("description") for c in CONTRACT[table]), path.name
