"""The sentences for the error codes of the core: one source for the UI and the CLI.

The core raises errors with a machine code and parameters; this module holds
the English source of every sentence, marked with ``QT_TRANSLATE_NOOP`` so that
lupdate collects them into resources/translations/hcc_desktop_vi.ts, and the
rules that fill them in. It imports no Qt: a ``Catalogue`` is built over a
translate function, ``QCoreApplication.translate`` in the UI
(ui/common/messages.py) and a reader of the .ts file in the CLI
(cli/text.py), so both say the same Vietnamese sentence for the same error.
Every code the core can raise must have an entry here
(tests/ui/test_translations.py scans the core to check it).
"""

from __future__ import annotations

import errno
import logging
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from hcc_desktop.core.domain import DossierStatus, Timeliness
from hcc_desktop.core.errors import (
    CatalogError,
    CatalogIssue,
    FieldError,
    HccError,
    QrParseError,
    SyncError,
    ValidationError,
)

log = logging.getLogger(__name__)

CONTEXT = "Messages"
REASONS_CONTEXT = "SyncReasons"

# (context, English source) -> text in the language of the reader.
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (this exact name) in ``context``; a typed stand-in
    for PySide6's, which is annotated as returning ``object``."""
    return text


# Messages by error code, whatever the field.
FIELD_MESSAGES: dict[str, str] = {
    # Officer accounts (issue 12).
    "id_number_format": QT_TRANSLATE_NOOP(
        "Messages",
        "Not an identity number: 12 digits (CCCD), 9 digits (CMND) or a passport number",
    ),
    "user_name_required": QT_TRANSLATE_NOOP("Messages", "Enter a user name"),
    "user_name_format": QT_TRANSLATE_NOOP(
        "Messages",
        "2 to 32 characters: lower-case letters without diacritics, digits, dot, dash or "
        "underscore (for example nguyen.an)",
    ),
    "password_too_short": QT_TRANSLATE_NOOP("Messages", "At least {min} characters"),
    "password_too_long": QT_TRANSLATE_NOOP("Messages", "At most {max} characters"),
    "password_too_simple": QT_TRANSLATE_NOOP(
        "Messages", "Too simple: use at least three different characters"
    ),
    "password_mismatch": QT_TRANSLATE_NOOP("Messages", "The two passwords are not the same"),
    "old_password_wrong": QT_TRANSLATE_NOOP("Messages", "The current password is wrong"),
    "role_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown role: counter, leader or admin"),
    "province_code_format": QT_TRANSLATE_NOOP(
        "Messages", "The province code is not valid: letters and digits, up to 32 (for example 52)"
    ),
    "unknown_format": QT_TRANSLATE_NOOP(
        "Messages", "Unknown file type {suffix}: choose .xlsx, .pdf or .docx"
    ),
    # Imports of portal records and backlog sheets, complaints (issue 11).
    "date_format": QT_TRANSLATE_NOOP(
        "Messages", "The date and time must be written yyyyMMddHHmmss ({value})"
    ),
    "time_format": QT_TRANSLATE_NOOP(
        "Messages", "The time must be written YYYY-MM-DD HH:MM or dd/MM/yyyy HH:mm ({value})"
    ),
    "before_received": QT_TRANSLATE_NOOP("Messages", "Earlier than the time of receipt"),
    "end_before_start": QT_TRANSLATE_NOOP("Messages", "The end must be after the start"),
    "in_past": QT_TRANSLATE_NOOP("Messages", "The day is already past"),
    "not_received": QT_TRANSLATE_NOOP(
        "Messages", "Only registered (status 1): the center has not received this dossier yet"
    ),
    "not_a_list": QT_TRANSLATE_NOOP("Messages", "The file must hold a list of dossiers"),
    "columns_missing": QT_TRANSLATE_NOOP("Messages", "Columns missing: {columns}"),
    "required": QT_TRANSLATE_NOOP("Messages", "This field is required"),
    "unknown": QT_TRANSLATE_NOOP("Messages", "Unknown value"),
    "inactive": QT_TRANSLATE_NOOP("Messages", "Procedure {code} is no longer in use"),
    "invalid": QT_TRANSLATE_NOOP("Messages", "Invalid value"),
    "out_of_range": QT_TRANSLATE_NOOP("Messages", "Must be between {min} and {max}"),
    "duplicate": QT_TRANSLATE_NOOP("Messages", "Entered twice"),
    "required_missing": QT_TRANSLATE_NOOP("Messages", "Missing required papers: {names}"),
    "in_future": QT_TRANSLATE_NOOP("Messages", "The time of receipt cannot be in the future"),
    "negative": QT_TRANSLATE_NOOP("Messages", "Cannot be negative"),
    "not_available": QT_TRANSLATE_NOOP(
        "Messages", "This procedure has no alternative processing time"
    ),
    "nothing_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "Every required paper is present: no request to complete the dossier is needed",
    ),
    "unit_code_format": QT_TRANSLATE_NOOP(
        "Messages", "The unit identifier code is not valid (for example 000.17.22.H56)"
    ),
    "url_format": QT_TRANSLATE_NOOP("Messages", "The address must start with http:// or https://"),
    "unsupported": QT_TRANSLATE_NOOP("Messages", "Not supported"),
    "unreadable": QT_TRANSLATE_NOOP("Messages", "Cannot read the file {path}: {reason}"),
    "not_json": QT_TRANSLATE_NOOP("Messages", "The file {path} is not valid JSON (line {line})"),
    "cccd_not_digits": QT_TRANSLATE_NOOP("Messages", "A CCCD number contains digits only"),
    "cccd_length": QT_TRANSLATE_NOOP(
        "Messages", "A CCCD number has {expected} digits ({length} entered)"
    ),
    "cccd_province_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Province code {province_code} on the CCCD does not exist"
    ),
    "cccd_century_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "The 4th digit of the CCCD is {digit}, but for someone born in {birth_year} "
        "it must be {expected_digit}",
    ),
    "cccd_year_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "Digits 5–6 of the CCCD are {digits}, but the year of birth gives {expected_digits}",
    ),
    "cccd_gender_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "The 4th digit of the CCCD is {digit}, which does not match the gender {gender} "
        "(expected {expected_digit})",
    ),
    "cmnd_not_digits": QT_TRANSLATE_NOOP("Messages", "A CMND number contains digits only"),
    "cmnd_length": QT_TRANSLATE_NOOP(
        "Messages", "A CMND number has {expected} digits ({length} entered)"
    ),
    "passport_format": QT_TRANSLATE_NOOP(
        "Messages",
        "This is neither a CCCD number (12 digits, no letters) nor a passport number (6 to 9 "
        "capital letters and digits): check the number typed",
    ),
    "invalid_chars": QT_TRANSLATE_NOOP(
        "Messages", "Contains characters that are not allowed: {chars}"
    ),
    "too_short": QT_TRANSLATE_NOOP("Messages", "Too short"),
    "dob_format": QT_TRANSLATE_NOOP("Messages", "Invalid date of birth (dd/MM/yyyy)"),
    "dob_future": QT_TRANSLATE_NOOP("Messages", "The date of birth is in the future"),
    "dob_too_old": QT_TRANSLATE_NOOP(
        "Messages", "The date of birth is more than {max_years} years ago"
    ),
    "gender_unknown": QT_TRANSLATE_NOOP("Messages", "Gender must be male or female"),
    "phone_format": QT_TRANSLATE_NOOP(
        "Messages",
        "Invalid phone number: a mobile number has 10 digits starting with 03, 05, 07, 08 "
        "or 09; a landline number starts with 02",
    ),
    "email_format": QT_TRANSLATE_NOOP("Messages", "Invalid e-mail address"),
    "issued_format": QT_TRANSLATE_NOOP("Messages", "Invalid date of issue (dd/MM/yyyy)"),
    "issued_future": QT_TRANSLATE_NOOP("Messages", "The date of issue is in the future"),
    "issued_before_birth": QT_TRANSLATE_NOOP(
        "Messages", "The date of issue is before the date of birth"
    ),
    "id_type_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown type of identity paper: {value}"),
    # Lifecycle (issue 3): transitions, apology, rating, tracking book.
    "too_long": QT_TRANSLATE_NOOP("Messages", "Too long (at most {max} characters)"),
    "before_previous_event": QT_TRANSLATE_NOOP(
        "Messages", "Cannot be earlier than the previous step of the dossier ({previous})"
    ),
    "not_after_due": QT_TRANSLATE_NOOP(
        "Messages", "The new appointment must be later than the current one and than now"
    ),
    "before_from": QT_TRANSLATE_NOOP("Messages", "The end date is before the start date"),
    "period_too_long": QT_TRANSLATE_NOOP("Messages", "The period is too long (at most {max} days)"),
    # Sync server (issue 4): the unit settings document it is given.
    "not_an_object": QT_TRANSLATE_NOOP("Messages", "The file must hold a JSON object"),
}

