"""The encrypted store: one SQLCipher database per profile."""
