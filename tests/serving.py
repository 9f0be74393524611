"""Run the builds `mkdocs serve --dirty` runs, in one process, over a list of edits.

    python tests/serving.py STEPS.json OUT_DIR    (the data folder: STATUS_DATA_DIR)

As mkdocs/commands/serve.py does: the serve command's startup event once, then for each
build a new config and ``build(config, serve_url=..., dirty=True)`` into one site folder.
The first build runs on the data as it is; before each later one, its step's files are
written (``{"files": {"codes/429.yaml": "text"}}``, relative to the data folder). After
each build the served folder is copied to OUT_DIR/<n>/, and OUT_DIR/results.json gets,
per build: whether it succeeded, what MkDocs logged, and the HTML files written again.

A process of its own: MkDocs keeps plugin objects (Material's search index among them)
for the life of the process, and so does generator.incremental.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
SERVE_URL = "http://127.0.0.1:8000/"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


def _config(site: Path):
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    return config


def main(steps_file: Path, out: Path) -> None:
    data = Path(os.environ["STATUS_DATA_DIR"])
    steps = [{}, *json.loads(steps_file.read_text(encoding="utf-8"))]
    site = Path(tempfile.mkdtemp(prefix="serving-"))
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    results = []
    for number, step in enumerate(steps):
        for name, text in step.get("files", {}).items():
            (data / name).write_text(text, encoding="utf-8")
        before = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
        collect.lines = []
        config = _config(site)
        if number == 0:
            config.plugins.on_startup(command="serve", dirty=True)
        try:
            build(config, serve_url=SERVE_URL, dirty=True)
            ok = True
        except Exception as exc:  # what the live-reload server catches and reports
            collect.lines.append(f"EXCEPTION - {type(exc).__name__}: {exc}")
            ok = False
        written = sorted(
            path.relative_to(site).as_posix()
            for path in site.rglob("*.html")
            if before.get(path) != path.stat().st_mtime_ns
        )
        shutil.copytree(site, out / str(number))
        results.append({"ok": ok, "log": collect.lines, "written": written})
    config.plugins.on_shutdown()
    (out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
