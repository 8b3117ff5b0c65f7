"""The append-only audit log, its keyed chain and the anchors outside the store."""
