"""`counterline kiosk`, `display`, `supervisor` and `admin`: the branch's public, supervisor and administration screens.

Only argparse at import time: Qt and the store are imported inside the functions, so other commands never load them.
"""

from __future__ import annotations

import argparse

LANGUAGE_CHOICES = ("en", "zh_CN", "ko", "es")


def _common(parser: argparse.ArgumentParser, default_language: str) -> None:
    parser.add_argument("--language", default=default_language, choices=LANGUAGE_CHOICES, help="screen language")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    parser.add_argument("--branch", help="branch id (default: the store's only branch)")


def register(sub: argparse._SubParsersAction) -> None:
    kiosk = sub.add_parser("kiosk", help="the ticket kiosk (full screen, touch)")
    _common(kiosk, "zh_CN")
    kiosk.add_argument(
        "--printer-config", help="printer TOML (default: printer.toml of the --config folder, else resources/)"
    )
    kiosk.set_defaults(func=_kiosk)
    display = sub.add_parser("display", help="the hall display: calls, chime and spoken calls, notices")
    _common(display, "zh_CN")
    display.add_argument(
        "--display-config", help="display TOML (default: display.toml of the --config folder, else resources/)"
    )
    display.set_defaults(func=_display)
    check = sub.add_parser("speech-check", help="name the hall display's voices and speak a sample call in each")
    check.add_argument(
        "--display-config", help="display TOML (default: display.toml of the --config folder, else resources/)"
    )
    check.set_defaults(func=_speech_check)
    supervisor = sub.add_parser("supervisor", help="the supervisor's queue screen")
    _common(supervisor, "en")
    supervisor.set_defaults(func=_supervisor)
    admin = sub.add_parser("admin", help="the Administration screen: staff, counters and settings (administrators)")
    _common(admin, "en")
    admin.set_defaults(func=_admin)


def _kiosk(args: argparse.Namespace) -> int:
    from ui.app.composition import run_screen

    return run_screen("kiosk", args)


def _display(args: argparse.Namespace) -> int:
    from ui.app.composition import run_screen

    return run_screen("display", args)


def _supervisor(args: argparse.Namespace) -> int:
    from ui.app.composition import run_screen

    return run_screen("supervisor", args)


def _admin(args: argparse.Namespace) -> int:
    from ui.app.composition import run_screen

    return run_screen("admin", args)


def _speech_check(args: argparse.Namespace) -> int:
    from ui.display.speech_check import run_speech_check

    return run_speech_check(args.display_config)
