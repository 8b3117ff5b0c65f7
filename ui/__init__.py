"""PySide6 widgets and windows: the only package that imports Qt."""
