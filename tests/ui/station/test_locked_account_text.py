"""A locked account tells the teller how long, in the teller's language."""

from models.staff.pin_lockout import AccountLocked
from ui.station.errors import failure_text


def test_the_teller_sees_how_long_the_lock_lasts(qapp):
    from ui.common.i18n import LanguageManager

    LanguageManager(qapp).set_language("en")  # English plural forms come from counterline_en.qm
    assert failure_text(AccountLocked("x", 61)) == "Too many wrong PINs: try again in 2 minutes."
    assert failure_text(AccountLocked("x", 60)) == "Too many wrong PINs: try again in 1 minute."
    assert "until a supervisor unlocks it" in failure_text(AccountLocked("x", None))


def test_in_korean(qapp):
    from ui.common.i18n import LanguageManager

    i18n = LanguageManager(qapp)
    i18n.set_language("ko")
    try:
        assert failure_text(AccountLocked("x", 300)) == "PIN 오류 횟수 초과: 5분 후에 다시 시도하십시오."
    finally:
        i18n.set_language("en")