# Messages for one code on one kind of field; the key is the field name without
# its prefix and indexes ("applicant.full_name" -> "full_name",
# "components[2].count" -> "components.count").
FIELD_SPECIFIC: dict[tuple[str, str], str] = {
    # Rules at their edges (issue 9 item 12, issue 12 item 7).
    ("full_name", "too_long"): QT_TRANSLATE_NOOP(
        "Messages", "The name is too long (at most {max} characters)"
    ),
    ("address", "too_long"): QT_TRANSLATE_NOOP(
        "Messages", "The address is too long (at most {max} characters)"
    ),
    ("received_at", "out_of_range"): QT_TRANSLATE_NOOP(
        "Messages", "The time of receipt must be between {min} and {max}"
    ),
    ("received_at", "unusual_date"): QT_TRANSLATE_NOOP(
        "Messages", "Unusual time of receipt: check the year (before {min}, or ahead of now)"
    ),
    ("fee_amount", "out_of_range"): QT_TRANSLATE_NOOP(
        "Messages", "The fee is too large (at most {max} đồng)"
    ),
    ("at", "in_future"): QT_TRANSLATE_NOOP(
        "Messages", "The time cannot be later than now (at most {max})"
    ),
    ("parent_body", "same_as_unit_name"): QT_TRANSLATE_NOOP(
        "Messages",
        "The parent body is the same as the unit name: enter the body above the center "
        "(e.g. UBND PHƯỜNG HOÀI NHƠN BẮC) or leave it empty",
    ),
    ("received_by", "required"): QT_TRANSLATE_NOOP(
        "Messages", "No officer name is set: enter it in Settings"
    ),
    ("components.name", "required"): QT_TRANSLATE_NOOP("Messages", "Enter the name of the paper"),
    ("components.count", "out_of_range"): QT_TRANSLATE_NOOP(
        "Messages", "The number of copies must be between {min} and {max}: correct it"
    ),
    ("full_name", "too_short"): QT_TRANSLATE_NOOP(
        "Messages", "The name is too short (at least {min_letters} letters)"
    ),
    ("address", "too_short"): QT_TRANSLATE_NOOP(
        "Messages", "The address is too short (at least {min_length} characters)"
    ),
    ("procedure", "unknown"): QT_TRANSLATE_NOOP(
        "Messages", "Procedure {code} is not in the catalog"
    ),
    ("components.id", "unknown"): QT_TRANSLATE_NOOP(
        "Messages", "This paper is not on the checklist of the procedure"
    ),
    ("components.id", "duplicate"): QT_TRANSLATE_NOOP("Messages", "This paper is listed twice"),
    ("overrides.day", "duplicate"): QT_TRANSLATE_NOOP("Messages", "The date {day} is listed twice"),
    ("overrides.date", "invalid"): QT_TRANSLATE_NOOP("Messages", "Invalid date: {value}"),
    ("overrides.kind", "invalid"): QT_TRANSLATE_NOOP(
        "Messages", "The kind must be “Day off” or “Make-up day”"
    ),
    ("office_hours", "invalid"): QT_TRANSLATE_NOOP(
        "Messages",
        "Invalid office hours: each session must start before it ends, and the afternoon "
        "must come after the morning",
    ),
    ("format", "invalid"): QT_TRANSLATE_NOOP(
        "Messages", "This is not a calendar file of HCC Desktop"
    ),
    ("version", "unsupported"): QT_TRANSLATE_NOOP(
        "Messages", "File version {version} is not supported"
    ),
    ("language", "unsupported"): QT_TRANSLATE_NOOP("Messages", "This language is not supported"),
    ("fee_amount", "negative"): QT_TRANSLATE_NOOP("Messages", "The fee cannot be negative"),
    ("reason", "required"): QT_TRANSLATE_NOOP("Messages", "Enter the reason"),
    ("receiver", "required"): QT_TRANSLATE_NOOP(
        "Messages", "Enter who receives the dossier (officer or department)"
    ),
    ("actor", "required"): QT_TRANSLATE_NOOP(
        "Messages", "No officer name is set: enter it in Settings"
    ),
    ("amount", "negative"): QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative"),
    # Sync (issue 4): registering the device.
    ("server_url", "url_format"): QT_TRANSLATE_NOOP(
        "Messages",
        "The server address is not valid: it starts with http:// or https:// followed by "
        "the server's name (e.g. https://dongbo.example.gov.vn)",
    ),
    ("server_url", "required"): QT_TRANSLATE_NOOP("Messages", "Enter the server address"),
    ("code", "required"): QT_TRANSLATE_NOOP(
        "Messages", "Enter the enrolment code given by the administrator"
    ),
    ("device_name", "required"): QT_TRANSLATE_NOOP("Messages", "Enter a name for this device"),
}

