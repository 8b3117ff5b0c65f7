"""The ticket kiosk and its printed ticket."""
