from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from queueing.core.errors import ConfigError
from queueing.supervisor.alerts import (
    AlertKind,
    AlertMonitor,
    AlertSettings,
    Severity,
    load_alert_settings,
    parse_alert_settings,
)

NOW = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)


@dataclass
class Tkt:
    number: str
    category: str
    live_wait_s: float
    target_counter_id: str | None = None
    late_since: datetime | None = None


@dataclass
class Ctr:
    id: str
    profile: dict[str, int]
    status: str = "open"
    current: object | None = None
    pause_reason: str | None = None
    status_since: datetime | None = None

    @property
    def name(self) -> str:
        return self.id[1:]


@dataclass
class Snap:
    counters: list[Ctr]
    waiting: list[Tkt] = field(default_factory=list)
    at: datetime = NOW


def kinds(alerts):
    return [(a.kind, a.severity, a.subject) for a in alerts]



def aged(tickets: list[Tkt], seconds: float) -> list[Tkt]:
    """The same tickets ``seconds`` later: each has waited that much longer."""
    from dataclasses import replace

    return [replace(t, live_wait_s=t.live_wait_s + seconds) for t in tickets]


def test_a_ticket_past_its_target_wait_warns_and_past_the_max_is_critical(config):
    monitor = AlertMonitor(config)
    busy = [Ctr("C1", {"CASH": 1}, current="x")]
    assert monitor.evaluate(Snap(busy, [Tkt("A001", "CASH", 9 * 60)])) == []
    alerts = monitor.evaluate(Snap(busy, [Tkt("A001", "CASH", 11 * 60), Tkt("A002", "CASH", 60)]))
    assert kinds(alerts) == [(AlertKind.OVERDUE, Severity.WARNING, "CASH")]
    assert alerts[0].facts == {"count": 1, "longest_number": "A001", "longest_s": 660}
    alerts = monitor.evaluate(Snap(busy, [Tkt("A001", "CASH", 31 * 60)]))
    assert kinds(alerts) == [(AlertKind.OVERDUE, Severity.CRITICAL, "CASH")]


def test_lunch_hour_many_waiting_while_counters_are_paused(config):
    counters = [
        Ctr("C1", {"CASH": 1}, current="x"),
        Ctr("C2", {"CASH": 1}, status="paused", pause_reason="lunch", status_since=NOW),
        Ctr("C3", {"CASH": 2}, status="paused", pause_reason="lunch", status_since=NOW),
    ]
    waiting = [Tkt(f"A{i:03}", "CASH", 60) for i in range(5)]
    assert AlertMonitor(config).evaluate(Snap(counters, waiting)) == []  # fewer than min_waiting
    waiting.append(Tkt("A099", "CASH", 30))
    alerts = AlertMonitor(config).evaluate(Snap(counters, waiting))
    assert kinds(alerts) == [(AlertKind.UNDERSTAFFED, Severity.WARNING, "CASH")]
    assert alerts[0].facts == {"waiting": 6, "open_counters": 1, "paused_counters": 2}


def test_enough_counters_for_the_queue_raise_nothing_and_none_open_is_critical(config):
    waiting = [Tkt(f"B{i:03}", "TRANSFER", 60) for i in range(8)]
    two = [Ctr("C1", {"TRANSFER": 1}, current="x"), Ctr("C2", {"TRANSFER": 3}, current="y")]
    assert AlertMonitor(config).evaluate(Snap(two, waiting)) == []
    closed = [Ctr("C1", {"TRANSFER": 1}, status="closed")]
    assert kinds(AlertMonitor(config).evaluate(Snap(closed, waiting))) == [
        (AlertKind.UNDERSTAFFED, Severity.CRITICAL, "TRANSFER")
    ]


