"""Execute the notebooks headless, each in a fresh kernel.

    python notebooks/run.py            # run every notebook; fail on the first error
    python notebooks/run.py --write    # run them and store outputs and figures (make notebooks)
    python notebooks/run.py 02-attribution-audit.ipynb --dataset path/to/dataset

Without --write nothing in the working tree changes: figures go to a temporary folder
and the executed notebooks are only compared with the committed ones (a difference is
reported, not an error). With --write the outputs are normalised so that re-running on
unchanged data leaves the files byte-identical: no timing metadata, a fixed kernel
description, and no absolute paths (refused).
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIGURES = HERE / "figures"
TIMEOUT_SECONDS = 120

# The metadata every committed notebook carries, whatever the machine that ran it.
METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "pygments_lexer": "ipython3"},
}


def notebooks() -> list[Path]:
    """Every notebook, in name order."""
    return sorted(HERE.glob("[0-9][0-9]-*.ipynb"))


def execute(path: Path, dataset: Path | None = None, figures: Path | None = None):
    """Runs a notebook top to bottom in a fresh kernel (working directory: notebooks/)
    and returns it with normalised outputs. `dataset` and `figures` reach the notebook
    as CLAIMSET_DATASET and CLAIMSET_FIGURES; unset, it reads datasets/sample and saves
    its plots in notebooks/figures."""
    nb = nbformat.read(path, as_version=4)
    env = dict(os.environ)
    env.pop("CLAIMSET_DATASET", None)
    env.pop("CLAIMSET_FIGURES", None)
    if dataset is not None:
        env["CLAIMSET_DATASET"] = str(dataset)
    if figures is not None:
        env["CLAIMSET_FIGURES"] = str(figures)
    # Plots render the same everywhere: no user matplotlibrc, no font cache surprises.
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env.pop("MATPLOTLIBRC", None)
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(HERE)}},
        record_timing=False,
        # Quiet the kernel's start-up notes (TCP on localhost); errors still show.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    client.execute(env=env)
    return normalise(nb)


def normalise(nb):
    """Drops what changes from run to run: timing and kernel metadata, transient outputs."""
    nb = copy.deepcopy(nb)
    nb.metadata = copy.deepcopy(METADATA)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("transient", None)
            output.pop("transient", None)
    return nb


def machine_paths() -> list[str]:
    """Absolute paths of this machine that must not end up in committed files."""
    paths = {str(ROOT), str(Path.home()), tempfile.gettempdir(), sys.prefix}
    return sorted(p for p in paths if len(p) > 1)


def problems(nb) -> list[str]:
    """Outputs that should not be committed: warnings on stderr, absolute paths."""
    found = []
    text = nbformat.writes(nb)
    for p in machine_paths():
        if p in text:
            found.append(f"an output contains the local path {p}")
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.append(f"cell {i} writes to stderr: {output.get('text', '')[:200]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook file names (default: all)")
    parser.add_argument("--write", action="store_true", help="store outputs and figures")
    parser.add_argument("--dataset", type=Path, help="dataset folder (default: datasets/sample)")
    args = parser.parse_args(argv)

    paths = [HERE / n for n in args.names] if args.names else notebooks()
    failed = False
    for path in paths:
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            if args.write:
                prefix = path.name[:3]  # "01-": the figures this notebook owns
                FIGURES.mkdir(exist_ok=True)
                for old in FIGURES.glob(f"{prefix}*.png"):
                    old.unlink()
                figures = None
            else:
                figures = Path(tmp)
            try:
                nb = execute(path, args.dataset, figures)
            except CellExecutionError as e:
                print(f"FAIL {path.name}\n{e}", file=sys.stderr)
                failed = True
                continue
        seconds = time.monotonic() - started
        issues = problems(nb)
        if args.write:
            if issues:
                for issue in issues:
                    print(f"FAIL {path.name}: {issue}", file=sys.stderr)
                failed = True
                continue
            nbformat.write(nb, path)
            print(f"ok   {path.name} ({seconds:.1f} s, written)")
        else:
            for issue in issues:
                print(f"note {path.name}: {issue}", file=sys.stderr)
            note = ""
            if args.dataset is None:  # the committed outputs are those of the sample
                committed = normalise(nbformat.read(path, as_version=4))
                if nbformat.writes(committed) != nbformat.writes(nb):
                    note = "; outputs differ from the committed ones (make notebooks)"
            print(f"ok   {path.name} ({seconds:.1f} s{note})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
