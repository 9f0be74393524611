"""A data folder that is not what the build expects is refused, with file and reason.

And ``check`` runs the build's own rules on the same folder: where it passes, the strict
build does not fail on the data; where the build would fail, it fails first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from factory import REPO, record, write_dataset
from sitebuild import build

from generator import cli
from generator.loader import load_site
from generator.problems import DataError


def problems_for(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_site(data)
    return [str(p) for p in info.value.problems]


def test_a_symbolic_link_out_of_the_data_folder_is_refused_unread(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("code: 404\nphrase: Top secret contents\n", encoding="utf-8")
    data = write_dataset(tmp_path / "repo", [record(200), record(204)])
    (data / "codes" / "404.yaml").symlink_to(secret)
    (problem,) = problems_for(data)
    assert problem == (
        "data/codes/404.yaml: (file): is a symbolic link that leads outside the data folder "
        "(expected a file inside it)"
    )
    assert "secret" not in problem.lower()


def test_a_symbolic_link_inside_the_data_folder_is_followed(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204), record(404)])
    moved = data / "codes" / "drafts"
    moved.mkdir()
    (data / "codes" / "404.yaml").rename(moved / "kept.yaml")
    (data / "codes" / "404.yaml").symlink_to(moved / "kept.yaml")
    problems = problems_for(data)
    # The link works; the folder it points into is a stray entry of codes/.
    assert problems == [
        "data/codes/drafts: (file): is not a record file "
        "(expected a file named for its code, such as 404.yaml)"
    ]


@pytest.mark.parametrize(
    "name", ["202.YAML", "202.yml", "notes.txt", "2O2.yaml", "\uff12\uff10\uff12.yaml"]
)
def test_a_stray_file_in_codes_is_refused(tmp_path, name):
    data = write_dataset(tmp_path, [record(200), record(204)])
    (data / "codes" / name).write_text("code: 202\n", encoding="utf-8")
    (problem,) = problems_for(data)
    assert problem.startswith(f"data/codes/{name}: (file): is not a record file (expected a file")


def test_a_folder_named_like_a_record_is_refused(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204)])
    (data / "codes" / "299.yaml").mkdir()
    assert problems_for(data) == ["data/codes/299.yaml: (file): is not a file (expected a file)"]


def test_hidden_files_are_left_alone(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204)])
    (data / "codes" / ".404.yaml.swp").write_bytes(b"\x00\x01")
    (data / "codes" / ".DS_Store").write_bytes(b"\x00")
    assert sorted(load_site(data).codes) == [200, 204]


def test_one_broken_record_is_reported_once_not_by_every_link_to_it(tmp_path):
    linking = record(200, related=[404], meaning="See [404](/404.md).")
    broken = record(404, summary=["not", "text"])
    data = write_dataset(tmp_path, [linking, record(204), broken])
    problems = problems_for(data)
    assert len(problems) == 1, problems
    assert problems[0].startswith("data/codes/404.yaml:3: summary: expected text")


def test_pydantic_wording_never_reaches_the_reader(tmp_path):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, keywords=["k"] * 0)])
    (problem,) = problems_for(data)
    assert problem.endswith("keywords: empty list (expected at least 1)")


def test_check_reads_the_folder_the_build_reads(tmp_path, monkeypatch, capsys):
    data = write_dataset(tmp_path, [record(200), record(204)])
    monkeypatch.setenv("STATUS_DATA_DIR", str(data))
    assert cli.main(["check"]) == 0
    assert f"ok: 2 codes, 0 comparisons, 5 classes in {data}" in capsys.readouterr().out


def test_schema_into_a_folder_that_cannot_be_written_is_one_line(tmp_path, capsys):
    assert cli.main(["schema", str(tmp_path / "no" / "such" / "folder")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("http-status: cannot write ") and err.count("\n") == 1
    assert "Traceback" not in err


# --------------------------------------------------------------------------- check == build

BREAKING = {
    "a link to a missing code": "See [410](/410.md).",
    "a link to a missing section": "See [the FAQ of 200](/200.md#frequently-asked).",
    "fullwidth digits": "See [200](/\uff12\uff10\uff10.md).",
    "a link to a page that is not generated": "See [the about page](/about/team.md).",
}


def _check(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        env={**os.environ, "STATUS_DATA_DIR": str(data)},
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.build
@pytest.mark.parametrize("meaning", BREAKING.values(), ids=BREAKING.keys())
def test_check_fails_where_the_build_fails(tmp_path, meaning):
    data = write_dataset(tmp_path, [record(200), record(204), record(404, meaning=meaning)])
    checked = _check(data)
    built = build(tmp_path / "site", data=data)
    assert checked.returncode == 1, checked.stdout
    assert built.returncode != 0
    first = checked.stderr.splitlines()[1].strip()
    assert first.startswith("data/codes/404.yaml:5: meaning: ")
    assert first in built.output


@pytest.mark.build
def test_check_passes_where_the_build_passes(tmp_path):
    meaning = "See [200](/200.md#faq), [the 2xx class](/2xx.md) and [all codes](/codes.md)."
    data = write_dataset(tmp_path, [record(200), record(204), record(404, meaning=meaning)])
    assert _check(data).returncode == 0
    result = build(tmp_path / "site", data=data)
    assert result.returncode == 0, result.output
    links = result.html("/404/").select("article a[href]")
    assert {a["href"] for a in links} >= {"../200/#faq", "../2xx/", "../codes/"}
