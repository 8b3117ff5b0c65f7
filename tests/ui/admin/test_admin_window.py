"""The Administration screen: administrators only; staff, counters and settings changed through the services."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch
from sqlalchemy import update
from staff_sessions import SIGNED_IN_AT

from models.branch.service import BranchService
from models.staff.service import SignInRefused, StaffService
from models.staff.session import SignInMode, StaffSession
from models.station.counter_session import sign_in_at_counter
from models.store.tables import StaffRow
from models.supervisor.settings_files import SettingsEditor, default_settings_files
from queueing.config.files import RESOURCES
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied, Role
from ui.admin.dialogs import AddStaffDialog, CounterDialog, PinDialog, RoleDialog
from ui.admin.signin import AdminSignIn
from ui.admin.staff_tab import StaffPanel, shown_text
from ui.admin.window import AdminWindow, admin_window
from ui.supervisor.settings import SettingsPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
ADMIN, ADMIN_PIN = "A3001", "000000"


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    yield b
    b.close()


@pytest.fixture
def staff(branch):
    return branch.station.staff


@pytest.fixture
def editor_folder(tmp_path):
    folder = tmp_path / "settings"
    folder.mkdir()
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, folder / file.path.name)
    return folder


def open_admin(qtbot, branch, staff, editor_folder, actor=None) -> AdminWindow:
    actor = actor or staff.verify(ADMIN, ADMIN_PIN)
    editor = SettingsEditor(default_settings_files(editor_folder), actor)
    window = admin_window(branch.branch, staff, branch.i18n, actor, editor)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.staff_panel.model.rowCount() == 5, timeout=3000)
    return window


def row_of(window, staff_id):
    return next(a for a in window.staff_panel.model.rows if a.id == staff_id)


def said(panel, text, qtbot):
    qtbot.waitUntil(lambda: text in panel.status.text(), timeout=3000)


def test_a_teller_or_supervisor_is_refused_the_screen(qtbot, branch, staff, editor_folder):
    for staff_id, pin in (("T1001", "1111"), ("S2001", "999999")):
        sign_in = AdminSignIn(staff)
        qtbot.addWidget(sign_in)
        sign_in.staff_id.setText(staff_id)
        sign_in.pin.setText(pin)
        assert sign_in.try_sign_in() is False and sign_in.staff is None
        assert sign_in.message.text() == "Only administrators may use the Administration screen."
        # A caller that skips the dialog is refused by the window itself.
        with pytest.raises(PermissionDenied):
            admin_window(branch.branch, staff, branch.i18n, staff.verify(staff_id, pin))
    # A session built by hand, claiming the administrator's role, carries no seal: refused.
    forged = StaffSession("DEMO", ADMIN, "Admin", Role.ADMINISTRATOR, "PC", SIGNED_IN_AT, SignInMode.ONLINE)
    with pytest.raises(PermissionDenied):
        admin_window(branch.branch, staff, branch.i18n, forged)
    # A panel handed a supervisor's session directly lists nothing: the service refuses it.
    panel = StaffPanel(staff, staff.verify("S2001", "999999"))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: "may not do this" in panel.status.text(), timeout=3000)
    assert panel.model.rowCount() == 0
    sign_in = AdminSignIn(staff)
    qtbot.addWidget(sign_in)
    sign_in.staff_id.setText(ADMIN)
    sign_in.pin.setText("000001")
    assert sign_in.try_sign_in() is False and sign_in.message.text() == "Unknown staff ID or wrong PIN."
    sign_in.pin.setText(ADMIN_PIN)
    assert sign_in.try_sign_in() is True and sign_in.staff.staff_id == ADMIN


def test_the_table_lists_accounts_and_a_deactivated_teller_cannot_sign_in(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    model = panel.model
    assert [model.index(0, c).data() for c in range(5)] == ["A3001", "Admin", "Administrator", "Yes", ""]
    panel.select("T1001")
    assert panel.buttons["deactivate"].isEnabled() and not panel.buttons["reactivate"].isEnabled()
    panel.confirm = lambda text: "Li Na" in text
    panel.ask_deactivate()
    said(panel, "Account Li Na (T1001) deactivated.", qtbot)
    qtbot.waitUntil(lambda: not row_of(window, "T1001").active, timeout=3000)
    with pytest.raises(SignInRefused):
        staff.verify("T1001", "1111")
    with pytest.raises(SignInRefused):
        sign_in_at_counter(branch.branch, staff, "T1001", "1111", "C1")
    panel.select("T1001")
    assert panel.buttons["reactivate"].isEnabled()
    panel.reactivate("T1001")
    qtbot.waitUntil(lambda: row_of(window, "T1001").active, timeout=3000)
    assert staff.verify("T1001", "1111").staff_id == "T1001"


def test_the_last_administrator_is_kept(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    panel.set_role(ADMIN, "supervisor", "24682468")
    said(panel, "Not changed: the branch must keep at least one active administrator.", qtbot)
    panel.status.clear()
    panel.confirm = lambda text: True
    panel.select(ADMIN)
    panel.ask_deactivate()
    said(panel, "Not changed: the branch must keep at least one active administrator.", qtbot)
    assert staff.get(ADMIN).role == "administrator" and staff.get(ADMIN).active
    assert staff.verify(ADMIN, ADMIN_PIN).staff_id == ADMIN  # the PIN given with the refused role change is not set


def test_a_weak_pin_is_refused_and_changes_nothing(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    panel.reset_pin("S2001", "1234")  # a supervisor's PIN is at least 6 digits
    said(panel, "Not changed: this role's PIN must be 6 to 12 digits.", qtbot)
    panel.reset_pin("T1001", "12a4")
    said(panel, "Not changed: this role's PIN must be 4 to 12 digits.", qtbot)
    assert staff.verify("S2001", "999999").staff_id == "S2001"
    assert staff.verify("T1001", "1111").staff_id == "T1001"
    panel.reset_pin("T1001", "48151623")
    said(panel, "New PIN set for Li Na (T1001).", qtbot)
    with pytest.raises(SignInRefused):
        staff.verify("T1001", "1111")
    assert staff.verify("T1001", "48151623").staff_id == "T1001"


def test_the_pin_dialog_wants_the_same_pin_twice(qtbot):
    dialog = PinDialog("Li Na")
    qtbot.addWidget(dialog)
    dialog.pins.pin.setText("123456")
    dialog.pins.again.setText("123465")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and dialog.error.text() == "The two PINs differ."
    dialog.pins.again.setText("123456")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and dialog.new_pin() == "123456"


def test_role_change(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    panel.set_role("T1002", "supervisor")  # a teller's 4-digit PIN is too short for a supervisor
    said(panel, "the new role needs a PIN of at least 6 digits", qtbot)
    assert staff.get("T1002").role == "teller"
    panel.set_role("T1002", "supervisor", "20262026")
    said(panel, "Role of Kim Min-jun (T1002) changed.", qtbot)
    qtbot.waitUntil(lambda: row_of(window, "T1002").role == "supervisor", timeout=3000)
    session = staff.verify("T1002", "20262026")
    assert session.role.value == "supervisor"
    panel.set_role("S2001", "teller")  # a shorter PIN is enough: no new PIN needed
    qtbot.waitUntil(lambda: row_of(window, "S2001").role == "teller", timeout=3000)


def test_add_and_unlock(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    panel.add("T1009", "Zhao Lei", "teller", "5678")
    said(panel, "Account Zhao Lei (T1009) added.", qtbot)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 6, timeout=3000)
    panel.add("T1009", "Someone else", "teller", "5678")  # the screen never replaces an account
    said(panel, "Staff ID T1009 exists already", qtbot)
    assert staff.get("T1009").name == "Zhao Lei"
    for _ in range(5):
        with pytest.raises(DomainError):
            staff.verify("T1009", "0000")
    panel.reload()
    qtbot.waitUntil(lambda: row_of(window, "T1009").locked, timeout=3000)
    panel.select("T1009")
    assert panel.buttons["unlock"].isEnabled()
    panel.unlock("T1009")
    qtbot.waitUntil(lambda: not row_of(window, "T1009").locked, timeout=3000)
    assert staff.verify("T1009", "5678").staff_id == "T1009"


def test_a_deactivated_administrator_changes_nothing(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    second = staff.verify(ADMIN, ADMIN_PIN)
    staff.add(second, "A3002", "Second Admin", "administrator", "135790")
    staff.deactivate(staff.verify("A3002", "135790"), ADMIN)  # another administrator deactivates this one
    window.staff_panel.deactivate("T1001")
    said(window.staff_panel, "your account may not do this any more", qtbot)
    assert staff.get("T1001").active


def test_counter_profile_edit_persists(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    counters = window.counters_panel
    qtbot.waitUntil(lambda: counters.model.rowCount() == 6, timeout=3000)
    first = counters.model.rows[0]
    assert counters.model.index(0, 0).data() == "C1" and "Cash" in counters.model.index(0, 3).data()
    dialog = CounterDialog(branch.branch.config, "en", first)
    qtbot.addWidget(dialog)
    assert dialog.counter_id.isReadOnly() and dialog.profile() == first.profile
    counters.configure("C1", "One", {"FX": 1, "CASH": 2})
    said(counters, "Counter One saved.", qtbot)
    qtbot.waitUntil(lambda: counters.model.rows[0].name == "One", timeout=3000)
    assert "(1)" in counters.model.index(0, 3).data() and counters.model.index(0, 4).data()
    counters.configure("C7", "7", {"LOANS": 1})
    qtbot.waitUntil(lambda: counters.model.rowCount() == 7, timeout=3000)
    counters.configure("C8", "8\x00", {"LOANS": 1})
    said(counters, "The counter name was refused", qtbot)
    # Another station (or the next start) reads what was saved from the store.
    fresh = BranchService(branch.store, branch.branch.config, branch.branch.branch_id, "ELSEWHERE", branch.clock)
    saved = {c.id: c for c in fresh.snapshot().counters}
    assert saved["C1"].name == "One" and saved["C1"].profile == {"FX": 1, "CASH": 2}
    assert saved["C7"].profile == {"LOANS": 1} and "C8" not in saved


def test_an_empty_counter_profile_is_refused_in_the_dialog(qtbot, branch):
    dialog = CounterDialog(branch.branch.config, "en")
    qtbot.addWidget(dialog)
    dialog.counter_id.setText("c9")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "at least one service" in dialog.error.text()
    dialog.rows["CASH"][0].setChecked(True)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and dialog.values() == ("C9", "", {"CASH": 1})


def test_settings_are_saved_with_the_administrators_identity(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    settings = window.settings_panel
    settings.choice.setCurrentIndex(settings.choice.findData("alerts"))
    text = settings.text.toPlainText()
    settings.text.setPlainText(text + "\n# checked by the administrator\n")
    assert settings.save() is True
    assert "# checked by the administrator" in (editor_folder / "alerts.toml").read_text(encoding="utf-8")
    settings.text.setPlainText("this is = = not toml")
    assert settings.save() is False and "Not saved" in settings.message.text()
    assert "# checked by the administrator" in (editor_folder / "alerts.toml").read_text(encoding="utf-8")


def test_hostile_text_does_not_break_the_table(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    panel.add("T2001", "ש" * 120 + " long Hebrew name", "teller", "1234")
    panel.add("T2002", "محمد عبد الله" + "x" * 187, "teller", "1234")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 7, timeout=3000)
    panel.add("T2003", "Evil\x00Name", "teller", "1234")
    said(panel, "The name was refused: use 1 to 200 characters", qtbot)
    panel.add("T2004", "Right\u202eto left", "teller", "1234")
    said(panel, "The name was refused", qtbot)
    panel.add("T2005", "x" * 201, "teller", "1234")
    said(panel, "The name was refused", qtbot)
    # A store written by another program may hold what the service refuses: shown safely all the same.
    with branch.store.write_session() as session:
        session.execute(
            update(StaffRow).where(StaffRow.id == "T1003").values(name="Mar\u202eía\x00\x07" + "é" * 5000)
        )
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rows[4].name.startswith("Mar\u202e"), timeout=3000)
    shown = panel.model.index(4, 1).data()
    assert len(shown) <= 60 and "\u202e" not in shown and "\x00" not in shown and shown.endswith("…")
    assert panel.model.index(4, 0).data() == "T1003" and panel.model.index(4, 2).data() == "Teller"
    for row in range(panel.model.rowCount()):
        assert panel.table.rowHeight(row) < 60
    assert panel.table.columnWidth(1) <= 320
    window.grab()  # paints every cell without raising
    assert shown_text("a\u2067b\u200fc") == "a\ufffdb\ufffdc"
    assert shown_text("one\u2028two\u2029three") == "one\ufffdtwo\ufffdthree"  # line breaks too: one line
    assert StaffService(branch.store, "DEMO").get("T2003") is None


def test_add_dialog_gives_its_values(qtbot):
    dialog = AddStaffDialog()
    qtbot.addWidget(dialog)
    dialog.staff_id.setText("T1010")
    dialog.name.setText("Chen Jie")
    dialog.role.setCurrentIndex(dialog.role.findData("supervisor"))
    dialog.pins.pin.setText("246810")
    dialog.pins.again.setText("246810")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and dialog.values() == ("T1010", "Chen Jie", "supervisor", "246810")


def test_the_screen_follows_the_language(qtbot, branch, staff, editor_folder):
    window = open_admin(qtbot, branch, staff, editor_folder)
    branch.i18n.set_language("es")
    assert window.tabs.tabText(0) != "Staff" and window.staff_panel.buttons["add"].text() != "Add…"
    assert window.staff_panel.model.headerData(0, Qt.Orientation.Horizontal) == "ID de empleado"


def test_main_admin_signs_in_and_signs_what_it_writes(qtbot, branch, monkeypatch):
    """`main.py admin`: the sign-in dialog, then the window; accounts written carry this PC's signature."""
    from main import build_parser
    from models.staff.service import SIGNED_COLUMNS
    from models.staff.signing import account_signed, create_signing_key, load_verify_key
    from ui.app import composition

    create_signing_key()  # in the test's configuration folder (tests/conftest.py)
    args = build_parser().parse_args(["admin", "--windowed"])
    assert args.func.__name__ == "_admin" and args.language == "en"
    tries = iter([("T1001", "1111"), (ADMIN, ADMIN_PIN)])

    def exec_(dialog):
        staff_id, pin = next(tries)
        dialog.staff_id.setText(staff_id)
        dialog.pin.setText(pin)
        return AdminSignIn.DialogCode.Accepted if dialog.try_sign_in() else AdminSignIn.DialogCode.Rejected

    monkeypatch.setattr(AdminSignIn, "exec", exec_)
    assert composition._build("admin", branch.station, branch.i18n, args) is None  # a teller: refused
    window = composition._build("admin", branch.station, branch.i18n, args)
    qtbot.addWidget(window)
    assert isinstance(window, AdminWindow) and window.actor.staff_id == ADMIN
    window.staff_panel.add("T1011", "Sun Li", "teller", "9876")
    qtbot.waitUntil(lambda: window.staff_panel.model.rowCount() == 6, timeout=3000)
    with branch.store.read_session() as session:
        row = session.get(StaffRow, ("DEMO", "T1011"))
        assert account_signed(load_verify_key(), row.signature, *(getattr(row, c) for c in SIGNED_COLUMNS))


