"""The station's file taking the branch's order, attacked where the new pull path has steps."""

from __future__ import annotations

from projection_checks import assert_projections_match_journal, counters_of, tickets_of
from sqlalchemy import select
from sync_branch import synced
from test_branch_order_sync import _agrees, _double_call, _journal

import models.branch.reorder as reorder
from models.branch.state_loader import load_from_journal
from models.store.tables import EventRow


def test_a_fold_that_fails_half_way_leaves_the_file_as_it_was_and_the_next_sync_agrees(
    tmp_path, sqlite_branch, monkeypatch
):
    config, clock, url, upstream = sqlite_branch
    st1, st2, ticket = _double_call(tmp_path, sqlite_branch)
    held = _journal(st1.local.store)
    fold = reorder.project_again_from

    def dies(session, state, branch_id, first):
        fold(session, state, branch_id, first)
        raise OSError("test: the process dies before the COMMIT")

    with monkeypatch.context() as patched:
        patched.setattr(reorder, "project_again_from", dies)
        try:
            st1.sync_now()
        except OSError:
            pass
    with st1.local.store.read_session() as s:
        ids = list(s.scalars(select(EventRow.id).where(EventRow.branch_id == "B1").order_by(EventRow.position)))
    # nothing pulled stays, nothing of the file moved
    assert [i for i in ids if i in held] == held
    assert_projections_match_journal(st1.local.store, config, "B1")
    assert synced(st1) and synced(st2)
    _agrees(st1, upstream, config, ticket.id)
    with upstream.read_session() as s:
        branch, _ = load_from_journal(s, config, "B1")
    assert tickets_of(st1.local.state) == tickets_of(branch)
    assert counters_of(st1.local.state) == counters_of(branch)
