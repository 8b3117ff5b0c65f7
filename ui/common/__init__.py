"""What every window shares: the runner, i18n, fonts, style, table models, charts."""