def test_the_dialogs_block_their_own_window_only(qtbot, branch):
    counter = branch.branch.snapshot().counters[0]
    for dialog in (AddStaffDialog(), PinDialog("Li Na"), RoleDialog("Li Na", "teller"),
                   CounterDialog(branch.branch.config, "en", counter)):
        qtbot.addWidget(dialog)
        assert dialog.windowModality() == Qt.WindowModality.WindowModal, type(dialog).__name__


def test_the_signed_in_line_shows_a_name_that_looks_like_markup_as_typed(qtbot, branch, staff, editor_folder):
    """A name from the store (another program may have written it) is text, never markup, on the title lines."""
    actor = staff.verify(ADMIN, ADMIN_PIN)
    window = open_admin(qtbot, branch, staff, editor_folder, actor)
    window.branch_name = "<b>Pudong</b>"
    window.retranslate()
    for label in (window.title, window.signed_in):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert "<b>Pudong</b>" in window.title.text()


def test_two_administrators_adding_one_staff_id_at_once_never_replace_each_others_account(
    qtbot, branch, staff, editor_folder
):
    """The screen's list is a look taken earlier: another administrator may have created the id since. The
    second "Add" replaced the first one's account (name, role, PIN) without a word."""
    window = open_admin(qtbot, branch, staff, editor_folder)
    panel = window.staff_panel
    other = staff.verify(ADMIN, ADMIN_PIN)  # the other administrator, at another PC
    staff.add(other, "T1010", "Kim Ji-woo", "teller", "4321")
    assert not any(a.id == "T1010" for a in panel.model.rows)  # this screen has not seen it yet
    panel.add("T1010", "Zhao Lei", "supervisor", "567890")
    said(panel, "Staff ID T1010 exists already", qtbot)
    assert staff.get("T1010").name == "Kim Ji-woo" and staff.get("T1010").role == "teller"
    assert staff.verify("T1010", "4321").staff_id == "T1010"
    qtbot.waitUntil(lambda: any(a.id == "T1010" for a in panel.model.rows), timeout=3000)  # the list follows


