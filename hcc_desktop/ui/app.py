"""Start-up of the desktop program: logging, error hook, Qt, translations, a first
window, then — on the task runner while that window is painted — the services, and
the main window in its place."""

from __future__ import annotations

import time

# Taken before the heavy imports below, so that the start-up figure printed by
# --quit-after-show includes loading Qt and the services.
STARTED_AT = time.perf_counter()

import argparse  # noqa: E402
import logging  # noqa: E402
import logging.handlers  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from types import TracebackType  # noqa: E402

import shiboken6  # noqa: E402
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QMessageLogContext,
    QSettings,
    QThread,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox  # noqa: E402

from hcc_desktop.ui.startup import cheaper_pyside_import_hook  # noqa: E402

cheaper_pyside_import_hook()

from typing import TYPE_CHECKING, Any  # noqa: E402

from hcc_desktop import __version__  # noqa: E402
from hcc_desktop.core.paths import (  # noqa: E402
    APP_AUTHOR,
    APP_NAME,
    default_db_path,
    log_dir,
    private_dir,
    private_umask,
)
from hcc_desktop.ui.common.i18n import SUPPORTED_LANGUAGES, install_translators  # noqa: E402
from hcc_desktop.ui.common.tasks import TaskRunner  # noqa: E402
from hcc_desktop.ui.platform_check import check_platform  # noqa: E402
from hcc_desktop.ui.startup import (  # noqa: E402
    StartupWindow,
    forget_sources,
    remember_language,
    remembered_language,
)

if TYPE_CHECKING:
    from concurrent.futures import Future

    from hcc_desktop.core.accounts import Officer
    from hcc_desktop.services import Services
    from hcc_desktop.services.early import EarlyLists, EarlyStore
    from hcc_desktop.services.encryption import UnlockAhead
    from hcc_desktop.services.settings_values import AppSettings

log = logging.getLogger("hcc_desktop")

LOG_FILE_NAME = "hcc-desktop.log"
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 5


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="hcc-desktop", description="HCC Desktop")
    parser.add_argument("--version", action="version", version=f"HCC Desktop {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: the user data folder)")
    parser.add_argument(
        "--lang", choices=SUPPORTED_LANGUAGES, help="interface language (default: from settings)"
    )
    parser.add_argument(
        "--quit-after-show",
        action="store_true",
        help="print the milliseconds from start to the main window shown and to its lists "
        "loaded, then quit",
    )
    # Anything else (-platform, -style…) is for Qt.
    return parser.parse_known_args(argv)


def setup_logging() -> Path:
    """A rotating log file in the user's log folder (and stderr for warnings)."""
    folder = private_dir(log_dir())  # 0700: the log names dossiers and officers
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(getattr(h, "hcc_log", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        handler.hcc_log = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.hcc_log = True  # type: ignore[attr-defined]
        root.addHandler(console)
    root.setLevel(logging.INFO)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), message)


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Uncaught exceptions: always logged, and shown when on the GUI thread."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return
    try:
        from hcc_desktop.ui.common.errors import show_error

        show_error(QApplication.activeWindow(), exc, log_it=False)
    except Exception:
        log.exception("the error dialog could not be shown")


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    log.critical(
        "uncaught exception in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def install_excepthooks() -> None:
    sys.excepthook = excepthook
    threading.excepthook = _thread_excepthook
    qInstallMessageHandler(_qt_message)


def _database_error(exc: BaseException, path: Path, *, quietly: bool = False) -> None:
    """Why the store cannot be opened: a dialog, or with ``quietly`` (``--quit-after-show``,
    which never shows a dialog) the same text on stderr, so that a benchmark or a smoke
    test ends with its exit code instead of waiting for a click nobody gives."""
    box = QMessageBox()
    from hcc_desktop.core.errors import HccError

    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "Cannot open the database"))
    if isinstance(exc, HccError):
        from hcc_desktop.ui.common.messages import error_message

        reason = error_message(exc)
    else:
        reason = f"{type(exc).__name__}: {exc}"
    from hcc_desktop.core.errors import StoreKeyError

    if isinstance(exc, StoreKeyError):
        # The key, not the file: say so first (the file was left as it was).
        box.setText(reason)
        box.setInformativeText(
            QCoreApplication.translate(
                "App",
                "The data were not changed. Start the program with the environment variable "
                "HCC_RECOVERY_KEY set to the recovery key shown at set-up. Log files: {logs}",
            ).format(logs=str(log_dir()))
        )
        _show_or_print(box, quietly)
        return
    box.setText(
        QCoreApplication.translate(
            "App",
            "The database {path} cannot be opened, so the program cannot start.",
        ).format(path=str(path))
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "App",
            "Before any upgrade a backup copy of the file is kept next to it (its name ends "
            "in .bak). Check that the disk is available and that no other copy of the "
            "program is using the file, then start again. Log files: {logs}",
        ).format(logs=str(log_dir()))
    )
    box.setDetailedText(reason)
    _show_or_print(box, quietly)


