"""Staff accounts, sessions, PIN lockout and the signed copy a station keeps."""