# Messages for errors that are not about one field (HccError.code).
ERROR_MESSAGES: dict[str, str] = {
    # The central server's province reports (issue 11).
    "forbidden": QT_TRANSLATE_NOOP("Messages", "This credential may not do that"),
    "report_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "The province report needs a PostgreSQL server database"
    ),
    "reviewer_not_found": QT_TRANSLATE_NOOP("Messages", "Reviewer {reviewer_id} was not found"),
    "unit_not_found": QT_TRANSLATE_NOOP("Messages", "Unit {unit} was not found"),
    "unit_not_in_province": QT_TRANSLATE_NOOP(
        "Messages", "Unit {unit} is not in province {province}"
    ),
    # Reports (issue 11).
    "report_cancelled": QT_TRANSLATE_NOOP("Messages", "The report was cancelled"),
    "complaint_not_found": QT_TRANSLATE_NOOP("Messages", "Complaint {id} was not found"),
    "complaint_resolved": QT_TRANSLATE_NOOP("Messages", "This complaint has already been resolved"),
    # Field work (issue 13).
    "session_not_found": QT_TRANSLATE_NOOP("Messages", "Saturday session {id} was not found"),
    "session_not_today": QT_TRANSLATE_NOOP(
        "Messages", "This session is planned for {day}: it can only be opened on its day"
    ),
    "session_closed": QT_TRANSLATE_NOOP(
        "Messages", "This session has already been held or cancelled: it cannot be opened"
    ),
    "session_not_open": QT_TRANSLATE_NOOP("Messages", "This session is not open"),
    "session_not_planned": QT_TRANSLATE_NOOP(
        "Messages", "Only a session that has not been opened can be cancelled"
    ),
    "session_other_open": QT_TRANSLATE_NOOP(
        "Messages", "Another session ({id}) is open on this device: close it first"
    ),
    "resident_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Resident {id} is not on the home-service register"
    ),
    "visit_not_found": QT_TRANSLATE_NOOP("Messages", "Home visit {id} was not found"),
    "visit_closed": QT_TRANSLATE_NOOP(
        "Messages", "This home visit has already been done or cancelled"
    ),
    "visit_not_planned": QT_TRANSLATE_NOOP(
        "Messages", "Plan the visit (day and officer) before recording it"
    ),
    "calendar_day_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The day {day} is not in the calendar table"
    ),
    "error": QT_TRANSLATE_NOOP("Messages", "An error occurred"),
    "validation": QT_TRANSLATE_NOOP("Messages", "Some information is not valid"),
    "qr_invalid": QT_TRANSLATE_NOOP("Messages", "The QR code could not be read"),
    "qr_empty": QT_TRANSLATE_NOOP("Messages", "The QR code is empty: scan it again"),
    "qr_garbage": QT_TRANSLATE_NOOP(
        "Messages", "This is not the QR code of a chip-based CCCD: scan it again"
    ),
    "qr_truncated": QT_TRANSLATE_NOOP(
        "Messages",
        "Only part of the QR code was read ({fields} of {expected} fields): scan it again",
    ),
    "qr_bad_date": QT_TRANSLATE_NOOP(
        "Messages", "The QR code holds an invalid date: scan it again"
    ),
    "qr_bad_id": QT_TRANSLATE_NOOP("Messages", "The ID number in the QR code is invalid: {reason}"),
    "qr_inconsistent": QT_TRANSLATE_NOOP(
        "Messages", "The data in the QR code do not agree: {reason}"
    ),
    "not_found": QT_TRANSLATE_NOOP("Messages", "Not found"),
    # Officer accounts (issue 12).
    "bad_credentials": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password"),
    "account_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "This account is locked until {until} after too many wrong passwords: wait, or ask "
        "an administrator to unlock it",
    ),
    "account_locked_by_admin": QT_TRANSLATE_NOOP(
        "Messages", "This account was locked by an administrator: ask an administrator to unlock it"
    ),
    "no_accounts": QT_TRANSLATE_NOOP(
        "Messages", "This database has no officer accounts yet: create its first administrator"
    ),
    "accounts_exist": QT_TRANSLATE_NOOP(
        "Messages", "This database already has an administrator: log in with that account"
    ),
    "not_logged_in": QT_TRANSLATE_NOOP("Messages", "Log in first"),
    "not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "Your role ({role}) is not allowed to do this ({permission})"
    ),
    "access_log_not_allowed": QT_TRANSLATE_NOOP(
        "Messages",
        "Only the center leader or an administrator may read the access log or export a "
        "citizen's data (your role: {role})",
    ),
    "citizen_not_found": QT_TRANSLATE_NOOP(
        "Messages", "No dossier, home visit or document of the citizen {id_number} is held here"
    ),
    "user_exists": QT_TRANSLATE_NOOP("Messages", "The user name {user} is already taken"),
    "user_not_found": QT_TRANSLATE_NOOP("Messages", "There is no account {user}"),
    "last_admin": QT_TRANSLATE_NOOP(
        "Messages",
        "{user} is the last administrator who can log in: the account cannot be locked "
        "or given another role",
    ),
    "dossier_not_found": QT_TRANSLATE_NOOP("Messages", "Dossier {key} was not found"),
    "procedure_not_found": QT_TRANSLATE_NOOP("Messages", "Procedure {code} is not in the catalog"),
    "conflict": QT_TRANSLATE_NOOP(
        "Messages", "The data were changed elsewhere: reload them and try again"
    ),
    "duplicate_code": QT_TRANSLATE_NOOP(
        "Messages",
        "The dossier code is already used by another device. Every device of the unit needs "
        "its own device number (Settings, tab Device & officer).",
    ),
    "catalog_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The procedure catalog file was rejected; nothing was imported"
    ),
    "code_space_exhausted": QT_TRANSLATE_NOOP(
        "Messages",
        "This device (number {device_slot}) has used all its dossier codes for {day}: "
        "receive further dossiers on another device",
    ),
    "storage": QT_TRANSLATE_NOOP("Messages", "The database cannot be used"),
    "key_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The database {path} is encrypted and its key is not in this computer's keyring: "
        "set HCC_RECOVERY_KEY to the recovery key shown at set-up and start again",
    ),
    "key_wrong": QT_TRANSLATE_NOOP(
        "Messages",
        "The key does not open the database {path}: nothing was changed. Check the recovery "
        "key (HCC_RECOVERY_KEY) or the keyring",
    ),
    "recovery_key_invalid": QT_TRANSLATE_NOOP(
        "Messages", "HCC_RECOVERY_KEY is not a recovery key (13 groups of 4 letters and digits)"
    ),
    "key_store_failed": QT_TRANSLATE_NOOP(
        "Messages", "The database key could not be kept in the keyring: {detail}"
    ),
    "encryption_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The database {path} could not be encrypted ({detail}); it was left as it was",
    ),
    "write_failed": QT_TRANSLATE_NOOP(
        "Messages", "The data could not be written to the database; nothing was saved. Try again."
    ),
    "migration_failed": QT_TRANSLATE_NOOP(
        "Messages", "The database {path} could not be opened or upgraded"
    ),
    "backup_failed": QT_TRANSLATE_NOOP("Messages", "The backup could not be made"),
    "backup_folder_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup folder {folder} is not there (is the USB stick plugged in?): "
        "plug it in or choose another folder",
    ),
    "backup_write_failed": QT_TRANSLATE_NOOP(
        "Messages", "The backup could not be written to {folder}: {detail}"
    ),
    "backup_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The backup file {path} does not exist: check its name and folder"
    ),
    "backup_manifest_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} has no description file ({manifest}) beside it, so it cannot be "
        "checked; nothing was replaced",
    ),
    "backup_hash_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} is damaged or was changed since it was made (its fingerprint "
        "does not match); nothing was replaced",
    ),
    "backup_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} is not a readable HCC Desktop database ({detail}); nothing was replaced",
    ),
    "backup_counts_differ": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} does not hold the records it was made with (table {table}); "
        "nothing was replaced",
    ),
    "backup_schema_newer": QT_TRANSLATE_NOOP(
        "Messages",
        "The backup {path} was made by a newer version of HCC Desktop (database version "
        "{revision}): update this program first; nothing was replaced",
    ),
    "backup_audit_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "The history in the backup {path} does not verify (dossier {code}: {kind}); "
        "nothing was replaced",
    ),
    "print_failed": QT_TRANSLATE_NOOP("Messages", "The document could not be produced"),
    "save_failed": QT_TRANSLATE_NOOP("Messages", "The file {path} could not be saved: {detail}"),
    "font_missing": QT_TRANSLATE_NOOP("Messages", "The print font is missing: {path}"),
    "font_invalid": QT_TRANSLATE_NOOP("Messages", "The print font cannot be used: {path}"),
    "sync_failed": QT_TRANSLATE_NOOP("Messages", "Synchronisation failed"),
    "transition_not_allowed": QT_TRANSLATE_NOOP(
        "Messages",
        "This action is no longer possible for dossier {code} (its status is now {status}): "
        "it may have been changed meanwhile on this or another computer",
    ),
    "apology_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "Dossier {code} has already ended: no apology letter can be issued for it"
    ),
    "rating_not_allowed": QT_TRANSLATE_NOOP(
        "Messages", "Dossier {code} has not been processed yet: it cannot be rated"
    ),
    "no_such_event": QT_TRANSLATE_NOOP(
        "Messages", "Dossier {code} has no such step recorded: this form cannot be printed"
    ),
    "unknown_timeliness": QT_TRANSLATE_NOOP("Messages", "Unknown on-time result: {value}"),
    "export_failed": QT_TRANSLATE_NOOP(
        "Messages", "Form {form} could not be written as a spreadsheet: {reason}"
    ),
    # Sync with the central server (issue 4).
    "not_registered": QT_TRANSLATE_NOOP(
        "Messages",
        "This device is not registered with a sync server yet: register it on the sync "
        "screen with the code given by the administrator.",
    ),
    "server_unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot connect to the server. The data are kept on this device and will be sent "
        "when the network is back.",
    ),
    "tls_error": QT_TRANSLATE_NOOP(
        "Messages",
        "The secure connection to the server failed (its certificate could not be "
        "verified). Contact the administrator.",
    ),
    "credential_revoked": QT_TRANSLATE_NOOP(
        "Messages",
        "This device's right to synchronise has been revoked. Contact the administrator "
        "to register it again.",
    ),
    "credential_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "The server does not recognise this device. Contact the administrator to register "
        "it again.",
    ),
    "credential_missing": QT_TRANSLATE_NOOP(
        "Messages", "The server was not told which device is calling. Register the device again."
    ),
    "credential_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "The sync credential stored on this computer cannot be read. Register the device "
        "again with a new code from the administrator.",
    ),
    "credential_store_failed": QT_TRANSLATE_NOOP(
        "Messages", "The sync credential could not be stored safely on this computer: {detail}"
    ),
    "chain_broken": QT_TRANSLATE_NOOP(
        "Messages",
        "The history on this device has been altered (dossier {code}): nothing was sent to "
        "the server. Run 'audit verify' and contact the center leader.",
    ),
    "chain_head_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "The server refused the changes: they are not signed with this device's key. Register "
        "the device again and contact the administrator.",
    ),
    "device_key_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "The server holds another signing key for this device: register the device again with "
        "a new code from the administrator.",
    ),
    "server_rejected": QT_TRANSLATE_NOOP(
        "Messages", "The server refused the request. Contact the administrator of the server."
    ),
    "server_error": QT_TRANSLATE_NOOP(
        "Messages",
        "The server failed to process the request. The data are kept on this device; try "
        "again later.",
    ),
    "enrolment_code_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This enrolment code does not exist: check it or ask for a new one"
    ),
    "enrolment_code_used": QT_TRANSLATE_NOOP(
        "Messages", "This enrolment code has already been used: ask for a new one"
    ),
    "enrolment_code_expired": QT_TRANSLATE_NOOP(
        "Messages", "This enrolment code has expired: ask for a new one"
    ),
    "no_free_slot": QT_TRANSLATE_NOOP(
        "Messages",
        "The unit already has 10 active devices: the administrator must revoke one on the "
        "server first",
    ),
    "device_id_taken": QT_TRANSLATE_NOOP(
        "Messages",
        "The server already has an active device with this device's id: the administrator "
        "must revoke the old device on the server before this device can register",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "Messages", "Too many failed attempts: try again in {retry_after} seconds"
    ),
    "insecure_http": QT_TRANSLATE_NOOP(
        "Messages",
        "Refused to send data over unencrypted http:// to {url}: use an https:// address, "
        "or allow it in the settings (allow-insecure-http) on a trusted network only",
    ),
    "unit_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "This device holds dossiers of unit {device_unit}: it cannot join unit {server_unit}",
    ),
    "device_too_old": QT_TRANSLATE_NOOP(
        "Messages",
        "This device runs HCC Desktop {device_version}, too old for the sync server: install "
        "HCC Desktop version {required_version} or newer, then synchronise again (the data "
        "stay on this device)",
    ),
    "bundle_write_failed": QT_TRANSLATE_NOOP(
        "Messages", "The data bundle {path} could not be written: {detail}"
    ),
    "conflict_not_found": QT_TRANSLATE_NOOP(
        "Messages", "This conflict no longer exists: the list has been refreshed"
    ),
    "conflict_already_resolved": QT_TRANSLATE_NOOP(
        "Messages", "This conflict has already been resolved"
    ),
    # Raised by the sync server itself (its command line and its answers).
    "bad_request": QT_TRANSLATE_NOOP("Messages", "The server did not understand the request"),
    "batch_too_large": QT_TRANSLATE_NOOP("Messages", "Too many changes were sent at once"),
    "device_not_found": QT_TRANSLATE_NOOP("Messages", "Device {device_id} is not enrolled"),
    "unit_code_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The unit identifier code {unit_code} is not valid"
    ),
    "database_url_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The server database address is not valid: {url}"
    ),
    "database_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "The server database cannot be reached: {detail}"
    ),
    # Attachments (scans, reuse, their sync).
    "component_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Dossier {code} has no paper {key}: give its catalog id or its number"
    ),
    "attachment_corrupt_file": QT_TRANSLATE_NOOP(
        "Messages",
        "The file {name} is not a readable image or PDF (damaged, or another kind of file);"
        " nothing was attached",
    ),
    "attachment_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "The scan is {size_mb} MB, over the limit of {limit_mb} MB for one paper; scan in"
        " black and white at 200 dpi, or attach fewer pages",
    ),
    "attachment_input_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The file {name} is too large for a scanned page ({size_mb} MB)"
    ),
    "attachment_too_many_pages": QT_TRANSLATE_NOOP(
        "Messages", "The scan has {pages} pages, more than the {limit} allowed for one paper"
    ),
    "attachment_unreadable": QT_TRANSLATE_NOOP("Messages", "Cannot read the file {name}"),
    "attachment_no_files": QT_TRANSLATE_NOOP("Messages", "There are no pages to attach"),
    "attachment_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The file of this document is not on this computer yet; synchronise to fetch it",
    ),
    "attachment_not_held": QT_TRANSLATE_NOOP(
        "Messages", "This document is not among those held for the dossier's citizen"
    ),
    "attachment_hash_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The file received was damaged (its SHA-256 does not match); it was not kept"
    ),
    "attachment_bad_hash": QT_TRANSLATE_NOOP("Messages", "{sha256} is not a valid SHA-256"),
    "attachment_sealed": QT_TRANSLATE_NOOP(
        "Messages", "The file of this document is encrypted and the database key is not open"
    ),
    "attachment_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "The stored file of this document is damaged or was altered; fetch it again by a sync",
    ),
    "attachment_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "The server has no such file for this unit"
    ),
    "attachment_error": QT_TRANSLATE_NOOP("Messages", "The file could not be attached"),
    "attachment_not_uploaded": QT_TRANSLATE_NOOP(
        "Messages", "The server does not hold this file for the unit yet; synchronise again"
    ),
    "chunk_hash_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "A piece of a file was damaged on the way; synchronise again"
    ),
}