def test_a_counter_idle_while_its_categories_wait_alerts_after_the_grace_time(config):
    monitor = AlertMonitor(config)
    idle = [Ctr("C1", {"FX": 1}), Ctr("C2", {"CASH": 1})]
    waiting = [Tkt("E001", "FX", 30)]
    assert monitor.evaluate(Snap(idle, waiting, NOW)) == []
    assert monitor.evaluate(Snap(idle, aged(waiting, 119), NOW + timedelta(seconds=119))) == []
    alerts = monitor.evaluate(Snap(idle, aged(waiting, 121), NOW + timedelta(seconds=121)))
    assert kinds(alerts) == [(AlertKind.IDLE_COUNTER, Severity.WARNING, "C1")]  # C2 has nobody waiting
    # Calling a customer resets the idle clock.
    busy = [Ctr("C1", {"FX": 1}, current="t"), Ctr("C2", {"CASH": 1})]
    assert monitor.evaluate(Snap(busy, [], NOW + timedelta(seconds=130))) == []
    assert monitor.evaluate(Snap(idle, aged(waiting, 200), NOW + timedelta(seconds=200))) == []


def test_a_counter_free_all_night_is_idle_from_its_first_customer_not_from_the_night(config):
    """Free since the evening before (or a quiet hour), the counter was not idle while nobody waited: the morning's
    first customer, seconds in the queue, raised an alert at once, "idle for 900 min while 1 of its customers wait"."""
    monitor = AlertMonitor(config)
    idle = [Ctr("C1", {"CASH": 1})]
    monitor.evaluate(Snap(idle, [], NOW - timedelta(hours=15)))
    first = [Tkt("A001", "CASH", 10)]
    assert monitor.evaluate(Snap(idle, first, NOW)) == []
    assert monitor.evaluate(Snap(idle, aged(first, 100), NOW + timedelta(seconds=100))) == []
    alerts = monitor.evaluate(Snap(idle, aged(first, 125), NOW + timedelta(seconds=125)))
    assert kinds(alerts) == [(AlertKind.IDLE_COUNTER, Severity.WARNING, "C1")]
    assert alerts[0].facts["idle_s"] == 135  # the customer's wait, not the 15 hours the counter stood free


def test_an_idle_counter_counts_only_the_tickets_it_could_call(config):
    """A ticket sent to a counter by name waits for that counter alone: another free counter of its category is
    not idle for it, and the named counter is, whatever its profile."""
    monitor = AlertMonitor(config)
    idle = [Ctr("C1", {"CASH": 1}), Ctr("C2", {"FX": 1})]
    waiting = [Tkt("A001", "CASH", 30, target_counter_id="C2")]
    monitor.evaluate(Snap(idle, waiting, NOW))
    alerts = monitor.evaluate(Snap(idle, aged(waiting, 121), NOW + timedelta(seconds=121)))
    assert kinds(alerts) == [(AlertKind.IDLE_COUNTER, Severity.WARNING, "C2")]


def test_a_pause_longer_than_its_reason_allows(config):
    since = NOW - timedelta(minutes=16)
    counters = [
        Ctr("C1", {"CASH": 1}, status="paused", pause_reason="break", status_since=since),
        Ctr("C2", {"CASH": 1}, status="paused", pause_reason="lunch", status_since=since),
    ]
    alerts = AlertMonitor(config).evaluate(Snap(counters))
    assert kinds(alerts) == [(AlertKind.LONG_PAUSE, Severity.WARNING, "C1")]
    assert alerts[0].facts["limit_s"] == 900.0


def test_critical_alerts_come_first(config):
    counters = [Ctr("C1", {"CASH": 1}, status="paused", pause_reason="other", status_since=NOW - timedelta(hours=1))]
    alerts = AlertMonitor(config).evaluate(Snap(counters, [Tkt(f"A{i}", "CASH", 2000) for i in range(6)]))
    assert [a.severity for a in alerts] == [Severity.CRITICAL, Severity.CRITICAL, Severity.WARNING]


