"""Cross-sell: rules, their checks, which prompts a customer gets, and the conversion report."""
