"""User-facing text for the error codes of the core.

The core raises errors with a machine code and parameters; this module turns
them into translated sentences. Source strings are English and marked with
``QT_TRANSLATE_NOOP`` so that lupdate collects them; Vietnamese comes from the
translation file. Every code the core can raise must have an entry here
(tests/ui/test_translations.py scans the core to check it).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from hcc_desktop.core.errors import (
    CatalogError,
    FieldError,
    HccError,
    QrParseError,
    ValidationError,
)

log = logging.getLogger(__name__)

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (this exact name) in ``context``; a typed stand-in
    for PySide6's, which is annotated as returning ``object``."""
    return text


# Messages by error code, whatever the field.
FIELD_MESSAGES: dict[str, str] = {
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
        "Messages", "A passport number has 6 to 9 capital letters and digits"
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
    "unknown_format": QT_TRANSLATE_NOOP(
        "Messages", "Unknown file type {suffix}: choose .xlsx, .pdf or .docx"
    ),
    "period_too_long": QT_TRANSLATE_NOOP("Messages", "The period is too long (at most {max} days)"),
    # Sync server (issue 4): the unit settings document it is given.
    "not_an_object": QT_TRANSLATE_NOOP("Messages", "The file must hold a JSON object"),
    # Imports of portal records and backlog sheets, complaints (issue 11).
    "date_format": QT_TRANSLATE_NOOP(
        "Messages", "The date and time must be written yyyyMMddHHmmss ({value})"
    ),
    "time_format": QT_TRANSLATE_NOOP(
        "Messages", "The time must be written YYYY-MM-DD HH:MM or dd/MM/yyyy HH:mm ({value})"
    ),
    "before_received": QT_TRANSLATE_NOOP("Messages", "Earlier than the time of receipt"),
    "not_received": QT_TRANSLATE_NOOP(
        "Messages", "Only registered (status 1): the center has not received this dossier yet"
    ),
    "not_a_list": QT_TRANSLATE_NOOP("Messages", "The file must hold a list of dossiers"),
    "columns_missing": QT_TRANSLATE_NOOP("Messages", "Columns missing: {columns}"),
}

# Messages for one code on one kind of field; the key is the field name without
# its prefix and indexes ("applicant.full_name" -> "full_name",
# "components[2].count" -> "components.count").
FIELD_SPECIFIC: dict[tuple[str, str], str] = {
    ("received_by", "required"): QT_TRANSLATE_NOOP(
        "Messages", "No officer name is set: enter it in Settings"
    ),
    ("components.name", "required"): QT_TRANSLATE_NOOP("Messages", "Enter the name of the paper"),
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
    "write_failed": QT_TRANSLATE_NOOP(
        "Messages", "The data could not be written to the database; nothing was saved. Try again."
    ),
    "migration_failed": QT_TRANSLATE_NOOP(
        "Messages", "The database {path} could not be opened or upgraded"
    ),
    "print_failed": QT_TRANSLATE_NOOP("Messages", "The document could not be produced"),
    "save_failed": QT_TRANSLATE_NOOP("Messages", "The file {path} could not be saved: {detail}"),
    "font_missing": QT_TRANSLATE_NOOP("Messages", "The print font is missing: {path}"),
    "font_invalid": QT_TRANSLATE_NOOP("Messages", "The print font cannot be used: {path}"),
    "sync_failed": QT_TRANSLATE_NOOP("Messages", "Synchronisation failed"),
    # Reports (issue 11).
    "report_cancelled": QT_TRANSLATE_NOOP("Messages", "The report was cancelled"),
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
    "complaint_not_found": QT_TRANSLATE_NOOP("Messages", "Complaint {id} was not found"),
    "complaint_resolved": QT_TRANSLATE_NOOP("Messages", "This complaint has already been resolved"),
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
    "unit_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "This device holds dossiers of unit {device_unit}: it cannot join unit {server_unit}",
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
}

FIELD_LABELS: dict[str, str] = {
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
}

PERSON_ROLES: dict[str, str] = {
    "applicant": QT_TRANSLATE_NOOP("Messages", "Applicant"),
    "submitter": QT_TRANSLATE_NOOP("Messages", "Submitter"),
    "collector": QT_TRANSLATE_NOOP("Messages", "Person collecting the result"),
}

