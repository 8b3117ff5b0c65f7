"""A station restarted between its offline work and its next sync folds from the base its file kept
(models/branch/held_base.py), not from its journal's start; a base that no longer describes the file (another
program wrote it, the journal went back, the text is damaged or hostile) is dropped and the fold from the
start stays the way back. Either way the file ends as the branch's order decides, as a fold from the start
would have it."""

from __future__ import annotations

import json

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal
from sqlalchemy import func, select, update
from sync_branch import station_on, synced, upstream_branch

import models.branch.reorder as reorder
import models.branch.service as branch_service
from models.branch.held_base import written_by
from models.branch.state_codec import FORMAT
from models.station.sync import StationSync
from models.store.tables import EventRow
from models.sync.tables import HeldBaseRow
from queueing.core.tickets import TicketStatus, TransactionLine

SERVED_BEFORE = 25  # visits served online before the offline work: the journal a fold from the start reads


def _journal(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(EventRow.id).where(EventRow.branch_id == "B1").order_by(EventRow.position)))


def _saved(store) -> list[tuple[int, str]]:
    with store.read_session() as s:
        return [tuple(r) for r in s.execute(select(HeldBaseRow.position, HeldBaseRow.event_id))]


def _history(st1, clock) -> None:
    for _ in range(SERVED_BEFORE):
        st1.issue_ticket("CASH")
        st1.call_next("C1", "TC1")
        clock.advance(30)
        st1.start("C1")
        clock.advance(60)
        st1.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])


def _st1_cut_after_a_history(tmp_path, url, config, clock):
    """ST1 and ST2 on the branch; ST1 serves a history, issues a ticket ST2 syncs, then loses its link. Returns
    (ST1, ST2, the ticket, ST1's journal position as it went offline), 20 s later."""
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    _history(st1, clock)
    ticket = st1.issue_ticket("CASH").ticket
    assert synced(st2)
    st1.link_lost(ConnectionResetError("test: link cut"))
    before_offline = st1.local.refresh()
    clock.advance(20)
    return st1, st2, ticket, before_offline


def _offline_then_restart(tmp_path, config, clock, url, restarts_between: bool = False, crash_first: bool = False):
    """ST1 serves a history online, calls its own ticket offline and starts serving it; ST2 called the ticket
    first upstream. ST1 pushes, the link dies before the pull, and ST1 restarts. Returns (ST1 again, ST2, ticket).
    ``restarts_between``: ST1 also restarts between the offline call and the offline start. ``crash_first``: ST1
    dies once between saving its base and its first offline command, and is started again."""
    st1, st2, ticket, before_offline = _st1_cut_after_a_history(tmp_path, url, config, clock)
    if crash_first:

        def died(decide):
            raise KeyboardInterrupt("test: the station died before its command")

        with pytest.MonkeyPatch.context() as patched:
            patched.setattr(st1.local, "run", died)
            with pytest.raises(KeyboardInterrupt):
                st1.call_next("C1", "TC1")
        assert [p for p, _e in _saved(st1.local.store)] == [before_offline]
        st1.close()
        st1 = _reopen_offline(tmp_path, url, config, clock)
    st1.call_next("C1", "TC1")
    if restarts_between:
        st1.close()
        st1 = _reopen_offline(tmp_path, url, config, clock)
    st1.start("C1")
    clock.advance(20)
    st2.call_ticket("C2", ticket.id, "asked for by name", "TC2")
    clock.advance(20)

    def cut(self, up, batch_s):
        raise ConnectionResetError("test: link cut after the push")

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(StationSync, "_pull", cut)
        assert not st1.sync_now()
    assert st1.local.state.tickets[ticket.id].status is TicketStatus.SERVING  # pushed, not pulled yet
    st1.close()
    return _reopen_offline(tmp_path, url, config, clock), st2, ticket, before_offline


def _reopen_offline(tmp_path, url, config, clock):
    """ST1 started again while the link is still down."""

    def down(self):
        raise ConnectionResetError("test: the link is still down")

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(StationSync, "_sync_once", down)
        return station_on(tmp_path, url, config, clock, "ST1", online=False)


class FoldWatch:
    """Each fold's start (the saved base's position, or 0: the journal's start) and the events it read; and the
    fold from the start of the same journal, taken beside it, to compare with."""

    def __init__(self, monkeypatch) -> None:
        self.starts: list[int] = []
        self.read = 0
        self.compared = 0
        events_after = reorder.events_after
        state_before = branch_service.state_before

        def counted(session, branch_id, position, batch=5000):
            for item in events_after(session, branch_id, position, batch):
                self.read += 1
                yield item

        def watched(session, config, branch_id, first, base):
            self.starts.append(0 if base is None or base[0] >= first else base[0])
            read = self.read
            from_start = state_before(session, config, branch_id, first, None)
            self.read = read  # the comparison's own reading is not the fold's
            folded = state_before(session, config, branch_id, first, base)
            # The whole state, the tickets and waiting queue and counters, numbers, sign-ins, conflicts, the
            # smoothed service times and the last calls: what the fold from the start gives.
            assert folded == from_start
            self.compared += 1
            return folded

        monkeypatch.setattr(reorder, "events_after", counted)
        monkeypatch.setattr(branch_service, "state_before", watched)


