"""Push and pull over HTTP against a real server process, on PostgreSQL and SQLite."""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

from sqlalchemy import text

from .conftest import (
    DeviceClient,
    Harness,
    dossier_data,
    event_data,
    item,
    new_unit_code,
    rating_data,
)


def statuses(response: dict[str, Any]) -> list[str]:
    return [r["status"] for r in response["results"]]


def by_kind(changes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [c["data"] for c in changes if c["kind"] == kind]


def test_push_applies_then_reports_duplicates(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    dossier = dossier_data(device.unit_code)
    items = [
        item("dossier", dossier),
        item("event", event_data(dossier["id"])),
        item("rating", rating_data(dossier["id"])),
    ]
    first = device.push_ok(items)
    assert statuses(first) == ["applied"] * 3
    assert [r["id"] for r in first["results"]] == [i["id"] for i in items]
    revs = [r["rev"] for r in first["results"]]
    assert revs == sorted(revs)
    assert len(set(revs)) == 3
    assert first["cursor_hint"] >= max(revs)

    # The outbox sent again (a lost response): nothing changes, same revisions.
    again = device.push_ok(items)
    assert statuses(again) == ["duplicate"] * 3
    assert [r["rev"] for r in again["results"]] == revs


def test_a_repeated_batch_id_gets_the_same_response_and_applies_once(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    reader = harness.device(device.unit_code)
    batch_id = str(uuid.uuid4())
    dossier = dossier_data(device.unit_code)
    first = device.push_ok([item("dossier", dossier)], batch_id=batch_id)
    # Same batch id, even with other content: the stored response comes back.
    changed = dict(dossier, status=4)
    second = device.push_ok(
        [item("dossier", changed), item("dossier", dossier_data(device.unit_code))],
        batch_id=batch_id,
    )
    assert second == first
    changes, _ = reader.pull_all()
    assert by_kind(changes, "dossier") == [dossier]
    # The batch id belongs to the device: another device may use the same one.
    other = reader.push_ok([item("dossier", dossier_data(device.unit_code))], batch_id=batch_id)
    assert statuses(other) == ["applied"]


def test_conflict_when_another_device_changed_the_dossier(harness: Harness) -> None:
    unit = new_unit_code()
    laptop, counter = harness.device(unit), harness.device(unit)
    dossier = dossier_data(unit, status=2)
    rev1 = laptop.push_ok([item("dossier", dossier)])["results"][0]["rev"]

    # The same device changing its own dossier fast-forwards (no base_rev needed).
    mine = dict(dossier, status=4, version=2)
    result = laptop.push_ok([item("dossier", mine)])["results"][0]
    assert result["status"] == "applied"
    rev2 = result["rev"]
    assert rev2 > rev1

    # The counter PC pulled rev2 and changes it with base_rev = rev2.
    pulled, _ = counter.pull_all()
    assert by_kind(pulled, "dossier") == [mine]
    assert [c["rev"] for c in pulled] == [rev2]
    theirs = dict(mine, status=9, version=3)
    rev3 = counter.push_ok([item("dossier", theirs, base_rev=rev2)])["results"][0]["rev"]

    # The laptop, still at rev2, changes it too: conflict, nothing overwritten.
    stale = dict(mine, status=5, version=3)
    conflict = laptop.push_ok([item("dossier", stale, base_rev=rev2)])["results"][0]
    assert conflict["status"] == "conflict"
    assert conflict["rev"] == rev3
    assert conflict["server"] == {"rev": rev3, "data": theirs}
    pulled, _ = laptop.pull_all()
    assert by_kind(pulled, "dossier") == [theirs]

    # Sending exactly what the server holds is a duplicate, whatever the base.
    same = laptop.push_ok([item("dossier", theirs, base_rev=rev1)])["results"][0]
    assert same == {"id": same["id"], "status": "duplicate", "rev": rev3}

    # "Keep mine": pushed again with the server's revision as base.
    kept = laptop.push_ok([item("dossier", stale, base_rev=rev3)])["results"][0]
    assert kept["status"] == "applied"
    assert kept["rev"] > rev3
    pulled, _ = counter.pull_all(since=rev3)
    assert by_kind(pulled, "dossier") == [stale]


def test_a_code_held_by_another_dossier_is_rejected(harness: Harness) -> None:
    unit = new_unit_code()
    a, b = harness.device(unit), harness.device(unit)
    first = dossier_data(unit)
    a.push_ok([item("dossier", first)])
    clash = dossier_data(unit, code=first["code"])
    result = b.push_ok([item("dossier", clash)])["results"][0]
    assert result["status"] == "rejected"
    assert result["reason"] == "duplicate_code"
    # The same code in another unit is another code.
    c = harness.device(new_unit_code())
    elsewhere = dossier_data(c.unit_code, code=first["code"])
    assert statuses(c.push_ok([item("dossier", elsewhere)])) == ["applied"]


def test_events_and_ratings_need_their_dossier(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    dossier = dossier_data(device.unit_code)
    # Within a batch the order does not matter: the event may come first.
    response = device.push_ok([item("event", event_data(dossier["id"])), item("dossier", dossier)])
    assert statuses(response) == ["applied", "applied"]
    # An event of a later batch refers to a dossier sent earlier.
    later = device.push_ok([item("rating", rating_data(dossier["id"]))])
    assert statuses(later) == ["applied"]
    orphan = device.push_ok([item("event", event_data(str(uuid.uuid4())))])["results"][0]
    assert orphan["status"] == "rejected"
    assert orphan["reason"] == "unknown_dossier"


def test_a_bad_item_is_rejected_alone(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    good = dossier_data(device.unit_code)
    no_code = dossier_data(device.unit_code)
    del no_code["code"]
    response = device.push_ok(
        [
            {"id": "x1", "kind": "attachment", "data": {"id": "a"}},
            {"id": "x2", "kind": "dossier", "data": no_code},
            {"id": 3, "kind": "event", "data": "not an object"},
            {"id": "x4", "kind": "dossier", "data": good, "base_rev": "12"},
            item("dossier", good),
        ]
    )
    results = response["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"]
    assert {r["reason"] for r in results[:4]} == {"invalid_item"}
    assert results[2]["id"] == 3


def test_a_value_json_cannot_store_rejects_its_item_not_the_batch(harness: Harness) -> None:
    """NaN, Infinity and a lone surrogate are accepted by Python's JSON but
    not by PostgreSQL's JSONB: each rejects only the record holding it."""
    device = harness.device(new_unit_code())
    reader = harness.device(device.unit_code)
    good = dossier_data(device.unit_code)
    nan = dict(dossier_data(device.unit_code), fee=float("nan"))
    infinite = dict(dossier_data(device.unit_code), fee=float("-inf"))
    surrogate = dossier_data(device.unit_code)
    surrogate["applicant_name"] = "Nguy\ud800n"
    event = dict(event_data(good["id"]), note="\udfff")
    items = [
        item("dossier", nan),
        item("dossier", infinite),
        item("dossier", surrogate),
        item("event", event),
        item("dossier", good),
    ]
    # Python's encoder writes NaN, -Infinity and "\\ud800" escapes as they are.
    body = json.dumps({"batch_id": str(uuid.uuid4()), "items": items})
    assert "NaN" in body
    assert "-Infinity" in body
    assert "\\ud800" in body
    response = device.http.post(
        "/api/v1/push", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["applied"]
    assert {r["reason"] for r in results[:4]} == {"invalid_item"}
    pulled = by_kind(reader.pull_all()[0], "dossier")
    assert [d["id"] for d in pulled] == [good["id"]]


def test_batch_over_the_limit_is_refused(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    dossier = dossier_data(device.unit_code)
    items = [item("event", event_data(dossier["id"])) for _ in range(1001)]
    response = device.push(items)
    assert response.status_code == 413
    assert response.json()["error"] == "batch_too_large"
    assert statuses(device.push_ok(items[:1000])) == ["rejected"] * 1000


def test_pull_returns_the_units_changes_by_others_in_rev_order(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    stranger = harness.device(new_unit_code())
    stranger.push_ok([item("dossier", dossier_data(stranger.unit_code))])

    sent: list[dict[str, Any]] = []
    for _ in range(3):
        dossier = dossier_data(unit)
        batch = [
            item("dossier", dossier),
            item("event", event_data(dossier["id"])),
            item("rating", rating_data(dossier["id"])),
        ]
        writer.push_ok(batch)
        sent += [b["data"] for b in batch]
    own = dossier_data(unit)
    reader.push_ok([item("dossier", own)])

    # Pages of 4: 9 changes by the writer, none of the reader's own, none of the stranger's.
    pages = []
    cursor = 0
    while True:
        page = reader.changes(cursor, limit=4)
        pages.append(page)
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert [len(p["changes"]) for p in pages] == [4, 4, 1]
    assert [p["more"] for p in pages] == [True, True, False]
    changes = [c for p in pages for c in p["changes"]]
    revs = [c["rev"] for c in changes]
    assert revs == sorted(revs)
    assert len(set(revs)) == len(revs)
    assert [c["data"] for c in changes] == sent
    assert [c["kind"] for c in changes] == ["dossier", "event", "rating"] * 3
    assert pages[0]["cursor"] == changes[3]["rev"]
    assert pages[1]["cursor"] == changes[7]["rev"]
    # The last page's cursor passes the reader's own write too.
    own_rev = reader.push_ok([item("dossier", own)])["results"][0]["rev"]
    assert cursor >= own_rev
    assert reader.changes(cursor) == {"changes": [], "cursor": cursor, "more": False}

    # The writer sees only the reader's dossier.
    writer_changes, _ = writer.pull_all()
    assert by_kind(writer_changes, "dossier") == [own]
    assert len(writer_changes) == 1


def test_a_unit_never_reads_or_writes_another_units_rows(harness: Harness) -> None:
    a = harness.device(new_unit_code())
    b = harness.device(new_unit_code())
    a_dossier = dossier_data(a.unit_code)
    a.push_ok([item("dossier", a_dossier)])

    response = b.push_ok(
        [
            # A record claiming unit A.
            item("dossier", dossier_data(a.unit_code)),
            # Unit A's dossier id, relabelled as unit B's.
            item("dossier", dict(a_dossier, unit_code=b.unit_code, status=8)),
            # History for unit A's dossier.
            item("event", event_data(a_dossier["id"])),
            item("rating", rating_data(a_dossier["id"])),
            item("event", event_data(a_dossier["id"], unit_code=a.unit_code)),
        ]
    )
    assert statuses(response) == ["rejected"] * 5
    assert {r["reason"] for r in response["results"]} == {"wrong_unit"}

    b_changes, _ = b.pull_all()
    assert b_changes == []
    reader = harness.device(a.unit_code)
    a_changes, _ = reader.pull_all()
    assert [c["data"] for c in a_changes] == [a_dossier]


def test_a_restart_between_pushes_loses_nothing(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    first = dossier_data(unit)
    batch_id = str(uuid.uuid4())
    response = writer.push_ok([item("dossier", first)], batch_id=batch_id)

    harness.server.restart()

    second = dossier_data(unit)
    writer.push_ok([item("dossier", second)])
    changes, _ = reader.pull_all()
    assert by_kind(changes, "dossier") == [first, second]
    assert writer.push_ok([], batch_id=batch_id) == response


def test_a_cursor_never_skips_changes_of_concurrent_writers(harness: Harness) -> None:
    unit = new_unit_code()
    writers = [harness.device(unit) for _ in range(4)]
    reader = harness.device(unit)
    per_writer, errors = 12, []
    pushed: list[str] = []
    lock = threading.Lock()

    def write(device: DeviceClient) -> None:
        try:
            for _ in range(per_writer):
                dossier = dossier_data(unit)
                device.push_ok([item("dossier", dossier), item("event", event_data(dossier["id"]))])
                with lock:
                    pushed.append(dossier["id"])
        except Exception as exc:  # surfaced in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(w,)) for w in writers]
    for t in threads:
        t.start()
    seen: list[str] = []
    cursor = 0
    # Pull while the writers write, the way devices do; then once more at the end.
    while any(t.is_alive() for t in threads):
        page = reader.changes(cursor, limit=7)
        seen += [c["data"]["id"] for c in page["changes"] if c["kind"] == "dossier"]
        cursor = page["cursor"]
    for t in threads:
        t.join()
    assert not errors
    rest, cursor = reader.pull_all(cursor)
    seen += [c["data"]["id"] for c in rest if c["kind"] == "dossier"]
    assert sorted(seen) == sorted(pushed)
    assert len(pushed) == per_writer * len(writers)


def test_an_event_never_comes_before_its_dossier(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    dossier = dossier_data(unit, status=2)
    event = event_data(dossier["id"])
    writer.push_ok([item("dossier", dossier), item("event", event)])
    # The dossier changes after its event: its rev is now above the event's.
    changed = dict(dossier, status=4)
    dossier_rev = writer.push_ok([item("dossier", changed)])["results"][0]["rev"]

    # Pages of one: the event's page carries the dossier first, and the
    # dossier comes again at its own place.
    first = reader.changes(0, limit=1)
    assert [(c["kind"], c["data"]) for c in first["changes"]] == [
        ("dossier", changed),
        ("event", event),
    ]
    assert first["changes"][0]["rev"] == dossier_rev
    assert first["more"] is True
    assert first["cursor"] == first["changes"][1]["rev"]
    second = reader.changes(first["cursor"], limit=1)
    assert second["changes"] == [{"rev": dossier_rev, "kind": "dossier", "data": changed}]

    # In one page, the dossier is moved ahead of its event, not repeated.
    whole = reader.changes(0)
    assert [c["kind"] for c in whole["changes"]] == ["dossier", "event"]
    # The device that changed the dossier last holds it: the event comes alone.
    mine = dict(changed, status=9)
    reader.push_ok([item("dossier", mine, base_rev=dossier_rev)])
    assert [c["kind"] for c in reader.changes(0, limit=1)["changes"]] == ["event"]


def test_a_device_registering_again_gets_its_own_writes_back(harness: Harness) -> None:
    unit = new_unit_code()
    device = harness.device(unit)
    before = dossier_data(unit)
    device.push_ok([item("dossier", before), item("event", event_data(before["id"]))])
    assert device.pull_all()[0] == []

    # Reinstalled with an empty database: registers again, pulls from 0.
    again = harness.device(unit, device_id=device.device_id, token=device.token)
    after = dossier_data(unit)
    again.push_ok([item("dossier", after)])
    changes, _ = again.pull_all()
    assert [c["kind"] for c in changes] == ["dossier", "event"]
    assert changes[0]["data"] == before


def test_data_is_stored_as_given(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    reader = harness.device(device.unit_code)
    dossier = dossier_data(
        device.unit_code,
        owner_name="Đặng Thị Ánh Tuyết",
        fee_amount=16000,
        submitter=None,
        components=[{"id": "c1", "name": "Tờ khai đăng ký khai sinh", "count": 1}],
    )
    device.push_ok([item("dossier", dossier)])
    changes, _ = reader.pull_all()
    assert changes[0]["data"] == dossier
    with harness.store.db.read() as s:
        stored = s.execute(
            text("SELECT last_device FROM dossiers WHERE id = :id"), {"id": dossier["id"]}
        ).scalar_one()
    assert stored == device.device_id