@pytest.mark.parametrize("step", ["staff", "counter"])
def test_a_change_whose_answer_was_lost_never_says_nothing_was_changed(qtbot, branch, staff, editor_folder, step):
    """The COMMIT reached the store and the link died before its answer: the screen said "Nothing was changed;
    try again", though the new PIN (or the counter's new name) was saved."""
    from models.store.errors import StoreUnavailable

    window = open_admin(qtbot, branch, staff, editor_folder)
    if step == "staff":
        panel, real = window.staff_panel, staff.reset_pin
        qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=3000)
    else:
        panel, real = window.counters_panel, window.counters_panel.supervisor.configure_counter
        qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=3000)

    def answer_lost(*args, **kwargs):
        real(*args, **kwargs)  # saved
        raise StoreUnavailable("server closed the connection unexpectedly")

    if step == "staff":
        staff.reset_pin = answer_lost  # type: ignore[method-assign]
        panel.reset_pin("T1001", "8642")
    else:
        window.counters_panel.supervisor.configure_counter = answer_lost  # type: ignore[method-assign]
        counter = panel.model.rows[0]
        panel.configure(counter.id, "Foreign exchange", dict(counter.profile))
    said(panel, "may have been saved", qtbot)
    assert "Nothing was changed" not in panel.status.text()
    if step == "staff":
        assert staff.verify("T1001", "8642").staff_id == "T1001"  # it was
    else:  # the list follows what the store holds
        qtbot.waitUntil(lambda: panel.model.rows[0].name == "Foreign exchange", timeout=3000)


