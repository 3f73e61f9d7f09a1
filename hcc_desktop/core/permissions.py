"""Who may do what: the ONE table of the permissions each command, window action and
service method needs (issue 12). The services check it (``services/session.guarded``),
the CLI reads it before opening a command (``cli/login``), the UI hides what a role may
not use (``ui/accounts/roles``); so the three never disagree.

Qt- and DB-free. What each role holds is ``core/accounts.PERMISSIONS``.
"""

from __future__ import annotations

from hcc_desktop.core.accounts import Permission

P = Permission

# The guarded service methods: "<attribute of Services>.<method>" -> what it needs.
# The service raises ``PermissionDenied`` (``not_allowed``) before doing anything when
# the logged-in officer's role lacks it. A new method of an administrator's or a
# leader's capability gets its row here and ``@guarded("…")`` on the method; the test
# (tests/unit/test_permissions.py) calls every row as a counter officer.
SERVICE_METHODS: dict[str, Permission] = {
    # The administrator's: settings, catalog, calendar, accounts, devices.
    "settings.save": P.SETTINGS,
    "settings.set_calendar_overrides": P.CALENDAR,
    "settings.confirm_calendar_day": P.CALENDAR,
    "settings.remove_calendar_day": P.CALENDAR,
    "catalog.import_bytes": P.CATALOG,
    "catalog.import_file": P.CATALOG,
    "catalog.export_json": P.CATALOG,
    "catalog.export_file": P.CATALOG,
    "accounts.add": P.ACCOUNTS,
    "accounts.set_role": P.ACCOUNTS,
    "accounts.lock": P.ACCOUNTS,
    "accounts.unlock": P.ACCOUNTS,
    "accounts.list": P.ACCOUNTS,
    "backlog.import_file": P.CATALOG,
    "backlog.import_rows": P.CATALOG,
    "sync.register": P.DEVICES,
    "sync.resolve_conflict": P.DEVICES,
    # Backups taken or pruned by hand are the administrator's, like their schedule (in
    # the settings); the daily backup (``run_scheduled``) runs whoever is logged in.
    # A restore checks an administrator of the backup it restores
    # (``services/backups/restore.restore_store``).
    "backups.backup": P.SETTINGS,
    "backups.prune": P.SETTINGS,
    # Synthetic dossiers in a live store: the administrator's, as the CLI's ``demo``.
    "demo.generate": P.SETTINGS,
    # The national portal's exchange carries the unit's dossiers in and out in bulk:
    # the administrator's, as the backlog import.
    "portal.import_file": P.CATALOG,
    "portal.import_records": P.CATALOG,
    "portal.export_records": P.CATALOG,
    "portal.export_file": P.CATALOG,
    # The center leader's (and the administrator's): reports, apologies, complaints.
    "reports.periodic": P.REPORTS,
    "reports.details": P.REPORTS,
    "reports.all_details": P.REPORTS,
    "reports.export": P.REPORTS,
    "reports.index766": P.REPORTS,
    "reports.session_figures": P.REPORTS,
    "lifecycle.issue_apology": P.APOLOGIES,
    "complaints.add": P.COMPLAINTS,
    "complaints.resolve": P.COMPLAINTS,
    "complaints.get": P.COMPLAINTS,
    "complaints.list": P.COMPLAINTS,
}

# The CLI: (command, its sub-command or None) -> what it needs; a command's row without
# a sub-command covers all of them. Not listed: every officer (counter work).
COMMANDS: dict[tuple[str, str | None], Permission] = {
    ("settings", "set"): P.SETTINGS,
    ("catalog", "import"): P.CATALOG,
    ("catalog", "export"): P.CATALOG,
    ("calendar", "confirm"): P.CALENDAR,
    ("calendar", "remove"): P.CALENDAR,
    ("device", None): P.DEVICES,
    ("sync", "resolve"): P.DEVICES,
    ("report", None): P.REPORTS,
    ("index766", None): P.REPORTS,
    ("book", None): P.REPORTS,
    ("apology", None): P.APOLOGIES,
    ("complaint", None): P.COMPLAINTS,
    # The access log and a citizen's data on request (issue 12 item 4): the access
    # service checks it too (``services/access/log.require_reader``).
    ("audit", "access"): P.ACCESS_LOG,
    ("citizen", None): P.ACCESS_LOG,
    ("backlog", None): P.CATALOG,
    ("import-online", None): P.CATALOG,
    ("export-portal", None): P.CATALOG,
    ("backup", None): P.SETTINGS,
    ("restore", None): P.SETTINGS,
    ("demo", None): P.SETTINGS,
    ("init", None): P.SETTINGS,
    ("user", "add"): P.ACCOUNTS,
    ("user", "lock"): P.ACCOUNTS,
    ("user", "unlock"): P.ACCOUNTS,
    ("user", "role"): P.ACCOUNTS,
    ("user", "list"): P.ACCOUNTS,
    # ``user passwd`` of another officer needs ACCOUNTS: the service checks it.
}

# The main window's action attribute -> what it needs (hidden and disabled otherwise).
WINDOW_ACTIONS: dict[str, Permission] = {
    "settings_action": P.SETTINGS,
    "accounts_action": P.ACCOUNTS,
    "import_catalog_action": P.CATALOG,
    "export_catalog_action": P.CATALOG,
    "reports_action": P.REPORTS,
    "book_action": P.REPORTS,
    "apology_action": P.APOLOGIES,
    "complaints_action": P.COMPLAINTS,
    "access_log_action": P.ACCESS_LOG,
}


def command_permission(command: str, sub: str | None) -> Permission:
    """What a CLI command needs (counter work when not listed)."""
    return COMMANDS.get((command, sub)) or COMMANDS.get((command, None)) or P.COUNTER
