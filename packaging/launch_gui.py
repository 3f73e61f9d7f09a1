"""Entry point of the frozen desktop program (hcc-desktop[.exe]).

On Linux the bundle has one program: ``hcc-desktop-cli`` is a symbolic link to
``hcc-desktop`` (one module archive instead of two), and started under that name
it is the command line (packaging/launch_cli.py on Windows, where the GUI is a
windowed executable and the CLI a console one).

HCC_BUNDLE_SELF_CHECK=FILE makes it import every module of the app instead of
starting, check that Qt still collates Vietnamese (the trimmed ICU data,
packaging/trim_icu.py) and loads its multimedia backend (the scan camera), write
the failures to FILE and exit 1 if there are any:
the smoke test uses it to prove that no Qt module or library a window needs was
pruned.
"""

import os
import sys


def qt_runtime_setup() -> None:
    """The work of PyInstaller's PySide6 run-time hook, which the spec leaves out so that the
    command line does not load Qt: Qt's plugins and prefix inside the bundle."""
    from _pyi_rth_utils import prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    windows = sys.platform.startswith("win")
    qt = os.path.join(sys._MEIPASS, "PySide6", *(() if windows else ("Qt",)))
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if windows:  # QtNetwork finds OpenSSL's DLLs there
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    qt_rth_utils.create_embedded_qt_conf("PySide6", qt)


if os.path.basename(sys.argv[0]).startswith("hcc-desktop-cli"):
    from hcc_desktop.cli.entry import main

    raise SystemExit(main())

qt_runtime_setup()

report = os.environ.get("HCC_BUNDLE_SELF_CHECK")
if report:
    import importlib
    import pkgutil

    import hcc_desktop

    failed = []
    for module in pkgutil.walk_packages(hcc_desktop.__path__, "hcc_desktop."):
        if ".migrations" in module.name or module.name.endswith("__main__"):
            continue  # loaded by Alembic as files / would run the command line
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failed.append(f"{module.name}: {exc!r}")

    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    # Vietnamese puts Đ after D as a letter of its own; the root order (English) takes it
    # for a D with a stroke. Both orders must hold: with the vi collation lost, ICU falls
    # back to the root one silently.
    names = ["Đào", "Dương", "Ân", "Anh", "Ăn"]
    for locale, expected in (
        ("vi", ["Anh", "Ăn", "Ân", "Dương", "Đào"]),
        ("en", ["Ăn", "Ân", "Anh", "Đào", "Dương"]),
    ):
        got = sorted(names, key=QCollator(QLocale(locale)).sortKey)
        if got != expected:
            failed.append(f"ICU collation {locale}: {got}, expected {expected}")
    if not QTimeZone(b"Asia/Ho_Chi_Minh").isValid():
        failed.append("QTimeZone: Asia/Ho_Chi_Minh is not known")
    # Qt loads the multimedia backend (FFmpeg: the scan camera) only when a camera is looked
    # for; a library it needs missing or unloadable would only show as an empty camera list.
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    plugins = os.path.join(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "multimedia")
    backends = sorted(os.listdir(plugins)) if os.path.isdir(plugins) else []
    if not backends:
        failed.append(f"no Qt Multimedia backend in {plugins}")
    for backend in backends:
        loader = QPluginLoader(os.path.join(plugins, backend))
        if not loader.load():
            failed.append(f"Qt Multimedia backend {backend}: {loader.errorString()}")
    with open(report, "w", encoding="utf-8") as f:
        f.write("\n".join(failed) or "ok")
    raise SystemExit(1 if failed else 0)

from hcc_desktop.ui.app import run  # noqa: E402

raise SystemExit(run())