FIELD_LABELS: dict[str, str] = {
    "user_name": QT_TRANSLATE_NOOP("Messages", "User name"),
    "password": QT_TRANSLATE_NOOP("Messages", "Password"),
    "new_password": QT_TRANSLATE_NOOP("Messages", "New password"),
    "old_password": QT_TRANSLATE_NOOP("Messages", "Current password"),
    "role": QT_TRANSLATE_NOOP("Messages", "Role"),
    "parent_body": QT_TRANSLATE_NOOP("Messages", "Parent body"),
    "full_name": QT_TRANSLATE_NOOP("Messages", "Full name"),
    "id_number": QT_TRANSLATE_NOOP("Messages", "ID number"),
    "id_type": QT_TRANSLATE_NOOP("Messages", "Type of identity paper"),
    "date_of_birth": QT_TRANSLATE_NOOP("Messages", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("Messages", "Phone"),
    "address": QT_TRANSLATE_NOOP("Messages", "Address"),
    "email": QT_TRANSLATE_NOOP("Messages", "E-mail"),
    "gender": QT_TRANSLATE_NOOP("Messages", "Gender"),
    "id_issued_on": QT_TRANSLATE_NOOP("Messages", "Date of issue"),
    "procedure": QT_TRANSLATE_NOOP("Messages", "Procedure"),
    "components": QT_TRANSLATE_NOOP("Messages", "Dossier papers"),
    "channel": QT_TRANSLATE_NOOP("Messages", "Channel"),
    "received_at": QT_TRANSLATE_NOOP("Messages", "Time of receipt"),
    "result_delivery": QT_TRANSLATE_NOOP("Messages", "Where the result is collected"),
    "fee_method": QT_TRANSLATE_NOOP("Messages", "Payment method"),
    "fee_amount": QT_TRANSLATE_NOOP("Messages", "Fees and charges"),
    "sets_count": QT_TRANSLATE_NOOP("Messages", "Number of sets"),
    "fee_pages": QT_TRANSLATE_NOOP("Messages", "Number of pages charged"),
    "fee_copies": QT_TRANSLATE_NOOP("Messages", "Number of copies charged"),
    "use_alt_processing": QT_TRANSLATE_NOOP("Messages", "Processing time"),
    "received_by": QT_TRANSLATE_NOOP("Messages", "Receiving officer"),
    "unit_code": QT_TRANSLATE_NOOP("Messages", "Unit identifier code"),
    "unit_name": QT_TRANSLATE_NOOP("Messages", "Unit name"),
    "device_slot": QT_TRANSLATE_NOOP("Messages", "Device number"),
    "public_lookup_url": QT_TRANSLATE_NOOP("Messages", "Public lookup address"),
    "language": QT_TRANSLATE_NOOP("Messages", "Language"),
    "due_soon_days": QT_TRANSLATE_NOOP("Messages", "Due-soon warning"),
    "office_hours": QT_TRANSLATE_NOOP("Messages", "Office hours"),
    "overrides": QT_TRANSLATE_NOOP("Messages", "Days off and make-up working days"),
    "path": QT_TRANSLATE_NOOP("Messages", "File"),
    "format": QT_TRANSLATE_NOOP("Messages", "File format"),
    "version": QT_TRANSLATE_NOOP("Messages", "File version"),
    "processing_days": QT_TRANSLATE_NOOP("Messages", "Processing time"),
    "n": QT_TRANSLATE_NOOP("Messages", "Number of days"),
    "reason": QT_TRANSLATE_NOOP("Messages", "Reason"),
    "receiver": QT_TRANSLATE_NOOP("Messages", "Receiver"),
    "department": QT_TRANSLATE_NOOP("Messages", "Department"),
    "amount": QT_TRANSLATE_NOOP("Messages", "Amount"),
    "at": QT_TRANSLATE_NOOP("Messages", "Time of the action"),
    "actor": QT_TRANSLATE_NOOP("Messages", "Officer"),
    "new_due_at": QT_TRANSLATE_NOOP("Messages", "New appointment"),
    "convenience": QT_TRANSLATE_NOOP("Messages", "Convenience"),
    "overall": QT_TRANSLATE_NOOP("Messages", "Overall rating"),
    "criteria": QT_TRANSLATE_NOOP("Messages", "Rating criteria"),
    "comment": QT_TRANSLATE_NOOP("Messages", "Comment"),
    "from": QT_TRANSLATE_NOOP("Messages", "From"),
    "to": QT_TRANSLATE_NOOP("Messages", "To"),
    "server_url": QT_TRANSLATE_NOOP("Messages", "Server address"),
    "code": QT_TRANSLATE_NOOP("Messages", "Enrolment code"),
    "device_name": QT_TRANSLATE_NOOP("Messages", "Device name"),
    "sync_interval_minutes": QT_TRANSLATE_NOOP("Messages", "Sync interval"),
    "sync_warn_days": QT_TRANSLATE_NOOP("Messages", "Sync warning"),
    "idle_lock_minutes": QT_TRANSLATE_NOOP("Messages", "Lock after idle minutes"),
    "quarter": QT_TRANSLATE_NOOP("Messages", "Residential quarter"),
    "day": QT_TRANSLATE_NOOP("Messages", "Day"),
    "place": QT_TRANSLATE_NOOP("Messages", "Place"),
    "start": QT_TRANSLATE_NOOP("Messages", "Start"),
    "end": QT_TRANSLATE_NOOP("Messages", "End"),
    "officers": QT_TRANSLATE_NOOP("Messages", "Officers"),
    "note": QT_TRANSLATE_NOOP("Messages", "Note"),
    "reasons": QT_TRANSLATE_NOOP("Messages", "Why at home"),
    "consent_on": QT_TRANSLATE_NOOP("Messages", "Consent recorded on"),
    "resident": QT_TRANSLATE_NOOP("Messages", "Resident"),
    "purpose": QT_TRANSLATE_NOOP("Messages", "Purpose of the visit"),
    "requested_at": QT_TRANSLATE_NOOP("Messages", "Time of the request"),
    "planned_on": QT_TRANSLATE_NOOP("Messages", "Visit day"),
    "officer": QT_TRANSLATE_NOOP("Messages", "Officer"),
    "outcome": QT_TRANSLATE_NOOP("Messages", "Outcome"),
    "minutes_spent": QT_TRANSLATE_NOOP("Messages", "Time spent (minutes)"),
    "dossiers_received": QT_TRANSLATE_NOOP("Messages", "Dossiers received"),
    "results_delivered": QT_TRANSLATE_NOOP("Messages", "Results delivered"),
    "ratings_taken": QT_TRANSLATE_NOOP("Messages", "Ratings taken"),
    "done_at": QT_TRANSLATE_NOOP("Messages", "Time of the visit"),
    "url_template": QT_TRANSLATE_NOOP("Messages", "Procedure page address"),
    "url": QT_TRANSLATE_NOOP("Messages", "Address"),
    "count": QT_TRANSLATE_NOOP("Messages", "Number of procedures"),
    "procedures": QT_TRANSLATE_NOOP("Messages", "Procedures"),
    "backup_keep": QT_TRANSLATE_NOOP("Messages", "Backups kept"),
}

PERSON_ROLES: dict[str, str] = {
    "applicant": QT_TRANSLATE_NOOP("Messages", "Applicant"),
    "submitter": QT_TRANSLATE_NOOP("Messages", "Submitter"),
    "collector": QT_TRANSLATE_NOOP("Messages", "Person collecting the result"),
}

# Lower bounds of "out_of_range" fields (the core only reports the maximum).
_RANGE_MIN = {
    "components.count": 1,
    "sets_count": 1,
    "fee_pages": 1,
    "fee_copies": 1,
    "backup_keep": 1,
}

_MALE = QT_TRANSLATE_NOOP("Messages", "male")
_FEMALE = QT_TRANSLATE_NOOP("Messages", "female")
_FALLBACK = QT_TRANSLATE_NOOP("Messages", "Invalid value ({code})")
_LINE = QT_TRANSLATE_NOOP("Messages", "{label}, line {number}")
_ROLE = QT_TRANSLATE_NOOP("Messages", "{role} – {label}")
_MORE = QT_TRANSLATE_NOOP("Messages", "… and {count} more")

_INDEX = re.compile(r"\[(\d+)\]")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")

# Why the server refused an item or a request (RejectedItem.reason,
# SyncError("server_rejected", reason=…)).
REASONS: dict[str, str] = {
    "duplicate_code": QT_TRANSLATE_NOOP(
        "SyncReasons",
        "the dossier code is already used by another dossier on the server (two devices "
        "with the same device number?)",
    ),
    "wrong_unit": QT_TRANSLATE_NOOP("SyncReasons", "the record belongs to another unit"),
    "invalid_item": QT_TRANSLATE_NOOP("SyncReasons", "the record is incomplete or not valid"),
    "unknown_dossier": QT_TRANSLATE_NOOP("SyncReasons", "its dossier has not reached the server"),
    "bad_request": QT_TRANSLATE_NOOP(
        "SyncReasons", "the request was not understood (the program may need an update)"
    ),
    "batch_too_large": QT_TRANSLATE_NOOP("SyncReasons", "too many changes sent at once"),
    "invalid_server_copy": QT_TRANSLATE_NOOP(
        "SyncReasons", "the server's copy of the dossier cannot be read"
    ),
    "foreign_device": QT_TRANSLATE_NOOP(
        "SyncReasons", "the event was written by another device: a device sends only its own"
    ),
    "unhashed": QT_TRANSLATE_NOOP("SyncReasons", "the event carries no hash of the history chain"),
    "chain_hash_mismatch": QT_TRANSLATE_NOOP(
        "SyncReasons", "the event was altered after it was written (its hash does not match)"
    ),
    "chain_unknown_prev": QT_TRANSLATE_NOOP(
        "SyncReasons", "the event before it in the dossier's history is missing on the server"
    ),
    "device_chain_gap": QT_TRANSLATE_NOOP(
        "SyncReasons", "records of this device are missing or out of order before this one"
    ),
    "chain_receipt_mismatch": QT_TRANSLATE_NOOP(
        "SyncReasons",
        "the dossier's receipt details were edited after its receipt was recorded",
    ),
    "device_chain_replay": QT_TRANSLATE_NOOP(
        "SyncReasons", "the event repeats a record the server already received (a replay)"
    ),
}


# -- catalog files (issue 9): every fault located and with what to do ----------------------

CATALOG_MESSAGES: dict[str, str] = {
    "missing": QT_TRANSLATE_NOOP("Messages", "is missing: add it to the file"),
    "empty": QT_TRANSLATE_NOOP("Messages", "is empty: fill it in"),
    "empty_list": QT_TRANSLATE_NOOP("Messages", "has no entry: add at least one"),
    "too_long": QT_TRANSLATE_NOOP("Messages", "is too long (at most {max} characters): shorten it"),
    "code_format": QT_TRANSLATE_NOOP(
        "Messages",
        "is not written correctly: write one digit, a dot and six digits (for example 1.001193)",
    ),
    "too_small": QT_TRANSLATE_NOOP("Messages", "must be at least {min}: correct it"),
    "too_large": QT_TRANSLATE_NOOP("Messages", "must be at most {max}: correct it"),
    "not_number": QT_TRANSLATE_NOOP("Messages", "must be a whole number: correct it"),
    "not_text": QT_TRANSLATE_NOOP("Messages", "must be a text in quotation marks: correct it"),
    "not_bool": QT_TRANSLATE_NOOP("Messages", "must be true or false: correct it"),
    "not_list": QT_TRANSLATE_NOOP("Messages", "must be a list in square brackets: correct it"),
    "not_object": QT_TRANSLATE_NOOP("Messages", "must be an object in braces: correct it"),
    "not_allowed": QT_TRANSLATE_NOOP("Messages", "must be one of {expected}: correct it"),
    "unknown_field": QT_TRANSLATE_NOOP(
        "Messages", "has an unknown field “{name}”: remove it or correct its spelling"
    ),
    "duplicate_component": QT_TRANSLATE_NOOP(
        "Messages",
        "lists the paper identifier {ids} more than once: give each paper its own identifier",
    ),
    "duplicate_procedure": QT_TRANSLATE_NOOP(
        "Messages", "The procedure code {codes} appears more than once: keep only one"
    ),
    "shared_component": QT_TRANSLATE_NOOP(
        "Messages",
        "The paper identifier {ids} is used by several procedures: give each paper its own "
        "identifier",
    ),
    "wrong_format": QT_TRANSLATE_NOOP(
        "Messages",
        "This is not a procedure catalog file of HCC Desktop (the field “format” must be "
        "“hcc-catalog”): choose the file exported by the program or by the province",
    ),
    "wrong_version": QT_TRANSLATE_NOOP(
        "Messages",
        "Catalog file version {value} is not supported (this program reads version 1): "
        "export the file again or update the program",
    ),
    "not_json": QT_TRANSLATE_NOOP(
        "Messages",
        "The file is not valid JSON (line {line}, column {column}): correct it in a text "
        "editor or export it again",
    ),
    "not_utf8": QT_TRANSLATE_NOOP(
        "Messages", "The file is not a UTF-8 text file: export it again as UTF-8 JSON"
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "Messages", "Cannot read the file {path} ({reason}): check the name and the folder"
    ),
    "unwritable": QT_TRANSLATE_NOOP(
        "Messages",
        "Cannot write the file {path} ({reason}): choose another folder or file name",
    ),
    "invalid": QT_TRANSLATE_NOOP("Messages", "is not valid ({detail}): correct it"),
}

# Names of the fields of a catalog file as the officer reads them.
CATALOG_FIELDS: dict[str, str] = {
    "format": QT_TRANSLATE_NOOP("Messages", "File format"),
    "version": QT_TRANSLATE_NOOP("Messages", "File version"),
    "published_by": QT_TRANSLATE_NOOP("Messages", "Publisher"),
    "published_at": QT_TRANSLATE_NOOP("Messages", "Date of publication"),
    "procedures": QT_TRANSLATE_NOOP("Messages", "List of procedures"),
    "code": QT_TRANSLATE_NOOP("Messages", "Procedure code"),
    "name": QT_TRANSLATE_NOOP("Messages", "Name of the procedure"),
    "short_name": QT_TRANSLATE_NOOP("Messages", "Short name"),
    "field": QT_TRANSLATE_NOOP("Messages", "Field of the procedure"),
    "processing_days": QT_TRANSLATE_NOOP("Messages", "Processing time (working days)"),
    "processing_days_alt": QT_TRANSLATE_NOOP("Messages", "Alternative processing time"),
    "processing_alt_note": QT_TRANSLATE_NOOP("Messages", "Note on the alternative time"),
    "fees": QT_TRANSLATE_NOOP("Messages", "Fees and charges"),
    "fee_note": QT_TRANSLATE_NOOP("Messages", "Note on the fees"),
    "result": QT_TRANSLATE_NOOP("Messages", "Result"),
    "legal_basis": QT_TRANSLATE_NOOP("Messages", "Legal basis"),
    "online_level": QT_TRANSLATE_NOOP("Messages", "Online service level"),
    "components": QT_TRANSLATE_NOOP("Messages", "Dossier papers"),
    "components.id": QT_TRANSLATE_NOOP("Messages", "Identifier of the paper"),
    "components.name": QT_TRANSLATE_NOOP("Messages", "Name of the paper"),
    "components.originals": QT_TRANSLATE_NOOP("Messages", "Number of originals"),
    "components.certified": QT_TRANSLATE_NOOP("Messages", "Number of certified copies"),
    "components.copies": QT_TRANSLATE_NOOP("Messages", "Number of photocopies"),
    "components.required": QT_TRANSLATE_NOOP("Messages", "Required"),
    "components.condition": QT_TRANSLATE_NOOP("Messages", "Condition"),
    "components.reusable": QT_TRANSLATE_NOOP("Messages", "Reusable"),
    "fees.name": QT_TRANSLATE_NOOP("Messages", "Name of the fee"),
    "fees.amount": QT_TRANSLATE_NOOP("Messages", "Amount of the fee"),
    "fees.unit": QT_TRANSLATE_NOOP("Messages", "Unit of the fee"),
    "fees.note": QT_TRANSLATE_NOOP("Messages", "Note on the fee"),
    "fees.first_units": QT_TRANSLATE_NOOP("Messages", "Units at the first rate"),
    "fees.max_total": QT_TRANSLATE_NOOP("Messages", "Maximum fee"),
}

_PROCEDURE_AT = QT_TRANSLATE_NOOP("Messages", "Procedure no. {number}")
_PROCEDURE_CODE_AT = QT_TRANSLATE_NOOP("Messages", "Procedure no. {number} (code {code})")
_PAPER_ROW = QT_TRANSLATE_NOOP("Messages", "paper no. {row}")
_FEE_ROW = QT_TRANSLATE_NOOP("Messages", "fee no. {row}")
_THE_FILE = QT_TRANSLATE_NOOP("Messages", "The file")

# A refusal reason the server gave as an HTTP status only.
_HTTP_REASON = QT_TRANSLATE_NOOP(
    "SyncReasons",
    "the server answered with error {status}: check the server address in Settings, or ask "
    "the administrator whether the program needs an update",
)
_UNKNOWN_REASON = QT_TRANSLATE_NOOP(
    "SyncReasons", "the server gave a reason this program does not know ({reason})"
)
_REJECTED = QT_TRANSLATE_NOOP("SyncController", "The server refused the synchronisation: {reason}.")
_HTTP = re.compile(r"^http_(\d{3})$")

# Why a file could not be used (errno names), as the officer reads it.
OS_REASONS: dict[str, str] = {
    "ENOENT": QT_TRANSLATE_NOOP("Messages", "the file does not exist"),
    "EACCES": QT_TRANSLATE_NOOP("Messages", "no permission to use it"),
    "EPERM": QT_TRANSLATE_NOOP("Messages", "no permission to use it"),
    "EISDIR": QT_TRANSLATE_NOOP("Messages", "it is a folder, not a file"),
    "ENOSPC": QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    "EROFS": QT_TRANSLATE_NOOP("Messages", "the disk is read-only"),
}


def os_reason(exc: OSError) -> str:
    """A code for why a file could not be used: the errno's name (ENOENT…), else
    the system's own words."""
    name = errno.errorcode.get(exc.errno or 0, "")
    return name if name in OS_REASONS else (exc.strerror or type(exc).__name__)


def field_key(field: str) -> str:
    """``applicant.full_name`` -> ``full_name``; ``components[2].count`` -> ``components.count``."""
    head, _, rest = field.partition(".")
    if head in PERSON_ROLES and rest:
        field = rest
    return _INDEX.sub("", field)


def template_for(err: FieldError) -> str | None:
    """The English source template used for ``err`` (None if the code is unknown)."""
    return FIELD_SPECIFIC.get((field_key(err.field), err.code)) or FIELD_MESSAGES.get(err.code)


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


def untranslated(context: str, text: str) -> str:
    """The English source as it is (the CLI's ``--lang en``)."""
    return text


class Catalogue:
    """The sentences of the error codes in one language, given by ``translate``."""

    def __init__(self, translate: Translate = untranslated) -> None:
        self._translate = translate

    def t(self, text: str, context: str = CONTEXT) -> str:
        return self._translate(context, text)

    def _show_value(self, value: Any) -> str:
        if isinstance(value, datetime):
            return value.strftime("%d/%m/%Y %H:%M")
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, list | tuple):
            return "; ".join(self._show_value(v) for v in value)
        if isinstance(value, str) and _ISO_MOMENT.match(value):
            return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
        if isinstance(value, str) and _ISO_DAY.match(value):
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        if value in ("male", "female"):
            return self.t(_MALE) if value == "male" else self.t(_FEMALE)
        return str(value)

    def _fill(self, template: str, params: Mapping[str, Any]) -> str:
        return self.t(template).format_map(
            _Params({k: self._show_value(v) for k, v in params.items()})
        )

    def field_message(self, err: FieldError) -> str:
        """The sentence shown under the field at fault."""
        template = template_for(err)
        if template is None:
            log.warning("no message for field error %s", err.describe())
            return self.t(_FALLBACK).format(code=err.code)
        params = dict(err.params)
        if err.code == "out_of_range":
            params.setdefault("min", _RANGE_MIN.get(field_key(err.field), 0))
        return self._fill(template, params)

    def field_label(self, field: str) -> str:
        """A short name for a field, used where the message is not next to it."""
        head, _, rest = field.partition(".")
        role = PERSON_ROLES.get(head) if rest else None
        key = field_key(field)
        base = key.partition(".")[0]
        label = self.t(FIELD_LABELS[base]) if base in FIELD_LABELS else field
        index = _INDEX.search(field)
        if index is not None:
            label = self.t(_LINE).format(label=label, number=int(index.group(1)) + 1)
        if role is not None:
            label = self.t(_ROLE).format(role=self.t(role), label=label)
        return label

    def catalog_issue(self, issue: CatalogIssue) -> str:
        """One fault of a catalog file: where (procedure and row counted from 1), which
        field, what is wrong and what to do."""
        template = CATALOG_MESSAGES.get(issue.code, CATALOG_MESSAGES["invalid"])
        params = dict(issue.params)
        params.setdefault("detail", issue.code)
        if str(params.get("reason")) in OS_REASONS:
            params["reason"] = self.t(OS_REASONS[str(params["reason"])])
        text = self._fill(template, params)
        where: list[str] = []
        if issue.procedure is not None:
            if issue.procedure_code:
                where.append(
                    self.t(_PROCEDURE_CODE_AT).format(
                        number=issue.procedure, code=issue.procedure_code
                    )
                )
            else:
                where.append(self.t(_PROCEDURE_AT).format(number=issue.procedure))
        if issue.row is not None:
            kind = _FEE_ROW if issue.field.startswith("fees") else _PAPER_ROW
            where.append(self.t(kind).format(row=issue.row))
        subject = ", ".join(where)
        if template[:1].isupper():  # a whole sentence (about the file, or several rows)
            return f"{subject}: {text}" if subject else text
        label = ""
        if issue.code == "unknown_field" and subject:
            pass  # "procedure no. 2, paper no. 1 has an unknown field …"
        elif issue.field in CATALOG_FIELDS:
            label = self.t(CATALOG_FIELDS[issue.field])
        elif issue.field:
            label = f"“{issue.field}”"  # a field newer than this table: its name in the file
        elif not subject:
            label = self.t(_THE_FILE)
        if label:
            subject = f"{subject} – {label}" if subject else label
        return f"{subject} {text}"

    def sync_reason(self, reason: str) -> str:
        """A refusal reason of the server, as a sentence (HTTP codes too)."""
        template = REASONS.get(reason)
        if template is not None:
            return self.t(template, REASONS_CONTEXT)
        status = _HTTP.match(reason)
        if status is not None:
            return self.t(_HTTP_REASON, REASONS_CONTEXT).format(status=status.group(1))
        return self.t(_UNKNOWN_REASON, REASONS_CONTEXT).format(reason=reason)

    def error_message(self, exc: HccError) -> str:
        """The text for a typed error of the core, parameters filled in."""
        if isinstance(exc, ValidationError):
            lines = [f"{self.field_label(e.field)}: {self.field_message(e)}" for e in exc.errors]
            if len(lines) == 1:
                return lines[0]
            bullets = "\n".join("• " + ln for ln in lines)
            return self.t(ERROR_MESSAGES["validation"]) + ":\n" + bullets
        reason = exc.params.get("reason") if isinstance(exc, SyncError) else None
        if exc.code == "server_rejected" and reason:
            text = self.t(_REJECTED, "SyncController")
            return text.format(reason=self.sync_reason(str(reason)))
        params: dict[str, Any] = dict(exc.params)
        if isinstance(exc, QrParseError) and "reason" in params:
            reason = str(params.pop("reason"))
            params["reason"] = self.field_message(FieldError("id_number", reason, params))
        template = ERROR_MESSAGES.get(exc.code)
        if template is None:
            template = ERROR_MESSAGES.get(type(exc).code, ERROR_MESSAGES["error"])
            log.warning("no message for error code %s", exc.code)
        text = self.t(template).format_map(
            _Params({k: v if k == "reason" else self._show_value(v) for k, v in params.items()})
        )
        if isinstance(exc, CatalogError) and exc.problems:
            lines = self.catalog_lines(exc)
            text += "\n" + "\n".join("• " + p for p in lines[:20])
            if len(lines) > 20:
                text += "\n" + self.t(_MORE).format(count=len(lines) - 20)
        return text

    def catalog_lines(self, exc: CatalogError) -> list[str]:
        """Every fault of a rejected catalog file, one sentence each."""
        if exc.issues:
            return [self.catalog_issue(i) for i in exc.issues]
        return list(exc.problems)


