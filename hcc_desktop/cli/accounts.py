"""``user add|passwd|lock|unlock|list`` (and ``role``): the unit's officer accounts."""

from __future__ import annotations

import argparse
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import fmt_time, print_json
from hcc_desktop.cli.login import NEW_PASSWORD_ENV, new_password
from hcc_desktop.cli.login import password as login_password
from hcc_desktop.core.accounts import Role, normalise_user_name
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.services import Services
from hcc_desktop.services.accounts import AccountInfo

ADDED = QT_TRANSLATE_NOOP("Cli", "account {user} added ({role})")
CHANGED = QT_TRANSLATE_NOOP("Cli", "password of {user} changed")
LOCKED = QT_TRANSLATE_NOOP("Cli", "account {user} locked")
UNLOCKED = QT_TRANSLATE_NOOP("Cli", "account {user} unlocked")
ROLE_SET = QT_TRANSLATE_NOOP("Cli", "account {user} is now: {role}")
ROW = QT_TRANSLATE_NOOP("Cli", "{user}  {role}  {name}  {state}")
STATE_OK = QT_TRANSLATE_NOOP("Cli", "active")
STATE_DISABLED = QT_TRANSLATE_NOOP("Cli", "locked by an administrator")
STATE_LOCKED = QT_TRANSLATE_NOOP("Cli", "locked until {until}")
ROLE_NAMES = {
    Role.COUNTER: QT_TRANSLATE_NOOP("Cli", "counter officer"),
    Role.LEADER: QT_TRANSLATE_NOOP("Cli", "center leader"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Cli", "administrator"),
}


def account_json(a: AccountInfo) -> dict[str, Any]:
    return {
        "user": a.user_name,
        "full_name": a.full_name,
        "role": a.role.value,
        "disabled": a.disabled,
        "locked_until": fmt_time(a.locked_until),
        "failed_count": a.failed_count,
        "uid": a.uid,
    }


def cmd_user(services: Services, args: argparse.Namespace) -> int:
    accounts = services.accounts
    command = args.user_command
    if command == "add":
        password = new_password(args.name, variable=NEW_PASSWORD_ENV)
        info = accounts.add(
            user_name=args.name, password=password, role=args.role, full_name=args.full_name
        )
        print(text.say(ADDED, user=info.user_name, role=text.say(ROLE_NAMES[info.role])))
    elif command == "passwd":
        me = services.session.current()
        password = new_password(args.name, variable=NEW_PASSWORD_ENV)
        own = normalise_user_name(args.name) == me.user_name
        # One's own: the current password is the one the login just checked.
        info = accounts.set_password(
            user_name=args.name,
            new_password=password,
            old_password=login_password(me.user_name) if own else None,
        )
        print(text.say(CHANGED, user=info.user_name))
    elif command == "lock":
        info = accounts.lock(args.name)
        print(text.say(LOCKED, user=info.user_name))
    elif command == "unlock":
        info = accounts.unlock(args.name)
        print(text.say(UNLOCKED, user=info.user_name))
    elif command == "role":
        info = accounts.set_role(user_name=args.name, role=args.role)
        print(text.say(ROLE_SET, user=info.user_name, role=text.say(ROLE_NAMES[info.role])))
    else:
        rows = accounts.list()
        if args.json:
            print_json([account_json(a) for a in rows])
            return 0
        for a in rows:
            if a.disabled:
                state = text.say(STATE_DISABLED)
            elif a.locked_until is not None:
                state = text.say(STATE_LOCKED, until=fmt_time(a.locked_until))
            else:
                state = text.say(STATE_OK)
            role = text.say(ROLE_NAMES[a.role])
            print(text.say(ROW, user=a.user_name, role=role, name=a.full_name, state=state))
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("user", help="officer accounts (administrators)")
    usub = p.add_subparsers(dest="user_command", required=True)
    c = usub.add_parser("add", help="a new account (password from HCC_NEW_PASSWORD or a prompt)")
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=[r.value for r in Role])
    c.add_argument("--full-name", default="", help="the name events and slips record")
    c = usub.add_parser(
        "passwd", help="change a password (one's own, or reset another's as administrator)"
    )
    c.add_argument("name")
    c = usub.add_parser("lock", help="lock an account until unlocked")
    c.add_argument("name")
    c = usub.add_parser("unlock", help="unlock an account (also after wrong passwords)")
    c.add_argument("name")
    c = usub.add_parser("role", help="give an account another role (never the last admin's)")
    c.add_argument("name")
    c.add_argument("--role", required=True, choices=[r.value for r in Role])
    c = usub.add_parser("list", help="the accounts")
    c.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_user)
