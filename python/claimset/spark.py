"""Converting a corpus on Spark: the tables ``claimset convert`` would write, built by an
engine that schedules, retries and scales out.

    python -m claimset.spark datasets/raw --out out/news                    # local[*]
    python -m claimset.spark s3a://bucket/crawl --out /mnt/news --partitions 400
    python -m claimset.spark articles.parquet --input-format parquet --out out/news

Inputs are read in one of two ways:

- ``files`` (the default): files and folders as ``claimset convert`` reads them (``.txt``,
  ``.md``, ``.jsonl``, ``.html``; folders walked in sorted order, README and SOURCES
  skipped); each file is one Spark row (``binaryFile``), so a JSONL file is read by one
  task: split a large one into several files (line numbers, and so origins, change; IDs
  do not). Origins are the paths as given plus the path inside a folder, as ``convert``
  names them.
- ``parquet`` or ``delta`` (or any ``spark.read`` format): a table with a ``title`` and a
  ``text`` column and optionally ``url``, ``outlet``, ``published``, ``language``. Each
  row is the record of its non-null fields, read as the JSONL line
  ``claimset.to_jsonl_line`` writes for it, numbered in the order Spark reads the table:
  its origin is ``TABLE:N``.

Each partition is extracted by the Rust library (``mapInArrow``), one row per article with
its records as lists; the job then does across partitions what one ``convert`` does in
order: an article seen twice is taken once (the first in input order; the other gets the
same note ``convert`` writes), and actors and sources are merged by ID with the library's
own merge (``applyInArrow`` per ID, rows in input order: aliases united, the first
description kept). Articles, claims and mentions are written as Spark writes them, a
folder of part files per table (``articles/part-*.parquet``, ...); actors, sources and an
empty findings table beside them. On a local or mounted output folder, the job then seals
it: ``dataset.json`` with every file's SHA-256, the rejected inputs and the notes, so
``claimset check``, ``claimset.load`` and every other reader take it as a dataset. Spark
has no unsigned integers: offsets and counts are stored as ``int64``, which readers cast
back (``claimset check`` notes them as CS110, a warning).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from functools import reduce
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pyarrow as pa

from . import _native, schema, to_jsonl_line

#: Metadata columns a table input may have besides ``title`` and ``text``.
FIELDS = ("title", "text", "url", "outlet", "published", "language")
#: Files handed to the Rust extractor at a time within a partition.
CHUNK_FILES = 16
#: The record tables a job writes, in manifest order.
WRITTEN = ("articles", "claims", "sources", "actors", "mentions", "findings")


def _spark_type(t: pa.DataType) -> pa.DataType:
    """The Arrow type Spark takes for a type of the data model."""
    if pa.types.is_dictionary(t):
        return pa.string()
    if pa.types.is_unsigned_integer(t):
        return pa.int64()
    if pa.types.is_list(t):
        f = t.value_field
        return pa.list_(pa.field(f.name, _spark_type(f.type), f.nullable))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _spark_type(f.type), f.nullable) for f in t])
    return t


def _spark_arrow(s: pa.Schema) -> pa.Schema:
    return pa.schema([pa.field(f.name, _spark_type(f.type), f.nullable) for f in s])


def _rows(table: str) -> pa.DataType:
    return pa.list_(pa.field("element", pa.struct(list(schema(table))), False))


def units_schema() -> pa.Schema:
    """The rows ``_native.extract_units`` returns: one per document or rejected input."""
    text = pa.string()
    return pa.schema(
        [
            pa.field("order", text, False),
            pa.field("doc", pa.int32(), False),
            pa.field("article_id", text, True),
            pa.field("origin", text, False),
            *(pa.field(t, _rows(t), False) for t in ("articles", "claims", "sources", "actors", "mentions")),
            pa.field(
                "rejected",
                pa.list_(pa.field("element", pa.struct([("path", text), ("reason", text)]), False)),
                False,
            ),
            pa.field(
                "issues",
                pa.list_(
                    pa.field(
                        "element",
                        pa.struct(
                            [
                                pa.field("origin", text, False),
                                pa.field("article_id", text, True),
                                pa.field("message", text, False),
                            ]
                        ),
                        False,
                    )
                ),
                False,
            ),
        ]
    )


def spark_schema(arrow: pa.Schema) -> Any:
    """The Spark schema of an Arrow schema of the data model (unsigned as ``long``)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(_spark_arrow(arrow))


def _as_spark(batch: pa.RecordBatch, target: pa.Schema) -> pa.RecordBatch:
    return batch.cast(target)


