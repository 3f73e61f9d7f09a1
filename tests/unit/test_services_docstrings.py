"""Every public method of a service (the classes of ``hcc_desktop/services`` whose
name ends in ``Service``, ``Sync`` or is ``Services``) says what it does."""

from __future__ import annotations

import ast
from pathlib import Path

import hcc_desktop.services

SERVICES = Path(hcc_desktop.services.__file__).parent


def _is_service(name: str) -> bool:
    return name == "Services" or name.endswith(("Service", "Sync"))


def undocumented(root: Path) -> list[str]:
    """``path:line Class.method`` of each public service method without a docstring."""
    missing = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if not isinstance(node, ast.ClassDef) or not _is_service(node.name):
                continue
            for item in node.body:
                if (
                    isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                    and not item.name.startswith("_")
                    and ast.get_docstring(item) is None
                ):
                    where = path.relative_to(root.parent.parent)
                    missing.append(f"{where}:{item.lineno} {node.name}.{item.name}")
    return missing


def test_every_public_service_method_has_a_docstring() -> None:
    assert undocumented(SERVICES) == []


def test_the_check_finds_a_method_without_a_docstring(tmp_path: Path) -> None:
    root = tmp_path / "hcc_desktop" / "services"
    root.mkdir(parents=True)
    (root / "thing.py").write_text(
        "class ThingService:\n"
        "    def documented(self):\n"
        '        """Says what it does."""\n'
        "    def bare(self):\n"
        "        pass\n"
        "    def _private(self):\n"
        "        pass\n"
        "class Helper:\n"
        "    def bare(self):\n"
        "        pass\n",
        "utf-8",
    )
    assert undocumented(root) == ["hcc_desktop/services/thing.py:4 ThingService.bare"]