def _agrees(st1, upstream, config, ticket_id: str) -> None:
    assert _journal(st1.local.store) == _journal(upstream)
    mine = st1.local.state.tickets[ticket_id]
    assert (mine.status, mine.counter) == (TicketStatus.CALLED, "C2")
    assert st1.local.state.counters["C1"].current is None
    assert_projections_match_journal(st1.local.store, config, "B1")


@pytest.mark.parametrize(
    ("restarts_between", "crash_first"),
    [(False, False), (True, False), (False, True)],
    ids=["one_restart", "restarts_during_the_offline_work", "died_between_the_base_and_the_command"],
)
def test_a_restart_before_the_pull_folds_from_the_base_the_file_kept(
    tmp_path, sqlite_branch, monkeypatch, restarts_between, crash_first
):
    config, clock, url, upstream = sqlite_branch
    again, st2, ticket, before_offline = _offline_then_restart(
        tmp_path, config, clock, url, restarts_between, crash_first
    )
    try:
        history = len(_journal(again.local.store))
        watch = FoldWatch(monkeypatch)
        assert synced(again)
        # One fold, from the base kept before the first offline event: a restart between the offline commands
        # kept it (a second base, taken after the first offline event, could not be folded from).
        assert watch.starts == [before_offline] and watch.compared == 1
        assert before_offline > SERVED_BEFORE * 4 and watch.read < 10 < history
        _agrees(again, upstream, config, ticket.id)
        assert _saved(again.local.store) == []  # the file holds the branch's order to its end
        assert _saved(upstream) == []  # the branch's own store never keeps one
    finally:
        again.close()
        st2.close()


def test_a_reorder_whose_transaction_fails_folds_from_the_saved_base_again(tmp_path, sqlite_branch, monkeypatch):
    """The link to the station's own disk dies in the reorder's transaction, after the fold began from the base:
    nothing of it stands, the saved base neither moved nor went, and the next sync folds from it again."""
    config, clock, url, upstream = sqlite_branch
    again, st2, ticket, before_offline = _offline_then_restart(tmp_path, config, clock, url)
    try:
        watch = FoldWatch(monkeypatch)
        project = reorder.project_again_from

        def dies(*args, **kwargs):
            project(*args, **kwargs)
            raise OSError("test: disk I/O error")

        with monkeypatch.context() as patched:
            patched.setattr(reorder, "project_again_from", dies)
            assert not again.sync_now()
        assert _saved(again.local.store) != []
        assert synced(again)
        assert len(watch.starts) >= 2 and set(watch.starts) == {before_offline}  # (the sync's own retry folds too)
        _agrees(again, upstream, config, ticket.id)
        assert _saved(again.local.store) == []
    finally:
        again.close()
        st2.close()


def _older_program(store) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(HeldBaseRow).values(written_by="counterline 0.0.9 core 0123456789abcdef format 1"))


def _another_event_there(store) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(HeldBaseRow).values(event_id="01900000-0000-7000-8000-000000000000"))


def _journal_went_back(store) -> None:
    """A base from a later journal than the file holds (restored from a backup behind it)."""
    with store.engine.begin() as conn:
        top = conn.scalar(select(func.max(EventRow.position)))
        conn.execute(update(HeldBaseRow).values(position=top + 7))


def _blob(text: str):
    def spoil(store) -> None:
        with store.engine.begin() as conn:
            conn.execute(update(HeldBaseRow).values(state=text))

    return spoil


def _types_changed(store) -> None:
    """Valid JSON of the right length, a ticket's number an integer."""
    with store.engine.begin() as conn:
        doc = json.loads(conn.scalar(select(HeldBaseRow.state)))
        doc["state"] = [7 if isinstance(part, list) else part for part in doc["state"]]
        conn.execute(update(HeldBaseRow).values(state=json.dumps(doc)))


SPOILED = {
    "older_program": _older_program,
    "another_event_at_its_position": _another_event_there,
    "journal_behind_it": _journal_went_back,
    "not_json": _blob("\x80\x04\x95cos\nsystem\n"),  # a pickle's bytes: text to this reader, never run
    "empty": _blob(""),
    "other_format": _blob('{"format": 99, "state": []}'),
    "deep": _blob("[" * 100_000 + "]" * 100_000),
    "wrong_types": _types_changed,
    "hostile_text": _blob(f'{{"format": {FORMAT}, "state": ["\u202e\U0001f600\x00' + "x" * 200_000 + '"]}'),
}