def _extractor(target: pa.Schema) -> Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The ``mapInArrow`` function: files (``origin``, ``content``, ``order``, ``folder``,
    and ``line`` for table rows) to units."""

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for b in batches:
            t = pa.Table.from_batches([b])
            if "folder" in t.column_names:
                keep = [
                    not folder or _native.is_article_file(origin)
                    for origin, folder in zip(t["origin"].to_pylist(), t["folder"].to_pylist(), strict=True)
                ]
                t = t.filter(pa.array(keep, pa.bool_())).drop_columns(["folder"])
            for start in range(0, t.num_rows, CHUNK_FILES):
                chunk = t.slice(start, CHUNK_FILES).combine_chunks().to_batches()
                if not chunk:
                    continue
                units = _native.extract_units(chunk[0])
                if units.num_rows:
                    yield _as_spark(units, target)

    return run


def _merger(table: str, target: pa.Schema) -> Callable[[pa.Table], pa.Table]:
    """The ``applyInArrow`` function merging the rows of one actor or source ID."""
    merge = _native.merge_actors if table == "actors" else _native.merge_sources

    def run(rows: pa.Table) -> pa.Table:
        rows = rows.sort_by([("order", "ascending"), ("doc", "ascending")]).drop_columns(["order", "doc"])
        merged = merge(rows.combine_chunks().to_batches()[0])
        return pa.Table.from_batches([_as_spark(merged, target)])

    return run


def _qualified(spark: Any, path: str) -> tuple[str, bool]:
    """The path as Spark's file listing names it, and whether it is a folder."""
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    fs = hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(hpath):
        raise FileNotFoundError(f"{path}: no such file or folder")
    return fs.makeQualified(hpath).toString(), fs.getFileStatus(hpath).isDirectory()


def _files(spark: Any, path: str, k: int) -> Any:
    """The files of one input as rows (``origin``, ``content``, ``order``, ``folder``)."""
    from pyspark.sql import functions as F

    root, folder = _qualified(spark, path)
    reader = spark.read.format("binaryFile")
    if folder:
        reader = reader.option("recursiveFileLookup", "true")
    df = reader.load(path).select("path", "content")
    given = path.rstrip("/") if folder else path
    if folder:
        rel = F.expr(f"substring(path, {len(root.rstrip('/')) + 2})")
        origin = F.concat(F.lit(given + "/"), rel)
        # Component by component, as the folder walk sorts: NUL sorts before any name.
        order = F.concat(F.lit(f"{k:06d}\u0000"), F.regexp_replace(rel, "/", "\u0000"))
    else:
        origin = F.lit(given)
        order = F.lit(f"{k:06d}\u0000")
    return df.select(
        origin.alias("origin"),
        F.col("content"),
        order.alias("order"),
        F.lit(None).cast("long").alias("line"),
        F.lit(folder).alias("folder"),
    )


def _table_rows(spark: Any, path: str, k: int, fmt: str) -> Any:
    """The rows of a table input as JSONL lines (``origin``, ``content``, ``line``, ...)."""
    from pyspark.sql.types import BinaryType, BooleanType, LongType, StringType, StructField, StructType

    df = spark.read.format(fmt).load(path)
    missing = [c for c in ("title", "text") if c not in df.columns]
    if missing:
        raise ValueError(f"{path}: the table has no column {', '.join(missing)}")
    cols = [c for c in FIELDS if c in df.columns]

    def line(pair: tuple[Any, int]) -> tuple[str, bytes, str, int, bool]:
        row, n = pair
        record = {c: row[c] for c in cols if row[c] is not None}
        return (path, to_jsonl_line(record).encode("utf-8"), f"{k:06d}\u0000{n:015d}", n + 1, False)

    rows = df.select(*cols).rdd.zipWithIndex().map(line)
    shape = StructType(
        [
            StructField("origin", StringType(), False),
            StructField("content", BinaryType(), False),
            StructField("order", StringType(), False),
            StructField("line", LongType(), True),
            StructField("folder", BooleanType(), False),
        ]
    )
    return spark.createDataFrame(rows, shape)


def _local(out: str) -> Path | None:
    """The local folder of an output path, or None when it is on another file system."""
    u = urlparse(out)
    if u.scheme in ("", "file"):
        return Path(u.path if u.scheme else out)
    return None


