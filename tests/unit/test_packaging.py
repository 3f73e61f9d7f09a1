"""Guards of the bundle's pruning that run without building it (the build and
its smoke test run in .ci/run: packaging/build.py, packaging/smoke_test.py)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "hcc_desktop.spec"


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hcc_build", ROOT / "packaging" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def excluded_modules() -> set[str]:
    text = SPEC.read_text("utf-8")
    block = text[text.index("excludes = [") : text.index("]", text.index("excludes = ["))]
    return set(re.findall(r'"([A-Za-z0-9_.]+)"', block))


def test_no_qt_module_the_app_imports_is_excluded() -> None:
    imported: set[str] = set()
    pattern = re.compile(r"^\s*from (PySide6\.\w+) import", re.MULTILINE)
    for path in (ROOT / "hcc_desktop").rglob("*.py"):
        imported |= set(pattern.findall(path.read_text("utf-8")))
    assert "PySide6.QtWidgets" in imported  # the scan works
    assert sorted(imported & excluded_modules()) == []


def test_the_build_fails_when_the_app_imports_an_excluded_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = load_build()
    warn = tmp_path / "pyinstaller" / "hcc_desktop" / "warn-hcc_desktop.txt"
    warn.parent.mkdir(parents=True)
    monkeypatch.setattr(build, "BUILD", tmp_path)
    warn.write_text(
        "excluded module named numpy - imported by openpyxl.compat.numbers (optional)\n"
        "missing module named pydantic.BaseModel - imported by hcc_desktop.core.x (top-level)\n",
        "utf-8",
    )
    build.check_nothing_needed_was_left_out()  # others' optional imports are fine
    warn.write_text(
        "excluded module named PySide6.QtCharts - imported by "
        "hcc_desktop.ui.reports.charts (top-level), somebody.else (delayed)\n",
        "utf-8",
    )
    with pytest.raises(SystemExit) as failed:
        build.check_nothing_needed_was_left_out()
    assert "PySide6.QtCharts, imported by hcc_desktop.ui.reports.charts" in str(failed.value)


def load_trim_icu() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "hcc_trim_icu", ROOT / "packaging" / "trim_icu.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        # Vietnamese and English collation, root's, and the collation tables
        ("coll/vi.res", True),
        ("coll/root.res", True),
        ("coll/en_US_POSIX.res", True),
        ("coll/ucadata.icu", True),
        ("coll/zh.res", False),
        ("coll/de__PHONEBOOK.res", False),
        # locales' own data, every tree
        ("vi.res", True),
        ("vi_VN.res", True),
        ("en_001.res", True),
        ("fr_CA.res", False),
        ("sr_Latn_BA.res", False),
        ("zone/vi.res", True),
        ("zone/ja.res", False),
        ("curr/pool.res", True),
        ("lang/res_index.res", True),
        ("res_index.res", True),
        # what is nobody's locale stays
        ("supplementalData.res", True),
        ("likelySubtags.res", True),
        ("zoneinfo64.res", True),
        ("metaZones.res", True),
        ("nfkc.nrm", True),
        ("uts46.nrm", True),
        ("cnvalias.icu", True),
        ("brkitr/word.brk", True),
        ("brkitr/line.brk", True),
        # legacy charsets, dictionaries, transliterators
        ("ibm-1390_P110-2003.cnv", False),
        ("gb18030.cnv", False),
        ("brkitr/cjdict.dict", False),
        ("brkitr/thaidict.dict", False),
        ("translit/root.res", False),
    ],
)
def test_icu_data_kept_for_root_english_and_vietnamese(item: str, kept: bool) -> None:
    assert load_trim_icu().kept(item) is kept


def load_orphans() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hcc_orphans", ROOT / "packaging" / "orphans.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_libraries_only_dropped_plugins_linked_to_are_orphans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    orphans = load_orphans()
    links = {
        "PySide6/Qt/lib/libQt6Gui.so.6": {"libfontconfig.so.1", "libX11.so.6"},
        "libfontconfig.so.1": {"libexpat.so.1"},
        "libexpat.so.1": set(),
        "libX11.so.6": set(),
        # left by the GTK theme the spec drops: cairo needs pixman, nobody needs cairo
        "libcairo.so.2": {"libpixman-1.so.0", "libX11.so.6"},
        "libpixman-1.so.0": set(),
        "pillow.libs/libfreetype-57f805ba.so.6": set(),  # _imagingft left out
        # Python loads these itself: never orphans
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so": set(),
        "libpython3.11.so.1.0": set(),
    }
    monkeypatch.setattr(orphans, "needed", lambda src: links[src])
    binaries = [(dest, dest, "BINARY") for dest in links]
    assert orphans.orphans(binaries) == {
        "libcairo.so.2",
        "libpixman-1.so.0",
        "pillow.libs/libfreetype-57f805ba.so.6",
    }
    kept = [b for b in binaries if b[0] != "libX11.so.6"]
    assert orphans.unmet(kept, [("libX11.so.6", "libX11.so.6", "BINARY")]) == [
        "PySide6/Qt/lib/libQt6Gui.so.6 needs libX11.so.6",
        "libcairo.so.2 needs libX11.so.6",
    ]
