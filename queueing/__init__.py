"""The branch's rules, free of Qt and SQL: tickets, calling policy, estimates, events."""
