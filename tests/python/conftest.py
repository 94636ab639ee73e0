"""Shared fixtures: the dataset under test and its manifest.

The tests read the committed sample dataset, or the dataset folder named by
CLAIMSET_DATASET, so any claimset output can be checked the same way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATASET = Path(os.environ.get("CLAIMSET_DATASET", ROOT / "datasets" / "sample"))

# Table name -> record name (the `record` of each file's `claimset` metadata).
RECORDS = {
    "articles": "article",
    "claims": "claim",
    "sources": "source",
    "actors": "actor",
    "mentions": "mention",
    "findings": "finding",
}


def parquet_files(path: Path) -> list[Path]:
    """A table is one Parquet file or a folder of part files."""
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


@pytest.fixture(scope="session")
def dataset() -> Path:
    return DATASET


@pytest.fixture(scope="session")
def manifest(dataset: Path) -> dict:
    return json.loads((dataset / "dataset.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def table_paths(dataset: Path, manifest: dict) -> dict[str, Path]:
    """Table name -> path of its file or folder, as the manifest lists them."""
    return {t["name"]: dataset / t["path"] for t in manifest["tables"]}