def _show_or_print(box: QMessageBox, quietly: bool) -> None:
    if quietly:
        details = box.detailedText()
        print(box.text(), box.informativeText(), details, sep="\n", file=sys.stderr, flush=True)
    else:
        box.exec()


class _OpenFailed:
    """The store could not be opened (carried back from the task runner)."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def unlock_ahead(db_path: Path) -> UnlockAhead | None:
    """Start looking the store's key up (keyring, scrypt, the key proved on the file)
    on a thread of its own before Qt starts: it runs beside the first window's paint
    and the services' import instead of after them (issue 14; ``services.encryption``
    imports no SQLAlchemy). None: the services look the key up themselves."""
    from hcc_desktop.services.encryption import UnlockAhead

    return UnlockAhead(db_path)


def open_store(
    db_path: Path, ahead: UnlockAhead | None = None
) -> tuple[Services, AppSettings, bool] | _OpenFailed:
    """Runs on the task runner while the first window is painted: import the services
    (SQLAlchemy, the models, the calendar), open — create or migrate — the store with
    the key ``ahead`` looked up, read the settings and whether the store has no account
    yet (its first administrator is asked instead of a login)."""
    from hcc_desktop.services import open_services

    try:
        if ahead is not None:
            services = open_services(db_path, unlock=ahead.result())
        else:
            services = open_services(db_path)
    except Exception as exc:
        log.critical("cannot open the database %s", db_path, exc_info=True)
        return _OpenFailed(exc)
    try:
        settings = services.settings.load()
        first_admin = services.accounts.needs_first_admin()
    except BaseException:
        services.close()
        raise
    return services, settings, first_admin


def start_store(
    db_path: Path, ahead: UnlockAhead | None = None
) -> tuple[EarlyStore, AppSettings] | tuple[Services, AppSettings, bool] | _OpenFailed:
    """Runs on the task runner once the first window is painted: the store opened early
    (``services/early.py``: no SQLAlchemy, no services yet) with its settings when it
    can be; else — a store to create, migrate or encrypt, a new key, no account yet —
    the services opened as before (``open_store``)."""
    if ahead is not None:
        from hcc_desktop.services.early import EarlyStore

        try:
            unlock = ahead.result()
        except Exception:
            unlock = None  # the services' opening reports it
        early = EarlyStore.open(db_path, unlock) if unlock is not None else None
        if early is not None:
            try:
                return early, early.settings()
            except Exception:
                log.warning("the store could not be read early", exc_info=True)
                early.close()
    return open_store(db_path, ahead)


def open_services_after(
    early: EarlyStore, db_path: Path, ahead: UnlockAhead | None, ready: Future[object]
) -> None:
    """Runs on a thread of its own once the first lists are shown (or as soon as the
    login needs the services): the services imported and the store opened as
    ``open_store`` does, the early connection closed, the main window's module imported;
    the result (or the error) in ``ready``. Not on the task runner: a login checked on
    the task runner may be waiting for this."""
    try:
        result = open_store(db_path, ahead)
        if not isinstance(result, _OpenFailed):
            import_main_window()
    except BaseException as exc:
        ready.set_exception(exc)
        return
    finally:
        early.close()
    ready.set_result(result)


def import_main_window() -> None:
    """Runs on the task runner while the officer logs in (only classes are made here:
    widgets are built on the GUI thread). The password's check (Argon2id) releases the
    GIL, so even a quiet login overlaps this import instead of following it."""
    import hcc_desktop.ui.main_window  # noqa: F401


def log_in(
    services: Services,
    *,
    quietly: bool = False,
    first_admin: bool = False,
    runner: TaskRunner | None = None,
) -> bool:
    """Before the main window: the login, or the first administrator of a store without
    accounts (issue 12). ``quietly`` (``--quit-after-show``, a benchmark or a test) logs
    in with HCC_USER and HCC_PASSWORD and never shows a dialog. False: nobody logged in
    (the officer quit, or the quiet login was refused)."""
    if quietly:
        from hcc_desktop.core.errors import AuthError

        user, password = os.environ.get("HCC_USER", ""), os.environ.get("HCC_PASSWORD", "")
        try:
            services.accounts.authenticate(user, password)
            return True
        except AuthError as exc:
            log.warning("--quit-after-show: no login from HCC_USER (%s)", exc.code)
            print(f"login refused: {exc.code}", file=sys.stderr)
            return False
    from hcc_desktop.ui.accounts.login import FirstAdminDialog, LoginDialog

    dialog: QDialog
    if first_admin:
        dialog = FirstAdminDialog(services, runner=runner)
    else:
        dialog = LoginDialog(services, runner=runner)
    return dialog.exec() == QDialog.DialogCode.Accepted


def run(argv: list[str] | None = None) -> int:
    """Start the desktop program; returns the process exit code."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    private_umask()  # every file written from now on is 0600 (issue 12)
    log_file = setup_logging()
    install_excepthooks()
    log.info("HCC Desktop %s starting (log %s)", __version__, log_file)

    QApplication.setOrganizationName(APP_AUTHOR)
    QApplication.setApplicationName(APP_NAME)
    home = os.environ.get("HCC_DESKTOP_HOME")
    if home:
        # A portable or test installation keeps window state in its own folder too.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(home) / "qsettings")
        )
    QApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    if existing is None:
        # Say which system libraries are missing rather than let Qt abort (first run on a
        # minimal Linux desktop).
        problem = check_platform(qt_args=qt_args)
        if problem is not None:
            log.info("Qt's X11 platform plugin cannot load:\n%s", problem)
            print(problem, file=sys.stderr)
            return 1
    db_path = args.db or default_db_path()
    # The key's lookup from now on, beside Qt's start and the first paint: its keyring
    # imports are done before the services' import begins, its scrypt runs on the other
    # core. It delays the first paint (up to ~1.4x under load, within that figure's
    # goal); begun at the first paint instead, its imports held up the services':
    # encrypted start 1.6-1.8x plain against 1.1-1.2x (docs/benchmarks.md).
    ahead = unlock_ahead(db_path)
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    # The settings' language is in the store, which is not open yet: the first window
    # speaks the language of the last start.
    language = args.lang or remembered_language() or "vi"
    if language not in SUPPORTED_LANGUAGES:
        language = "vi"
    install_translators(language, app)

    runner = TaskRunner(app)
    first = StartupWindow()
    first.show()
    state: dict[str, Any] = {
        "window": None,
        "services": None,
        "code": None,
        "ended": False,
        # The early path (services/early.py): its store, the officer it logged in, the
        # services' future once their import is queued, the first lists shown.
        "early": None,
        "officer": None,
        "services_future": None,
        "services_handed": False,
        "lists_shown": False,
        "lists_printed": False,
    }

    def elapsed() -> float:
        return (time.perf_counter() - STARTED_AT) * 1000

    def report_shown() -> None:
        elapsed_ms = elapsed()
        print(f"shown {elapsed_ms:.0f}", flush=True)
        log.info("main window shown after %.0f ms", elapsed_ms)

    def report_early_lists() -> None:
        if not state["lists_printed"]:
            state["lists_printed"] = True
            print(f"early {elapsed():.0f}", flush=True)

    def report_lists_and_quit(*_args: object) -> None:
        if state["code"] is not None:
            return
        # Issue 14's contract: ``lists`` when the main window's lists are loaded.
        print(f"lists {elapsed():.0f}", flush=True)
        state["code"] = 0
        for window in (state["window"], first):
            if window is not None and shiboken6.isValid(window):
                window.close()
        app.quit()

    def fail(exc: BaseException | None = None) -> None:
        if exc is not None:
            log.critical("start-up failed", exc_info=exc)
            from hcc_desktop.ui.common.errors import show_error

            show_error(first if shiboken6.isValid(first) else None, exc, log_it=False)
        state["code"] = 1
        if shiboken6.isValid(first):
            first.close()
        app.exit(1)

    def take_language(settings: AppSettings) -> None:
        if args.lang is None:
            remember_language(settings.language)
            if settings.language != language:
                install_translators(settings.language, app)

    def opened(result: tuple[Services, AppSettings, bool] | _OpenFailed) -> None:
        if isinstance(result, _OpenFailed):
            _database_error(result.exc, db_path, quietly=args.quit_after_show)
            fail()
            return
        services, settings, first_admin = result
        state["services"] = services
        state["settings"] = settings
        if state["ended"]:
            return  # the first window was closed before the store opened: just close it
        log.info("store open after %.0f ms", elapsed())
        if services.migration.backup is not None:
            log.info(
                "database migrated from %s to %s; backup %s",
                services.migration.from_revision,
                services.migration.to_revision,
                services.migration.backup,
            )
        take_language(settings)

        runner.run(import_main_window, on_error=fail)
        if not log_in(
            services, quietly=args.quit_after_show, first_admin=first_admin, runner=runner
        ):
            # Quitting at the login is no error; a refused quiet login is (exit 3 as the CLI).
            state["code"] = 3 if args.quit_after_show else 0
            first.close()
            app.quit()
            return
        show_main(services, settings)

    def show_main(services: Services, settings: AppSettings) -> None:
        # Waits, if need be, for the task runner's import of the module to finish.
        from hcc_desktop.ui.main_window import MainWindow

        if services.recovery_key is not None and not args.quit_after_show:
            from hcc_desktop.ui.encryption.recovery import RecoveryKeyDialog

            RecoveryKeyDialog(services.recovery_key, first).exec()
            services.recovery_key = None  # shown once; not kept in memory longer

        # --quit-after-show quits at the lists: the history check, which starts after
        # them and reads the whole store, would only hold the exit up.
        window = MainWindow(
            services, runner, check_history=not args.quit_after_show, settings=settings
        )
        state["window"] = window
        forget_sources()
        log.info("main window built after %.0f ms", elapsed())
        if args.quit_after_show:
            window.worklists.loaded.connect(report_lists_and_quit)
        window.show()
        first.close()
        from hcc_desktop.ui.accounts.idle import IdleLock

        # Locks over the live windows after the idle time of the settings (issue 12).
        state["idle_lock"] = IdleLock(services, window, runner=runner)
        if services.migration.backup is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "App", "The database was upgraded; a backup copy was kept as {path}"
                ).format(path=str(services.migration.backup)),
                60_000,
            )
        if not args.quit_after_show:
            # The daily backup: checked now (on the database lane) and then hourly.
            window.start_backups()

    # -- the early path: login and first lists before the services (issue 14) ----------

    def started(
        result: tuple[EarlyStore, AppSettings] | tuple[Services, AppSettings, bool] | _OpenFailed,
    ) -> None:
        from hcc_desktop.services.early import EarlyStore

        if isinstance(result, tuple) and isinstance(result[0], EarlyStore):
            early_opened(result[0], result[1])
        else:
            opened(result)  # type: ignore[arg-type]

    services_lock = threading.Lock()

    def start_services() -> Future[object]:
        """The services' import and the store's opening, started once. Any thread: the
        login's check runs on the task runner and may need them (``services_now``)."""
        with services_lock:
            if state["services_future"] is None:
                from concurrent.futures import Future

                ready: Future[object] = Future()
                state["services_future"] = ready
                threading.Thread(
                    target=open_services_after,
                    args=(state["early"], db_path, ahead, ready),
                    name="services-open",
                ).start()
            future: Future[object] = state["services_future"]
            return future

    def queue_services() -> Future[object]:
        """GUI thread: the services started, their result handed to the GUI thread once
        they are open (waiting there would freeze it)."""
        future = start_services()
        if not state["services_handed"]:
            state["services_handed"] = True
            runner.run(future.result, on_done=services_ready, on_error=fail)
        return future

    def services_now() -> Services:
        """For a login the early check cannot grant: waits for the services."""
        result = start_services().result()
        if isinstance(result, _OpenFailed):
            raise result.exc
        services, _settings, _first_admin = result  # type: ignore[misc]
        return services  # type: ignore[no-any-return]

    def early_opened(early: EarlyStore, settings: AppSettings) -> None:
        state["early"] = early
        state["settings"] = settings
        if state["ended"]:
            return
        log.info("store open (early read) after %.0f ms", elapsed())
        take_language(settings)
        if args.quit_after_show:
            user, password = os.environ.get("HCC_USER", ""), os.environ.get("HCC_PASSWORD", "")
            runner.run(early.check_password, user, password, on_done=quiet_checked, on_error=fail)
            return
        from hcc_desktop.services.early import EarlyAccounts
        from hcc_desktop.ui.accounts.login import LoginDialog

        accounts = EarlyAccounts(early, services_now)
        dialog = LoginDialog(accounts, runner=runner)  # type: ignore[arg-type]
        if dialog.exec() != QDialog.DialogCode.Accepted or accounts.officer is None:
            if state["code"] is None:  # not ended by a failure meanwhile (the services')
                state["code"] = 0  # quitting at the login is no error
            first.close()
            app.quit()
            return
        logged_in(accounts.officer)

    def quiet_checked(officer: Officer | None) -> None:
        if officer is None:
            # A login the early check cannot grant: the services say why (and count it).
            early: EarlyStore = state["early"]
            state["early"] = None
            runner.run(early.close)
            runner.run(open_store, db_path, ahead, on_done=opened, on_error=fail)
            return
        logged_in(officer)

    def logged_in(officer: Officer) -> None:
        state["officer"] = officer
        if state["services_future"] is not None:
            # The login needed the services (their import closes the early store):
            # the main window's lists come with them.
            lists_shown()
            return
        runner.run(state["early"].read_lists, on_done=show_early_lists, on_error=early_failed)

    def early_failed(exc: BaseException) -> None:
        log.warning("the first lists could not be read early", exc_info=exc)
        lists_shown()

    def show_early_lists(lists: EarlyLists) -> None:
        if state["ended"] or not shiboken6.isValid(first):
            return
        first.show_lists(lists)
        log.info("first lists shown (early read) after %.0f ms", elapsed())
        if args.quit_after_show:
            report_early_lists()
        lists_shown()

    def lists_shown() -> None:
        state["lists_shown"] = True
        queue_services()
        advance()

    def services_ready(result: tuple[Services, AppSettings, bool] | _OpenFailed) -> None:
        if isinstance(result, _OpenFailed):
            _database_error(result.exc, db_path, quietly=args.quit_after_show)
            fail()
            return
        services, _settings, _first_admin = result
        state["services"] = services
        state["early"] = None
        log.info("services open after %.0f ms", elapsed())
        advance()

    def advance() -> None:
        """The main window, once the officer is in and the services are open."""
        services = state["services"]
        if state["ended"] or state["window"] is not None or services is None:
            return
        if state["officer"] is None or not state["lists_shown"]:
            return  # the login (or its first lists) still to come
        if services.session.officer is None:
            services.session.log_in(state["officer"])  # checked early: not again
        show_main(services, state["settings"])

    def load() -> None:
        runner.run(start_store, db_path, ahead, on_done=started, on_error=fail)

    if args.quit_after_show:
        # Prints the first window painted ("shown"), the first lists read early and
        # shown in it ("early", when the store could be read early), then the main
        # window's lists loaded ("lists", as issue 14 defines it).
        first.painted.connect(report_shown)
        QTimer.singleShot(120_000, report_lists_and_quit)  # never hang a benchmark
    # The store is opened once the first window is on the screen: before, its work
    # would hold the GIL while Qt paints it.
    first.painted.connect(load)

    try:
        code = app.exec()
    finally:
        state["ended"] = True
        runner.wait_idle()
        services = state["services"]
        if services is not None:
            services.close()
        else:
            future = state["services_future"]
            if future is not None and future.done() and future.exception() is None:
                result = future.result()
                if isinstance(result, tuple):
                    result[0].close()  # opened after the window was closed
        if state["early"] is not None and state["services_future"] is None:
            state["early"].close()
        log.info("HCC Desktop stopped")
    return int(state["code"] if state["code"] is not None else code)