def convert(
    spark: Any,
    inputs: list[str],
    out: str,
    *,
    input_format: str = "files",
    partitions: int | None = None,
    replace: bool = False,
) -> dict[str, Any]:
    """Converts ``inputs`` into the dataset folder ``out`` on ``spark`` (see the module's
    docs). Returns what was written: rows per table, rejected inputs, notes, and whether
    the folder was sealed."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    local = _local(out)
    if local is not None and local.exists() and any(local.iterdir()):
        if not (local / "dataset.json").is_file():
            raise FileExistsError(f"{out} is a folder without dataset.json, not a claimset dataset; refusing to replace it")
        if not replace:
            raise FileExistsError(f"{out} holds a dataset: pass replace=True (--replace) to replace it")
        shutil.rmtree(local)

    if input_format == "files":
        frames = [_files(spark, p, k) for k, p in enumerate(inputs)]
    else:
        frames = [_table_rows(spark, p, k, input_format) for k, p in enumerate(inputs)]
    files = reduce(lambda a, b: a.unionByName(b), frames)
    if partitions:
        files = files.repartition(partitions)

    target = _spark_arrow(units_schema())
    units = files.mapInArrow(_extractor(target), spark_schema(units_schema()))
    units = units.persist(StorageLevel.MEMORY_AND_DISK)

    # An article seen twice is taken once: the first in input order.
    first = Window.partitionBy("article_id").orderBy("order", "doc")
    ranked = (
        units.where(F.col("article_id").isNotNull())
        .select("article_id", "origin", "order", "doc")
        .withColumn("n", F.row_number().over(first))
        .withColumn("first_origin", F.first("origin").over(first))
    )
    dups = ranked.where("n > 1").persist(StorageLevel.MEMORY_AND_DISK)
    kept = units.join(dups.select("order", "doc"), ["order", "doc"], "left_anti")

    def rows(table: str, keep_order: bool = False) -> Any:
        df = kept.select("order", "doc", F.explode(table).alias("r")).select("order", "doc", "r.*")
        return df if keep_order else df.drop("order", "doc")

    counts: dict[str, int] = {}
    for table in ("articles", "claims", "mentions"):
        df = rows(table)
        df.write.mode("overwrite").parquet(f"{out}/{table}")
    for table in ("actors", "sources"):
        key = "actor_id" if table == "actors" else "source_id"
        arrow = _spark_arrow(schema(table))
        merged = rows(table, keep_order=True).groupBy(key).applyInArrow(_merger(table, arrow), spark_schema(schema(table)))
        merged.write.mode("overwrite").parquet(f"{out}/{table}")
    empty = spark.createDataFrame([], spark_schema(schema("findings")))
    empty.coalesce(1).write.mode("overwrite").parquet(f"{out}/findings")

    rejected = [
        {"path": r["path"], "reason": r["reason"]}
        for r in units.select("order", "doc", F.explode("rejected").alias("r"))
        .orderBy("order", "doc")
        .select("r.*")
        .collect()
    ]
    notes = [
        (r["order"], r["doc"], {"origin": r["origin"], "article_id": r["article_id"], "message": r["message"]})
        for r in kept.select("order", "doc", F.explode("issues").alias("r")).select("order", "doc", "r.*").collect()
    ]
    seen = set()
    for r in dups.where("origin != first_origin").orderBy("order", "doc").collect():
        note = (r["origin"], r["article_id"])
        if note not in seen:
            seen.add(note)
            notes.append(
                (r["order"], r["doc"], {"origin": r["origin"], "article_id": r["article_id"], "message": _native.DUPLICATE_NOTE})
            )
    notes.sort(key=lambda n: (n[0], n[1]))
    issues = [n[2] for n in notes]
    units.unpersist()
    dups.unpersist()

    sealed = False
    if local is not None:
        manifest = json.loads(_native.seal(str(local), json.dumps(rejected), json.dumps(issues)))
        counts = {t["name"]: t["rows"] for t in manifest["tables"]}
        sealed = True
    else:
        # The manifest cannot be written here: say what it would record.
        spark.createDataFrame(
            [(json.dumps({"rejected": rejected, "issues": issues}),)], "notes string"
        ).coalesce(1).write.mode("overwrite").text(f"{out}/_claimset_notes")
    return {"tables": counts, "rejected": rejected, "issues": issues, "sealed": sealed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claimset.spark",
        description="Convert articles into a claimset dataset on Spark (see the module docs).",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders (or tables, with --input-format)")
    parser.add_argument("--out", required=True, help="the dataset folder to write")
    parser.add_argument(
        "--input-format",
        default="files",
        help="files (as claimset convert reads them; the default), or a spark.read format of a table with title and text columns: parquet, delta, ...",
    )
    parser.add_argument("--partitions", type=int, help="repartition the inputs into N partitions before extracting")
    parser.add_argument("--replace", action="store_true", help="replace a dataset already at --out")
    parser.add_argument("--master", help="Spark master when not run by spark-submit (default: local[*])")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("claimset")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    started = time.monotonic()
    try:
        report = convert(
            spark,
            args.inputs,
            args.out,
            input_format=args.input_format,
            partitions=args.partitions,
            replace=args.replace,
        )
    except (FileExistsError, FileNotFoundError, ValueError, _native.ClaimsetError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        elapsed = time.monotonic() - started
    rows = ", ".join(f"{n} {t}" for t, n in report["tables"].items())
    print(
        f"{args.out}: {rows}; {len(report['rejected'])} rejected, {len(report['issues'])} notes"
        f" in {elapsed:.1f} s{'' if report['sealed'] else ' (not sealed: run claimset seal on a mounted copy)'}",
        file=sys.stderr,
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
