"""Renja Desktop benchmark: builds a city-sized document and prints one line per figure.

    python benchmarks/run.py [--rows 50000] [--only core,gui,...]

Each line reads ``name: value unit``. Targets are stated in the issues and the README; this script
measures, it does not assert.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

#: benchmark modules in print order; each has run(rows, workdir) -> [(name, value, unit)]
AREAS = ["core", "import", "gui", "report", "exchange", "document", "stages"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000, help="sub kegiatan in the document")
    parser.add_argument("--only", default="", help="comma-separated areas: " + ",".join(AREAS))
    args = parser.parse_args(argv)
    areas = [a for a in args.only.split(",") if a] or AREAS
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="renja-bench-") as tmp:
        os.environ["RENJA_DESKTOP_DATA_DIR"] = str(Path(tmp) / "userdata")
        print(f"rows: {args.rows} sub_kegiatan")
        for area in areas:
            module = importlib.import_module(f"bench_{area}")
            for name, value, unit in module.run(args.rows, Path(tmp)):
                print(f"{name}: {value:.3f} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
