"""The kiosk's look, designed at 1366x900 and scaled to the screen by ui/common/screen_scale.py."""

KIOSK_STYLE = """
#kiosk { background: #f2f5f9; }
QLabel { color: #1f2a37; }
QLabel#branch { font-size: 26pt; font-weight: 700; color: #123c6b; padding-right: 12px; }
QLabel#clock { font-size: 22pt; color: #5b6b7d; }
QLabel#prompt { font-size: 30pt; font-weight: 600; }
QLabel#note { font-size: 16pt; color: #5b6b7d; }
QLabel#welcome { font-size: 18pt; color: #2f6f73; font-weight: 600; }
QFrame#appointmentCard { background: #e8f3f1; border: 2px solid #2f6f73; border-radius: 18px; }
QLabel#appointment { font-size: 20pt; font-weight: 600; color: #1f4f52; }
QPushButton#checkIn {
    background: #2f6f73; color: white; border: none; border-radius: 16px; font-size: 22pt; font-weight: 600;
    padding: 14px 32px;
}
QPushButton#checkIn:pressed { background: #245659; }
QPushButton#checkIn:disabled { background: #9dbfc1; }
QPushButton#service {
    background: #1d5fa8; color: white; border: none; border-radius: 18px;
    font-size: 20pt; font-weight: 600; padding: 18px; text-align: center;
}
QPushButton#service:pressed { background: #164b86; }
QPushButton#service:disabled { background: #9bb6d6; }
QPushButton#lang {
    background: white; color: #1d5fa8; border: 2px solid #1d5fa8; border-radius: 14px;
    font-size: 16pt; padding: 10px 20px; min-width: 120px;
}
QPushButton#lang:checked { background: #1d5fa8; color: white; }
QPushButton#largeText, QPushButton#guide {
    background: white; color: #1d5fa8; border: 2px solid #1d5fa8; border-radius: 14px;
    font-size: 16pt; font-weight: 700; padding: 10px 18px; margin-right: 18px;
}
QPushButton#largeText:checked, QPushButton#guide:checked { background: #1d5fa8; color: white; }
QLabel#keypadHint { font-size: 13pt; color: #5b6b7d; }
QPushButton#lang, QPushButton#largeText, QPushButton#guide, QPushButton#done { min-height: 40px; }
QPushButton#priority {
    background: white; color: #2f6f73; border: 2px solid #2f6f73; border-radius: 14px;
    font-size: 18pt; padding: 14px 24px;
}
QPushButton#priority:checked { background: #2f6f73; color: white; }
QFrame#ticketCard { background: white; border: 1px solid #d8dee6; border-radius: 24px; }
QLabel#yourNumber { font-size: 24pt; color: #5b6b7d; }
QLabel#number { font-size: 120pt; font-weight: 800; color: #1d5fa8; }
QLabel#category { font-size: 26pt; font-weight: 600; }
QLabel#facts { font-size: 22pt; }
QLabel#printerProblem {
    font-size: 18pt; color: #8a2a2a; background: #fbeaea; border: 1px solid #e6b8b8; border-radius: 12px; padding: 14px;
}
QPushButton#done {
    background: #1d5fa8; color: white; border: none; border-radius: 16px; font-size: 22pt; padding: 16px 60px;
}
QPushButton#service QLabel { color: white; font-size: 20pt; font-weight: 600; }
QPushButton#checkIn QLabel { color: white; font-size: 22pt; font-weight: 600; }
QPushButton#priority QLabel { color: #2f6f73; font-size: 18pt; }
QPushButton#priority[checked="true"] QLabel { color: white; }
"""