def test_a_list_that_could_not_be_read_says_so_not_that_a_change_may_have_been_saved(qtbot, branch, staff):
    from models.store.errors import StoreUnavailable

    panel = StaffPanel(staff, staff.verify(ADMIN, ADMIN_PIN))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=3000)

    def dead(*args, **kwargs):
        raise StoreUnavailable("server closed the connection unexpectedly")

    panel.staff.store.read_session = dead  # type: ignore[method-assign]
    panel.reload()
    said(panel, "cannot be reached", qtbot)
    assert "may have been saved" not in panel.status.text()


def test_two_screens_saving_one_settings_file_never_lose_the_first_save(qtbot, branch, staff, editor_folder):
    """The supervisor's Settings tab and the Administration screen (or two administrators) opened the alert
    thresholds; one saved a change, the other saved later from what it had opened: the first change was gone,
    and neither was told."""
    window = open_admin(qtbot, branch, staff, editor_folder)
    actor = staff.verify(ADMIN, ADMIN_PIN)
    other = SettingsPanel(SettingsEditor(default_settings_files(editor_folder), actor, branch.store))
    qtbot.addWidget(other)
    mine = window.settings_panel
    for panel in (mine, other):
        panel.choice.setCurrentIndex(panel.choice.findData("alerts"))
    original = mine.text.toPlainText()
    other.text.setPlainText(original.replace("min_waiting = 6 ", "min_waiting = 8 "))
    assert other.save()
    mine.text.setPlainText(original.replace("lunch_min = 60", "lunch_min = 45"))
    assert not mine.save()
    assert "saved from another screen" in mine.message.text()
    saved = mine.editor.read("alerts")
    assert "min_waiting = 8 " in saved and "lunch_min = 60" in saved  # the first save stands
    mine.choice.setCurrentIndex(mine.choice.findData("staffing"))
    mine.choice.setCurrentIndex(mine.choice.findData("alerts"))  # opened again: the saved file, and it saves
    mine.text.setPlainText(mine.text.toPlainText().replace("lunch_min = 60", "lunch_min = 45"))
    assert mine.save()
    assert "min_waiting = 8 " in mine.editor.read("alerts") and "lunch_min = 45" in mine.editor.read("alerts")
    branch.i18n.set_language("es")
    other.text.setPlainText(original)
    assert not other.save()
    assert "Not saved" not in other.message.text() and "another screen" not in other.message.text()

