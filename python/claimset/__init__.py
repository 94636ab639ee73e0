"""claimset from Python: extract the dataset's tables from articles, load and check datasets.

The work is done by the Rust library (``claimset._native``), the same code as the
``claimset`` command: ``extract`` gives the IDs and spans ``claimset convert`` gives,
``load`` reads a dataset as ``convert`` and ``merge`` read it (every file checked against
``dataset.json``), ``check`` runs the checker's rules. Tables are ``pyarrow.Table``s with
the data model's columns and types; ``Tables.to("polars")`` or ``to("pandas")`` converts
them. The GIL is released while the Rust code runs.

    >>> import claimset
    >>> t = claimset.extract("Rain due\\n\\n\\"It will rain,\\" said Ann Lee, a forecaster.")
    >>> t.claims.column("text").to_pylist()
    ['It will rain']

The Spark job that converts a corpus on a cluster is ``claimset.spark``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from . import _native
from ._native import SCHEMA_VERSION, ClaimsetError

__version__: str = _native.VERSION

__all__ = [
    "TABLES",
    "SCHEMA_VERSION",
    "ClaimsetError",
    "Tables",
    "check",
    "extract",
    "load",
    "schema",
    "to_jsonl_line",
]

#: The tables of a dataset, in manifest order.
TABLES: tuple[str, ...] = ("articles", "claims", "sources", "actors", "mentions", "findings")

Backend = Literal["pyarrow", "polars", "pandas"]

_REJECTED = pa.schema([pa.field("path", pa.string(), False), pa.field("reason", pa.string(), False)])
_ISSUES = pa.schema(
    [
        pa.field("origin", pa.string(), False),
        pa.field("article_id", pa.string(), True),
        pa.field("message", pa.string(), False),
    ]
)


def schema(table: str) -> pa.Schema:
    """The Arrow schema of a table of the data model (``articles``, ``claims``, ...)."""
    return _native.schema(table)


class Tables(Mapping[str, Any]):
    """The tables of a dataset (or of an extraction), by name, plus what was not converted.

    ``tables["claims"]`` or ``tables.claims``; ``rejected`` lists the inputs (or JSONL
    lines) that were not converted and why, ``issues`` the notes on inputs that were;
    ``manifest`` is ``dataset.json`` when the tables were loaded from a folder.
    """

    def __init__(
        self,
        tables: dict[str, Any],
        rejected: Any,
        issues: Any,
        manifest: dict[str, Any] | None = None,
    ) -> None:
        self._tables = tables
        self.rejected = rejected
        self.issues = issues
        self.manifest = manifest

    def __getitem__(self, name: str) -> Any:
        return self._tables[name]

    def __getattr__(self, name: str) -> Any:
        tables = self.__dict__.get("_tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __repr__(self) -> str:
        rows = ", ".join(f"{k}: {len(v)}" for k, v in self._tables.items())
        return f"Tables({rows}; rejected: {len(self.rejected)}, issues: {len(self.issues)})"

    def to(self, backend: Backend) -> Tables:
        """The same tables as polars or pandas DataFrames (or pyarrow Tables)."""
        return Tables(
            {k: _convert(v, backend) for k, v in self._tables.items()},
            _convert(self.rejected, backend),
            _convert(self.issues, backend),
            self.manifest,
        )


def _convert(table: pa.Table, backend: Backend) -> Any:
    if backend == "pyarrow":
        return table
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    if backend == "pandas":
        return table.to_pandas()
    raise ValueError(f"unknown backend {backend!r}: use pyarrow, polars or pandas")


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON: give text, numbers or dates")


def to_jsonl_line(record: Mapping[str, Any]) -> str:
    """The JSONL line a record is read as: ``json.dumps(record, ensure_ascii=False)``
    (dates as ISO strings). Writing records with it, one per line, and converting the
    file with ``claimset convert`` gives the IDs ``extract(records)`` gives."""
    return json.dumps(dict(record), ensure_ascii=False, default=_json_default)


Item = str | bytes | Mapping[str, Any] | os.PathLike[str]


def extract(
    items: Item | Iterable[Item],
    *,
    name: str | None = None,
    backend: Backend = "pyarrow",
) -> Tables:
    """Extracts the tables from articles, as ``claimset convert`` does.

    ``items`` is one item or a list of them:

    - a ``str`` (or ``bytes``) is one input, read as ``claimset convert -`` reads standard
      input (plain text with the headline on its first line, Markdown with front matter,
      HTML, or JSONL, told apart by the content), named ``text:1``, ``text:2``, ...;
    - a mapping is a record (``title``, ``text``, and optionally ``url``, ``outlet``,
      ``published``, ``language``): the records form one JSONL batch named ``records``,
      each line written by :func:`to_jsonl_line`, so their origins are ``records:1``, ...;
    - a path is the file, read as ``claimset convert PATH`` reads it (folders are not
      walked here: give their files).

    ``name`` replaces ``text`` or ``records`` in origins. Articles, claims, mentions and
    their IDs and spans are those ``convert`` writes for the same input; an article seen
    twice is taken once, actors and sources merged by ID. Returns the five record tables
    (``findings`` empty: run :func:`check` on a written dataset), with ``rejected`` and
    ``issues``.
    """
    if isinstance(items, (str, bytes, Mapping, os.PathLike)):
        items = [items]
    items = list(items)
    records = [i for i in items if isinstance(i, Mapping)]
    origins: list[str] = []
    contents: list[bytes] = []
    formats: list[str | None] = []
    if records:
        if len(records) != len(items):
            raise TypeError("give either records (mappings) or texts and paths, not both")
        origins.append(name or "records")
        contents.append("\n".join(to_jsonl_line(r) for r in records).encode("utf-8"))
        formats.append("jsonl")
    else:
        for n, item in enumerate(items, 1):
            if isinstance(item, os.PathLike):
                path = Path(item)
                origins.append(str(item))
                contents.append(path.read_bytes())
                formats.append(f"name:{path.name}")
            elif isinstance(item, (str, bytes)):
                origins.append(f"{name or 'text'}:{n}")
                contents.append(item.encode("utf-8") if isinstance(item, str) else item)
                formats.append(None)
            else:
                raise TypeError(f"item {n} is a {type(item).__name__}: give str, bytes, a mapping or a path")
    batches, rejected, issues = _native.extract(origins, contents, formats)
    tables = {name: pa.Table.from_batches([b], schema=b.schema) for name, b in batches}
    tables["findings"] = schema("findings").empty_table()
    out = Tables(
        tables,
        pa.Table.from_pylist(json.loads(rejected), schema=_REJECTED),
        pa.Table.from_pylist(json.loads(issues), schema=_ISSUES),
    )
    return out if backend == "pyarrow" else out.to(backend)


def load(
    path: str | os.PathLike[str],
    *,
    tables: Iterable[str] = TABLES,
    backend: Backend = "pyarrow",
) -> Tables:
    """Loads a dataset folder: each table's files are checked against ``dataset.json``
    (SHA-256 and row counts) and read with the data model's types, whether they are
    one file, part files or Spark's folders. Raises :class:`ClaimsetError` naming the
    file when a table is damaged or changed since the manifest was written."""
    folder = os.fspath(path)
    manifest = json.loads(_native.manifest(folder))
    out = {}
    for table in tables:
        batches = _native.read_table(folder, table)
        out[table] = pa.Table.from_batches(batches, schema=schema(table))
    result = Tables(
        out,
        pa.Table.from_pylist(manifest.get("rejected", []), schema=_REJECTED),
        pa.Table.from_pylist(manifest.get("issues", []), schema=_ISSUES),
        manifest,
    )
    return result if backend == "pyarrow" else result.to(backend)


def check(
    path: str | os.PathLike[str],
    *,
    config: str | os.PathLike[str] | None = None,
    backend: Backend = "pyarrow",
) -> Any:
    """Checks a dataset folder with ``claimset check``'s rules (those of ``config``, a
    ``claimset.toml``, or the defaults) and returns the findings as a table with the
    columns of ``findings.parquet``. Nothing is written."""
    findings, _summary = _native.check(os.fspath(path), None if config is None else os.fspath(config))
    table = pa.Table.from_batches([findings], schema=findings.schema)
    return _convert(table, backend)
