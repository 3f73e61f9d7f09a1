"""Who runs a command: the login and the permission each command needs.

Every command that opens the store acts as an officer: the user name from ``--user`` or
``HCC_USER``, the password from ``HCC_PASSWORD`` or a prompt. What each command needs is
declared in one table, ``core/permissions.COMMANDS``, beside what each service method
and window action needs, so that a reviewer sees every role at once.
Commands that need no store (``--version``, ``serve``, ``server …``) never get here.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from hcc_desktop.cli import text
from hcc_desktop.cli.common import CliError
from hcc_desktop.core.accounts import Officer, Permission
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.core.permissions import COMMANDS, command_permission
from hcc_desktop.services import Services

USER_ENV = "HCC_USER"
PASSWORD_ENV = "HCC_PASSWORD"
NEW_PASSWORD_ENV = "HCC_NEW_PASSWORD"

# Exit codes beside 0 (success), 1 (error) and 2 (invalid input).
EXIT_LOGIN = 3
EXIT_NOT_ALLOWED = 4

# What each command needs: the one table of core/permissions (the UI and the services
# read it too).
PERMISSIONS = COMMANDS

NO_USER = QT_TRANSLATE_NOOP(
    "Cli", "Who is working? Give --user NAME or set HCC_USER (and HCC_PASSWORD, or type it)"
)
PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Cli", "Password of {user}: ")
NEW_PASSWORD_PROMPT = QT_TRANSLATE_NOOP("Cli", "New password of {user}: ")
CONFIRM_PROMPT = QT_TRANSLATE_NOOP("Cli", "Type it again: ")
NO_PASSWORD = QT_TRANSLATE_NOOP(
    "Cli", "No password: set {variable} or run the command in a terminal to type it"
)
MISMATCH = QT_TRANSLATE_NOOP("Cli", "The two passwords are not the same; nothing was changed")
FIRST_ADMIN_HINT = QT_TRANSLATE_NOOP(
    "Cli",
    "This database has no officer accounts yet: create its first administrator with "
    "init --admin-user NAME",
)


def permission_of(args: argparse.Namespace) -> Permission:
    """What the parsed command needs (core/permissions.COMMANDS; counter work otherwise)."""
    command = getattr(args, "command", "")
    sub = next(
        (
            value
            for key, value in vars(args).items()
            if key.endswith("_command") and key != "command" and isinstance(value, str)
        ),
        None,
    )
    return command_permission(command, sub)


def _prompt(label: str, variable: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(text.say(NO_PASSWORD, variable=variable), EXIT_LOGIN)
    try:
        return getpass.getpass(label)
    except (EOFError, KeyboardInterrupt):
        raise CliError(text.say(NO_PASSWORD, variable=variable), EXIT_LOGIN) from None


def password(user: str) -> str:
    """The password from ``HCC_PASSWORD``, else typed at a prompt."""
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    return _prompt(text.say(PASSWORD_PROMPT, user=user), PASSWORD_ENV)


def new_password(user: str, *, variable: str) -> str:
    """A new password from ``variable``, else typed twice at a prompt."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    first = _prompt(text.say(NEW_PASSWORD_PROMPT, user=user), variable)
    second = _prompt(text.say(CONFIRM_PROMPT), variable)
    if first != second:
        raise CliError(text.say(MISMATCH), 2)
    return first


def user_name(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get(USER_ENV, "")
    if not name.strip():
        raise CliError(text.say(NO_USER), EXIT_LOGIN)
    return name


def log_in(services: Services, args: argparse.Namespace) -> Officer:
    """Log the officer in and check the command's permission; ``AuthError`` (exit 3)
    and ``PermissionDenied`` (exit 4) are reported by the caller."""
    if services.accounts.needs_first_admin():
        raise CliError(text.say(FIRST_ADMIN_HINT), EXIT_LOGIN)
    name = user_name(args)
    officer = services.accounts.authenticate(name, password(name))
    services.session.require(permission_of(args))
    return officer
