"""Customers as the branch sees them: profiles, masking, tiers, look-up hashes, the audit chain."""