@pytest.mark.parametrize("spoil", list(SPOILED), ids=list(SPOILED))
def test_a_base_that_no_longer_describes_the_file_is_dropped_and_the_fold_starts_from_the_journal(
    tmp_path, sqlite_branch, monkeypatch, spoil
):
    config, clock, url, upstream = sqlite_branch
    again, st2, ticket, _before_offline = _offline_then_restart(tmp_path, config, clock, url)
    again.close()
    assert len(_saved(open_file := _store_of(tmp_path))) == 1
    SPOILED[spoil](open_file)
    open_file.close()
    again = _reopen_offline(tmp_path, url, config, clock)
    try:
        watch = FoldWatch(monkeypatch)
        assert synced(again)
        assert watch.starts == [0] and watch.compared == 1 and watch.read >= SERVED_BEFORE * 4
        _agrees(again, upstream, config, ticket.id)
        assert _saved(again.local.store) == []
    finally:
        again.close()
        st2.close()


def _store_of(tmp_path):
    from models.store.database import open_store

    return open_store(str(tmp_path / "ST1.db"))


def test_the_stamp_names_this_programs_rules():
    stamp = written_by()
    assert stamp is not None and " core " in stamp and stamp.endswith(f" format {FORMAT}")


@pytest.mark.postgres
def test_on_a_postgresql_branch_the_station_folds_from_its_base_and_upstream_keeps_none(tmp_path, pg_url, monkeypatch):
    with upstream_branch(pg_url) as (upstream, config, clock):
        again, st2, ticket, before_offline = _offline_then_restart(tmp_path, config, clock, pg_url)
        try:
            watch = FoldWatch(monkeypatch)
            assert synced(again)
            assert watch.starts == [before_offline] and watch.read < 10
            _agrees(again, upstream, config, ticket.id)
            assert _saved(upstream) == []
        finally:
            again.close()
            st2.close()


def _with_category(config, code: str, prefix: str, typical_s: float):
    from dataclasses import replace

    from queueing.core.categories import ServiceCategory

    added = ServiceCategory(code, prefix, {"en": code}, 600.0, 1800.0, typical_s)
    return replace(config, categories={**config.categories, code: added})


def test_a_restart_with_another_configuration_folds_as_that_configuration_would(tmp_path, sqlite_branch, monkeypatch):
    """Found by review: the branch added a service category (and the station was restarted to take it) between the
    base's save and the sync. The fold from the saved base kept the old configuration's smoothed service times,
    with none for the new category, where a fold from the start has its prior: every wait estimate for a
    customer of the new category then raised KeyError (the teller's command and the kiosk's ticket failed)."""
    config, clock, url, upstream = sqlite_branch
    again, st2, ticket, _before_offline = _offline_then_restart(tmp_path, config, clock, url)
    again.close()
    wider = _with_category(config, "FX2", "Q", 420.0)
    again = _reopen_offline(tmp_path, url, wider, clock)
    try:
        watch = FoldWatch(monkeypatch)
        assert synced(again)
        # Folded as the configuration the station runs on folds the journal: from its start, the base of the old
        # one dropped.
        assert watch.starts == [0] and watch.compared == 1
        assert _saved(again.local.store) == []
        assert "FX2" in again.local.state.stats
        issued = again.issue_ticket("FX2")
        assert issued.ticket.category == "FX2"
    finally:
        again.close()
        st2.close()


def test_a_first_look_for_the_saved_base_that_fails_does_not_replace_it(tmp_path, sqlite_branch, monkeypatch):
    """Found by review: after a restart the first look for the saved base failed (the file busy for a moment), and
    the offline command's hold_base took a copy of the state after the offline events made before the restart and
    saved it over the base from before them: the sync, meeting the other station's call, folded from the
    journal's start (half a minute on a year's file, the station's lock held) instead of from the saved base."""
    config, clock, url, upstream = sqlite_branch
    st1, st2, ticket, before_offline = _st1_cut_after_a_history(tmp_path, url, config, clock)
    st1.call_next("C1", "TC1")
    st1.close()
    st1 = _reopen_offline(tmp_path, url, config, clock)
    read_saved = branch_service.read_saved
    failures = [OSError("test: the file is busy")]

    def busy_once(*args, **kwargs):
        if failures:
            raise failures.pop()
        return read_saved(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(branch_service, "read_saved", busy_once)
        st1.start("C1")
    assert not failures
    assert [p for p, _e in _saved(st1.local.store)] == [before_offline]
    clock.advance(20)
    st2.call_ticket("C2", ticket.id, "asked for by name", "TC2")
    clock.advance(20)
    try:
        watch = FoldWatch(monkeypatch)
        assert synced(st1)
        assert watch.starts == [before_offline] and watch.compared == 1
        _agrees(st1, upstream, config, ticket.id)
    finally:
        st1.close()
        st2.close()
