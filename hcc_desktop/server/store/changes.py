"""The changes feed a device pulls: everything of its unit after its cursor."""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson
from sqlalchemy import (
    LargeBinary,
    String,
    Text,
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
    MAX_PAGE_BYTES,
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


class _Candidate(NamedTuple):
    rev: int
    kind: str
    dossier_id: str
    size: int  # bytes of the stored JSON text


def _slices(values: list[int], size: int = 500) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


_DOC_MODELS: tuple[tuple[str, Any], ...] = (
    ("dossier", DossierDoc),
    ("event", EventDoc),
    ("rating", RatingDoc),
    # Complaints and the field work records (sessions, residents, visits).
    *VERSIONED_MODELS.items(),
)


class ChangesMixin(StoreBase):
    # pull ---------------------------------------------------------------------------------

    def changes_since(
        self,
        device: DeviceIdentity,
        since: int,
        limit: int,
        max_bytes: int = MAX_PAGE_BYTES,
        *,
        raw: bool = False,
    ) -> ChangesPage:
        """The unit's changes after ``since`` made by other devices, oldest first.

        ``raw``: each record's ``data`` is its stored JSON text as an
        ``orjson.Fragment``, written into the response as it is (the HTTP
        endpoint): a first pull would otherwise decode every document from the
        database only to encode it again.

        A page holds at most ``limit`` changes and about ``max_bytes`` bytes
        of records (a single larger record still goes, alone): the sizes are
        read first, and only the records of the page leave the database.

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
                _Candidate(rev, kind, dossier_id or "", int(size or 0))
                for rev, kind, dossier_id, size in s.execute(
                    self._changes_query(device, since, fetch, scopes)
                ).all()
            ]
            # The page may end before a dossier found here: ask for every one.
            needed = {c.dossier_id for c in found if c.kind in ("event", "rating")}
            ahead = self._dossiers_ahead(s, device, since, needed)
            page = self._cut(found[:limit], ahead, max_bytes)
            more = len(found) > len(page)
            # Without more, everything of the unit up to this snapshot's newest
            # revision has been seen (own writes included): skip past it at once.
            cursor = page[-1].rev if more else max(since, self._unit_high_water(s, unit, scopes))
            changes = self._dossiers_first(s, device, page, ahead, scopes, raw)
        return ChangesPage(changes, cursor, more)

    @staticmethod
    def _cut(
        candidates: list[_Candidate], ahead: dict[str, _Candidate], max_bytes: int
    ) -> list[_Candidate]:
        """The longest prefix within ``max_bytes`` (at least one change), counting the
        dossiers that will be sent ahead of their events."""
        page: list[_Candidate] = []
        total = 0
        counted: set[str] = set()
        for c in candidates:
            size = c.size
            extra: set[str] = set()
            if c.kind == "dossier":
                extra.add(c.dossier_id)
            elif (
                c.kind in ("event", "rating")
                and c.dossier_id in ahead
                and c.dossier_id not in counted
            ):
                size += ahead[c.dossier_id].size
                extra.add(c.dossier_id)
            if page and total + size > max_bytes:
                break
            page.append(c)
            total += size
            counted |= extra
        return page

    def _changes_query(
        self, device: DeviceIdentity, since: int, fetch: int, scopes: tuple[str, str]
    ) -> Select[Any]:
        """The first ``fetch`` changes after ``since``: (rev, kind, dossier id, size).

        One statement: each branch walks its table's (unit_code, rev) index and
        stops after ``fetch`` rows; the records themselves stay in the
        database until the page is cut (``_load``).
        """
        branches: list[Select[Any]] = []
        for kind, model in _DOC_MODELS:
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
                    c.rev,
                    literal(kind, String()).label("kind"),
                    dossier_id.label("ref"),
                    self._size(c.data).label("size"),
                )
                .where(c.unit_code == device.unit_code, c.rev > since, mine)
                .order_by(c.rev)
                .limit(fetch)
                .subquery()
            )
            branches.append(select(branch))
        p = PublishedDoc.__table__.c
        published = (
            select(
                p.rev,
                p.kind,
                cast(null(), String()).label("ref"),
                self._size(p.data).label("size"),
            )
            .where(p.scope.in_(scopes), p.rev > since)
            .order_by(p.rev)
            .limit(fetch)
            .subquery()
        )
        branches.append(select(published))
        changes = union_all(*branches).subquery()
        return (
            select(changes.c.rev, changes.c.kind, changes.c.ref, changes.c.size)
            .order_by(changes.c.rev)
            .limit(fetch)
        )

    def _size(self, data: Any) -> Any:
        """The bytes of a stored document's JSON text."""
        if self.db.is_postgresql:
            return func.octet_length(cast(data, Text()))
        return func.length(cast(data, LargeBinary()))

    @staticmethod
    def _not_own(device: DeviceIdentity, writer: Any, written_at: Any) -> Any:
        if device.registered_at is None:
            return writer != device.id
        return or_(writer != device.id, written_at < device.registered_at)

    def _dossiers_ahead(
        self, s: Session, device: DeviceIdentity, since: int, needed: set[str]
    ) -> dict[str, _Candidate]:
        """Of the dossiers of the candidate events and ratings, those the device has
        not had (changed after ``since`` and not its own): their rev and size."""
        ahead: dict[str, _Candidate] = {}
        t = DossierDoc.__table__.c
        for chunk in id_chunks(needed, self.db.is_postgresql):
            query = select(t.id, t.rev, self._size(t.data)).where(
                among(t.id, chunk, self.db.is_postgresql),
                t.unit_code == device.unit_code,
                t.rev > since,
                self._not_own(device, t.last_device, t.updated_at),
            )
            for dossier_id, rev, size in s.execute(query).all():
                ahead[dossier_id] = _Candidate(rev, "dossier", dossier_id, int(size or 0))
        return ahead

    def _load(
        self,
        s: Session,
        unit: str,
        scopes: tuple[str, str],
        revs: dict[str, set[int]],
        raw: bool = False,
    ) -> dict[int, Any]:
        """The documents of the given revisions, per kind: {rev: data} (with
        ``raw``, data as an ``orjson.Fragment`` of the stored text)."""
        data: dict[int, Any] = {}

        def document(column: Any) -> Any:
            return cast(column, Text()) if raw else column

        for kind, model in _DOC_MODELS:
            c = doc_table(model).c
            for chunk in _slices(sorted(revs.get(kind, set()))):
                query = select(c.rev, document(c.data)).where(c.unit_code == unit, c.rev.in_(chunk))
                data.update((int(rev), doc) for rev, doc in s.execute(query).all())
        published = sorted(
            rev
            for kind, kind_revs in revs.items()
            if kind not in dict(_DOC_MODELS)
            for rev in kind_revs
        )
        p = PublishedDoc.__table__.c
        for chunk in _slices(published):
            query = select(p.rev, document(p.data)).where(p.scope.in_(scopes), p.rev.in_(chunk))
            data.update((int(rev), doc) for rev, doc in s.execute(query).all())
        if raw:
            return {rev: orjson.Fragment(text) for rev, text in data.items()}
        return data

    def _dossiers_first(
        self,
        s: Session,
        device: DeviceIdentity,
        page: list[_Candidate],
        ahead: dict[str, _Candidate],
        scopes: tuple[str, str],
        raw: bool = False,
    ) -> list[dict[str, Any]]:
        in_page = {c.dossier_id: c for c in page if c.kind == "dossier"}
        early_for: dict[str, _Candidate] = {}
        for c in page:
            if c.kind in ("event", "rating"):
                early = in_page.get(c.dossier_id) or ahead.get(c.dossier_id)
                if early is not None:
                    early_for.setdefault(c.dossier_id, early)
        revs: dict[str, set[int]] = {}
        for c in [*page, *early_for.values()]:
            revs.setdefault(c.kind, set()).add(c.rev)
        data = self._load(s, device.unit_code, scopes, revs, raw)
        changes: list[dict[str, Any]] = []
        sent: set[str] = set()
        for change in page:
            if change.kind == "dossier":
                if change.dossier_id in sent:
                    continue
                sent.add(change.dossier_id)
            elif change.kind in ("event", "rating"):
                dossier_id = change.dossier_id
                early = early_for.get(dossier_id)
                if early is not None and dossier_id not in sent:
                    sent.add(dossier_id)
                    changes.append({"rev": early.rev, "kind": "dossier", "data": data[early.rev]})
            changes.append({"rev": change.rev, "kind": change.kind, "data": data[change.rev]})
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
