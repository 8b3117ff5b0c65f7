"""The teller station window, its panels, dialogs and actions."""
