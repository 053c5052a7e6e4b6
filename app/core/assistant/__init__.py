"""Assistant providers."""
