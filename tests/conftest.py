import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser import chromium_path
from sitebuild import build

SITE_URL = "https://status.example.org/"


@pytest.fixture(scope="session")
def real_data():
    """The real records of data/, loaded and validated once per test run."""
    from sitebuild import REPO

    from generator.loader import load_site

    return load_site(REPO / "data")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The real data, built once per test run with `mkdocs build --strict`."""
    result = build(tmp_path_factory.mktemp("site"), site_url=SITE_URL)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def browser():
    """Headless system Chromium. Skipped locally without one; a failure under CI."""
    if chromium_path() is None:
        message = "no Chromium: apt-get install -y chromium, or set CHROMIUM_PATH"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from browser import launch

    with launch() as instance:
        yield instance


@pytest.fixture(scope="session")
def served(real_site):
    from browser import serve

    with serve(real_site.site) as base:
        yield base


@pytest.fixture
def page(browser):
    """A fresh browser tab in its own context (no shared cache or storage)."""
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


def pytest_addoption(parser):
    parser.addoption(
        "--fast",
        action="store_true",
        help="the quick loop: leave out builds, browser tests and corpus sweeps",
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--fast"):
        return
    slow = {"build", "browser", "slow"}
    kept = [item for item in items if not slow & {m.name for m in item.iter_markers()}]
    config.hook.pytest_deselected(items=[i for i in items if i not in kept])
    items[:] = kept
