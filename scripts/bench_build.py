"""Build-time benchmark: the real site, and synthetic data at 1x, 5x and 20x the records.

Usage: python scripts/bench_build.py [--runs 5] [--scales 1,5,20]

Prints, for the real data: the median `mkdocs build` time over N runs (a subprocess,
as a user runs it) and the generator's share (load + validate + plan + render, timed
in-process). Then, for each scale: per-record validation time, generator time, and the
full in-process MkDocs build time with Material's `navigation.prune` off and on; the
navigation that Material renders into every page grows with the square of the page count.

Synthetic records are real records under new numbers (1000 and up: the 100-599 range
cannot hold 20x the records), built through the real hook with a stand-in loader.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import generator.loader  # noqa: E402
from generator.kinds import plan  # noqa: E402
from generator.loader import load_site  # noqa: E402
from generator.model import CLASS_NAMES, CodeRecord  # noqa: E402
from generator.render import render_all  # noqa: E402
from generator.site import Site  # noqa: E402
from generator.yamlsource import load_yaml  # noqa: E402

SITE_URL = "https://status.example.org/"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_build(site_dir: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", site_dir],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
    )


def generator_pass(site_loader) -> None:
    site = site_loader()
    render_all(site, plan(site), SITE_URL)


def synthetic(real: Site, scale: int) -> Site:
    """``scale`` times the records: the originals plus renumbered copies (1000 and up)."""
    codes = dict(real.codes)
    classes = dict(real.classes)
    number = 1000
    for _ in range(scale - 1):
        for record in real.codes.values():
            codes[number] = record.model_copy(update={"code": number})
            digit = number // 100
            if digit not in classes:  # a class page per hundred synthetic codes
                classes[digit] = real.classes[4].model_copy(update={"digit": digit})
                CLASS_NAMES[digit] = f"Synthetic {digit}"
            number += 1
    return Site(
        codes=codes,
        classes=classes,
        comparisons=real.comparisons,
        guide=real.guide,
        modified=real.modified,
    )


def validation_per_record(real_dir: Path) -> float:
    files = sorted((real_dir / "codes").glob("*.yaml"))
    start = time.perf_counter()
    for file in files:
        located, _ = load_yaml(file, file.name)
        CodeRecord.model_validate(located.data)
    return (time.perf_counter() - start) / len(files)


def one_build(scale: int, prune: bool) -> tuple[float, int]:
    """One synthetic build in a fresh interpreter (MkDocs keeps state between builds)."""
    result = subprocess.run(
        [sys.executable, __file__, "--one", str(scale), "--prune" if prune else "--no-prune"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, size = result.stdout.split()[-2:]
    return float(seconds), int(size)


def mkdocs_build_in_process(site: Site, prune: bool) -> tuple[float, int]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    original = generator.loader.load_site
    generator.loader.load_site = lambda root, **_: site
    try:
        with tempfile.TemporaryDirectory() as out, redirect_stderr(io.StringIO()):
            config = load_config(str(REPO / "mkdocs.yml"), site_dir=out, strict=False)
            features = [f for f in config.theme["features"] if f != "navigation.prune"]
            if prune:
                features.append("navigation.prune")
            config.theme["features"] = features
            start = time.perf_counter()
            build(config)
            elapsed = time.perf_counter() - start
            page = Path(out) / "429" / "index.html"
            size = page.stat().st_size
    finally:
        generator.loader.load_site = original
    return elapsed, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,5,20")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--prune", action=argparse.BooleanOptionalAction, default=False)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.one:
        seconds, size = mkdocs_build_in_process(
            synthetic(load_site(REPO / "data"), args.one), args.prune
        )
        print(seconds, size)
        return

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    real_dir = REPO / "data"
    real = load_site(real_dir)
    with tempfile.TemporaryDirectory() as out:
        build_s = median_time(lambda: cli_build(out), args.runs)
    gen_s = median_time(lambda: generator_pass(lambda: load_site(real_dir)), args.runs)
    print(
        f"real site ({len(real.codes)} codes, {len(plan(real))} generated pages): "
        f"mkdocs build median {build_s:.2f} s over {args.runs} runs; generator "
        f"{gen_s:.2f} s ({gen_s / build_s:.0%} of the build)"
    )
    per_record = validation_per_record(real_dir)
    print(f"parse + validate: {per_record * 1000:.1f} ms per record")
    print(
        "scale  codes  pages  validate(est)  generator  build(prune off)  build(prune on)  "
        "code page HTML off/on"
    )
    for scale in [int(s) for s in args.scales.split(",")]:
        site = synthetic(real, scale)
        pages = len(plan(site))
        gen = median_time(lambda s=site: render_all(s, plan(s), SITE_URL), 3)
        off, size_off = one_build(scale, prune=False)
        on, size_on = one_build(scale, prune=True)
        print(
            f"{scale:>4}x  {len(site.codes):>5}  {pages:>5}  "
            f"{per_record * len(site.codes):>10.2f} s"
            f"  {gen:>8.2f} s  {off:>14.2f} s  {on:>13.2f} s  "
            f"{size_off / 1024:>8.0f} / {size_on / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
