"""Build-time benchmark: our build paired with a peer's, and synthetic data at scale.

Usage: python scripts/bench_build.py --peer /path/to/httpstatuses [--pairs 5]
                                     [--cache warm|cold] [--ours CHECKOUT] [--floor]
                                     [--scales 1,5,20]

Paired part (with --peer): our `mkdocs build --strict` (a subprocess, as a user runs it)
and the peer's `npm run build` (any checkout of httpstatuses/httpstatuses with `npm ci`
done; it is not a dependency of this project) alternate A B A B for N pairs in one run.
Each pair's wall and CPU times (the child processes' user + system time) are printed, then
the median ratio ours / peer. On a shared machine only such ratios mean anything; the
machine's load (`uptime`) is printed before and after. Our builds keep their cache
(generator/cachedir.py) in a folder of the run: --cache warm (the default) fills it with
one untimed build first, --cache cold empties it before every build. --ours points at
another checkout of this project (e.g. an older commit unpacked with `git archive`) to time
that instead; its own hook and generator are used (generator/hook.py puts its checkout
first on the path). --floor times the stack's floor at this site's size instead of ours:
a project with this mkdocs.yml and overrides but no hook, and one paragraph for each page
our build makes, in the same sections (1xx to 5xx, headers, comparisons...). What ours
takes beyond it is our generation and our content; what the floor takes is MkDocs and
Material alone.

Scale part: real records copied under new numbers (1000 and up: the 100-599 range cannot
hold 20x the records), built in-process through the real hook with a stand-in loader, one
fresh interpreter per build, share images not drawn (a warm build reads them from its
cache). Time per code shows whether the build stays linear.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import logging
import os
import platform
import resource
import shutil
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
import generator.shareimage  # noqa: E402
from generator.loader import load_site  # noqa: E402
from generator.model import CLASS_NAMES  # noqa: E402
from generator.site import Site  # noqa: E402

SITE_URL = "https://status.example.org/"


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the command and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def ours_build(checkout: Path, site_dir: str, cache: str) -> tuple[float, float]:
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_URL": SITE_URL,
        "STATUS_CACHE_DIR": cache,
    }
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir]
    return timed(command, checkout, env)


def peer_build(peer: Path) -> tuple[float, float]:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not on PATH: the peer's build needs it")
    return timed([npm, "run", "build"], peer, dict(os.environ))


def uptime() -> str:
    with open("/proc/loadavg", encoding="ascii") as loadavg:
        one, five, fifteen = loadavg.read().split()[:3]
    return f"load average {one}, {five}, {fifteen}"


def floor_project(dest: Path) -> Path:
    """A project for the stack's floor: our mkdocs.yml without the hook, one paragraph for
    every page our build makes (listed from one build of ours), grouped as ours are."""
    import yaml

    with tempfile.TemporaryDirectory() as built, tempfile.TemporaryDirectory() as cache:
        ours_build(REPO, built, cache)
        pages = sorted(
            page.parent.relative_to(built).as_posix()
            for page in Path(built).rglob("index.html")
            if not any(part.startswith(".") for part in page.relative_to(built).parts)
        )
    docs = dest / "docs"
    (docs / "assets").mkdir(parents=True)
    for asset in ("site.css", "site.js"):
        (docs / "assets" / asset).write_text("", encoding="utf-8")
    shutil.copytree(REPO / "overrides", dest / "overrides")
    top: list[object] = []
    sections: dict[str, list[str]] = {}
    hidden: list[str] = []
    for page in pages:
        source = "index.md" if page == "." else f"{page}/index.md"
        (docs / source).parent.mkdir(parents=True, exist_ok=True)
        (docs / source).write_text(
            f"# Page {page}\n\nOne paragraph about {page}, as long as a record's summary.\n",
            encoding="utf-8",
        )
        parts = page.split("/")
        if page == ".":
            top.append(source)
        elif parts[-1] == "frameworks":  # reached from a code page, as ours are
            hidden.append(f"/{source}")
        elif parts[0][:3].isdigit():  # a code, in its class's section
            sections.setdefault(f"{parts[0][0]}xx", []).append(source)
        else:  # an index or a class page first in its own section
            sections.setdefault(parts[0], []).insert(0 if len(parts) == 1 else 1, source)
    for name, entries in sections.items():
        top.append({name: entries} if len(entries) > 1 else entries[0])
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["site_url"] = SITE_URL
    config["nav"] = top
    config["not_in_nav"] = "\n".join(hidden)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest


def paired(ours: Path, peer: Path, pairs: int, cache: str) -> None:
    print(f"paired: ours {ours} ({cache} cache) vs peer {peer}, {pairs} pairs, A B A B; {uptime()}")
    print("pair  ours wall  ours cpu  peer wall  peer cpu  wall ratio  cpu ratio")
    wall_ratios, cpu_ratios, our_walls, peer_walls = [], [], [], []
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as kept:
        if cache == "warm":  # one untimed build fills the cache the timed ones read
            ours_build(ours, out, kept)
        for n in range(1, pairs + 1):
            if cache == "cold":  # an empty cache each time, as on a fresh machine
                shutil.rmtree(kept)
                os.mkdir(kept)
            our_wall, our_cpu = ours_build(ours, out, kept)
            peer_wall, peer_cpu = peer_build(peer)
            wall_ratios.append(our_wall / peer_wall)
            cpu_ratios.append(our_cpu / peer_cpu)
            our_walls.append(our_wall)
            peer_walls.append(peer_wall)
            print(
                f"{n:>4}  {our_wall:>7.2f} s  {our_cpu:>6.2f} s  {peer_wall:>7.2f} s  "
                f"{peer_cpu:>6.2f} s  {wall_ratios[-1]:>10.2f}  {cpu_ratios[-1]:>9.2f}"
            )
    print(
        f"median: ours {statistics.median(our_walls):.2f} s, peer "
        f"{statistics.median(peer_walls):.2f} s wall; ratio ours / peer "
        f"{statistics.median(wall_ratios):.2f} wall, {statistics.median(cpu_ratios):.2f} CPU; "
        f"{uptime()}"
    )


def synthetic(real: Site, scale: int) -> Site:
    """``scale`` times the records: the originals plus renumbered copies (1000 and up);
    everything else (headers, comparisons, snippets...) as the real site has it."""
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
    return dataclasses.replace(real, codes=codes, classes=classes)


def one_build(scale: int) -> tuple[float, float, int]:
    """One synthetic build in a fresh interpreter (MkDocs keeps state between builds)."""
    result = subprocess.run(
        [sys.executable, __file__, "--one", str(scale)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu, pages = result.stdout.split()[-3:]
    return float(wall), float(cpu), int(pages)


def mkdocs_build_in_process(site: Site) -> tuple[float, float, int]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    original = generator.loader.load_site, generator.shareimage.share_images
    generator.loader.load_site = lambda root, **_: site
    # Share images are drawn once and then read from the user's cache: a warm build of
    # the real site draws none. Synthetic codes would each be drawn (and cached) here.
    generator.shareimage.share_images = lambda site, cache: {}
    try:
        with tempfile.TemporaryDirectory() as out, redirect_stderr(io.StringIO()):
            config = load_config(str(REPO / "mkdocs.yml"), site_dir=out, strict=False)
            start, cpu = time.perf_counter(), time.process_time()
            build(config)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            pages = sum(1 for _ in Path(out).rglob("index.html"))
    finally:
        generator.loader.load_site, generator.shareimage.share_images = original
    return elapsed, cpu, pages


def scaled(scales: list[int]) -> None:
    print(f"synthetic scale, in-process builds with the site's mkdocs.yml; {uptime()}")
    print("scale  codes  pages  build wall  build cpu  wall per code")
    real = load_site(REPO / "data")
    for scale in scales:
        codes = len(synthetic(real, scale).codes)
        wall, cpu, pages = one_build(scale)
        print(
            f"{scale:>4}x  {codes:>5}  {pages:>5}  {wall:>8.2f} s  {cpu:>7.2f} s  "
            f"{wall / codes * 1000:>9.1f} ms"
        )
    print(uptime())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer", type=Path, help="a checkout of httpstatuses/httpstatuses")
    parser.add_argument("--ours", type=Path, default=REPO, help="the checkout to time")
    parser.add_argument(
        "--floor",
        action="store_true",
        help="time the bare stack at this site's size instead of ours (see above)",
    )
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument(
        "--cache",
        choices=("warm", "cold"),
        default="warm",
        help="warm: our builds reuse the cache an untimed first build filled (compiled "
        "templates, highlighted and converted text), as a contributor's next build does; "
        "cold: every build starts with an empty cache, as on a fresh machine",
    )
    parser.add_argument("--scales", default="1,5,20", help="comma-separated; empty: none")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.one:
        wall, cpu, pages = mkdocs_build_in_process(synthetic(load_site(REPO / "data"), args.one))
        print(wall, cpu, pages)
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if args.peer and args.floor:
        with tempfile.TemporaryDirectory() as floor:
            paired(floor_project(Path(floor)), args.peer.resolve(), args.pairs, args.cache)
    elif args.peer:
        paired(args.ours.resolve(), args.peer.resolve(), args.pairs, args.cache)
    if args.scales:
        scaled([int(s) for s in args.scales.split(",")])


if __name__ == "__main__":
    main()
