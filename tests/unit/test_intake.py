"""Counter intake: validation, checklist, appointment, durability of the result."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest

from hcc_desktop.core.domain import Channel, DocForm, DossierStatus, FeeMethod
from hcc_desktop.core.errors import ValidationError
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft

from ..conftest import applicant, birth_draft


def _codes(err: ValidationError) -> dict[str, str]:
    return {e.field: e.code for e in err.errors}


def test_accept_commits_dossier_event_and_appointment(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    assert d.status is DossierStatus.RECEIVED
    assert d.code == "000.17.22.H56-261123-0001"
    assert d.received_at == datetime(2026, 11, 23, 9, 30)
    assert d.due_at == datetime(2026, 11, 23, 17, 0)  # same-day procedure before 15:00
    assert d.received_by == "Trần Thị Bình"
    assert d.book_no == "01/2026"
    assert d.order_no == 1
    assert [c.component_id for c in d.components] == ["1.001193-01", "1.001193-02"]
    # Read back through a fresh connection: the commit is on disk.
    other = open_services(services.db.path)
    try:
        stored = other.dossiers.get(d.code)
        assert stored == other.dossiers.get(d.id)
        assert stored.owner.full_name == "Nguyễn Văn An"
        assert stored.owner.phone == "0912345678"
        assert stored.due_at == d.due_at
        assert [e.to_status for e in other.dossiers.timeline(d.id)] == [DossierStatus.RECEIVED]
    finally:
        other.close()


def test_every_faulty_field_is_named_and_nothing_is_stored(services: Services) -> None:
    draft = birth_draft(
        owner=applicant(id_number="099203001234", phone="12345", address=""),
        channel="by_pigeon",
        components=(
            ComponentInput("1.001193-01", "original", 1),
            ComponentInput("9.999999-01", "original", 1),
            ComponentInput("1.001193-02", "scan", 1),
        ),
    )
    with pytest.raises(ValidationError) as err:
        services.intake.accept(draft)
    codes = _codes(err.value)
    assert codes["applicant.id_number"] == "cccd_province_unknown"
    assert codes["applicant.phone"] == "phone_format"
    assert "applicant.address" in codes
    assert codes["channel"] == "invalid"
    assert codes["components[1].id"] == "unknown"
    assert codes["components[2].form"] == "invalid"
    assert codes["components"] == "required_missing"
    assert services.dossiers.count() == 0


def test_missing_required_component_blocks_and_guidance_lists_it(services: Services) -> None:
    draft = birth_draft(components=(ComponentInput("1.001193-01", "original", 1),))
    with pytest.raises(ValidationError) as err:
        services.intake.accept(draft)
    missing = err.value.for_field("components")
    assert missing is not None
    assert missing.params["ids"] == ["1.001193-02"]
    assert services.dossiers.count() == 0
    guidance = services.intake.supplement_guidance(draft, reason="Thiếu giấy chứng sinh")
    assert next(m.name for m in guidance.missing).startswith("Giấy chứng sinh")
    assert guidance.applicant.full_name == "Nguyễn Văn An"
    assert guidance.guided_by == "Trần Thị Bình"
    pdf = services.printing.supplement_guidance_pdf(guidance)
    assert pdf.startswith(b"%PDF")


def test_guidance_for_a_complete_dossier_is_refused(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        services.intake.supplement_guidance(birth_draft())
    assert _codes(err.value) == {"components": "nothing_missing"}


def test_submitter_other_than_owner_needs_power_of_attorney(services: Services) -> None:
    submitter = applicant(
        full_name="Trần Thị Lan", id_number="052185001234", date_of_birth="1985-06-01",
        phone="0987654321",
    )  # fmt: skip
    with pytest.raises(ValidationError) as err:
        services.intake.accept(birth_draft(submitter=submitter))
    assert err.value.for_field("components").params["ids"] == ["1.001193-03"]  # type: ignore[union-attr]
    d = services.intake.accept(
        birth_draft(
            submitter=submitter,
            components=(
                ComponentInput("1.001193-01"),
                ComponentInput("1.001193-02"),
                ComponentInput("1.001193-03"),
            ),
        )
    )
    assert d.submitter is not None
    assert d.submitter.full_name == "Trần Thị Lan"
    assert services.dossiers.search("tran thi lan")[0].code == d.code


def test_text_is_stored_nfc(services: Services) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn  Thị   Ánh")
    d = services.intake.accept(birth_draft(owner=applicant(full_name=nfd)))
    stored = services.dossiers.get(d.id).owner.full_name
    assert stored == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", stored)


def test_saturday_session_and_after_hours_appointments(services: Services) -> None:
    sat = services.intake.accept(
        birth_draft(channel="saturday_session", received_at=datetime(2026, 11, 21, 8, 15))
    )
    assert sat.channel is Channel.SATURDAY_SESSION
    assert sat.clock_start_at == datetime(2026, 11, 23, 7, 0)
    assert sat.due_at == datetime(2026, 11, 23, 17, 0)
    late = services.intake.accept(birth_draft(received_at=datetime(2026, 11, 20, 15, 10)))
    assert late.due_at == datetime(2026, 11, 23, 17, 0)  # after 15:00 Friday → Monday


def test_three_day_procedure_skips_the_culture_day_holiday(services: Services) -> None:
    draft = IntakeDraft(
        procedure_code="1.004873",
        owner=applicant(),
        components=(ComponentInput("1.004873-01", "original", 1),),
        received_at=datetime(2026, 11, 23, 9, 30),
    )
    d = services.intake.accept(draft)
    # Tue 24/11/2026 is Ngày Văn hóa Việt Nam: 25, 26, 27 → Fri 27/11 09:30.
    assert d.due_at == datetime(2026, 11, 27, 9, 30)


def test_alternative_processing_time(services: Services) -> None:
    draft = IntakeDraft(
        procedure_code="1.000894",
        owner=applicant(),
        components=(ComponentInput("1.000894-01"),),
        received_at=datetime(2026, 11, 23, 9, 30),
        use_alt_processing=True,
    )
    d = services.intake.accept(draft)
    assert d.processing_days == 5
    with pytest.raises(ValidationError) as err:
        services.intake.accept(birth_draft(use_alt_processing=True))
    assert _codes(err.value) == {"use_alt_processing": "not_available"}


def test_fees_default_from_catalog_and_exemption(services: Services) -> None:
    sig = IntakeDraft(
        procedure_code="2.000884",
        owner=applicant(),
        components=(ComponentInput("2.000884-01"), ComponentInput("2.000884-02")),
        received_at=datetime(2026, 11, 23, 9, 30),
    )
    d = services.intake.accept(sig)
    assert (d.fee_amount, d.fee_method) == (10_000, FeeMethod.CASH)
    free = services.intake.accept(
        IntakeDraft(**{**sig.__dict__, "fee_method": "exempt", "fee_amount": 10_000})
    )
    assert (free.fee_amount, free.fee_method) == (0, FeeMethod.EXEMPT)
    with pytest.raises(ValidationError) as err:
        services.intake.accept(IntakeDraft(**{**sig.__dict__, "fee_amount": -1}))
    assert _codes(err.value) == {"fee_amount": "negative"}


def test_component_form_count_and_extra_paper(services: Services) -> None:
    d = services.intake.accept(
        birth_draft(
            components=(
                ComponentInput("1.001193-01", "original", 1),
                ComponentInput("1.001193-02", "certified", 2),
                ComponentInput(None, "copy", 1, name="Sổ hộ khẩu cũ (tham khảo)"),
            )
        )
    )
    assert [(c.form, c.count) for c in d.components] == [
        (DocForm.ORIGINAL, 1),
        (DocForm.CERTIFIED, 2),
        (DocForm.COPY, 1),
    ]
    with pytest.raises(ValidationError) as err:
        services.intake.accept(
            birth_draft(
                components=(
                    ComponentInput("1.001193-01", "original", 0),
                    ComponentInput("1.001193-02", "original", 1),
                    ComponentInput("1.001193-02", "original", 1),
                    ComponentInput(None, "copy", 1),
                )
            )
        )
    codes = _codes(err.value)
    assert codes["components[0].count"] == "out_of_range"
    assert codes["components[2].id"] == "duplicate"
    assert codes["components[3].name"] == "required"


def test_received_in_the_future_and_unknown_procedure(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        services.intake.accept(
            birth_draft(procedure_code="9.999999", received_at=datetime(2026, 11, 23, 11, 0))
        )
    codes = _codes(err.value)
    assert codes["procedure"] == "unknown"
    assert codes["received_at"] == "in_future"


def test_receiving_officer_is_required(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        services.intake.accept(birth_draft(received_by="  "))
    assert _codes(err.value) == {"received_by": "required"}


@pytest.mark.parametrize(
    ("pages", "copies", "expected"),
    [
        (1, 1, 2_000),
        (2, 1, 4_000),
        (5, 2, 2 * (4_000 + 3_000)),  # 2.000 đ for pages 1–2, 1.000 đ from page 3
        (300, 1, 200_000),  # capped at 200.000 đ a copy
        (300, 3, 600_000),
    ],
)
def test_copy_certification_fee_is_computed_by_pages_and_copies(
    services: Services, pages: int, copies: int, expected: int
) -> None:
    procedure = services.catalog.get("2.000815")
    assert procedure.fee_varies
    assert procedure.fee_for(pages=pages, copies=copies) == expected
    d = services.intake.accept(
        IntakeDraft(
            procedure_code="2.000815",
            owner=applicant(),
            components=(ComponentInput("2.000815-01"),),
            received_at=datetime(2026, 11, 23, 9, 30),
            fee_pages=pages,
            fee_copies=copies,
        )
    )
    assert d.fee_amount == expected


def test_per_copy_fee_and_fixed_fee(services: Services) -> None:
    assert services.catalog.get("2.000635").fee_for(copies=3) == 24_000
    assert services.catalog.get("2.000884").fee_for(pages=9, copies=9) == 10_000
    assert not services.catalog.get("2.000884").fee_varies
    with pytest.raises(ValidationError) as err:
        services.intake.accept(birth_draft(fee_pages=0, fee_copies=0))
    assert set(_codes(err.value)) == {"fee_pages", "fee_copies"}


def test_a_fee_of_two_to_the_63_is_a_validation_error(services: Services) -> None:
    with pytest.raises(ValidationError) as info:
        services.intake.accept(birth_draft(fee_amount=2**63, fee_method="cash"))
    err = info.value.for_field("fee_amount")
    assert err is not None
    assert err.code == "out_of_range"


def test_receipt_times_the_calendar_cannot_compute_are_refused(services: Services) -> None:
    for moment in (datetime(9999, 12, 31, 23, 59), datetime(1899, 1, 1, 8, 0)):
        with pytest.raises(ValidationError) as info:
            services.intake.accept(birth_draft(received_at=moment, allow_future=True))
        err = info.value.for_field("received_at")
        assert err is not None
        assert err.code == "out_of_range"
        with pytest.raises(ValidationError):
            services.intake.preview_due(procedure_code="1.001193", received_at=moment)
    # Before 2000: only on purpose.
    with pytest.raises(ValidationError) as info:
        services.intake.accept(birth_draft(received_at=datetime(1999, 12, 1, 8, 0)))
    err = info.value.for_field("received_at")
    assert err is not None
    assert err.code == "unusual_date"
