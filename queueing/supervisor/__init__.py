"""What the supervisor is told: alerts, service level, staffing advice."""
