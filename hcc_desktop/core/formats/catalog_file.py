"""The catalog file format (``hcc-catalog`` version 1), validated with pydantic."""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticError
from pydantic_core import PydanticCustomError

from hcc_desktop.core.domain import ComponentSpec, Fee, Procedure
from hcc_desktop.core.errors import CatalogError, CatalogIssue
from hcc_desktop.core.formats import safe_json
from hcc_desktop.core.text import nfc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FeeModel(_Strict):
    name: str = Field(min_length=1)
    amount: int = Field(ge=0)
    unit: Literal["dossier", "copy", "page"] = "dossier"
    note: str = ""
    first_units: int = Field(ge=0, default=0)
    max_total: int = Field(ge=0, default=0)


class ComponentModel(_Strict):
    id: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1)
    originals: int = Field(ge=0, default=0)
    certified: int = Field(ge=0, default=0)
    copies: int = Field(ge=0, default=0)
    required: bool = True
    condition: str = ""
    reusable: bool = False


class ProcedureModel(_Strict):
    code: str = Field(pattern=r"^\d\.\d{6}$")
    name: str = Field(min_length=1)
    short_name: str = Field(default="", max_length=80)  # for lists and the tracking book
    field: str = ""
    processing_days: int = Field(ge=0, le=365)
    processing_days_alt: int | None = Field(default=None, ge=0, le=365)
    processing_alt_note: str = ""
    fees: list[FeeModel] = []
    fee_note: str = ""
    result: str = ""
    legal_basis: str = ""
    online_level: Literal["full", "partial", ""] = ""
    # Whether the procedure bears a fee; omitted = derived from ``fees``.
    bears_fee: bool | None = None
    components: list[ComponentModel] = Field(min_length=1)

    @field_validator("components")
    @classmethod
    def _unique_components(cls, value: list[ComponentModel]) -> list[ComponentModel]:
        ids = [c.id for c in value]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise PydanticCustomError(
                "duplicate_component", "duplicate component ids {ids}", {"ids": ", ".join(dup)}
            )
        return value


class CatalogFile(_Strict):
    format: Literal["hcc-catalog"]
    version: Literal[1]
    published_by: str = ""
    published_at: str = ""
    procedures: list[ProcedureModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> CatalogFile:
        codes = [p.code for p in self.procedures]
        dup = sorted({c for c in codes if codes.count(c) > 1})
        if dup:
            raise PydanticCustomError(
                "duplicate_procedure",
                "duplicate procedure codes {codes}",
                {"codes": ", ".join(dup)},
            )
        comp = [c.id for p in self.procedures for c in p.components]
        dup = sorted({c for c in comp if comp.count(c) > 1})
        if dup:
            raise PydanticCustomError(
                "shared_component",
                "component ids used by several procedures {ids}",
                {"ids": ", ".join(dup)},
            )
        return self


def _from_model(m: ProcedureModel) -> Procedure:
    return Procedure(
        code=m.code,
        name=nfc(m.name),
        short_name=nfc(m.short_name),
        field=nfc(m.field),
        processing_days=m.processing_days,
        processing_days_alt=m.processing_days_alt,
        processing_alt_note=nfc(m.processing_alt_note),
        fees=tuple(
            Fee(nfc(f.name), f.amount, f.unit, nfc(f.note), f.first_units, f.max_total)
            for f in m.fees
        ),
        fee_note=nfc(m.fee_note),
        result=nfc(m.result),
        legal_basis=nfc(m.legal_basis),
        online_level=m.online_level,
        bears_fee=m.bears_fee,
        components=tuple(
            ComponentSpec(
                id=c.id,
                name=nfc(c.name),
                originals=c.originals,
                certified=c.certified,
                copies=c.copies,
                required=c.required,
                condition=nfc(c.condition),
                reusable=c.reusable,
                position=i,
            )
            for i, c in enumerate(m.components)
        ),
    )


# pydantic's error types -> the codes of CatalogIssue (messages in core/messages.py).
_TYPES = {
    "missing": "missing",
    "string_too_short": "empty",
    "too_short": "empty_list",
    "string_too_long": "too_long",
    "string_pattern_mismatch": "code_format",
    "greater_than_equal": "too_small",
    "less_than_equal": "too_large",
    "int_type": "not_number",
    "int_parsing": "not_number",
    "int_from_float": "not_number",
    "string_type": "not_text",
    "bool_type": "not_bool",
    "bool_parsing": "not_bool",
    "list_type": "not_list",
    "model_type": "not_object",
    "model_attributes_type": "not_object",
    "dict_type": "not_object",
    "literal_error": "not_allowed",
    "extra_forbidden": "unknown_field",
    "duplicate_component": "duplicate_component",
    "duplicate_procedure": "duplicate_procedure",
    "shared_component": "shared_component",
}
_PARAMS = {"min_length": "min", "max_length": "max", "ge": "min", "le": "max"}


def _issue(error: Any, data: Any) -> CatalogIssue:
    loc = tuple(error["loc"])
    code = _TYPES.get(error["type"], "invalid")
    params: dict[str, Any] = {
        _PARAMS.get(k, k): v
        for k, v in (error.get("ctx") or {}).items()
        if k in _PARAMS or k in ("expected", "ids", "codes")
    }
    if code == "invalid":
        params["detail"] = error["msg"]
    if "expected" in params:
        # pydantic says "'dossier', 'copy' or 'page'": the values alone, in quotes.
        values = re.findall(r"'([^']*)'", str(params["expected"]))
        params["expected"] = ", ".join(f"“{v}”" for v in values) or params["expected"]
    names = [str(part) for part in loc if not isinstance(part, int)]
    if code == "unknown_field":
        params["name"] = names.pop() if names else ""
    if names[:1] == ["procedures"] and len(loc) > 1:
        names = names[1:]
    field = ".".join(names)
    if field in ("format", "version") and code == "not_allowed":
        code = f"wrong_{field}"
        params = {"value": error.get("input")}
    procedure = row = None
    procedure_code = ""
    if len(loc) > 1 and loc[0] == "procedures" and isinstance(loc[1], int):
        procedure = loc[1] + 1
        try:
            raw_code = data["procedures"][loc[1]].get("code")
        except (AttributeError, LookupError, TypeError):
            raw_code = None
        procedure_code = raw_code.strip() if isinstance(raw_code, str) else ""
        if len(loc) > 3 and isinstance(loc[3], int):
            row = loc[3] + 1
    return CatalogIssue(
        code,
        field,
        procedure=procedure,
        procedure_code=procedure_code,
        row=row,
        params=params,
        location=".".join(str(p) for p in loc),
    )


def parse_catalog_file(raw: bytes | str) -> list[Procedure]:
    """Validate a catalog file; raise CatalogError locating every problem found
    (procedures and rows counted from 1, as a person counts them)."""
    try:
        data = safe_json.loads(raw)
    except UnicodeDecodeError as exc:
        raise CatalogError([CatalogIssue("not_utf8", params={"detail": str(exc)})]) from exc
    except json.JSONDecodeError as exc:
        issue = CatalogIssue(
            "not_json", params={"line": exc.lineno, "column": exc.colno, "detail": exc.msg}
        )
        raise CatalogError([issue]) from exc
    try:
        model = CatalogFile.model_validate(data)
    except PydanticError as exc:
        raise CatalogError([_issue(e, data) for e in exc.errors()]) from exc
    return [_from_model(p) for p in model.procedures]
