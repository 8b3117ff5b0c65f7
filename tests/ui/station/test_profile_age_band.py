"""The served customer's age band on the teller's profile panel must be in the teller's language."""

import dataclasses
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from station_harness import Harness

from queueing.customers.profiles import age_band, age_on

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
KEY = bytes(range(32))


UNDER_18 = {"en": "under 18", "zh_CN": "未满 18 岁", "ko": "18세 미만", "es": "menor de 18"}


@pytest.mark.parametrize("language", list(UNDER_18))
def test_a_minor_customers_age_band_is_translated(qtbot, tmp_path, language):
    h = Harness(qtbot, tmp_path)
    try:
        h.with_customers(KEY)
        profile = h.serve_customer_with_prompts()
        # The band queueing computes for a 14-year-old account holder (a youth savings account).
        minor = dataclasses.replace(profile, age_band=age_band(age_on(date(2012, 5, 1), date(2026, 11, 23))))
        h.i18n.set_language(language)
        h.window.show_profile(minor, h.window.profile_ticket)
        h.settle()
        texts = [label.text() for label in h.window.profile_panel.findChildren(QLabel) if label.isVisibleTo(h.window)]
        assert UNDER_18[language] in texts, f"{language}: the age band is not in the teller's language: {texts}"
    finally:
        h.close()
