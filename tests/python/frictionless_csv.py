"""Export a claimset dataset as CSV with the same datapackage.json, for Frictionless.

    python tests/python/frictionless_csv.py DATASET OUT
    frictionless validate OUT/datapackage.json

frictionless-py (5.21) reads Parquet through pandas, which hands list columns over as
NumPy arrays; its `array` type rejects those, so validating the Parquet files directly
reports a type error on every list cell (and nothing else). CSV is the format every
Frictionless tool reads fully: each table becomes a CSV file in which list cells are JSON
arrays (the Table Schema's form for `array`) and nulls are empty cells. The descriptor is
copied unchanged except for each resource's path and format, so the same field types,
constraints, primary keys and foreign keys are checked against the same data.
"""

from __future__ import annotations

import csv
import datetime
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def export(dataset: Path, out: Path) -> Path:
    """Writes OUT/<table>.csv and OUT/datapackage.json; returns the descriptor's path."""
    out.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((dataset / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        table = pq.read_table(dataset / resource["path"])
        name = f"{resource['name']}.csv"
        with open(out / name, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(table.column_names)
            for row in table.to_pylist():
                writer.writerow([cell(row[c]) for c in table.column_names])
        resource.update(path=name, format="csv", mediatype="text/csv", encoding="utf-8")
    path = out / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(export(Path(sys.argv[1]), Path(sys.argv[2])))
