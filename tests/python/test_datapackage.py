"""datapackage.json describes the dataset as a Frictionless Tabular Data Package, and
`frictionless validate` accepts the dataset with it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from frictionless_csv import export

# Keys of the data model (DATA-MODEL.md): primary key per table, foreign keys as
# (table, column) -> (table, column).
PRIMARY_KEYS = {
    "articles": ["article_id"],
    "claims": ["claim_id"],
    "sources": ["source_id"],
    "actors": ["actor_id"],
    "mentions": ["mention_id"],
    "findings": None,
}
FOREIGN_KEYS = {
    ("articles", "source_id"): ("sources", "source_id"),
    ("claims", "article_id"): ("articles", "article_id"),
    ("claims", "source_id"): ("sources", "source_id"),
    ("sources", "actor_id"): ("actors", "actor_id"),
    ("actors", "affiliation_id"): ("actors", "actor_id"),
    ("mentions", "article_id"): ("articles", "article_id"),
    ("mentions", "actor_id"): ("actors", "actor_id"),
    ("findings", "article_id"): ("articles", "article_id"),
}


def frictionless(*args: str, cwd: Path) -> dict:
    """Runs the `frictionless` command-line tool and returns its JSON report."""
    tool = Path(sys.executable).with_name("frictionless")
    run = subprocess.run(
        [str(tool), *args, "--json"], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert run.stdout, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="session")
def descriptor(dataset: Path) -> dict:
    return json.loads((dataset / "datapackage.json").read_text(encoding="utf-8"))


def resources(descriptor: dict) -> dict[str, dict]:
    return {r["name"]: r for r in descriptor["resources"]}


def test_one_resource_per_table_file(descriptor, manifest):
    assert descriptor["profile"] == "tabular-data-package"
    assert [(r["name"], r["path"]) for r in descriptor["resources"]] == [
        (t["name"], t["path"]) for t in manifest["tables"]
    ]
    for r in descriptor["resources"]:
        assert r["format"] == "parquet"
        assert r["profile"] == "tabular-data-resource"
    assert descriptor["claimset"]["schema_version"] == manifest["schema_version"]


def test_fields_follow_the_parquet_schemas(descriptor, dataset):
    for name, resource in resources(descriptor).items():
        schema = pq.read_schema(dataset / resource["path"])
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.names, name
        for f in fields:
            arrow = schema.field(f["name"])
            constraints = f.get("constraints", {})
            assert constraints.get("required", False) == (not arrow.nullable), f["name"]
            if pa.types.is_uint32(arrow.type):
                assert f["type"] == "integer"
                assert constraints["minimum"] == 0
                assert constraints["maximum"] == 2**32 - 1
            elif pa.types.is_date32(arrow.type):
                assert f["type"] == "date"
            elif pa.types.is_list(arrow.type):
                assert f["type"] == "array"
            elif pa.types.is_dictionary(arrow.type):
                assert f["type"] == "string" and constraints["enum"], f["name"]
            else:
                assert pa.types.is_string(arrow.type) and f["type"] == "string", f["name"]
            assert f.get("description"), f"{name}.{f['name']} has no description"


def test_keys_are_those_of_the_data_model(descriptor):
    found = {}
    for name, resource in resources(descriptor).items():
        assert resource["schema"].get("primaryKey") == PRIMARY_KEYS[name], name
        for fk in resource["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or name  # "" is the table itself
            [column], [target_column] = fk["fields"], fk["reference"]["fields"]
            found[(name, column)] = (target, target_column)
    assert found == FOREIGN_KEYS


def test_frictionless_validates_the_parquet_files_except_list_cells(dataset, descriptor):
    """Straight on the Parquet files: the descriptor is valid, and the only errors are
    frictionless-py's type errors on list cells (see frictionless_csv.py)."""
    report = frictionless("validate", "datapackage.json", cwd=dataset)
    assert report["errors"] == [], "the descriptor itself is invalid"
    arrays = {
        (r["name"], f["name"])
        for r in descriptor["resources"]
        for f in r["schema"]["fields"]
        if f["type"] == "array"
    }
    for task in report["tasks"]:
        for error in task["errors"]:
            assert error["type"] == "type-error", error["message"]
            assert (task["name"], error["fieldName"]) in arrays, error["message"]


def test_frictionless_validates_the_data_with_every_constraint_and_key(dataset, manifest, tmp_path):
    export(dataset, tmp_path)
    report = frictionless("validate", "datapackage.json", cwd=tmp_path)
    problems = [e["message"] for t in report["tasks"] for e in t["errors"]] + [
        e["message"] for e in report["errors"]
    ]
    assert report["valid"], "\n".join(problems[:20])
    rows = {t["name"]: t["stats"].get("rows", 0) for t in report["tasks"]}
    assert rows == {t["name"]: t["rows"] for t in manifest["tables"]}


def test_frictionless_catches_broken_keys_and_values(dataset, tmp_path):
    """The keys and constraints bite: a dangling reference, a duplicate key, an unknown
    enum value and a malformed list item are each reported."""
    export(dataset, tmp_path)
    path = tmp_path / "claims.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    col = {name: header.index(name) for name in header}
    attributed = [r for r in rows[1:] if r[col["source_id"]]]
    assert len(rows) > 4 and attributed, "needs a few claims, one attributed"
    attributed[0][col["source_id"]] = "src_0000000000000000"
    rows[1][col["kind"]] = "rumour"
    rows[2][col["claim_id"]] = rows[3][col["claim_id"]]
    rows[3][col["actor_ids"]] = '["not-an-actor-id"]'
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)

    report = frictionless("validate", "datapackage.json", cwd=tmp_path)
    claims = next(t for t in report["tasks"] if t["name"] == "claims")
    found = {(e["type"], e.get("fieldName")) for e in claims["errors"]}
    assert ("foreign-key", None) in found, found
    assert ("primary-key", None) in found, found
    assert ("constraint-error", "kind") in found, found
    assert ("constraint-error", "actor_ids") in found, found
