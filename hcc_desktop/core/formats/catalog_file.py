"""The catalog file format (``hcc-catalog`` version 1), validated with pydantic."""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic import ValidationError as PydanticError

from hcc_desktop.core.domain import ComponentSpec, Fee, Procedure
from hcc_desktop.core.errors import CatalogError
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
            raise ValueError(f"duplicate component ids {dup}")
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
            raise ValueError(f"duplicate procedure codes {dup}")
        comp = [c.id for p in self.procedures for c in p.components]
        dup = sorted({c for c in comp if comp.count(c) > 1})
        if dup:
            raise ValueError(f"component ids used by several procedures {dup}")
        return self


def _from_model(m: ProcedureModel) -> Procedure:
    return Procedure(
        code=m.code,
        name=nfc(m.name),
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


def parse_catalog_file(raw: bytes | str) -> list[Procedure]:
    """Validate a catalog file; raise CatalogError listing every problem found."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError([f"not valid JSON: {exc}"]) from exc
    try:
        model = CatalogFile.model_validate(data)
    except PydanticError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or '(file)'}: {e['msg']}" for e in exc.errors()
        ]
        raise CatalogError(problems) from exc
    return [_from_model(p) for p in model.procedures]