def test_settings_come_from_the_toml_file_and_bad_values_are_refused():
    shipped = load_alert_settings()
    assert shipped.pause_limit_s["lunch"] == 3600.0 and shipped.idle_grace_s == 120.0
    custom = parse_alert_settings(
        "[understaffed]\nmin_waiting = 3\nmax_waiting_per_counter = 2.5\n[pause]\nbreak_min = 5"
    )
    assert custom.understaffed_min_waiting == 3 and custom.understaffed_per_counter == 2.5
    assert custom.pause_limit_s["break"] == 300.0 and custom.pause_limit_s["lunch"] == 3600.0
    with pytest.raises(ConfigError, match="min_waiting"):
        parse_alert_settings("[idle]\nmin_waiting = -1")
    with pytest.raises(ConfigError, match="whole number"):
        parse_alert_settings("[overdue]\nmin_tickets = 1.5")
    with pytest.raises(ConfigError, match="TOML"):
        parse_alert_settings("[idle")


def test_thresholds_change_what_fires(config):
    counters = [Ctr("C1", {"CASH": 1}, current="x")]
    waiting = [Tkt(f"A{i}", "CASH", 60) for i in range(3)]
    assert AlertMonitor(config).evaluate(Snap(counters, waiting)) == []
    strict = AlertSettings(understaffed_min_waiting=3, understaffed_per_counter=2)
    assert kinds(AlertMonitor(config, strict).evaluate(Snap(counters, waiting))) == [
        (AlertKind.UNDERSTAFFED, Severity.WARNING, "CASH")
    ]


def test_an_idle_counter_counts_the_late_tickets_fair_service_gives_it(config):
    """Past its category's any-counter limit a ticket is called by any open counter (queueing.core.policy.late_key),
    so a free counter that would call it is idle while it waits; a specialist category's ticket is never its."""
    from dataclasses import replace

    monitor = AlertMonitor(config)
    free = [Ctr("C2", {"CASH": 1})]
    fx_limit = config.categories["FX"].any_counter_after_s
    assert fx_limit is not None
    late = [Tkt("E001", "FX", 30, late_since=NOW - timedelta(seconds=fx_limit - 60))]
    assert monitor.evaluate(Snap(free, late, NOW)) == []
    # Past the limit at NOW + 60: the grace time runs from there.
    assert monitor.evaluate(Snap(free, aged(late, 121), NOW + timedelta(seconds=121))) == []
    assert kinds(monitor.evaluate(Snap(free, aged(late, 181), NOW + timedelta(seconds=181)))) == [
        (AlertKind.IDLE_COUNTER, Severity.WARNING, "C2")
    ]
    specialist = replace(config, categories={**config.categories, "FX": replace(config.categories["FX"],
                                                                                 any_counter_after_s=None)})
    monitor = AlertMonitor(specialist)
    assert monitor.evaluate(Snap(free, late, NOW)) == []
    assert monitor.evaluate(Snap(free, aged(late, 121), NOW + timedelta(seconds=121))) == []


def test_a_counter_is_idle_for_a_late_ticket_only_from_when_fair_service_gives_it_the_ticket(config):
    """A cash counter free all morning may call a foreign-exchange customer only once the ticket is past FX's
    any-counter limit; it was alerted at that very moment as idle for the customer's whole wait (25 minutes, most
    of them spent where only the FX counter could call them), as the morning's first customer once did."""
    monitor = AlertMonitor(config)
    free = [Ctr("C2", {"CASH": 1})]
    fx_limit = config.categories["FX"].any_counter_after_s
    assert fx_limit is not None
    monitor.evaluate(Snap(free, [], NOW - timedelta(hours=3)))
    waited = fx_limit + 1  # past the limit a second ago
    late = [Tkt("E001", "FX", waited, late_since=NOW - timedelta(seconds=waited))]

    def idle(alerts):  # the ticket is long past FX's target too: that alert is not this test's
        return [a for a in alerts if a.kind is AlertKind.IDLE_COUNTER]

    assert idle(monitor.evaluate(Snap(free, late, NOW))) == []
    assert idle(monitor.evaluate(Snap(free, aged(late, 100), NOW + timedelta(seconds=100)))) == []
    alerts = idle(monitor.evaluate(Snap(free, aged(late, 125), NOW + timedelta(seconds=125))))
    assert kinds(alerts) == [(AlertKind.IDLE_COUNTER, Severity.WARNING, "C2")]
    assert alerts[0].facts["idle_s"] == 126  # callable for that long, not the customer's whole wait
