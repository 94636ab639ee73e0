"""The attribution audit charts the checker's findings once there are some.

The sample dataset has no findings until `claimset check` fills them, so this test runs
notebook 02 on a copy of it with a few synthetic findings (same schema and metadata as
the real, empty file) and a table stored as a folder of part files, which readers must
accept too. `make test` runs both notebooks on the sample dataset separately
(notebooks/run.py).
"""

from __future__ import annotations

import copy
import json
import shutil
import sys

import pyarrow as pa
import pyarrow.parquet as pq
from conftest import ROOT

sys.path.insert(0, str(ROOT / "notebooks"))
import run  # noqa: E402  (notebooks/run.py)


def synthetic_findings(schema: pa.Schema, article_id: str) -> pa.Table:
    rows = [
        ("CS101", "error", "claims", "clm_0000000000000001", article_id, 10, 20),
        ("CS101", "warning", "claims", "clm_0000000000000002", article_id, 30, 40),
        ("CS205", "warning", "sources", "src_0000000000000003", None, None, None),
        ("CS310", "info", "articles", article_id, article_id, None, None),
    ]
    names = ["rule", "severity", "table", "record_id", "article_id", "start", "end"]
    columns = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    columns["message"] = [f"Synthetic finding {i} for the notebook test." for i in range(len(rows))]
    return pa.Table.from_pydict(columns, schema=schema)


def test_audit_notebook_charts_findings_and_reads_part_files(dataset, manifest, tmp_path):
    data = tmp_path / "dataset"
    shutil.copytree(dataset, data)

    # findings.parquet with rows, written with the schema and metadata of the real file
    empty = pq.read_table(data / "findings.parquet")
    article_id = pq.read_table(data / "articles.parquet").column("article_id")[0].as_py()
    findings = synthetic_findings(empty.schema, article_id)
    pq.write_table(findings, data / "findings.parquet")

    # claims as a folder of two part files
    claims = pq.read_table(data / "claims.parquet")
    (data / "claims").mkdir()
    half = claims.num_rows // 2
    pq.write_table(claims.slice(0, half), data / "claims" / "part-0001.parquet")
    pq.write_table(claims.slice(half), data / "claims" / "part-0002.parquet")
    (data / "claims.parquet").unlink()

    manifest = copy.deepcopy(manifest)
    for table in manifest["tables"]:
        if table["name"] == "findings":
            table["rows"] = findings.num_rows
        if table["name"] == "claims":
            table["path"] = "claims"
    (data / "dataset.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")

    figures = tmp_path / "figures"
    nb = run.execute(ROOT / "notebooks" / "02-attribution-audit.ipynb", data, figures)

    text = "\n".join(
        str(output.get("data", output.get("text", "")))
        for cell in nb.cells
        for output in cell.get("outputs", [])
    )
    assert "No findings yet" not in text
    assert nb.cells[-1].outputs == [], "the made-up example shows only without findings"
    assert (figures / "02-findings-by-rule.png").stat().st_size > 10_000
    assert (figures / "02-attribution-mix.png").exists()
