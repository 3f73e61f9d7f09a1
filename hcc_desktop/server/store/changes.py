"""The changes feed a device pulls: everything of its unit after its cursor."""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import (
    String,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from hcc_desktop.server.models import (
    GLOBAL_SCOPE,
    DossierDoc,
    EventDoc,
    PublishedDoc,
    RatingDoc,
)
from hcc_desktop.server.store.common import (
    MAX_PAGE,
    VERSIONED_MODELS,
    ChangesPage,
    DeviceIdentity,
    StoreBase,
    among,
    bad_request,
    doc_table,
    id_chunks,
)


class _Change(NamedTuple):
    rev: int
    kind: str
    dossier_id: str  # a dossier's own id, an event's or a rating's dossier; else ""
    data: dict[str, Any]


class ChangesMixin(StoreBase):
    # pull ---------------------------------------------------------------------------------

    def changes_since(self, device: DeviceIdentity, since: int, limit: int) -> ChangesPage:
        """The unit's changes after ``since`` made by other devices, oldest first.

        Two refinements of plain rev order (docs/sync.md, "Pull"):

        - A device's own writes are left out only from its latest registration
          on: a device registering again after losing its database gets back
          what it had pushed before.
        - An event or rating never comes before its dossier. A dossier changed
          after its history was written has a higher rev than that history; when
          a page holds an event whose dossier the device has not had yet, the
          dossier's current snapshot is moved (or, if it lies beyond the page,
          copied) just before the event. A copy comes again at its own place,
          with the same rev and data.
        """
        if since < 0:
            raise bad_request("since must be >= 0")
        if not 1 <= limit <= MAX_PAGE:
            raise bad_request(f"limit must be between 1 and {MAX_PAGE}")
        unit, fetch = device.unit_code, limit + 1
        scopes = (GLOBAL_SCOPE, unit)
        with self.db.read() as s:
            found = [
                _Change(rev, kind, dossier_id or "", data)
                for rev, kind, dossier_id, data in s.execute(
                    self._changes_query(device, since, fetch, scopes)
                ).all()
            ]
            more = len(found) > limit
            page = found[:limit]
            # Without more, everything of the unit up to this snapshot's newest
            # revision has been seen (own writes included): skip past it at once.
            cursor = page[-1].rev if more else max(since, self._unit_high_water(s, unit, scopes))
            changes = self._dossiers_first(s, device, since, page)
        return ChangesPage(changes, cursor, more)

    def _changes_query(
        self, device: DeviceIdentity, since: int, fetch: int, scopes: tuple[str, str]
    ) -> Select[tuple[int, str, str | None, dict[str, Any]]]:
        """The first ``fetch`` changes after ``since``: (rev, kind, dossier id, data).

        One statement: each branch walks its table's (unit_code, rev) index and
        stops after ``fetch`` rows, and only the rows of the page leave the
        database (and have their JSON decoded).
        """
        branches: list[Select[Any]] = []
        models: tuple[tuple[str, Any], ...] = (
            ("dossier", DossierDoc),
            ("event", EventDoc),
            ("rating", RatingDoc),
            *VERSIONED_MODELS.items(),
        )
        for kind, model in models:
            c = doc_table(model).c
            dossier_id: Any
            if kind == "dossier":
                dossier_id, mine = c.id, self._not_own(device, c.last_device, c.updated_at)
            elif kind in VERSIONED_MODELS:
                # A complaint's dossier, a visit's resident, travel inside the data.
                dossier_id = cast(null(), String())
                mine = self._not_own(device, c.last_device, c.updated_at)
            else:
                dossier_id, mine = (
                    c.dossier_id,
                    self._not_own(device, c.origin_device, c.created_at),
                )
            branch = (
                select(
                    c.rev, literal(kind, String()).label("kind"), dossier_id.label("ref"), c.data
                )
                .where(c.unit_code == device.unit_code, c.rev > since, mine)
                .order_by(c.rev)
                .limit(fetch)
                .subquery()
            )
            branches.append(select(branch))
        p = PublishedDoc.__table__.c
        published = (
            select(p.rev, p.kind, cast(null(), String()).label("ref"), p.data)
            .where(p.scope.in_(scopes), p.rev > since)
            .order_by(p.rev)
            .limit(fetch)
            .subquery()
        )
        branches.append(select(published))
        changes = union_all(*branches).subquery()
        return (
            select(changes.c.rev, changes.c.kind, changes.c.ref, changes.c.data)
            .order_by(changes.c.rev)
            .limit(fetch)
        )

    @staticmethod
    def _not_own(device: DeviceIdentity, writer: Any, written_at: Any) -> Any:
        if device.registered_at is None:
            return writer != device.id
        return or_(writer != device.id, written_at < device.registered_at)

    def _dossiers_first(
        self, s: Session, device: DeviceIdentity, since: int, page: list[_Change]
    ) -> list[dict[str, Any]]:
        in_page = {c.dossier_id: c for c in page if c.kind == "dossier"}
        needed = {c.dossier_id for c in page if c.kind in ("event", "rating")} - set(in_page)
        ahead: dict[str, _Change] = {}
        t = DossierDoc.__table__.c
        for chunk in id_chunks(needed, self.db.is_postgresql):
            # Only dossiers the device has not had: changed after ``since`` and
            # not its own (it holds those). One query per page.
            query = select(t.id, t.rev, t.data).where(
                among(t.id, chunk, self.db.is_postgresql),
                t.unit_code == device.unit_code,
                t.rev > since,
                self._not_own(device, t.last_device, t.updated_at),
            )
            for dossier_id, rev, data in s.execute(query).all():
                ahead[dossier_id] = _Change(rev, "dossier", dossier_id, data)
        changes: list[dict[str, Any]] = []
        sent: set[str] = set()
        for change in page:
            if change.kind == "dossier":
                if change.dossier_id in sent:
                    continue
                sent.add(change.dossier_id)
            elif change.kind in ("event", "rating"):
                dossier_id = change.dossier_id
                early = in_page.get(dossier_id) or ahead.get(dossier_id)
                if early is not None and dossier_id not in sent:
                    sent.add(dossier_id)
                    changes.append({"rev": early.rev, "kind": "dossier", "data": early.data})
            changes.append({"rev": change.rev, "kind": change.kind, "data": change.data})
        return changes

    @staticmethod
    def _unit_high_water(s: Session, unit: str, scopes: tuple[str, str]) -> int:
        tops = [
            s.execute(select(func.max(DossierDoc.rev)).where(DossierDoc.unit_code == unit)),
            s.execute(select(func.max(EventDoc.rev)).where(EventDoc.unit_code == unit)),
            s.execute(select(func.max(RatingDoc.rev)).where(RatingDoc.unit_code == unit)),
            *(
                s.execute(select(func.max(m.rev)).where(m.unit_code == unit))
                for m in VERSIONED_MODELS.values()
            ),
            s.execute(select(func.max(PublishedDoc.rev)).where(PublishedDoc.scope.in_(scopes))),
        ]
        return max((int(t.scalar() or 0) for t in tops), default=0)

    # published documents -----------------------------------------------------------------
