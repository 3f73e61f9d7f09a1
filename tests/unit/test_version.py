"""One version number: pyproject.toml's, everywhere it is shown."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import hcc_desktop
from hcc_desktop.cli import entry
from hcc_desktop.cli.main import main
from hcc_desktop.core import version
from hcc_desktop.core.version import LEGACY_PROTOCOL, PROTOCOL_VERSION, app_version

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def test_the_version_is_pyprojects() -> None:
    assert app_version() == pyproject_version()
    assert hcc_desktop.__version__ == pyproject_version()


def test_without_installed_metadata_pyproject_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(_name: str) -> str:
        raise version.metadata.PackageNotFoundError(_name)

    monkeypatch.setattr(version.metadata, "version", missing)
    assert app_version() == pyproject_version()
    monkeypatch.setattr(version, "_PYPROJECT", ROOT / "no-such-file.toml")
    assert app_version() == version.UNKNOWN


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.strip() == f"HCC Desktop {pyproject_version()} (sync protocol {PROTOCOL_VERSION})"


def test_the_entry_point_answers_version_as_the_parser_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert entry.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == version.version_line()
    with pytest.raises(SystemExit) as exited:
        entry.main(["--db", "nowhere.db", "--version"])  # not alone: the parser answers
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == version.version_line()


def test_version_alone_imports_no_command() -> None:
    # In a fresh interpreter: this one has imported the commands already.
    probe = (
        "import sys; from hcc_desktop.cli.entry import main; main(['--version']); "
        "print(sorted(m for m in sys.modules if m.startswith(('hcc_desktop.cli.main', "
        "'hcc_desktop.services', 'sqlalchemy', 'reportlab'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.splitlines() == [version.version_line(), "[]"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, LEGACY_PROTOCOL), ("", LEGACY_PROTOCOL), (" 2 ", 2), ("0", 0), ("x", None)],
)
def test_declared_protocol(raw: str | None, expected: int | None) -> None:
    assert version.parse_protocol(raw) == expected


def test_resources_come_from_the_bundle_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hcc_desktop.core import paths

    assert paths._resources_dir() == ROOT / "resources"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths._resources_dir() == tmp_path / "resources"