# Names the window and the command line show for statuses, timeline events and verdicts
# (their contexts are those of the screens that first showed them).
STATUS_NAMES: dict[DossierStatus, str] = {
    DossierStatus.NEW: QT_TRANSLATE_NOOP("DossierStatus", "Newly registered"),
    DossierStatus.RECEIVED: QT_TRANSLATE_NOOP("DossierStatus", "Received"),
    DossierStatus.NOT_ACCEPTED: QT_TRANSLATE_NOOP("DossierStatus", "Not accepted"),
    DossierStatus.PROCESSING: QT_TRANSLATE_NOOP("DossierStatus", "Being processed"),
    DossierStatus.SUPPLEMENT_REQUESTED: QT_TRANSLATE_NOOP(
        "DossierStatus", "Additional papers requested"
    ),
    DossierStatus.FINANCIAL_OBLIGATION: QT_TRANSLATE_NOOP(
        "DossierStatus", "Financial obligation requested"
    ),
    DossierStatus.WITHDRAWN: QT_TRANSLATE_NOOP("DossierStatus", "Withdrawn by the citizen"),
    DossierStatus.STOPPED: QT_TRANSLATE_NOOP("DossierStatus", "Processing stopped"),
    DossierStatus.PROCESSED: QT_TRANSLATE_NOOP("DossierStatus", "Processed"),
    DossierStatus.RETURNED: QT_TRANSLATE_NOOP("DossierStatus", "Result returned"),
}

