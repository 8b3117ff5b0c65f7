"""Sync with the branch's upstream store: pushing, pulling, projections, status and conflicts."""
