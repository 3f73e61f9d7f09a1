"""Legal slips as PDF bytes, filled from the store and the settings.

reportlab and openpyxl are imported on first use so start-up stays fast.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from hcc_desktop.core.domain import (
    Dossier,
    DossierEvent,
    MissingComponent,
    PaperSize,
    SupplementGuidance,
)
from hcc_desktop.core.errors import FieldError, PrintError, ValidationError
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.dossiers.query import DossierQueryService
from hcc_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    from hcc_desktop.printing.slips import BookRow, ControlStep, TrackingBook
    from hcc_desktop.services.access import AccessLogService

# Row headings of the control slip (Mẫu 06), by event kind.
STEP_LABELS = {
    "received": "Tiếp nhận hồ sơ",
    "receipt_corrected": "Cập nhật thông tin tiếp nhận",
    "handed_over": "Giao hồ sơ để giải quyết",
    "supplement_requested": "Yêu cầu bổ sung, hoàn thiện hồ sơ",
    "supplement_received": "Nhận hồ sơ bổ sung",
    "payment_requested": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "payment_received": "Đã thực hiện nghĩa vụ tài chính",
    "refused": "Từ chối giải quyết hồ sơ",
    "withdrawn": "Công dân rút hồ sơ",
    "stopped": "Dừng giải quyết hồ sơ",
    "processed": "Chuyển kết quả về Bộ phận một cửa",
    "returned": "Trả kết quả cho công dân",
}
MAX_BOOK_DAYS = 366


class PrintService:
    def __init__(
        self,
        *,
        catalog: CatalogService,
        settings: SettingsService,
        dossiers: DossierQueryService,
        access: AccessLogService | None = None,
    ) -> None:
        self._catalog = catalog
        self._settings = settings
        self._dossiers = dossiers
        # Every slip of a stored dossier and every book is logged before it is handed
        # back (issue 12 item 4); None only for a service built without a store's log.
        self._access = access

    def _logged(self, pdf: bytes, dossier: Dossier, form: str) -> bytes:
        """``pdf`` once its printing is in the access log (a failure to log raises:
        the slip is not handed out)."""
        if self._access is not None:
            self._access.printed(dossier, form)
        return pdf

    def _book_logged(self, data: bytes, book: TrackingBook, action: str, what: str) -> bytes:
        if self._access is not None:
            detail = (
                f"{what} {book.period_from:%d/%m/%Y}–{book.period_to:%d/%m/%Y} "
                f"({len(book.rows)} hồ sơ)"
            )
            self._access.record(action, detail=detail)
        return data

    def _dossier(self, dossier: Dossier | str) -> Dossier:
        return self._dossiers.get(dossier) if isinstance(dossier, str) else dossier

    def _paper(self, paper: PaperSize | None) -> PaperSize:
        return paper or self._settings.load().paper_size

    def _last(self, dossier: Dossier, kind: str) -> DossierEvent:
        events = [e for e in self._dossiers.timeline(dossier.id) if e.kind == kind]
        if not events:
            raise PrintError("no_such_event", kind=kind, code=dossier.code)
        return events[-1]

    # -- Mẫu 01, 02 ---------------------------------------------------------------

    def receipt_pdf(
        self, dossier: Dossier | str, *, paper: PaperSize | None = None, copies: int = 2
    ) -> bytes:
        """Mẫu 01 for a stored dossier (given as the object, its id or its code):
        ``copies`` liên, by default liên 1 (kept) and liên 2 (for the applicant)."""
        from hcc_desktop.printing import render_receipt  # reportlab: load on first print

        dossier = self._dossier(dossier)
        settings = self._settings.load()
        procedure = self._catalog.get(dossier.procedure_code)
        pdf = render_receipt(
            dossier, procedure, settings.unit_info(), paper=self._paper(paper), copies=copies
        )
        return self._logged(pdf, dossier, "Mẫu 01 (giấy tiếp nhận và hẹn trả kết quả)")

    def supplement_guidance_pdf(
        self, guidance: SupplementGuidance, *, paper: PaperSize | None = None
    ) -> bytes:
        """The supplement guidance slip as PDF bytes (paper from the settings unless given)."""
        from hcc_desktop.printing import render_supplement_guidance

        settings = self._settings.load()
        return render_supplement_guidance(guidance, settings.unit_info(), paper=self._paper(paper))

    def supplement_request_pdf(
        self, dossier: Dossier | str, *, paper: PaperSize | None = None
    ) -> bytes:
        """Mẫu 02 for a dossier whose supplement was requested (its last request)."""
        dossier = self._dossier(dossier)
        event = self._last(dossier, "supplement_requested")
        settings = self._settings.load()
        raw = cast(list[dict[str, Any]], event.data.get("missing") or [])
        missing = tuple(
            MissingComponent(
                name=m["name"],
                originals=int(m.get("originals", 0)),
                certified=int(m.get("certified", 0)),
                copies=int(m.get("copies", 0)),
                note=m.get("note", ""),
            )
            for m in raw
        ) or (MissingComponent.typed(event.reason),)
        guidance = SupplementGuidance(
            dossier_code=dossier.code,
            applicant=dossier.owner,
            procedure_code=dossier.procedure_code,
            procedure_name=dossier.procedure_name,
            missing=missing,
            reason=event.reason,
            guided_by=event.actor,
            guided_at=event.at,
            officer_phone=settings.officer_phone or settings.unit_phone,
            lookup_hint="Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), mã thủ tục "
            + dossier.procedure_code,
        )
        pdf = self.supplement_guidance_pdf(guidance, paper=paper)
        return self._logged(pdf, dossier, "Mẫu 02 (yêu cầu bổ sung, hoàn thiện hồ sơ)")

    # -- Mẫu 03–06 ----------------------------------------------------------------

    def refusal_pdf(self, dossier: Dossier | str, *, paper: PaperSize | None = None) -> bytes:
        """Mẫu 03 for a refused dossier."""
        from hcc_desktop.printing.slips import RefusalNotice, render_refusal

        dossier = self._dossier(dossier)
        event = self._last(dossier, "refused")
        notice = RefusalNotice(
            dossier=dossier, reason=event.reason, refused_by=event.actor, refused_at=event.at
        )
        pdf = render_refusal(notice, self._settings.load().unit_info(), paper=self._paper(paper))
        return self._logged(pdf, dossier, "Mẫu 03 (từ chối tiếp nhận, giải quyết)")

    def apology_pdf(self, dossier: Dossier | str, *, paper: PaperSize | None = None) -> bytes:
        """Mẫu 04 from the dossier's last recorded apology (LifecycleService.issue_apology)."""
        from hcc_desktop.printing.slips import ApologyLetter, render_apology

        dossier = self._dossier(dossier)
        event = self._last(dossier, "apology_issued")
        settings = self._settings.load()
        letter = ApologyLetter(
            dossier=dossier,
            reason=event.reason,
            new_due_at=datetime.fromisoformat(str(event.data["new_due_at"])),
            # Recorded with the apology; older records fall back to the settings.
            signer_title=str(event.data.get("signer_title") or settings.signer_title),
            signer_name=str(
                event.data.get("signer_name", "")
                if event.data.get("signer_title")
                else settings.signer_name
            ),
            issued_at=event.at,
        )
        pdf = render_apology(letter, settings.unit_info(), paper=self._paper(paper))
        return self._logged(pdf, dossier, "Mẫu 04 (phiếu xin lỗi và hẹn lại)")

    def stop_notice_pdf(self, dossier: Dossier | str, *, paper: PaperSize | None = None) -> bytes:
        """Mẫu 05 for a dossier whose processing was stopped."""
        from hcc_desktop.printing.slips import StopNotice, render_stop_notice

        dossier = self._dossier(dossier)
        event = self._last(dossier, "stopped")
        settings = self._settings.load()
        notice = StopNotice(
            dossier=dossier,
            reason=event.reason,
            signer_title=settings.signer_title,
            signer_name=settings.signer_name,
            issued_at=event.at,
        )
        pdf = render_stop_notice(notice, settings.unit_info(), paper=self._paper(paper))
        return self._logged(pdf, dossier, "Mẫu 05 (phiếu dừng giải quyết)")

    def control_steps(self, dossier: Dossier | str) -> list[ControlStep]:
        """The rows of Mẫu 06: every hand-over of the dossier between people."""
        from hcc_desktop.core.lifecycle import classify
        from hcc_desktop.printing.slips import ControlStep, hand_over_text
        from hcc_desktop.printing.wording import CONTROL

        dossier = self._dossier(dossier)
        submitter = (dossier.submitter or dossier.owner).full_name
        one_stop, citizen = CONTROL["one_stop"], CONTROL["citizen"]
        steps: list[ControlStep] = []
        processed_at = None
        department = ""  # the body holding the dossier after a hand-over
        for e in self._dossiers.timeline(dossier.id):
            label = STEP_LABELS.get(e.kind)
            if label is None:
                continue
            data = e.data
            giver, receiver, note = e.actor, "", e.reason
            # Bodies (column "Tên cơ quan, bộ phận"): who gave, who took.
            giver_body, receiver_body = one_stop, citizen
            if e.kind == "received":
                giver, receiver = submitter, e.actor
                giver_body, receiver_body = citizen, one_stop
            elif e.kind in ("handed_over", "processed"):
                giver = str(data.get("giver") or e.actor)
                receiver = str(data.get("receiver", ""))
                named = str(data.get("department") or "")
                if named:
                    receiver = f"{receiver} ({named})" if receiver else named
                if e.kind == "handed_over":
                    giver_body = department or one_stop
                    receiver_body = named or receiver
                    department = receiver_body
                else:
                    giver_body = department or giver
                    receiver_body = one_stop
            elif e.kind == "supplement_received":
                giver, receiver = submitter, e.actor
                giver_body, receiver_body = citizen, one_stop
                waited = int(str(data.get("waited_days", 0)))
                if waited:
                    note = f"Thời hạn lùi {waited} ngày làm việc"
            elif e.kind == "returned":
                collector = cast(dict[str, Any], data.get("collector") or {})
                receiver = str(collector.get("full_name", ""))
            elif e.kind == "payment_requested" and data.get("amount"):
                receiver = dossier.owner.full_name
                note = f"Số tiền: {int(str(data['amount'])):,} đồng".replace(",", ".")
            else:
                receiver = dossier.owner.full_name
            if e.kind == "processed" and processed_at is None:
                processed_at = e.at
            verdict = None
            if e.kind != "received":
                # A result ready on time and collected later is on time, as
                # for the dossier itself: the citizen's day is not a delay.
                ended = processed_at if e.kind == "returned" and processed_at else e.at
                v = classify(
                    due=dossier.due_at, ended=ended, supplement_count=dossier.supplement_count
                )
                verdict = v.value if v else None
            steps.append(
                ControlStep(
                    action=hand_over_text(giver_body, receiver_body),
                    giver=giver,
                    receiver=receiver,
                    at=e.at,
                    timeliness=verdict,
                    # What happened, then the officer's reason or remark.
                    note="; ".join(part for part in (label, note) if part),
                )
            )
        return steps

    def handling_bodies(self, dossier: Dossier | str) -> list[str]:
        """The departments the dossier was handed to, first (the one that
        handles it) to last (cooperating ones), each once."""
        dossier = self._dossier(dossier)
        bodies: list[str] = []
        for e in self._dossiers.timeline(dossier.id):
            department = str(e.data.get("department") or "").strip()
            if e.kind == "handed_over" and department and department not in bodies:
                bodies.append(department)
        return bodies

    def control_slip_pdf(self, dossier: Dossier | str, *, paper: PaperSize | None = None) -> bytes:
        """Mẫu 06 filled from the dossier's hand-over history."""
        from hcc_desktop.printing.slips import ControlSlip, render_control_slip

        dossier = self._dossier(dossier)
        bodies = self.handling_bodies(dossier)
        slip = ControlSlip(
            dossier=dossier,
            steps=tuple(self.control_steps(dossier)),
            handling_body=bodies[0] if bodies else "",
            cooperating_bodies=tuple(bodies[1:]),
            timeliness=dossier.timeliness.value if dossier.timeliness else None,
            blank_rows=0 if dossier.ended_at else 2,
        )
        pdf = render_control_slip(slip, self._settings.load().unit_info(), paper=self._paper(paper))
        return self._logged(pdf, dossier, "Mẫu 06 (phiếu kiểm soát quá trình giải quyết)")

    # -- Mẫu 07 ------------------------------------------------------------------------

    def tracking_book(self, start: date, end: date) -> TrackingBook:
        """Mẫu 07 rows for the dossiers received from ``start`` to ``end`` inclusive
        (shown on screen: logged as an opening of the book)."""
        book = self._tracking_book(start, end)
        self._book_logged(b"", book, "open", "Sổ theo dõi (Mẫu 07)")
        return book

    def _tracking_book(self, start: date, end: date) -> TrackingBook:
        from hcc_desktop.printing.slips import BookRow, TrackingBook

        if end < start:
            raise ValidationError([FieldError("to", "before_from")])
        if (end - start).days > MAX_BOOK_DAYS:
            raise ValidationError([FieldError("to", "period_too_long", {"max": MAX_BOOK_DAYS})])
        settings = self._settings.load()
        short_names = {
            p.code: p.short_name.strip() for p in self._catalog.list(include_inactive=True)
        }
        rows: list[BookRow] = []
        lo = datetime.combine(start, time())
        hi = datetime.combine(end + timedelta(days=1), time())
        for d, handled_by, collected_by in self._dossiers.book_entries(lo, hi):
            rows.append(
                BookRow(
                    order_no=d.order_no,
                    code=d.code,
                    # The short name of the catalog; the dossier's own title without one.
                    procedure_name=short_names.get(d.procedure_code) or d.procedure_name,
                    sets_count=d.sets_count,
                    owner_name=d.owner.full_name,
                    owner_address=d.owner.address,
                    owner_phone=d.owner.phone,
                    received_at=d.received_at,
                    due_at=d.due_at,
                    result_at=d.ended_at,
                    returned_at=d.returned_at,
                    received_by=d.received_by,
                    collected_by=collected_by,
                    note=_book_note(d),
                    handling_body=handled_by,
                )
            )
        return TrackingBook(
            unit=settings.unit_info(),
            book_no=settings.effective_book_no(start.year),
            period_from=start,
            period_to=end,
            rows=tuple(rows),
        )

    def tracking_book_pdf(self, start: date, end: date) -> bytes:
        """The tracking book (Mẫu 07) from ``start`` to ``end`` as PDF bytes."""
        from hcc_desktop.printing.slips import render_tracking_book

        book = self._tracking_book(start, end)
        return self._book_logged(render_tracking_book(book), book, "print", "Sổ theo dõi (Mẫu 07)")

    def tracking_book_xlsx(self, start: date, end: date) -> bytes:
        """The tracking book (Mẫu 07) from ``start`` to ``end`` as an .xlsx workbook."""
        from hcc_desktop.printing.book_xlsx import write_tracking_book_xlsx

        book = self._tracking_book(start, end)
        data = write_tracking_book_xlsx(book)
        return self._book_logged(data, book, "export", "Sổ theo dõi (Mẫu 07) .xlsx")

    @staticmethod
    def save(data: bytes, path: Path) -> Path:
        """Write atomically so a half-written file never replaces a good one."""
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            raise PrintError("save_failed", path=str(path), detail=exc.strerror) from exc
        return path


_STATUS_NOTES = {
    3: "Không được tiếp nhận",
    7: "Công dân rút hồ sơ",
    8: "Dừng xử lý",
}
_TIMELINESS_NOTES = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}


def _book_note(d: Dossier) -> str:
    parts = []
    if int(d.status) in _STATUS_NOTES:
        parts.append(_STATUS_NOTES[int(d.status)])
    if d.timeliness is not None:
        parts.append(_TIMELINESS_NOTES[d.timeliness.value])
    if d.supplement_count:
        parts.append(f"Bổ sung {d.supplement_count} lần")
    return "; ".join(parts)