EVENT_NAMES: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("TimelineModel", "Received"),
    "handed_over": QT_TRANSLATE_NOOP("TimelineModel", "Handed over for processing"),
    "supplement_requested": QT_TRANSLATE_NOOP("TimelineModel", "Supplement requested"),
    "supplement_received": QT_TRANSLATE_NOOP("TimelineModel", "Supplement received"),
    "payment_requested": QT_TRANSLATE_NOOP("TimelineModel", "Financial obligation requested"),
    "payment_received": QT_TRANSLATE_NOOP("TimelineModel", "Financial obligation paid"),
    "refused": QT_TRANSLATE_NOOP("TimelineModel", "Refused"),
    "withdrawn": QT_TRANSLATE_NOOP("TimelineModel", "Withdrawn by the citizen"),
    "stopped": QT_TRANSLATE_NOOP("TimelineModel", "Processing stopped"),
    "processed": QT_TRANSLATE_NOOP("TimelineModel", "Processing finished"),
    "returned": QT_TRANSLATE_NOOP("TimelineModel", "Result returned"),
    "apology_issued": QT_TRANSLATE_NOOP("TimelineModel", "Apology and new appointment"),
    "rated": QT_TRANSLATE_NOOP("TimelineModel", "Satisfaction rating"),
}

TIMELINESS_NAMES: dict[Timeliness, str] = {
    Timeliness.EARLY: QT_TRANSLATE_NOOP("TimelineModel", "Before the deadline"),
    Timeliness.ON_TIME: QT_TRANSLATE_NOOP("TimelineModel", "On time"),
    Timeliness.LATE: QT_TRANSLATE_NOOP("TimelineModel", "Overdue"),
}
