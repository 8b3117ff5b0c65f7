"""What each station action does: open its dialog if it has one, then run the command through the Runner."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDialog

from models.branch.records import CommandResult
from models.station.counter_desk import CounterDesk
from models.station.counter_session import sign_out_of_counter
from queueing.core.errors import ConfigError
from queueing.core.transaction_types import TransactionCatalogue, load_catalogue
from ui.common.i18n import LANGUAGES
from ui.common.placeholders import fill

# The dialogs, the customer look-up and printing are imported when first opened, not with the window: the
# station is ready sooner, and the counter's own keys (F1 and the others without a dialog) never need them.
if TYPE_CHECKING:
    from ui.station.dialogs import CallChosenDialog, PauseDialog, ReturnParkedDialog, TransferDialog
    from ui.station.finish_dialog import FinishDialog
    from ui.station.identify import IdentifyDialog
    from ui.station.note_dialog import NoteDialog
    from ui.station.ticket_dialog import IssueTicketDialog
    from ui.station.window import StationWindow

REFRESH_AFTER_MS = 40

_Dialog = TypeVar("_Dialog", bound=QDialog)


class CommandRunner:
    def __init__(self, window: StationWindow) -> None:
        self.window = window
        self.ctx = window.ctx
        self.dialog: QDialog | None = None
        # The id of each prompt answer not yet known to be recorded, by (customer, ticket, rule): a retry sends the
        # same id, so an answer whose reply was lost counts once (CrossSellService.record_outcome).
        self._answer_ids: dict[tuple[int, str | None, str], str] = {}
        # Every queue command goes through the counter desk, which checks the session holds this counter.
        self.desk = CounterDesk(self.ctx.branch, self.ctx.staff)
        simple = {
            "call_next": lambda d, s, c: d.call_next(s, c),
            "recall": lambda d, s, c: d.recall(s, c),
            "start": lambda d, s, c: d.start(s, c),
            "no_show": lambda d, s, c: d.no_show(s, c),
            "park": lambda d, s, c: d.park(s, c),
        }
        for name, command in simple.items():
            window.station_actions[name].triggered.connect(lambda _=False, cmd=command: self._counter_command(cmd))
        handlers: dict[str, Callable[[], None]] = {
            "finish": self.finish,
            "transfer": self.transfer,
            "pause": self.pause_or_resume,
            "return_parked": self.return_parked,
            "call_chosen": lambda: self.call_chosen(window.queue_panel.chosen_ticket()),
            "identify": self.identify,
            "add_note": self.add_note,
            "add_follow_up": self.add_follow_up,
            "outcome_accepted": lambda: self.outcome_by_key("accepted"),
            "outcome_interested": lambda: self.outcome_by_key("interested"),
            "outcome_declined": lambda: self.outcome_by_key("declined"),
            "outcome_not_offered": lambda: self.outcome_by_key("not_offered"),
            "new_ticket": self.new_ticket,
            "lock": window.lock,
            "close_counter": self.close_counter,
            "next_language": self.next_language,
            "help": self.help,
        }
        for name, handler in handlers.items():
            window.station_actions[name].triggered.connect(lambda _=False, h=handler: h())

    # -- running -------------------------------------------------------------
    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[], None] | None = None,
    ) -> None:
        """Run a command; repaint from its result and a fresh snapshot, or say why it failed."""

        def done(result: Any) -> None:
            self.window.clear_failure()
            if isinstance(result, CommandResult):
                self.window.apply_result(result)
            if on_done is not None:
                on_done(result)
            # The result is painted first; the full snapshot follows a moment later, so its worker
            # does not compete with that paint for the interpreter.
            QTimer.singleShot(REFRESH_AFTER_MS, self.window.refresh)

        def failed(exc: Exception) -> None:
            if on_failed is not None:
                on_failed()
            self.window.show_failure(exc)
            self.window.refresh()

        self.window.runner.submit(work, done, failed)

    def _counter_command(self, command: Callable[[CounterDesk, Any, str], CommandResult]) -> None:
        desk, staff, counter_id = self.desk, self.ctx.signed_in, self.ctx.counter_id
        self.run(lambda: command(desk, staff, counter_id))

    def _open(self, dialog: _Dialog, on_accept: Callable[[_Dialog], None]) -> None:
        """Show a dialog window-modal without blocking; ``on_accept`` runs when it is confirmed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _closed(self, _code: int) -> None:
        self.dialog = None
        self.window.activateWindow()  # the keyboard goes back to the counter

    def _current(self):
        counter = self.window.my_counter()
        return counter.current if counter else None

    # -- dialogs ---------------------------------------------------------------
    def catalogue(self) -> TransactionCatalogue:
        """The catalogue read at start-up (composition.py), or read now by a window built without one."""
        if self.ctx.catalogue is None:
            self.ctx.catalogue = load_catalogue(known_categories=self.ctx.branch.config.categories)
        return self.ctx.catalogue

    def finish(self) -> None:
        ticket = self._current()
        if ticket is None:
            return
        try:
            catalogue = self.catalogue()
        except ConfigError as exc:  # a slot lets nothing escape: the teller is told, the ticket stays served
            self.window.show_failure(exc)
            return
        from ui.station.finish_dialog import FinishDialog

        ctx = self.ctx
        dialog = FinishDialog(catalogue, ticket.category, ctx.habits, ctx.language, ticket.number, self.window)
        desk, staff, counter_id = self.desk, self.ctx.signed_in, self.ctx.counter_id

        def accepted(d: FinishDialog) -> None:
            lines = d.lines()
            self.run(lambda: desk.finish(staff, counter_id, lines), lambda _r: self._learn([x.code for x in lines]))

        self._open(dialog, accepted)

    def _learn(self, codes: list[str]) -> None:
        """Move the codes just used up the teller's list without another database round trip."""
        for code in codes:
            if code in self.ctx.habits:
                self.ctx.habits.remove(code)
        self.ctx.habits[:0] = codes

    def transfer(self) -> None:
        ticket = self._current()
        if ticket is None or self.window.snapshot is None:
            return
        from ui.station.dialogs import TransferDialog

        dialog = TransferDialog(self.ctx, ticket, self.window.snapshot.counters, self.window)
        desk, staff, counter_id = self.desk, self.ctx.signed_in, self.ctx.counter_id

        def accepted(d: TransferDialog) -> None:
            category, counter, keep = d.choice()
            self.run(lambda: desk.transfer(staff, counter_id, category, counter, keep))

        self._open(dialog, accepted)

    def pause_or_resume(self) -> None:
        desk, staff, counter_id = self.desk, self.ctx.signed_in, self.ctx.counter_id
        counter = self.window.my_counter()
        if counter is not None and counter.status == "paused":
            self.run(lambda: desk.resume(staff, counter_id))
            return
        from ui.station.dialogs import PauseDialog

        def accepted(d: PauseDialog) -> None:
            reason = d.reason()  # read on the GUI thread: the dialog is gone when the worker runs
            self.run(lambda: desk.pause(staff, counter_id, reason))

        self._open(PauseDialog(self.window), accepted)

    def return_parked(self) -> None:
        snapshot = self.window.snapshot
        if snapshot is None or not snapshot.parked:
            return
        desk, staff, counter_id = self.desk, self.ctx.signed_in, self.ctx.counter_id
        from ui.station.dialogs import ReturnParkedDialog

        dialog = ReturnParkedDialog(self.ctx, snapshot.parked, self.window)

        def accepted(d: ReturnParkedDialog) -> None:
            ticket_id = d.ticket_id()
            self.run(lambda: desk.return_parked(staff, counter_id, ticket_id))

        self._open(dialog, accepted)

    def call_chosen(self, ticket_id: str | None = None) -> None:
        snapshot = self.window.snapshot
        if snapshot is None or not snapshot.waiting or not self.window.station_actions["call_chosen"].isEnabled():
            return
        desk, staff, counter_id = self.desk, self.ctx.signed_in, self.ctx.counter_id
        from ui.station.dialogs import CallChosenDialog

        dialog = CallChosenDialog(self.ctx, snapshot.waiting, ticket_id, self.window)

        def accepted(d: CallChosenDialog) -> None:
            chosen, reason = d.choice()
            self.run(lambda: desk.call_ticket(staff, counter_id, chosen, reason))

        self._open(dialog, accepted)

    # -- customers -------------------------------------------------------------
    def identify(self) -> None:
        ticket = self._current()
        if ticket is None:
            return
        if self.ctx.customers is None:
            self.window.banner.setText(
                QCoreApplication.translate("StationCommands", "Customer profiles are not available on this station.")
            )
            self.window.banner.show()
            return
        staff, desk, counters, counter_id = self.ctx.signed_in, self.ctx.customers, self.desk, self.ctx.counter_id
        if staff is None:
            return
        from ui.station.identify import IdentifyDialog, find_and_link

        def accepted(d: IdentifyDialog) -> None:
            kind, value = d.choice()
            window = self.window
            if window.profile_ticket != ticket.id:
                window.show_profile(None, ticket.id)  # the panel now follows this visit: its answer alone is shown

            def failed() -> None:
                if window.profile is None and window.profile_ticket == ticket.id:
                    window.profile_ticket = None  # the next paint loads the ticket's customer, if it has one

            request = window.profile_request(ticket.id)
            self.run(
                lambda: find_and_link(desk, counters, staff, counter_id, ticket.id, kind, value),
                lambda profile: window.show_profile_reply(profile, ticket.id, request),
                failed,
            )

        self._open(IdentifyDialog(self.window), accepted)

    def add_note(self) -> None:
        profile, staff, desk = self.window.profile, self.ctx.signed_in, self.ctx.customers
        if profile is None or staff is None or desk is None:
            return
        from ui.station.note_dialog import NoteDialog

        dialog = NoteDialog(profile.masked_name, desk.today(), parent=self.window)

        def accepted(d: NoteDialog) -> None:
            text = d.written()
            self.run(lambda: desk.add_note(staff, profile.customer_id, text), self._noted)

        self._open(dialog, accepted)

    def add_follow_up(self) -> None:
        """Ask the branch for the possible owners first (off the GUI thread), then open the dialog."""
        profile, staff, desk = self.window.profile, self.ctx.signed_in, self.ctx.customers
        if profile is None or staff is None or desk is None:
            return

        def ask(owners: dict[str, str]) -> None:
            if self.window.profile is not profile:
                return  # the customer left the counter meanwhile
            from ui.station.note_dialog import NoteDialog

            dialog = NoteDialog(profile.masked_name, desk.today(), owners, staff.id, self.window)

            def accepted(d: NoteDialog) -> None:
                text, due, owner = d.written(), d.due_on(), d.owner_id()
                self.run(
                    lambda: desk.add_follow_up(staff, profile.customer_id, text, due, owner),
                    self._noted,
                )

            self._open(dialog, accepted)

        self.window.runner.submit(lambda: desk.owners(staff), ask, self.window.show_failure)

    def _noted(self, note) -> None:
        """Show the new note at once, without reading (and auditing) the profile again."""
        profile = self.window.profile
        if profile is None or profile.customer_id != note.customer_id:
            return  # the customer left the counter meanwhile
        from ui.station.note_dialog import with_note

        fresh = with_note(profile, note)
        self.window.profile = fresh
        self.window.profile_panel.show_profile(fresh, self.window.profile_panel.recorded)

    def load_profile(self, ticket_id: str, customer_id: str) -> None:
        self.window.profile_ticket = ticket_id  # one load (and one audit entry) per visit
        desk, staff = self.ctx.customers, self.ctx.signed_in
        if desk is None or staff is None or not customer_id.isdecimal():
            return
        request = self.window.profile_request(ticket_id)
        self.window.runner.submit(
            lambda: desk.open(staff, int(customer_id), ticket_id),
            lambda profile: self.window.show_profile_reply(profile, ticket_id, request),
            self.window.show_failure,
        )

    def outcome_by_key(self, outcome: str) -> None:
        """Alt+1..4: the outcome of the first suggestion not yet answered in this visit."""
        panel = self.window.profile_panel
        prompt = panel.first_open_prompt()
        if prompt is not None and not panel.pending:  # a key held or pressed twice answers one prompt only
            self.record_outcome(prompt, outcome)

    def record_outcome(self, prompt, outcome: str) -> None:
        profile, staff, desk = self.window.profile, self.ctx.signed_in, self.ctx.customers
        panel = self.window.profile_panel
        if profile is None or staff is None or desk is None or prompt.rule_code in panel.pending:
            return
        ticket_id = self.window.profile_ticket
        panel.pending.add(prompt.rule_code)  # a second key press before the answer records nothing twice
        key = (profile.customer_id, ticket_id, prompt.rule_code)
        answer_id = self._answer_ids.setdefault(key, str(uuid.uuid4()))

        def done(_result: Any) -> None:
            self._answer_ids.pop(key, None)
            panel.pending.discard(prompt.rule_code)
            panel.recorded[prompt.rule_code] = outcome
            panel.show_profile(profile, panel.recorded)

        self.run(
            lambda: desk.record(staff, profile.customer_id, prompt, outcome, ticket_id, answer_id),
            done,
            lambda: panel.pending.discard(prompt.rule_code),
        )

    # -- tickets ---------------------------------------------------------------
    def new_ticket(self) -> None:
        counter = self.window.my_counter()
        free = counter is not None and counter.status == "open" and counter.current is None
        served = set(counter.profile) if counter else set()
        from ui.station.identify import issue_for_customer
        from ui.station.ticket_dialog import IssueTicketDialog

        dialog = IssueTicketDialog(self.ctx, served, free, self.window)
        counters, counter_id, staff, desk = self.desk, self.ctx.counter_id, self.ctx.signed_in, self.ctx.customers

        def accepted(d: IssueTicketDialog) -> None:
            category, priority, customer = d.choice()
            call = d.call_now
            self.run(
                lambda: issue_for_customer(desk, counters, staff, counter_id, category, priority, customer, call),
                self._issued,
            )

        self._open(dialog, accepted)

    def _issued(self, result: CommandResult) -> None:
        ticket = result.ticket
        if ticket is None:
            return
        service = self.ctx.category_name(ticket.category)
        ahead = QCoreApplication.translate("StationCommands", "%n customer(s) ahead", "", ticket.position or 0)
        if self.ctx.printer:
            from ui.common.printing import Slip, print_slip

            issued = self.ctx.i18n.format_datetime(ticket.issued_at)
            try:
                print_slip(self.ctx.printer, Slip(self.ctx.branch_name, ticket.number, service, issued, ahead))
            except RuntimeError:  # PrintError, or Qt's own: either way after the ticket was issued
                # Not a failure of the command: the ticket stands, and issuing it again would queue the customer twice.
                text = QCoreApplication.translate(
                    "StationCommands", "Ticket %1 was issued but not printed: give the customer the number shown."
                )
                self.window.show_notice(fill(text, ticket.number))
        if ticket.status == "waiting":
            from ui.station.ticket_dialog import TicketIssuedDialog

            self._open(TicketIssuedDialog(ticket.number, service, ahead, self.window), lambda _d: None)

    # -- station -----------------------------------------------------------------
    def close_counter(self) -> None:
        staff = self.ctx.signed_in
        if staff is None:
            return
        branch, counter_id = self.ctx.branch, self.ctx.counter_id
        self.run(
            lambda: sign_out_of_counter(branch, staff.id, counter_id),
            lambda _r: self.window.signed_out(),
        )

    def next_language(self) -> None:
        codes = list(LANGUAGES)
        following = codes[(codes.index(self.ctx.language) + 1) % len(codes)]
        self.ctx.i18n.set_language(following)

    def help(self) -> None:
        from ui.station.help import HelpOverlay

        self._open(HelpOverlay(self.window.station_actions, self.window), lambda _d: None)
