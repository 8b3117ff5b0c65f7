"""The marketing desk: cross-sell outcomes, follow-ups and the maturity call list."""
