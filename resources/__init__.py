"""Configuration, translations, fonts and sounds shipped with Counterline."""
