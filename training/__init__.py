"""Development-only training code (needs the `train` extra: torch CPU)."""
