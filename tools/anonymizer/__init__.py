"""Training the anonymizer's tagger: data generation and the training script."""
