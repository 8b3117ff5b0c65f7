"""Waits: estimates for waiting tickets and the queueing maths behind them."""