# Lower bounds of "out_of_range" fields (the core only reports the maximum).
_RANGE_MIN = {"components.count": 1, "sets_count": 1, "fee_pages": 1, "fee_copies": 1}

_MALE = QT_TRANSLATE_NOOP("Messages", "male")
_FEMALE = QT_TRANSLATE_NOOP("Messages", "female")
_FALLBACK = QT_TRANSLATE_NOOP("Messages", "Invalid value ({code})")
_LINE = QT_TRANSLATE_NOOP("Messages", "{label}, line {number}")
_ROLE = QT_TRANSLATE_NOOP("Messages", "{role} – {label}")
_MORE = QT_TRANSLATE_NOOP("Messages", "… and {count} more")

_INDEX = re.compile(r"\[(\d+)\]")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_key(field: str) -> str:
    """``applicant.full_name`` -> ``full_name``; ``components[2].count`` -> ``components.count``."""
    head, _, rest = field.partition(".")
    if head in PERSON_ROLES and rest:
        field = rest
    return _INDEX.sub("", field)


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "…"


def _show_value(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, list | tuple):
        return "; ".join(_show_value(v) for v in value)
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, str) and _ISO_DAY.match(value):
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    if value in ("male", "female"):
        return _t(_MALE) if value == "male" else _t(_FEMALE)
    return str(value)


def _fill(template: str, params: Mapping[str, Any]) -> str:
    return _t(template).format_map(_Params({k: _show_value(v) for k, v in params.items()}))


def template_for(err: FieldError) -> str | None:
    """The English source template used for ``err`` (None if the code is unknown)."""
    return FIELD_SPECIFIC.get((field_key(err.field), err.code)) or FIELD_MESSAGES.get(err.code)


def field_message(err: FieldError) -> str:
    """The translated sentence shown under the field at fault."""
    template = template_for(err)
    if template is None:
        log.warning("no message for field error %s", err.describe())
        return _t(_FALLBACK).format(code=err.code)
    params = dict(err.params)
    if err.code == "out_of_range":
        params.setdefault("min", _RANGE_MIN.get(field_key(err.field), 0))
    return _fill(template, params)


def field_label(field: str) -> str:
    """A short translated name for a field, used where the message is not next to it."""
    head, _, rest = field.partition(".")
    role = PERSON_ROLES.get(head) if rest else None
    key = field_key(field)
    base = key.partition(".")[0]
    label = _t(FIELD_LABELS[base]) if base in FIELD_LABELS else field
    index = _INDEX.search(field)
    if index is not None:
        label = _t(_LINE).format(label=label, number=int(index.group(1)) + 1)
    if role is not None:
        label = _t(_ROLE).format(role=_t(role), label=label)
    return label


def error_message(exc: HccError) -> str:
    """The translated text for a typed error of the core, parameters filled in."""
    if isinstance(exc, ValidationError):
        lines = [f"{field_label(e.field)}: {field_message(e)}" for e in exc.errors]
        if len(lines) == 1:
            return lines[0]
        return _t(ERROR_MESSAGES["validation"]) + ":\n" + "\n".join("• " + ln for ln in lines)
    params: dict[str, Any] = dict(exc.params)
    if isinstance(exc, QrParseError) and "reason" in params:
        reason = str(params.pop("reason"))
        params["reason"] = field_message(FieldError("id_number", reason, params))
    template = ERROR_MESSAGES.get(exc.code)
    if template is None:
        template = ERROR_MESSAGES.get(type(exc).code, ERROR_MESSAGES["error"])
        log.warning("no message for error code %s", exc.code)
    text = _t(template).format_map(
        _Params({k: v if k == "reason" else _show_value(v) for k, v in params.items()})
    )
    if isinstance(exc, CatalogError) and exc.problems:
        text += "\n" + "\n".join("• " + p for p in exc.problems[:20])
        if len(exc.problems) > 20:
            text += "\n" + _t(_MORE).format(count=len(exc.problems) - 20)
    return text
