"""A smaller ICU data library for the Linux bundle (used by hcc_desktop.spec).

PySide6's Linux Qt Core links ICU 7x, whose ``libicudata.so.NN`` is 32 MB: one
symbol, ``icudtNN_dat``, holding ICU's common data package (every locale's
collation, names of languages, regions, currencies, units and zones, number
spell-out, transliteration, legacy-charset converters, Thai/CJK word-break
dictionaries). Qt uses ICU for collation (QCollator: QFileSystemModel's sort in
the file dialogs), case mapping, time-zone names and legacy text codecs; the app
itself sorts and folds Vietnamese in Python. What is kept:

- every item that is not a locale's: normalisation, UTS #46, Unicode names and
  properties, likely subtags, plurals, the time-zone tables, the converter
  aliases (UTF-* and ISO-8859-1 are algorithmic: they need no ``.cnv`` table);
- the locales root, en (en_001, en_US, en_US_POSIX) and vi (vi_VN) in every tree,
  collation (``coll/vi`` is the Vietnamese order, ``coll/ucadata.icu`` the root
  one) and break rules (``brkitr/*.brk``) included.

Dropped: the other ~900 locales, the charset converter tables (``*.cnv``), the
word-break dictionaries of Thai, Lao, Khmer, Burmese and CJK (``*.dict``) and the
transliterators (``translit/``): 32 MB -> about 4.4 MB.

The new data file is packed with ICU's own tools (Debian ``icu-devtools``:
``icupkg`` lists and extracts the items, ``gencmn`` writes the package) and linked
into a ``libicudata.so.NN`` with the same soname exporting the same symbol (binutils
``as`` and ``ld``). The result depends only on the input library and the rules
here, so every build gives the same bytes. ``packaging/smoke_test.py`` checks, from
the bundle, that Qt still sorts Vietnamese in the Vietnamese order.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEEP_LOCALES = frozenset(
    {"root", "en", "en_001", "en_US", "en_US_POSIX", "vi", "vi_VN", "res_index", "pool"}
)
# A locale's item: ll, lll, ll_Script_REGION_VARIANT (and coll's de_, de__PHONEBOOK).
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
_DROP_TREES = ("translit",)
_DROP_EXTENSIONS = ("cnv", "dict")
_TOOL_PATH = os.pathsep.join(
    [os.environ.get("PATH", ""), "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]
)


class IcuTrimError(RuntimeError):
    pass


def kept(item: str) -> bool:
    """Whether the data item (``coll/vi.res``, ``ibm-1390_P110-2003.cnv``…) stays."""
    tree, _, name = item.rpartition("/")
    stem, _, extension = name.rpartition(".")
    if tree in _DROP_TREES or extension in _DROP_EXTENSIONS:
        return False
    return not (extension == "res" and _LOCALE.match(stem) and stem not in KEEP_LOCALES)


def _tool(name: str) -> str:
    found = shutil.which(name, path=_TOOL_PATH)
    if found is None:
        raise IcuTrimError(
            f"{name} not found: the Linux bundle trims ICU's data with ICU's tools and "
            "binutils (Debian: apt-get install icu-devtools binutils)"
        )
    return found


def _run(tool: str, *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [_tool(tool), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise IcuTrimError(f"{tool} {' '.join(args)} -> {done.returncode}\n{done.stderr}")
    return done.stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the library's one data symbol, icudtNN_dat."""
    out = _run("readelf", "-W", "--dyn-syms", "--sections", str(library), cwd=library.parent)
    symbol = re.search(
        r"\s([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)$",
        out,
        re.MULTILINE,
    )
    if symbol is None:
        raise IcuTrimError(f"{library.name}: no icudtNN_dat symbol")
    address, size = int(symbol[1], 16), int(symbol[2], 0)
    # The section holding it: file offset = address - section address + section offset.
    for m in re.finditer(r"\]\s+\S+\s+PROGBITS\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", out):
        start, offset, length = (int(g, 16) for g in m.groups())
        if start <= address and address + size <= start + length:
            return symbol[3], address - start + offset, size
    raise IcuTrimError(f"{library.name}: the section of {symbol[3]} was not found")


def trim(library: Path, out_dir: Path) -> Path:
    """Write out_dir/<library's name>: the same soname and symbol, the kept items only."""
    symbol, offset, size = _data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: little-endian, as on x86-64
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / library.name
    with tempfile.TemporaryDirectory(prefix="hcc-icu-") as tmp:
        work = Path(tmp)
        with library.open("rb") as f:
            f.seek(offset)
            (work / f"{package}.dat").write_bytes(f.read(size))
        listed = _run("icupkg", "-l", f"{package}.dat", cwd=work).split()
        keep = sorted(i for i in listed if kept(i))
        (work / "all.txt").write_text("\n".join(listed) + "\n")
        (work / "keep.txt").write_text("\n".join(keep) + "\n")
        items, small = work / "items", work / "small"
        items.mkdir()
        small.mkdir()
        _run("icupkg", "-d", str(items), "-x", "all.txt", f"{package}.dat", cwd=work)
        # gencmn packs what it is given; icupkg would refuse a package whose break rules
        # name the dropped dictionaries (ICU falls back to rules when one is missing).
        _run("gencmn", "-n", package, "-d", str(small), "0", str(work / "keep.txt"), cwd=items)
        (work / "data.S").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{(small / f"{package}.dat").as_posix()}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        _run("as", "-o", "data.o", "data.S", cwd=work)
        _run("ld", "-shared", "--build-id=none", "-soname", library.name, "-o", str(target),
             "data.o", cwd=work)  # fmt: skip
    return target
