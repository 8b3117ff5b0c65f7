"""The administrator's screen: staff accounts, counters and the branch's settings."""
