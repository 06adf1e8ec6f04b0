"""prose stage (pending)."""
