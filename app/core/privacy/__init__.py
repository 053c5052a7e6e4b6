"""Privacy processing: PII anonymization and sensitive-topic classification."""
